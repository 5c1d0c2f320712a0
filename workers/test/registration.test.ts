import { createExecutionContext, env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createEvent, participant, register, rows, statusCounts, waitForMail } from "./fixtures";

describe("POST /api/events/{slug}/registrations", () => {
  it("confirms a participant while places are free, then waitlists with positions", async () => {
    const { slug, eventId } = await createEvent({ capacity: 2 });
    const answers = [];
    for (let i = 1; i <= 4; i++) answers.push(await (await register(slug, participant(i))).json());
    expect(answers.map((a: any) => [a.registration.status, a.registration.waitlistPosition])).toEqual([
      ["confirmed", null],
      ["confirmed", null],
      ["waitlisted", 1],
      ["waitlisted", 2],
    ]);
    expect(await statusCounts(eventId)).toEqual({ confirmed: { count: 2, places: 2 }, waitlisted: { count: 2, places: 2 } });
    const event = (await (await SELF.fetch(`https://zusammen.test/api/events/${slug}`)).json()) as any;
    expect(event.event.registration).toMatchObject({ placesLeft: 0, waitlistOpen: true, open: true });
  });

  it("answers 201 and sends the confirmation with the manage link to the dev mailbox", async () => {
    const { slug } = await createEvent();
    const response = await register(slug, participant(1, { email: "amira@example.org", name: "Amira Haddad" }));
    expect(response.status).toBe(201);
    const [mail] = await waitForMail("amira@example.org");
    expect(mail!.subject).toContain("Workshop");
    expect(mail!.text).toMatch(/\/manage#[A-Za-z0-9_-]{43}/);
    expect(mail!.text).toContain("Amira Haddad");
  });

  it("returns the same registration for a repeated Idempotency-Key and stores one", async () => {
    const { slug, eventId } = await createEvent({ capacity: 1 });
    const key = crypto.randomUUID();
    const first = await (await register(slug, participant(1), { "Idempotency-Key": key })).json();
    const second = await register(slug, participant(1), { "Idempotency-Key": key });
    expect(second.status).toBe(201);
    expect(await second.json()).toEqual(first);
    expect(await statusCounts(eventId)).toEqual({ confirmed: { count: 1, places: 1 } });
  });

  it("creates nothing for the same email again, reveals nothing, and re-sends the manage link", async () => {
    const { slug, eventId } = await createEvent({ capacity: 5 });
    await register(slug, participant(7, { email: "Same@Example.org" }));
    const repeat = await register(slug, participant(8, { email: "same@example.org", places: 1 }));
    expect(repeat.status).toBe(201);
    expect(await repeat.json()).toEqual({ registration: { status: "check_email", places: 1, waitlistPosition: null } });
    expect(await statusCounts(eventId)).toEqual({ confirmed: { count: 1, places: 1 } });
    const mails = await waitForMail("Same@Example.org", 2);
    expect(mails.length).toBe(2);
    const links = mails.map((m) => m.text.match(/\/manage#([A-Za-z0-9_-]{43})/)?.[1]);
    expect(links[0]).toBe(links[1]);
  });

  it("lets a cancelled participant register again", async () => {
    const { slug, eventId } = await createEvent({ capacity: 5 });
    await register(slug, participant(1));
    await env.DB.prepare(`UPDATE registrations SET status = 'cancelled' WHERE event_id = ?1`).bind(eventId).run();
    const again = (await (await register(slug, participant(1))).json()) as any;
    expect(again.registration.status).toBe("confirmed");
  });

  it("refuses a full event without waitlist with 409 event_full", async () => {
    const { slug, eventId } = await createEvent({ capacity: 1, waitlistEnabled: false });
    await register(slug, participant(1));
    const response = await register(slug, participant(2));
    expect(response.status).toBe(409);
    expect(((await response.json()) as any).error.code).toBe("event_full");
    expect(await statusCounts(eventId)).toEqual({ confirmed: { count: 1, places: 1 } });
  });

  it("answers 404 for unknown and draft events", async () => {
    const { slug } = await createEvent({ status: "draft" });
    for (const s of [slug, "no-such-event"]) {
      const response = await register(s, participant(1));
      expect(response.status).toBe(404);
      expect(((await response.json()) as any).error.code).toBe("not_found");
    }
  });

  it("answers 409 with its own code for a closed window, a cancelled event, and free entry", async () => {
    const closed = await createEvent({ closesAt: Date.now() - 1000 });
    const notYet = await createEvent({ opensAt: Date.now() + 86_400_000 });
    const cancelled = await createEvent({ status: "cancelled" });
    const freeEntry = await createEvent({ registrationMode: "none" });
    const codes = [];
    for (const { slug } of [closed, notYet, cancelled, freeEntry]) {
      const response = await register(slug, participant(1));
      expect(response.status).toBe(409);
      codes.push(((await response.json()) as any).error.code);
    }
    expect(codes).toEqual(["registration_closed", "registration_not_open", "event_cancelled", "no_registration_needed"]);
    const ids = [closed, notYet, cancelled, freeEntry].map((e) => e.eventId);
    expect(await rows(`SELECT id FROM registrations WHERE event_id IN (${ids.join(",")})`)).toEqual([]);
  });

  it("gives the error message in the request's language", async () => {
    const { slug } = await createEvent();
    const de = (await (await register(slug, { ...participant(1), email: "nope" })).json()) as any;
    const en = (await (
      await SELF.fetch(`https://zusammen.test/api/events/${slug}/registrations`, {
        method: "POST",
        headers: { "content-type": "application/json", "accept-language": "en-GB,en;q=0.9" },
        body: JSON.stringify({ ...participant(1), email: "nope" }),
      })
    ).json()) as any;
    expect(de.error.fields.email).toBe("Bitte geben Sie eine gültige E-Mail-Adresse ein.");
    expect(en.error.fields.email).toBe("Please enter a valid email address.");
    expect(en.error.requestId).toBeTruthy();
  });
});

describe("public event routes", () => {
  it("lists published upcoming events only, in the requested language, without online links", async () => {
    const published = await createEvent({ onlineUrl: "https://meet.example.org/secret-room" });
    const draft = await createEvent({ status: "draft" });
    const past = await createEvent({ startsAt: Date.now() - 10 * 86_400_000 });
    const response = await SELF.fetch("https://zusammen.test/api/events?locale=en");
    const body = await response.text();
    const slugs = (JSON.parse(body) as any).events.map((e: any) => e.slug);
    expect(slugs).toContain(published.slug);
    expect(slugs).not.toContain(draft.slug);
    expect(slugs).not.toContain(past.slug);
    expect(body).not.toContain("secret-room");
    const event = (JSON.parse(body) as any).events.find((e: any) => e.slug === published.slug);
    expect(event.title).toMatch(/\(en\)$/);
    expect(event.online).toBe(true);
  });

  it("shows the organiser's English, then German, marked with its language, where a translation is missing", async () => {
    const { slug } = await createEvent();
    const tr = (await (await SELF.fetch(`https://zusammen.test/api/events/${slug}?locale=tr`)).json()) as any;
    // The test event has an English title, a German summary only.
    expect(tr.event.title).toMatch(/^Workshop \d+ \(en\)$/);
    expect(tr.event.summary).toBe("Kurz");
    expect(tr.event.fallback).toBe(true);
    expect(tr.event.marks).toEqual({ title: { lang: "en", machine: false }, summary: { lang: "de", machine: false }, accessibility: { lang: "de", machine: false }, location: { lang: "de", machine: false } });
  });

  it("serves health (every route's place in the OpenAPI document is checked in openapi.test.ts)", async () => {
    expect(await (await SELF.fetch("https://zusammen.test/api/health")).json()).toEqual({ status: "ok" });
  });
});

describe("dev mailbox", () => {
  it("shows every message as a page and as JSON in dev mode", async () => {
    const { slug } = await createEvent();
    await register(slug, participant(1, { email: "mailbox-page@example.org", name: "Ömer <b>Yılmaz</b>" }));
    await waitForMail("mailbox-page@example.org");
    const page = await SELF.fetch("https://zusammen.test/dev/mailbox?to=mailbox-page@example.org");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Dev mailbox");
    expect(html).toContain("mailbox-page@example.org");
    expect(html).not.toContain("<b>Yılmaz</b>");
  });

  it("does not exist once a Resend key is configured", async () => {
    const { buildApp } = await import("../src/app");
    const app = buildApp();
    const production = { ...env, RESEND_API_KEY: "re_test_key" };
    for (const path of ["/dev/mailbox", "/api/dev/mailbox?to=a@example.org"]) {
      const response = await app.fetch(new Request(`https://zusammen.test${path}`), production, createExecutionContext());
      expect(response.status).toBe(404);
    }
  });
});
