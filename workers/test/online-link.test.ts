/**
 * An online event's join link goes only to confirmed participants (their email and their
 * manage page): this walks every public GET route in the OpenAPI document, filled with the
 * online event's slug and a waitlisted participant's token, and finds the link in none.
 * The event's calendar feed parses with a real iCalendar parser.
 */
import { SELF } from "cloudflare:test";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { createEvent, participant, register, rows, tokenOf } from "./fixtures";

const JOIN_LINK = "https://meet.example.org/zusammen-raum-4711";

describe("online sessions", () => {
  it("the join link is in no public response, only on a confirmed participant's manage page", async () => {
    const { slug, eventId } = await createEvent({ capacity: 1, onlineUrl: JOIN_LINK });
    await register(slug, participant(1));
    await register(slug, participant(2));
    const [confirmed, waiting] = await rows(`SELECT id FROM registrations WHERE event_id = ?1 ORDER BY id`, eventId);
    const waitingToken = await tokenOf(waiting!.id as number);

    const doc = (await (await SELF.fetch("https://zusammen.test/api/openapi.json")).json()) as {
      paths: Record<string, Record<string, { "x-access"?: string }>>;
    };
    const walked: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      const get = item.get;
      if (!get || !["public", "participant"].includes(get["x-access"] ?? "")) continue;
      if (/dev\//.test(path)) continue;
      const url = path.replace("{slug}", slug).replace("{token}", waitingToken).replace(/\{[^}]+\}/g, "x");
      const response = await SELF.fetch(`https://zusammen.test${url}?locale=de`);
      const body = new TextDecoder().decode(await response.arrayBuffer());
      expect(body, `${path} leaks the join link`).not.toContain("zusammen-raum-4711");
      walked.push(path);
    }
    expect(walked).toEqual(expect.arrayContaining(["/api/events", "/api/events/{slug}", "/api/events/{slug}/calendar.ics", "/api/registrations/{token}"]));

    const own = (await (await SELF.fetch(`https://zusammen.test/api/registrations/${await tokenOf(confirmed!.id as number)}`)).json()) as any;
    expect(own.registration.onlineUrl).toBe(JOIN_LINK);
  });

  it("the public calendar feed parses with ical.js and holds each date in UTC", async () => {
    const startsAt = Date.UTC(2027, 2, 28, 8, 0); // the day the clocks change in Berlin
    const { slug } = await createEvent({ startsAt });
    const text = await (await SELF.fetch(`https://zusammen.test/api/events/${slug}/calendar.ics`)).text();
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(1);
    expect(events[0]!.startDate.toJSDate().getTime()).toBe(startsAt);
    expect(events[0]!.summary).toMatch(/^Workshop \d+$/);
  });
});
