/**
 * Scheduled mail: reminders before each session (exactly once per registration, session and
 * rule; none for registrations made after the reminder time; "morning" rules in Berlin time
 * across daylight-saving changes) and the organisers' daily digest (exactly once per day).
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { queueOrganiserDigests } from "../src/domain/mail/digest";
import { queueDueReminders, reminderSendAt } from "../src/domain/mail/reminders";
import { context, createEvent, participant, register, rows, waitForMail } from "./fixtures";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

async function registrationIds(eventId: number) {
  return (await rows(`SELECT id, status FROM registrations WHERE event_id = ?1 ORDER BY id`, eventId)).map((r) => ({
    id: r.id as number,
    status: r.status as string,
  }));
}

async function reminderKeys(eventId: number) {
  return (
    await rows(
      `SELECT o.dedupe_key AS key FROM outbox o JOIN registrations r ON r.id = o.registration_id
       WHERE r.event_id = ?1 AND o.template = 'reminder' ORDER BY o.dedupe_key`,
      eventId,
    )
  ).map((r) => r.key as string);
}

describe("reminder times", () => {
  it("'morning' is 07:00 Berlin on the session's day, in winter, in summer and on both change days", () => {
    const at7 = (iso: string) => new Date(reminderSendAt({ kind: "morning", hour: 7 }, Date.parse(iso))!).toISOString();
    expect(at7("2027-03-27T09:00:00Z")).toBe("2027-03-27T06:00:00.000Z"); // CET
    expect(at7("2027-03-28T08:00:00Z")).toBe("2027-03-28T05:00:00.000Z"); // the spring change day: CEST
    expect(at7("2027-07-01T08:00:00Z")).toBe("2027-07-01T05:00:00.000Z");
    expect(at7("2027-10-31T09:00:00Z")).toBe("2027-10-31T06:00:00.000Z"); // the autumn change day: CET
    // A session that starts before 07:00 gets no "on the morning" reminder.
    expect(reminderSendAt({ kind: "morning", hour: 7 }, Date.parse("2027-07-01T03:30:00Z"))).toBeNull();
    // A session at 23:30 Berlin (21:30 UTC) gets its reminder at 07:00 that Berlin day.
    expect(new Date(reminderSendAt({ kind: "morning", hour: 7 }, Date.parse("2027-07-01T21:30:00Z"))!).toISOString()).toBe("2027-07-01T05:00:00.000Z");
    // 00:30 Berlin on 2 July is 22:30 UTC on 1 July: its day is 2 July, whose 07:00 comes after it.
    expect(reminderSendAt({ kind: "morning", hour: 7 }, Date.parse("2027-07-01T22:30:00Z"))).toBeNull();
    expect(reminderSendAt({ kind: "before", minutes: 2880 }, Date.parse("2027-03-28T08:00:00Z"))).toBe(Date.parse("2027-03-26T08:00:00Z"));
  });

  it("'morning' follows the organisation's time zone when it is not Berlin", () => {
    const at7 = (iso: string, zone: string) => new Date(reminderSendAt({ kind: "morning", hour: 7 }, Date.parse(iso), zone)!).toISOString();
    expect(at7("2027-07-01T12:00:00Z", "Europe/London")).toBe("2027-07-01T06:00:00.000Z"); // BST
    expect(at7("2027-01-15T12:00:00Z", "Europe/London")).toBe("2027-01-15T07:00:00.000Z"); // GMT
    expect(at7("2027-07-01T12:00:00Z", "Europe/Istanbul")).toBe("2027-07-01T04:00:00.000Z"); // UTC+3 all year
    // London's spring change day: already British Summer Time at 07:00.
    expect(at7("2027-03-28T12:00:00Z", "Europe/London")).toBe("2027-03-28T06:00:00.000Z");
  });
});

describe("queueing reminders", () => {
  it("two days before and on the morning, once per confirmed registration, session and rule; none for the waitlist", async () => {
    // 10:00 Berlin on the day the clocks go forward.
    const startsAt = Date.parse("2027-03-28T08:00:00Z");
    const { slug, eventId } = await createEvent({ capacity: 2, startsAt });
    for (let i = 1; i <= 3; i++) await register(slug, participant(i, { email: `reminder-${i}@example.org`, locale: i === 2 ? "uk" : "de" }));
    const [a, b, waiting] = await registrationIds(eventId);
    expect(waiting!.status).toBe("waitlisted");
    const [session] = await rows(`SELECT id FROM sessions WHERE event_id = ?1`, eventId);
    const sessionId = session!.id as number;
    const twoDaysBefore = startsAt - 2 * DAY;
    const morning = Date.parse("2027-03-28T05:00:00Z");

    expect(await queueDueReminders(context(twoDaysBefore - MINUTE))).toBe(0);
    await queueDueReminders(context(twoDaysBefore + MINUTE));
    expect(await reminderKeys(eventId)).toEqual([`reminder:${a!.id}:${sessionId}:0`, `reminder:${b!.id}:${sessionId}:0`]);
    // Two more runs (also at once) add nothing.
    await Promise.all([queueDueReminders(context(twoDaysBefore + 2 * MINUTE)), queueDueReminders(context(twoDaysBefore + 2 * MINUTE))]);
    expect(await reminderKeys(eventId)).toHaveLength(2);

    // 06:59 CEST is not yet 07:00; at 07:00 CEST (05:00 UTC, not 06:00) the morning reminders are due.
    await queueDueReminders(context(morning - MINUTE));
    expect(await reminderKeys(eventId)).toHaveLength(2);
    await queueDueReminders(context(morning + 30_000));
    await queueDueReminders(context(morning + MINUTE));
    expect(await reminderKeys(eventId)).toEqual([
      `reminder:${a!.id}:${sessionId}:0`,
      `reminder:${a!.id}:${sessionId}:1`,
      `reminder:${b!.id}:${sessionId}:0`,
      `reminder:${b!.id}:${sessionId}:1`,
    ]);
    // Once the session has begun, nothing more.
    expect(await queueDueReminders(context(startsAt + MINUTE))).toBe(0);

    // The queue delivers them (dev mailbox), in each registration's language.
    const ukMails = await waitForMail("reminder-2@example.org", 3);
    expect(ukMails.filter((m) => m.subject.startsWith("Нагадування:"))).toHaveLength(2);
    expect(ukMails.find((m) => m.subject.startsWith("Нагадування:"))!.text).toContain("10:00");
  });

  it("none for a registration made after the reminder's send time", async () => {
    const startsAt = Date.parse("2027-10-31T09:00:00Z"); // 10:00 CET, the day the clocks go back
    const { slug, eventId } = await createEvent({ startsAt });
    await register(slug, participant(1, { email: "early@example.org" }));
    await register(slug, participant(2, { email: "late@example.org" }));
    const [early, late] = await registrationIds(eventId);
    // "late" registered one day before the session: after the two-days reminder, before the morning one.
    await env.DB.prepare(`UPDATE registrations SET created_at = ?2 WHERE id = ?1`).bind(late!.id, startsAt - DAY).run();
    const morning = Date.parse("2027-10-31T06:00:00Z"); // 07:00 CET
    await queueDueReminders(context(morning + MINUTE));
    const [session] = await rows(`SELECT id FROM sessions WHERE event_id = ?1`, eventId);
    expect(await reminderKeys(eventId)).toEqual([
      `reminder:${early!.id}:${session!.id}:0`,
      `reminder:${early!.id}:${session!.id}:1`,
      `reminder:${late!.id}:${session!.id}:1`,
    ]);
  });

  it("follows the event's own rules; cancelled sessions and drafts get none", async () => {
    const startsAt = Date.parse("2027-06-10T16:00:00Z");
    const { slug, eventId } = await createEvent({ startsAt });
    await register(slug, participant(1, { email: "rules@example.org" }));
    await env.DB.prepare(`UPDATE events SET reminder_rules = ?2 WHERE id = ?1`).bind(eventId, JSON.stringify([{ kind: "before", minutes: 90 }])).run();
    await queueDueReminders(context(startsAt - 2 * DAY + MINUTE));
    expect(await reminderKeys(eventId)).toEqual([]);
    await queueDueReminders(context(startsAt - 89 * MINUTE));
    expect(await reminderKeys(eventId)).toHaveLength(1);

    const other = await createEvent({ startsAt });
    await register(other.slug, participant(2, { email: "cancelled-session@example.org" }));
    await env.DB.prepare(`UPDATE sessions SET cancelled_at = 1 WHERE event_id = ?1`).bind(other.eventId).run();
    await queueDueReminders(context(startsAt - DAY));
    expect(await reminderKeys(other.eventId)).toEqual([]);
  });
});

describe("organiser digest", () => {
  async function user(email: string, { optIn = true, role = "organiser", admin = false } = {}) {
    const row = await env.DB.prepare(
      `INSERT INTO users (email, email_normalized, name, locale, is_admin, digest_opt_in) VALUES (?1, ?1, 'Org', 'de', ?2, ?3) RETURNING id`,
    )
      .bind(email, admin ? 1 : 0, optIn ? 1 : 0)
      .first<{ id: number }>();
    if (role) await env.DB.prepare(`INSERT INTO memberships (user_id, organisation_id, role) VALUES (?1, 1, ?2)`).bind(row!.id, role).run();
    return row!.id;
  }

  it("once a day after 18:00 Berlin, per event with changes, only for organisers who opted in", async () => {
    const { slug, eventId } = await createEvent({ capacity: 1 });
    await register(slug, participant(1, { email: "digest-1@example.org" }));
    await register(slug, participant(2, { email: "digest-2@example.org" }));
    const [first, second] = await registrationIds(eventId);
    const organiser = await user("organiser@example.org");
    await user("no-digest@example.org", { optIn: false });
    await user("helper@example.org", { role: "checkin_helper" });

    // A summer day: 18:00 Berlin is 16:00 UTC.
    const evening = Date.parse("2027-06-15T16:00:00Z");
    const audit = (at: number, action: string, registrationId: number) =>
      env.DB.prepare(`INSERT INTO audit_log (at, actor, action, event_id, registration_id) VALUES (?1, 'participant', ?2, ?3, ?4)`)
        .bind(at, action, eventId, registrationId)
        .run();
    await audit(evening - 6 * 3_600_000, "registration.created", first!.id);
    await audit(evening - 5 * 3_600_000, "registration.created", second!.id);
    await audit(evening - 4 * 3_600_000, "registration.cancelled", first!.id);
    await audit(evening - 4 * 3_600_000, "registration.promoted", second!.id);
    await audit(evening - 20 * 3_600_000, "registration.created", first!.id); // the day before: not counted

    expect(await queueOrganiserDigests(context(evening - MINUTE))).toBe(0);
    expect(await queueOrganiserDigests(context(evening + MINUTE))).toBe(1);
    expect(await queueOrganiserDigests(context(evening + 2 * MINUTE))).toBe(0);
    const digests = await rows(`SELECT to_address AS "to", dedupe_key AS key, data FROM outbox WHERE template = 'organiser_digest'`);
    expect(digests).toHaveLength(1);
    expect(digests[0]).toMatchObject({ to: "organiser@example.org", key: `digest:${organiser}:2027-06-15` });
    const data = JSON.parse(digests[0]!.data as string);
    expect(data.events).toHaveLength(1);
    expect(data.events[0]).toMatchObject({ newRegistrations: 2, cancellations: 1, promotions: 1, waitlist: 1 });
    expect(data.events[0].consoleUrl).toContain(`/console/event?slug=${slug}`);

    const mail = await waitForMail("organiser@example.org");
    expect(mail[0]!.subject).toBe("Tagesübersicht: Dienstag, 15. Juni 2027");
    expect(mail[0]!.text).toContain("Neue Anmeldungen: 2");

    // The next evening without changes: nothing.
    expect(await queueOrganiserDigests(context(evening + DAY + MINUTE))).toBe(0);
  });

  it("counts the emails given up that day, in the organisation's time zone, even with no other change", async () => {
    const { slug, eventId } = await createEvent();
    await register(slug, participant(1, { email: "never-arrives@example.org" }));
    const [registration] = await registrationIds(eventId);
    const organiser = await user("london-organiser@example.org");
    await env.DB.prepare(`UPDATE organisations SET time_zone = 'Europe/London' WHERE id = 1`).run();
    try {
      // 18:00 in London in summer is 17:00 UTC (in Berlin it was 16:00 UTC).
      const evening = Date.parse("2027-07-20T17:00:00Z");
      await env.DB.prepare(
        `INSERT INTO outbox (id, registration_id, template, to_address, locale, status, attempts, last_error, created_at, updated_at)
         VALUES ('digest-given-up', ?1, 'confirmed', 'never-arrives@example.org', 'de', 'failed', 150, 'gave up after 150 attempts in 72 hours: 503', ?2, ?3)`,
      )
        .bind(registration!.id, evening - 75 * 3_600_000, evening - 3 * 3_600_000)
        .run();
      const mine = async () => rows(`SELECT data FROM outbox WHERE template = 'organiser_digest' AND dedupe_key = ?1`, `digest:${organiser}:2027-07-20`);
      await queueOrganiserDigests(context(evening - 30 * MINUTE)); // past 18:00 in Berlin, not in London
      expect(await mine()).toEqual([]);
      await queueOrganiserDigests(context(evening + MINUTE));
      const [digest] = await mine();
      const data = JSON.parse(digest!.data as string);
      expect(data.events).toEqual([expect.objectContaining({ newRegistrations: 0, cancellations: 0, promotions: 0, failedEmails: 1 })]);
      const mail = await waitForMail("london-organiser@example.org");
      expect(mail[0]!.text).toContain("Nicht zugestellte E-Mails: 1");
    } finally {
      await env.DB.prepare(`UPDATE organisations SET time_zone = 'Europe/Berlin' WHERE id = 1`).run();
    }
  });
});
