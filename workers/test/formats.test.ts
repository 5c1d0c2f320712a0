/**
 * Every format of the programme through the public API: conferences with parallel
 * workshops, fairs with stands, applications with selection, series, households, free entry.
 */
import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { context, createEvent, participant, post, register, rows, tokenOf } from "./fixtures";
import { setPoolCapacity } from "../src/domain/places/pool-size";

async function addPool(eventId: number, kind: string, key: string, capacity: number, slot: string | null = null) {
  const pool = await env.DB.prepare(`INSERT INTO capacity_pools (event_id, kind, key, slot, name, capacity) VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id`)
    .bind(eventId, kind, key, slot, JSON.stringify({ de: `Workshop ${key}`, en: `Workshop ${key} (en)` }), capacity)
    .first<{ id: number }>();
  return pool!.id;
}

async function json(response: Response) {
  return (await response.json()) as any;
}

async function manage(registrationId: number) {
  return (await json(await SELF.fetch(`https://zusammen.test/api/registrations/${await tokenOf(registrationId)}`))).registration;
}

async function dayRegistration(eventId: number, email: string) {
  const [row] = await rows(`SELECT id FROM registrations WHERE event_id = ?1 AND email = ?2 AND parent_id IS NULL`, eventId, email);
  return row!.id as number;
}

describe("conference with parallel workshops", () => {
  async function conference() {
    const { slug, eventId } = await createEvent({ capacity: 100 });
    const a = await addPool(eventId, "workshop", "a", 1, "afternoon");
    const b = await addPool(eventId, "workshop", "b", 2, "afternoon");
    return { slug, eventId, a, b };
  }

  it("lists the workshops with places; a choice takes a place in the workshop's own pool", async () => {
    const { slug } = await conference();
    const event = (await json(await SELF.fetch(`https://zusammen.test/api/events/${slug}?locale=en`))).event;
    expect(event.workshops).toEqual([
      { slot: "afternoon", key: "a", name: "Workshop a (en)", startsAt: null, endsAt: null, capacity: 1, placesLeft: 1, waitlistOpen: false },
      { slot: "afternoon", key: "b", name: "Workshop b (en)", startsAt: null, endsAt: null, capacity: 2, placesLeft: 2, waitlistOpen: false },
    ]);
    const answer = await json(await register(slug, participant(1, { workshops: [{ slot: "afternoon", first: "a" }] })));
    expect(answer.registration).toMatchObject({ status: "confirmed", workshops: [{ key: "a", status: "confirmed", preference: 1 }] });
  });

  it("confirmed for the day, waitlisted for the first choice while holding the second; the first coming through frees the second", async () => {
    const { slug, eventId, b } = await conference();
    await register(slug, participant(1, { workshops: [{ slot: "afternoon", first: "a" }] }));
    const second = await json(await register(slug, participant(2, { workshops: [{ slot: "afternoon", first: "a", second: "b" }] })));
    expect(second.registration.status).toBe("confirmed");
    expect(second.registration.workshops.map((w: any) => [w.key, w.status, w.preference, w.waitlistPosition])).toEqual([
      ["a", "waitlisted", 1, 1],
      ["b", "confirmed", 2, null],
    ]);
    // Someone waits for b once it is full.
    await register(slug, participant(3, { workshops: [{ slot: "afternoon", first: "b" }] }));
    const third = await json(await register(slug, participant(4, { workshops: [{ slot: "afternoon", first: "b" }] })));
    expect(third.registration.workshops[0]).toMatchObject({ key: "b", status: "waitlisted", waitlistPosition: 1 });

    // Person 1 cancels: person 2 gets a, gives up b, and person 4 gets b.
    await post(`/api/registrations/${await tokenOf(await dayRegistration(eventId, "person1@example.org"))}/cancel`);
    const view2 = await manage(await dayRegistration(eventId, "person2@example.org"));
    expect(view2.workshops.map((w: any) => [w.key, w.status])).toEqual([["a", "confirmed"]]);
    const view4 = await manage(await dayRegistration(eventId, "person4@example.org"));
    expect(view4.workshops.map((w: any) => [w.key, w.status])).toEqual([["b", "confirmed"]]);
    const [taken] = await rows(`SELECT SUM(places) AS n FROM registrations WHERE pool_id = ?1 AND status = 'confirmed'`, b);
    expect(taken!.n).toBe(2);
  });

  it("switching workshops on the manage page frees the old place and serves that workshop's waitlist", async () => {
    const { slug, eventId } = await conference();
    await register(slug, participant(1, { workshops: [{ slot: "afternoon", first: "a" }] }));
    await register(slug, participant(2, { workshops: [{ slot: "afternoon", first: "a" }] }));
    const token = await tokenOf(await dayRegistration(eventId, "person1@example.org"));
    const response = await SELF.fetch(`https://zusammen.test/api/registrations/${token}/workshops`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ slot: "afternoon", key: "b" }),
    });
    expect(response.status).toBe(200);
    expect((await json(response)).registration.workshops.map((w: any) => [w.key, w.status])).toEqual([["b", "confirmed"]]);
    const view2 = await manage(await dayRegistration(eventId, "person2@example.org"));
    expect(view2.workshops.map((w: any) => [w.key, w.status])).toEqual([["a", "confirmed"]]);
  });

  it("a workshop place waits while the day registration waits, and comes with the day place", async () => {
    const { slug, eventId, poolId } = await createEvent({ capacity: 1 });
    await addPool(eventId, "workshop", "a", 5, "morning");
    await register(slug, participant(1, { workshops: [{ slot: "morning", first: "a" }] }));
    const waiting = await json(await register(slug, participant(2, { workshops: [{ slot: "morning", first: "a" }] })));
    expect(waiting.registration).toMatchObject({ status: "waitlisted", workshops: [{ key: "a", status: "waitlisted" }] });
    await setPoolCapacity(context(), poolId, 2, "system");
    const view = await manage(await dayRegistration(eventId, "person2@example.org"));
    expect(view.status).toBe("confirmed");
    expect(view.workshops.map((w: any) => w.status)).toEqual(["confirmed"]);
  });

  it("100 registrations at once choosing among three workshops of 10 places: none overbooked, one state per slot each", async () => {
    const { slug, eventId } = await createEvent({ capacity: 100 });
    for (const key of ["x", "y", "z"]) await addPool(eventId, "workshop", key, 10, "slot1");
    const keys = ["x", "y", "z"];
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, i) => register(slug, participant(i, { workshops: [{ slot: "slot1", first: keys[i % 3]!, second: keys[(i + 1) % 3]! }] }))),
    );
    expect(responses.every((r) => r.status === 201)).toBe(true);
    const perPool = await rows(
      `SELECT p.key, SUM(CASE WHEN r.status = 'confirmed' THEN r.places ELSE 0 END) AS confirmed FROM capacity_pools p
       LEFT JOIN registrations r ON r.pool_id = p.id WHERE p.event_id = ?1 AND p.kind = 'workshop' GROUP BY p.key ORDER BY p.key`,
      eventId,
    );
    expect(perPool.map((p) => p.confirmed)).toEqual([10, 10, 10]);
    const perPerson = await rows(
      `SELECT d.id, SUM(CASE WHEN c.status = 'confirmed' THEN 1 ELSE 0 END) AS confirmed, SUM(CASE WHEN c.preference = 1 THEN 1 ELSE 0 END) AS firsts
       FROM registrations d LEFT JOIN registrations c ON c.parent_id = d.id AND c.status IN ('confirmed', 'waitlisted')
       WHERE d.event_id = ?1 AND d.parent_id IS NULL GROUP BY d.id`,
      eventId,
    );
    expect(perPerson).toHaveLength(100);
    // Exactly one first choice each, and never two confirmed workshops in the slot.
    expect(perPerson.every((p) => p.firsts === 1 && Number(p.confirmed) <= 1)).toBe(true);
  });

  it("rejects unknown slots and workshops naming the field", async () => {
    const { slug } = await conference();
    const response = await register(slug, participant(1, { workshops: [{ slot: "afternoon", first: "nope" }, { slot: "night", first: "a" }] }));
    expect(response.status).toBe(422);
    expect(Object.keys((await json(response)).error.fields).sort()).toEqual(["workshops.0.first", "workshops.1.slot"]);
  });
});

describe("fair with stands", () => {
  it("an organisation applies for a stand (approval needed); approved exhibitors are listed publicly, nothing else", async () => {
    const { slug, eventId } = await createEvent({ capacity: 50 });
    await addPool(eventId, "registration_type", "stands", 10);
    const exhibitor = { organisation: "Verein Brücke e.V.", description: "Lernhilfe auf Arabisch und Deutsch", contact: "0211 123456", needs: ["table", "power"] };
    const response = await register(slug, participant(1, { registrationType: "stands", exhibitor }));
    expect((await json(response)).registration.status).toBe("pending_approval");
    // The same person may also come as a visitor.
    expect((await json(await register(slug, participant(1)))).registration.status).toBe("confirmed");

    let event = (await json(await SELF.fetch(`https://zusammen.test/api/events/${slug}`))).event;
    expect(event.exhibitors).toEqual([]);
    expect(event.registrationTypes).toEqual([{ key: "stands", name: "Workshop stands", capacity: 10, placesLeft: 10 }]);

    await env.DB.prepare(`UPDATE registrations SET status = 'confirmed' WHERE event_id = ?1 AND exhibitor IS NOT NULL`).bind(eventId).run();
    const body = await (await SELF.fetch(`https://zusammen.test/api/events/${slug}`)).text();
    event = JSON.parse(body).event;
    expect(event.exhibitors).toEqual([{ organisation: "Verein Brücke e.V.", description: "Lernhilfe auf Arabisch und Deutsch" }]);
    expect(body).not.toContain("0211 123456");
    expect(body).not.toContain("person1@example.org");
  });

  it("a stand application needs the organisation's details", async () => {
    const { slug, eventId } = await createEvent({ capacity: 50 });
    await addPool(eventId, "registration_type", "stands", 10);
    const response = await register(slug, participant(1, { registrationType: "stands" }));
    expect(response.status).toBe(422);
    expect(Object.keys((await json(response)).error.fields)).toEqual(["exhibitor.organisation"]);
  });
});

describe("applications with selection", () => {
  it("an application waits for approval and takes no place", async () => {
    const { slug, eventId } = await createEvent({ capacity: 1, registrationMode: "approval" });
    const answer = await json(await register(slug, participant(1)));
    expect(answer.registration.status).toBe("pending_approval");
    expect((await json(await SELF.fetch(`https://zusammen.test/api/events/${slug}`))).event.registration.placesLeft).toBe(1);
    const [mail] = await rows(`SELECT template FROM outbox o JOIN registrations r ON r.id = o.registration_id WHERE r.event_id = ?1`, eventId);
    expect(mail!.template).toBe("application_pending");
  });

  it("with email confirmation, an application first asks to confirm the address, then waits for approval; unconfirmed it expires", async () => {
    const { slug, eventId } = await createEvent({ capacity: 1, registrationMode: "approval", emailConfirmation: true });
    await register(slug, participant(1));
    await register(slug, participant(2));
    const [first, second] = await rows(`SELECT id FROM registrations WHERE event_id = ?1 ORDER BY id`, eventId);
    const templates = async (id: unknown) => (await rows(`SELECT template FROM outbox WHERE registration_id = ?1 ORDER BY rowid`, id)).map((r) => r.template);
    expect(await templates(first!.id)).toEqual(["confirm_email"]);

    const confirmed = await json(await post(`/api/registrations/${await tokenOf(first!.id as number)}/confirm`));
    expect(confirmed.registration).toMatchObject({ status: "pending_approval", awaitingEmail: false });
    expect(await templates(first!.id)).toEqual(["confirm_email", "application_pending"]);

    const { expireHolds } = await import("../src/domain/places/expire");
    await expireHolds(context(Date.now() + 31 * 60_000));
    const statuses = await rows(`SELECT status, awaiting_email AS awaiting FROM registrations WHERE event_id = ?1 ORDER BY id`, eventId);
    expect(statuses).toEqual([
      { status: "pending_approval", awaiting: 0 },
      { status: "expired", awaiting: 0 },
    ]);
    expect(await templates(second!.id)).toEqual(["confirm_email"]);
  });
});

describe("series and households", () => {
  it("a series refuses registrations once the first date has begun, unless the event allows late registration", async () => {
    const start = Date.now() - 3_600_000;
    const strict = await createEvent({ startsAt: start });
    const late = await createEvent({ startsAt: start });
    await env.DB.prepare(`UPDATE events SET allow_late_registration = 1 WHERE id = ?1`).bind(late.eventId).run();
    await env.DB.prepare(`INSERT INTO sessions (event_id, starts_at, ends_at) VALUES (?1, ?2, ?3)`).bind(late.eventId, start + 7 * 86_400_000, start + 7 * 86_400_000 + 7_200_000).run();
    await env.DB.prepare(`INSERT INTO sessions (event_id, starts_at, ends_at) VALUES (?1, ?2, ?3)`).bind(strict.eventId, start + 7 * 86_400_000, start + 7 * 86_400_000 + 7_200_000).run();
    expect((await json(await register(strict.slug, participant(1)))).error.code).toBe("registration_closed");
    expect((await json(await register(late.slug, participant(1)))).registration.status).toBe("confirmed");
    const event = (await json(await SELF.fetch(`https://zusammen.test/api/events/${late.slug}`))).event;
    expect(event.sessions).toHaveLength(2);
  });

  it("a household counts its children where the event asks, never more than its places", async () => {
    const { slug, eventId } = await createEvent({ capacity: 10, maxPlaces: 4 });
    await env.DB.prepare(`UPDATE events SET count_children = 1 WHERE id = ?1`).bind(eventId).run();
    expect((await register(slug, participant(1, { places: 3, children: 4 }))).status).toBe(422);
    expect((await json(await register(slug, participant(1, { places: 3, children: 2 })))).registration.places).toBe(3);
    const [row] = await rows(`SELECT places, children FROM registrations WHERE event_id = ?1`, eventId);
    expect(row).toEqual({ places: 3, children: 2 });
    const other = await createEvent({ capacity: 10, maxPlaces: 4 });
    expect(Object.keys((await json(await register(other.slug, participant(1, { places: 2, children: 1 })))).error.fields)).toEqual(["children"]);
  });
});

describe("free entry", () => {
  it("is listed with its dates and a calendar file, and takes no registrations", async () => {
    const { slug } = await createEvent({ registrationMode: "none" });
    const event = (await json(await SELF.fetch(`https://zusammen.test/api/events/${slug}`))).event;
    expect(event.registration).toMatchObject({ mode: "none", open: false, placesLeft: null });
    const ics = await SELF.fetch(`https://zusammen.test/api/events/${slug}/calendar.ics`);
    expect(ics.headers.get("content-type")).toMatch(/^text\/calendar/);
    const text = await ics.text();
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(text).toContain("LOCATION:Zentralbibliothek\\, Konrad-Adenauer-Platz 1");
  });

  it("an online event's calendar file never holds the join link", async () => {
    const { slug } = await createEvent({ onlineUrl: "https://meet.example.org/secret-room" });
    expect(await (await SELF.fetch(`https://zusammen.test/api/events/${slug}/calendar.ics`)).text()).not.toContain("secret-room");
  });
});
