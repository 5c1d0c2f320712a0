/**
 * The retention rule, run by the scheduled handler (at most once an hour, more often while
 * a backlog remains):
 *
 * - Registrations of an event whose last date ended more than the organisation's
 *   `retention_days` ago (default 90; an event without dates counts from its last change)
 *   are anonymised (anonymise.ts), in batches of BATCH_SIZE, at most MAX_BATCHES per run:
 *   their outbox rows lose recipient and data, their dev-mailbox copies go. Status, places,
 *   children and check-ins stay, so statistics stay right.
 * - Certificates keep their facts (name, event, dates, hours: what verification shows) until
 *   `certificate_retention_years` (default 10) after issue, then are deleted.
 * - Staff emails (no registration; sign-in links, digests) lose recipient and data after
 *   STAFF_MAIL_RETENTION_DAYS; dev-mailbox copies older than that go too.
 * - Rate-limit counters are removed a day after their window.
 *
 * Every run that changed something writes one audit entry with the counts. The scheduler
 * records each run in job_runs ("retention"), which the status page shows and from which the
 * next run knows whether it is due; a run that was not due is not recorded.
 */
import type { DomainContext } from "../change";
import { NOT_DUE, type NotDue } from "../jobs";
import { anonymiseRegistrations } from "./anonymise";
import type { StoredJobRun, StoredRegistration } from "../../../../db/rows";

export const RETENTION_INTERVAL_MS = 3_600_000;
export const BATCH_SIZE = 200;
export const MAX_BATCHES = 5;
export const STAFF_MAIL_RETENTION_DAYS = 90;
const DAY_MS = 86_400_000;
const YEAR_MS = 365.25 * DAY_MS;

export type RetentionResult = {
  registrations: number;
  outbox: number;
  devMailbox: number;
  certificatesDeleted: number;
  staffOutbox: number;
  rateLimits: number;
  /** True when the batch limit was reached: the next minute's run goes on. */
  more: boolean;
};

/** Applies the retention rule if it is due (or `force`); returns what it did, or that it was not due. */
export async function runRetention(ctx: DomainContext, options: { force?: boolean } = {}): Promise<RetentionResult | NotDue> {
  const { env, now } = ctx;
  const db = env.DB;
  if (!options.force) {
    const last = await db
      .prepare(`SELECT last_run_at AS at, last_result AS result, outcome FROM job_runs WHERE job = 'retention'`)
      .first<Pick<StoredJobRun, "outcome"> & { at: StoredJobRun["lastRunAt"]; result: StoredJobRun["lastResult"] }>();
    const more = last?.result ? Boolean((JSON.parse(last.result) as { more?: boolean }).more) : false;
    // A run that threw is tried again at the next minute.
    if (last && last.outcome === "ok" && now - last.at < RETENTION_INTERVAL_MS && !more) return NOT_DUE;
  }

  const result: RetentionResult = { registrations: 0, outbox: 0, devMailbox: 0, certificatesDeleted: 0, staffOutbox: 0, rateLimits: 0, more: false };
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const { results } = await db
      .prepare(
        `SELECT r.id FROM registrations r
           JOIN events e ON e.id = r.event_id
           JOIN organisations o ON o.id = e.organisation_id
         WHERE r.anonymised_at IS NULL
           AND COALESCE((SELECT MAX(s.ends_at) FROM sessions s WHERE s.event_id = e.id), e.updated_at) < ?1 - o.retention_days * ${DAY_MS}
         ORDER BY r.id LIMIT ?2`,
      )
      .bind(now, BATCH_SIZE)
      .all<Pick<StoredRegistration, "id">>();
    if (results.length === 0) break;
    const counts = await anonymiseRegistrations(env, results.map((r) => r.id), now);
    result.registrations += counts.registrations;
    result.outbox += counts.outbox;
    result.devMailbox += counts.devMailbox;
    if (results.length < BATCH_SIZE) break;
    if (batch === MAX_BATCHES - 1) result.more = true;
  }

  const staffCutoff = now - STAFF_MAIL_RETENTION_DAYS * DAY_MS;
  const [certificates, staffOutbox, devMailbox, rateLimits] = await db.batch([
    db.prepare(
      `DELETE FROM certificates WHERE id IN (
         SELECT c.id FROM certificates c JOIN events e ON e.id = c.event_id JOIN organisations o ON o.id = e.organisation_id
         WHERE c.issued_at < ?1 - o.certificate_retention_years * ${YEAR_MS} LIMIT 1000)`,
    ).bind(now),
    db.prepare(
      `UPDATE outbox SET to_address = '', data = '{}', last_error = NULL,
         status = CASE WHEN status IN ('queued', 'sending') THEN 'failed' ELSE status END
       WHERE registration_id IS NULL AND created_at < ?1 AND (to_address <> '' OR data <> '{}')`,
    ).bind(staffCutoff),
    db.prepare(`DELETE FROM dev_mailbox WHERE created_at < ?1`).bind(staffCutoff),
    db.prepare(`DELETE FROM rate_limits WHERE window_start < ?1`).bind(now - DAY_MS),
  ]);
  result.certificatesDeleted = certificates?.meta.changes ?? 0;
  result.staffOutbox = staffOutbox?.meta.changes ?? 0;
  result.devMailbox += devMailbox?.meta.changes ?? 0;
  result.rateLimits = rateLimits?.meta.changes ?? 0;

  const changed = result.registrations + result.outbox + result.devMailbox + result.certificatesDeleted + result.staffOutbox > 0;
  if (changed) {
    await db.prepare(`INSERT INTO audit_log (at, actor, action, details) VALUES (?1, 'system', 'retention.applied', ?2)`).bind(now, JSON.stringify(result)).run();
  }
  return result;
}
