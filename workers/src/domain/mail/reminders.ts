/**
 * Reminders before each session, by the event's rules (events.reminder_rules; default two
 * days before and at 07:00 on the day, in the organisation's time zone). Runs from the minutely cron.
 *
 * Exactly once: each reminder's outbox row has the dedupe key
 * `reminder:<registrationId>:<sessionId>:<ruleIndex>` (unique), so a second run, or two
 * runs at once, add nothing. Registrations made after a reminder's send time do not get
 * it (they just had their confirmation); neither do unconfirmed, waitlisted or cancelled ones.
 */
import type { ReminderRule } from "../../../../db/schema";
import type { DomainContext } from "../change";
import { DEFAULT_TIME_ZONE, wallTime, zonedToUtc } from "../../lib/time-zone";
import { enqueueMail } from "./outbox";
import type { StoredEvent, StoredOrganisation, StoredOutbox, StoredSession } from "../../../../db/rows";

/** Rows written per statement, and per cron run (the next run continues). */
export const REMINDER_CHUNK = 500;
export const REMINDER_MAX_PER_RUN = 5_000;
/** "before" rules further ahead than this are not looked at. */
const HORIZON_MS = 31 * 24 * 3600_000;

/**
 * When a rule's reminder for a session starting at `startsAt` is due, or null if the rule
 * makes no sense for it. "morning" hours are wall times in the organisation's `zone`.
 */
export function reminderSendAt(rule: ReminderRule, startsAt: number, zone: string = DEFAULT_TIME_ZONE): number | null {
  if (rule.kind === "before") {
    if (!Number.isFinite(rule.minutes) || rule.minutes <= 0) return null;
    return startsAt - rule.minutes * 60_000;
  }
  if (rule.kind === "morning") {
    if (!Number.isInteger(rule.hour) || rule.hour < 0 || rule.hour > 23) return null;
    const day = wallTime(startsAt, zone);
    const at = zonedToUtc({ year: day.year, month: day.month, day: day.day, hour: rule.hour, minute: 0 }, zone);
    return at < startsAt ? at : null; // a session at 06:00 gets no "07:00 on the day" reminder
  }
  return null;
}

function parseRules(raw: string | null): ReminderRule[] {
  try {
    const rules = JSON.parse(raw ?? "[]");
    return Array.isArray(rules) ? (rules as ReminderRule[]) : [];
  } catch {
    return [];
  }
}

/**
 * Writes the reminder outbox rows that are due at `ctx.now` and hands them to the queue.
 * Returns how many rows it wrote.
 */
export async function queueDueReminders(ctx: DomainContext): Promise<number> {
  const { env, now } = ctx;
  const { results: sessions } = await env.DB.prepare(
    `SELECT s.id AS sessionId, s.event_id AS eventId, s.starts_at AS startsAt, e.reminder_rules AS rules, o.time_zone AS timeZone
     FROM sessions s JOIN events e ON e.id = s.event_id JOIN organisations o ON o.id = e.organisation_id
     WHERE e.status = 'published' AND e.registration_mode != 'none' AND s.cancelled_at IS NULL
       AND s.starts_at > ?1 AND s.starts_at <= ?2
     ORDER BY s.starts_at`,
  )
    .bind(now, now + HORIZON_MS)
    .all<
      Pick<StoredSession, "eventId" | "startsAt"> &
        Pick<StoredOrganisation, "timeZone"> & { sessionId: StoredSession["id"]; rules: StoredEvent["reminderRules"] }
    >();

  const ids: string[] = [];
  for (const session of sessions) {
    const rules = parseRules(session.rules);
    for (let ruleIndex = 0; ruleIndex < rules.length; ruleIndex++) {
      const sendAt = reminderSendAt(rules[ruleIndex]!, session.startsAt, session.timeZone);
      if (sendAt === null || sendAt > now) continue;
      for (;;) {
        if (ids.length >= REMINDER_MAX_PER_RUN) break;
        const limit = Math.min(REMINDER_CHUNK, REMINDER_MAX_PER_RUN - ids.length);
        // The dedupe key makes this idempotent; NOT EXISTS lets each chunk move on to rows not written yet.
        const { results } = await env.DB.prepare(
          `INSERT INTO outbox (id, registration_id, template, to_address, locale, data, dedupe_key, created_at, updated_at)
           SELECT * FROM (
             SELECT lower(hex(randomblob(16))), r.id, 'reminder', r.email, r.locale, json_object('sessionId', CAST(?2 AS INTEGER), 'rule', CAST(?3 AS INTEGER)),
                    'reminder:' || r.id || ':' || CAST(?2 AS INTEGER) || ':' || CAST(?3 AS INTEGER), ?4, ?4
             FROM registrations r
             WHERE r.event_id = ?1 AND r.parent_id IS NULL AND r.status = 'confirmed' AND r.awaiting_email = 0 AND r.email <> ''
               AND r.created_at <= ?5
               AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.dedupe_key = 'reminder:' || r.id || ':' || CAST(?2 AS INTEGER) || ':' || CAST(?3 AS INTEGER))
             ORDER BY r.id LIMIT ?6
           ) WHERE true
           ON CONFLICT (dedupe_key) DO NOTHING
           RETURNING id`,
        )
          .bind(session.eventId, session.sessionId, ruleIndex, now, sendAt, limit)
          .all<Pick<StoredOutbox, "id">>();
        ids.push(...results.map((r) => r.id));
        if (results.length < limit) break;
      }
    }
  }
  if (ids.length > 0) ctx.waitUntil(enqueueMail(env, ids));
  return ids.length;
}
