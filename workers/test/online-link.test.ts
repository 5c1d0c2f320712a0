/**
 * An online event's join link goes only to confirmed participants (their email and their
 * manage page): this walks every operation of the OpenAPI document, public and console, with
 * the online event's slug and ids and a waitlisted participant's token, as anonymous (and so
 * as that participant), as an organiser of another organisation and as a check-in helper of
 * the event, and finds the link in no answer. The event's calendar feed parses with a real
 * iCalendar parser.
 */
import { SELF } from "cloudflare:test";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { consoleFetch, createEvent, createStaff, participant, register, rows, tokenOf, type StaffSession } from "./fixtures";
import { exampleBody, fill, loadDocument, operationsOf, withRequiredQuery } from "./openapi-helpers";

const JOIN_LINK = "https://meet.example.org/zusammen-raum-4711";

describe("online sessions", () => {
  it("the join link is in no answer of any operation but a confirmed participant's manage page", { timeout: 120_000 }, async () => {
    const { slug, eventId, poolId } = await createEvent({ capacity: 1, onlineUrl: JOIN_LINK });
    await register(slug, participant(1));
    await register(slug, participant(2));
    const [confirmed, waiting] = await rows(`SELECT id FROM registrations WHERE event_id = ?1 ORDER BY id`, eventId);
    const [session] = await rows(`SELECT id FROM sessions WHERE event_id = ?1`, eventId);
    const helper = await createStaff({ role: "checkin_helper", organisationId: 1, assignedEventIds: [eventId] });
    const values = {
      slug,
      token: await tokenOf(waiting!.id as number),
      eventId,
      registrationId: Number(waiting!.id),
      poolId,
      organisationId: 1,
      userId: helper.userId,
      sessionId: Number(session!.id),
      certificateId: 1,
      outboxId: "1",
      code: "ABCD-EFGH-JKMN-PQRS",
      file: "zc1.1.x.png",
      locale: "uk",
    };
    // Reading first, then the writes (which may cancel or erase the waiting registration). The dev
    // mailbox shows every email sent, the confirmed participant's too: it exists only in dev mode.
    const all = operationsOf(await loadDocument());
    const operations = all.filter((o) => o.path !== "/api/dev/mailbox").sort((a, b) => Number(a.method !== "GET") - Number(b.method !== "GET"));
    expect(operations.length).toBe(all.length - 1);
    const callers: Record<string, () => Promise<StaffSession | null>> = {
      "anonymous or the waitlisted participant": async () => null,
      "an organiser of another organisation": () => createStaff({ role: "organiser", organisationId: 2 }),
      "a check-in helper of the event": () => createStaff({ role: "checkin_helper", organisationId: 1, assignedEventIds: [eventId] }),
    };
    let walked = 0;
    for (const [who, caller] of Object.entries(callers)) {
      for (const op of operations) {
        const url = fill(withRequiredQuery(op), values);
        const response = await consoleFetch(await caller(), op.method, `${url}${url.includes("?") ? "&" : "?"}locale=de`, exampleBody(op.op) ?? (op.method === "GET" ? undefined : {}));
        const body = new TextDecoder().decode(await response.arrayBuffer());
        expect(body.includes("zusammen-raum-4711"), `${op.method} ${op.path} as ${who} (${response.status}) leaks the join link`).toBe(false);
        walked += 1;
      }
    }
    expect(walked).toBe(operations.length * 3);
    expect(operations.length).toBeGreaterThan(60);

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
