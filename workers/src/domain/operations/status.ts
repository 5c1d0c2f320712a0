/**
 * The administrators' status page: is mail going out, are the scheduled jobs running?
 *
 * - the outbox backlog by status and the age of the oldest email still waiting;
 * - the latest failures (template, attempts, the provider's error with addresses removed;
 *   never a recipient);
 * - the last run and result of each scheduled job (job_runs);
 * - hints: a cron that has not run for 5 minutes, emails stuck in "sending", emails the
 *   queue retried often (its dead-letter queue only logs; the outbox row is the truth and
 *   the sweep retries until MAX_ATTEMPTS), emails given up.
 */
import type { Env } from "../../env";
import { redactEmails } from "../../lib/log";
import { MAX_ATTEMPTS, SENDING_TIMEOUT_MS } from "../mail/deliver";
import type { OperationsStatus, StatusHint } from "./status-types";

export type { OperationsStatus, StatusHint };

const iso = (ms: number) => new Date(ms).toISOString();

export async function operationsStatus(env: Env, now: number): Promise<OperationsStatus> {
  const db = env.DB;
  const [byStatus, oldest, failedRecent, failures, jobs, stuck, retrying] = await db.batch([
    db.prepare(`SELECT status, COUNT(*) AS n FROM outbox GROUP BY status`),
    db.prepare(`SELECT MIN(created_at) AS at FROM outbox WHERE status IN ('queued', 'sending')`),
    db.prepare(`SELECT COUNT(*) AS n FROM outbox WHERE status = 'failed' AND updated_at > ?1`).bind(now - 86_400_000),
    db.prepare(
      `SELECT id, template, attempts, updated_at AS at, last_error AS error FROM outbox
       WHERE status = 'failed' OR (status = 'queued' AND last_error IS NOT NULL)
       ORDER BY updated_at DESC LIMIT 20`,
    ),
    db.prepare(`SELECT job, last_run_at AS at, last_result AS result FROM job_runs ORDER BY job`),
    db.prepare(`SELECT COUNT(*) AS n FROM outbox WHERE status = 'sending' AND updated_at < ?1`).bind(now - SENDING_TIMEOUT_MS),
    db.prepare(`SELECT COUNT(*) AS n FROM outbox WHERE status = 'queued' AND attempts >= 3`),
  ]);
  const count = (r: D1Result | undefined) => Number((r?.results[0] as { n?: number } | undefined)?.n ?? 0);
  const statusCounts = Object.fromEntries(((byStatus?.results ?? []) as { status: string; n: number }[]).map((r) => [r.status, Number(r.n)]));
  const oldestAt = (oldest?.results[0] as { at: number | null } | undefined)?.at ?? null;
  const jobRows = ((jobs?.results ?? []) as { job: string; at: number; result: string | null }[]).map((j) => ({
    job: j.job,
    lastRunAt: iso(j.at),
    minutesAgo: Math.floor((now - j.at) / 60_000),
    result: j.result ? (JSON.parse(j.result) as unknown) : null,
  }));
  const failureRows = ((failures?.results ?? []) as { id: string; template: string; attempts: number; at: number; error: string | null }[]).map((f) => ({
    id: f.id,
    template: f.template,
    attempts: f.attempts,
    at: iso(f.at),
    error: f.error ? redactEmails(f.error).slice(0, 300) : null,
  }));

  const hints: StatusHint[] = [];
  const minutely = jobRows.find((j) => j.job === "minutely");
  if (!minutely) hints.push({ code: "cron_never_ran" });
  else if (minutely.minutesAgo >= 5) hints.push({ code: "cron_stale", since: minutely.lastRunAt });
  if (count(stuck) > 0) hints.push({ code: "mail_stuck_sending", count: count(stuck) });
  if (count(retrying) > 0) hints.push({ code: "mail_retrying", count: count(retrying) });
  const givenUp = failureRows.filter((f) => f.attempts >= MAX_ATTEMPTS).length;
  if (count(failedRecent) > 0) hints.push({ code: "mail_given_up", count: count(failedRecent) });
  else if (givenUp > 0) hints.push({ code: "mail_given_up", count: givenUp });
  if (oldestAt !== null && now - oldestAt > 15 * 60_000) hints.push({ code: "mail_backlog_old", since: iso(oldestAt) });

  return {
    now: iso(now),
    outbox: {
      byStatus: statusCounts,
      oldestWaitingAt: oldestAt === null ? null : iso(oldestAt),
      oldestWaitingMinutes: oldestAt === null ? null : Math.floor((now - oldestAt) / 60_000),
      failedLast24h: count(failedRecent),
    },
    failures: failureRows,
    jobs: jobRows,
    hints,
  };
}
