/**
 * The door beyond a single scan: the check-in window (a date months ahead is refused; after
 * the day only organisers, marked as recorded afterwards), the phone's offline queue (sent
 * twice, recorded once; undone meanwhile on another phone, not brought back; refused ones
 * named), two phones checking in the same person at once (one attendance), the day's list
 * for the phone, and walk-ins (one email per address and event; a limit per helper and hour).
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { checkInCode } from "../src/lib/tokens";
import { consoleFetch, createEvent, createStaff, participant, register, rows, type EventOptions } from "./fixtures";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

async function setup(options: EventOptions & { startsAt?: number } = {}) {
  const event = await createEvent({ capacity: 20, maxPlaces: 3, startsAt: Date.now() + 30 * MINUTE, ...options });
  const [session] = await rows(`SELECT id FROM sessions WHERE event_id = ?1`, event.eventId);
  return { ...event, sessionId: Number(session!.id) };
}

async function registered(slug: string, n: number, extra: Record<string, unknown> = {}): Promise<number> {
  const email = `door${n}-${slug}@example.org`;
  expect((await register(slug, participant(n, { email, ...extra }))).status).toBe(201);
  const [row] = await rows(`SELECT id FROM registrations WHERE email = ?1`, email);
  return Number(row!.id);
}

type Staff = Awaited<ReturnType<typeof createStaff>>;
const json = async (response: Response) => ({ status: response.status, body: (await response.json()) as any });
const scan = (staff: Staff, eventId: number, body: Record<string, unknown>) => consoleFetch(staff, "POST", `/api/console/events/${eventId}/checkin/scan`, body).then(json);
const sync = (staff: Staff, eventId: number, checkIns: Record<string, unknown>[]) => consoleFetch(staff, "POST", `/api/console/events/${eventId}/checkin/sync`, { checkIns }).then(json);
const attendanceOf = (registrationId: number) => rows(`SELECT places, recorded_afterwards AS afterwards FROM attendance WHERE registration_id = ?1`, registrationId);

describe("the check-in window", () => {
  it("refuses a check-in for a date months ahead, for organisers too, with a clear error", async () => {
    const organiser = await createStaff({ role: "organiser" });
    const { slug, eventId, sessionId } = await setup({ startsAt: Date.now() + 90 * DAY });
    const id = await registered(slug, 1);
    const refused = await scan(organiser, eventId, { registrationId: id, sessionId });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("checkin_not_open");
    expect(refused.body.error.message).toMatch(/^Der Check-in für diesen Termin beginnt erst am \d\d\.\d\d\.\d{4} um \d\d:\d\d Uhr\.$/);
    expect(await attendanceOf(id)).toEqual([]);
    // The window opens an hour before (the event's setting), in the organisation's time zone.
    const { body } = await json(await consoleFetch(organiser, "GET", `/api/console/events/${eventId}/checkin`));
    const [date] = body.event.sessions;
    expect(Date.parse(date.startsAt) - Date.parse(date.checkinOpensAt)).toBe(HOUR);
  });

  it("opens at the event's configured time before the start", async () => {
    const organiser = await createStaff({ role: "organiser" });
    const { slug, eventId, sessionId } = await setup({ startsAt: Date.now() + 90 * MINUTE });
    const id = await registered(slug, 1);
    expect((await scan(organiser, eventId, { registrationId: id, sessionId })).body.error.code).toBe("checkin_not_open");
    await env.DB.prepare(`UPDATE events SET checkin_opens_minutes = 120 WHERE id = ?1`).bind(eventId).run();
    expect((await scan(organiser, eventId, { registrationId: id, sessionId })).body.outcome).toBe("checked_in");
  });

  it("after the day only organisers record attendance, marked as recorded afterwards", async () => {
    const organiser = await createStaff({ role: "organiser" });
    const { slug, eventId, sessionId } = await setup();
    const [first, second] = [await registered(slug, 1), await registered(slug, 2)];
    const helper = await createStaff({ role: "checkin_helper", assignedEventIds: [eventId] });
    // The date took place three days ago.
    await env.DB.prepare(`UPDATE sessions SET starts_at = ?2, ends_at = ?3 WHERE id = ?1`).bind(sessionId, Date.now() - 3 * DAY, Date.now() - 3 * DAY + 2 * HOUR).run();

    const closed = await scan(helper, eventId, { registrationId: first, sessionId });
    expect(closed.status).toBe(409);
    expect(closed.body.error.code).toBe("checkin_closed");
    expect(await attendanceOf(first)).toEqual([]);

    const afterwards = await scan(organiser, eventId, { registrationId: first, sessionId });
    expect(afterwards.body).toMatchObject({ outcome: "checked_in", afterwards: true });
    expect(await attendanceOf(first)).toEqual([{ places: 1, afterwards: 1 }]);
    const [audit] = await rows(`SELECT json_extract(details, '$.afterwards') AS afterwards FROM audit_log WHERE registration_id = ?1 AND action = 'attendance.checked_in'`, first);
    expect(audit).toEqual({ afterwards: 1 });
    // The helper cannot take it back or change it either.
    expect((await consoleFetch(helper, "POST", `/api/console/events/${eventId}/checkin/undo`, { registrationId: first, sessionId })).status).toBe(409);
    // Within the window nothing is marked.
    await env.DB.prepare(`UPDATE sessions SET starts_at = ?2, ends_at = ?3 WHERE id = ?1`).bind(sessionId, Date.now() - HOUR, Date.now() + HOUR).run();
    expect((await scan(helper, eventId, { registrationId: second, sessionId })).body).toMatchObject({ outcome: "checked_in" });
    expect(await attendanceOf(second)).toEqual([{ places: 1, afterwards: 0 }]);
  });
});

describe("the phone's offline queue", () => {
  it("a check-in sent twice (a lost answer, the queue sent again) is recorded once", async () => {
    const helper0 = await setup();
    const helper = await createStaff({ role: "checkin_helper", assignedEventIds: [helper0.eventId] });
    const { slug, eventId, sessionId } = helper0;
    const [a, b] = [await registered(slug, 1), await registered(slug, 2, { places: 3 })];
    const queue = [
      { clientId: "c1-aaaaaaaaaaaa", sessionId, registrationId: a, recordedAt: new Date(Date.now() - 5 * MINUTE).toISOString() },
      { clientId: "c2-bbbbbbbbbbbb", sessionId, registrationId: b, places: 2, recordedAt: new Date(Date.now() - 4 * MINUTE).toISOString() },
    ];
    const first = await sync(helper, eventId, queue);
    expect(first.status).toBe(200);
    expect(first.body.results.map((r: any) => [r.clientId, r.outcome])).toEqual([
      ["c1-aaaaaaaaaaaa", "checked_in"],
      ["c2-bbbbbbbbbbbb", "checked_in"],
    ]);
    const again = await sync(helper, eventId, queue);
    expect(again.body.results.map((r: any) => r.outcome)).toEqual(["checked_in", "checked_in"]);
    expect(await attendanceOf(a)).toEqual([{ places: 1, afterwards: 0 }]);
    expect(await attendanceOf(b)).toEqual([{ places: 2, afterwards: 0 }]);
    expect(await rows(`SELECT COUNT(*) AS n FROM audit_log WHERE event_id = ?1 AND action = 'attendance.checked_in'`, eventId)).toEqual([{ n: 2 }]);
    // The time the phone recorded it is the time of the check-in.
    const [row] = await rows(`SELECT checked_in_at AS at FROM attendance WHERE registration_id = ?1`, a);
    expect(row!.at).toBe(Date.parse(queue[0]!.recordedAt));
  });

  it("undone on another phone after this one recorded it offline: the undo stands, and the phone is told", async () => {
    const { slug, eventId, sessionId } = await setup();
    const organiser = await createStaff({ role: "organiser" });
    const id = await registered(slug, 1);
    const offlineAt = new Date(Date.now() - 10 * MINUTE).toISOString();
    // Meanwhile, online: another phone checks the person in and takes it back (the wrong person).
    expect((await scan(organiser, eventId, { registrationId: id, sessionId })).body.outcome).toBe("checked_in");
    expect((await consoleFetch(organiser, "POST", `/api/console/events/${eventId}/checkin/undo`, { registrationId: id, sessionId })).status).toBe(200);

    const { body } = await sync(organiser, eventId, [{ clientId: "offline-undone-1", sessionId, registrationId: id, recordedAt: offlineAt }]);
    expect(body.results[0]).toMatchObject({ outcome: "undone_meanwhile", person: { registrationId: id, checkedInPlaces: null } });
    expect(await attendanceOf(id)).toEqual([]);
  });

  it("names conflicts and refusals; the rest of the queue is still recorded", async () => {
    const { slug, eventId, sessionId } = await setup();
    const organiser = await createStaff({ role: "organiser" });
    const [kept, cancelled] = [await registered(slug, 1), await registered(slug, 2)];
    await consoleFetch(organiser, "POST", `/api/console/registrations/${cancelled}/cancel`, { reason: "Abgemeldet am Telefon" });
    const future = await setup({ startsAt: Date.now() + 30 * DAY });
    const { body } = await sync(organiser, eventId, [
      { clientId: "q-cancelled-0001", sessionId, registrationId: cancelled },
      { clientId: "q-toomany-000001", sessionId, registrationId: kept, places: 3 },
      { clientId: "q-kept-000000001", sessionId, code: await checkInCode(env, kept) },
      { clientId: "q-future-0000001", sessionId: future.sessionId, registrationId: kept },
    ]);
    expect(body.results.map((r: any) => r.outcome)).toEqual(["cancelled", "refused", "checked_in", "wrong_session"]);
    expect(body.results[1]).toMatchObject({ code: "validation_failed" });
    expect(await attendanceOf(kept)).toEqual([{ places: 1, afterwards: 0 }]);
    expect(await attendanceOf(cancelled)).toEqual([]);
  });

  it("bad queues are refused whole, naming the field", async () => {
    const { eventId, sessionId } = await setup();
    const organiser = await createStaff({ role: "organiser" });
    const bad = await sync(organiser, eventId, [{ clientId: "short", sessionId, registrationId: 1 }]);
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fields)).toContain("checkIns.0.clientId");
    const many = await sync(organiser, eventId, Array.from({ length: 21 }, (_, i) => ({ clientId: `many-${i}-0000000`, sessionId, registrationId: 1 })));
    expect(many.status).toBe(422);
  });
});

describe("two phones at once", () => {
  it("checking in the same person at the same moment counts one attendance", async () => {
    const { slug, eventId, sessionId } = await setup();
    const [phoneA, phoneB] = [await createStaff({ role: "organiser" }), await createStaff({ role: "checkin_helper", assignedEventIds: [eventId] })];
    const people = await Promise.all(Array.from({ length: 6 }, (_, i) => registered(slug, i + 1)));
    for (const [i, id] of people.entries()) {
      // Half by list (the phone's own id), half by QR code.
      const code = await checkInCode(env, id);
      const outcomes = await Promise.all([
        i % 2 ? scan(phoneA, eventId, { registrationId: id, sessionId, clientId: `a-${i}-${id}-xxxxxx` }) : scan(phoneA, eventId, { code, sessionId }),
        i % 2 ? sync(phoneB, eventId, [{ clientId: `b-${i}-${id}-xxxxxx`, sessionId, registrationId: id }]) : scan(phoneB, eventId, { code, sessionId }),
      ]);
      const answers = [outcomes[0]!.body.outcome, outcomes[1]!.body.outcome ?? outcomes[1]!.body.results[0].outcome].sort();
      expect(answers).toEqual(["already_checked_in", "checked_in"]);
      expect(await attendanceOf(id)).toEqual([{ places: 1, afterwards: 0 }]);
    }
    expect(await rows(`SELECT COUNT(*) AS n FROM audit_log WHERE event_id = ?1 AND action = 'attendance.checked_in'`, eventId)).toEqual([{ n: people.length }]);
  });
});

describe("the day's list for the phone", () => {
  it("holds everyone confirmed and whoever is checked in, nobody else", async () => {
    const { slug, eventId, sessionId } = await setup({ capacity: 2 });
    const organiser = await createStaff({ role: "organiser" });
    const [a, b] = [await registered(slug, 1, { name: "Кузнецова Анна" }), await registered(slug, 2, { name: "Jürgen Müller" })];
    await registered(slug, 3, { name: "Wartende Person" });
    await scan(organiser, eventId, { registrationId: b, sessionId });
    const { status, body } = await json(await consoleFetch(organiser, "GET", `/api/console/events/${eventId}/checkin/list?sessionId=${sessionId}`));
    expect(status).toBe(200);
    expect(body.people.map((p: any) => [p.registrationId, p.checkedInPlaces])).toEqual([
      [b, 1],
      [a, null],
    ]);
    const stranger = await createStaff({ role: "organiser", organisationId: 2 });
    expect((await consoleFetch(stranger, "GET", `/api/console/events/${eventId}/checkin/list?sessionId=${sessionId}`)).status).toBe(404);
  });
});

describe("walk-ins at the door", () => {
  it("send at most one email per address and event", async () => {
    const { eventId, sessionId } = await setup();
    const organiser = await createStaff({ role: "organiser" });
    const email = `walk-once-${eventId}@example.org`;
    const first = await json(await consoleFetch(organiser, "POST", `/api/console/events/${eventId}/checkin/walk-in`, { sessionId, name: "Spontan", email }));
    expect(first.status).toBe(201);
    await consoleFetch(organiser, "POST", `/api/console/registrations/${first.body.person.registrationId}/cancel`, { reason: "falsch eingetragen" });
    const second = await json(await consoleFetch(organiser, "POST", `/api/console/events/${eventId}/checkin/walk-in`, { sessionId, name: "Spontan", email }));
    expect(second.status).toBe(201);
    expect(await rows(`SELECT COUNT(*) AS n FROM outbox WHERE to_address = ?1 AND template = 'confirmed'`, email)).toEqual([{ n: 1 }]);
  });

  it("are limited per helper and hour", async () => {
    const { eventId, sessionId } = await setup({ capacity: 100, maxPlaces: 1 });
    const helper = await createStaff({ role: "checkin_helper", assignedEventIds: [eventId] });
    const other = await createStaff({ role: "checkin_helper", assignedEventIds: [eventId] });
    const walkIn = (staff: Staff, n: number) => consoleFetch(staff, "POST", `/api/console/events/${eventId}/checkin/walk-in`, { sessionId, name: `Gast ${n}` });
    for (let n = 0; n < 60; n++) expect((await walkIn(helper, n)).status).toBe(201);
    const limited = await walkIn(helper, 60);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await limited.json()) as any).error.code).toBe("rate_limited");
    expect(await rows(`SELECT COUNT(*) AS n FROM registrations WHERE event_id = ?1 AND name = 'Gast 60'`, eventId)).toEqual([{ n: 0 }]);
    // Another helper at the same door is not held up.
    expect((await walkIn(other, 61)).status).toBe(201);
  });
});
