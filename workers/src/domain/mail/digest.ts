/**
 * The organisers' daily digest: once a day, at the first cron run after 18:00 in the time
 * zone of the user's organisation (the first one; Europe/Berlin for administrators without one),
 * every user who opted in (users.digest_opt_in) and is an organiser of an organisation (or
 * an administrator) gets the day's changes per event of their organisations, from the
 * audit log: new registrations, cancellations, promotions, and the waitlist now; and the
 * emails to their participants given up today (the outbox retried them for days; the
 * registration in the console shows which). Users with nothing to report get nothing. Exactly once per user and day: dedupe key
 * `digest:<userId>:<yyyy-mm-dd>`.
 */
import type { DomainContext } from "../change";
import type { DigestEvent } from "../../../../emails/types";
import { dayOf, startOfDay, wallTime } from "../../lib/time-zone";
import { enqueueMail, staffOutbox } from "./outbox";
import { storedTitle } from "../events/public";
import type { StoredOrganisation, StoredOutbox, StoredUser } from "../../../../db/rows";

export const DIGEST_HOUR = 18;

type Recipient = Pick<StoredUser, "id" | "email" | "name" | "locale" | "isAdmin"> & Pick<StoredOrganisation, "timeZone">;
type EventRow = { id: number; slug: string; texts: string; organisation: string; newRegistrations: number; cancellations: number; promotions: number; waitlist: number };

/** Queues today's digests of the users for whom it is past DIGEST_HOUR; returns how many were written. */
export async function queueOrganiserDigests(ctx: DomainContext): Promise<number> {
  const { env, now } = ctx;
  const { results: candidates } = await env.DB.prepare(
    `SELECT u.id, u.email, u.name, u.locale, u.is_admin AS isAdmin,
       COALESCE((SELECT o.time_zone FROM memberships m JOIN organisations o ON o.id = m.organisation_id
                 WHERE m.user_id = u.id ORDER BY m.organisation_id LIMIT 1), 'Europe/Berlin') AS timeZone
     FROM users u
     WHERE u.digest_opt_in = 1 AND u.disabled_at IS NULL
       AND (u.is_admin = 1 OR EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = u.id AND m.role = 'organiser'))
     LIMIT 1000`,
  ).all<Recipient>();
  // Past the hour in the user's zone, and not yet written for that day (the dedupe key decides in the end).
  const due = candidates.filter((user) => wallTime(now, user.timeZone).hour >= DIGEST_HOUR);
  if (due.length === 0) return 0;
  const keys = due.map((user) => `digest:${user.id}:${dayOf(now, user.timeZone)}`);
  const { results: written } = await env.DB.prepare(`SELECT dedupe_key AS key FROM outbox WHERE dedupe_key IN (SELECT value FROM json_each(?1))`)
    .bind(JSON.stringify(keys))
    .all<{ key: StoredOutbox["dedupeKey"] }>();
  const done = new Set(written.map((w) => w.key));
  const users = due.filter((_, i) => !done.has(keys[i]!)).slice(0, 200);
  const base = env.PUBLIC_URL.replace(/\/$/, "");
  const ids: string[] = [];
  for (const user of users) {
    const date = dayOf(now, user.timeZone);
    const since = startOfDay(now, user.timeZone);
    // Per event of the user's organisations (all, for administrators) with audit entries today.
    const { results } = await env.DB.prepare(
      `SELECT e.id, e.slug, e.texts, o.name AS organisation,
         SUM(a.action = 'registration.created' AND r.parent_id IS NULL) AS newRegistrations,
         SUM(a.action LIKE 'registration.cancelled%' AND r.parent_id IS NULL) AS cancellations,
         SUM(a.action = 'registration.promoted') AS promotions,
         (SELECT COUNT(*) FROM registrations w WHERE w.event_id = e.id AND w.parent_id IS NULL
            AND w.status = 'waitlisted' AND w.awaiting_email = 0) AS waitlist
       FROM audit_log a
       JOIN events e ON e.id = a.event_id
       JOIN organisations o ON o.id = e.organisation_id
       LEFT JOIN registrations r ON r.id = a.registration_id
       WHERE a.at >= ?1 AND a.at <= ?2 AND a.action LIKE 'registration.%'
         AND (?3 = 1 OR e.organisation_id IN (SELECT m.organisation_id FROM memberships m WHERE m.user_id = ?4 AND m.role = 'organiser'))
       GROUP BY e.id
       ORDER BY e.id`,
    )
      .bind(since, now, user.isAdmin, user.id)
      .all<EventRow>();
    // Emails given up today for the same events (their registrations show which, in the console).
    const { results: failures } = await env.DB.prepare(
      `SELECT e.id, e.slug, e.texts, o.name AS organisation, COUNT(*) AS failedEmails,
         (SELECT COUNT(*) FROM registrations w WHERE w.event_id = e.id AND w.parent_id IS NULL
            AND w.status = 'waitlisted' AND w.awaiting_email = 0) AS waitlist
       FROM outbox m
       JOIN registrations r ON r.id = m.registration_id
       JOIN events e ON e.id = r.event_id
       JOIN organisations o ON o.id = e.organisation_id
       WHERE m.status = 'failed' AND m.updated_at >= ?1 AND m.updated_at <= ?2
         AND (?3 = 1 OR e.organisation_id IN (SELECT ms.organisation_id FROM memberships ms WHERE ms.user_id = ?4 AND ms.role = 'organiser'))
       GROUP BY e.id`,
    )
      .bind(since, now, user.isAdmin, user.id)
      .all<EventRow & { failedEmails: number }>();
    const byEvent = new Map<number, EventRow & { failedEmails: number }>();
    for (const row of results) byEvent.set(row.id, { ...row, failedEmails: 0 });
    for (const row of failures) {
      const known = byEvent.get(row.id);
      byEvent.set(row.id, known ? { ...known, failedEmails: row.failedEmails } : { ...row, newRegistrations: 0, cancellations: 0, promotions: 0 });
    }
    const rowsOfDay = [...byEvent.values()].sort((a, b) => a.id - b.id);
    const events: DigestEvent[] = rowsOfDay
      .map((row) => {
        return {
          title: storedTitle(row.texts, user.locale, row.slug),
          consoleUrl: `${base}/console/event?slug=${encodeURIComponent(row.slug)}`,
          newRegistrations: Number(row.newRegistrations ?? 0),
          cancellations: Number(row.cancellations ?? 0),
          promotions: Number(row.promotions ?? 0),
          waitlist: Number(row.waitlist ?? 0),
          failedEmails: Number(row.failedEmails ?? 0),
        };
      })
      .filter((e) => e.newRegistrations + e.cancellations + e.promotions + e.failedEmails > 0);
    if (events.length === 0) continue;
    const organisations = [...new Set(rowsOfDay.map((r) => r.organisation))];
    const written = await staffOutbox(env, {
      template: "organiser_digest",
      to: user.email,
      locale: user.locale,
      now,
      dedupeKey: `digest:${user.id}:${date}`,
      date,
      events,
      organisation: organisations.length === 1 ? organisations[0]! : "zusammen",
      name: user.name,
    }).all<Pick<StoredOutbox, "id">>();
    ids.push(...written.results.map((r) => r.id));
  }
  if (ids.length > 0) ctx.waitUntil(enqueueMail(env, ids));
  return ids.length;
}
