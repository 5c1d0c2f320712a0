/**
 * The administrators' status page: is mail going out, are the scheduled jobs running?
 *
 * - the outbox backlog by status and the age of the oldest email still waiting;
 * - the emails given up (failed; an administrator can queue one again) and those being
 *   retried, with attempts, next attempt and the provider's error with addresses removed
 *   (never a recipient);
 * - each scheduled job's last run: when, how long, its result or its error (job_runs);
 * - hints: a cron that has not run for 5 minutes, a job whose last run threw, emails stuck in
 *   "sending", emails retried often (the provider may be down), emails given up.
 */
import type { Env } from "../../env";
import { redactEmails } from "../../lib/log";
import { RETRY_HORIZON_MS, SENDING_TIMEOUT_MS } from "../mail/outbox-state";
import type { JobRun, MailFailure, OperationsStatus, StatusHint } from "./status-types";
import { iso } from "../../lib/dates";

export type { OperationsStatus, StatusHint };

/** The job that marks the whole minutely run (its absence means the cron does not fire). */
export const RUN_JOB = "minutely";

export async function operationsStatus(env: Env, now: number): Promise<OperationsStatus> {
  const db = env.DB;
  const [byStatus, oldest, failedRecent, failures, jobs, stuck, retrying] = await db.batch([
    db.prepare(`SELECT status, COUNT(*) AS n FROM outbox GROUP BY status`),
    db.prepare(`SELECT MIN(created_at) AS at FROM outbox WHERE status IN ('queued', 'sending')`),
    db.prepare(`SELECT COUNT(*) AS n FROM outbox WHERE status = 'failed' AND updated_at > ?1`).bind(now - 86_400_000),
    db.prepare(
      `SELECT id, template, status, attempts, updated_at AS at, created_at AS createdAt, next_attempt_at AS nextAttemptAt,
              COALESCE(give_up_at, created_at + ${RETRY_HORIZON_MS}) AS giveUpAt, last_error AS error FROM outbox
       WHERE status = 'failed' OR (status = 'queued' AND last_error IS NOT NULL)
       ORDER BY status = 'failed' DESC, updated_at DESC LIMIT 50`,
    ),
    db.prepare(
      `SELECT job, last_run_at AS at, last_result AS result, outcome, last_error AS error, duration_ms AS durationMs, last_ok_at AS lastOkAt
       FROM job_runs ORDER BY job = '${RUN_JOB}' DESC, job`,
    ),
    db.prepare(`SELECT COUNT(*) AS n FROM outbox WHERE status = 'sending' AND updated_at < ?1`).bind(now - SENDING_TIMEOUT_MS),
    db.prepare(`SELECT COUNT(*) AS n FROM outbox WHERE status = 'queued' AND attempts >= 3`),
  ]);
  const count = (r: D1Result | undefined) => Number((r?.results[0] as { n?: number } | undefined)?.n ?? 0);
  const statusCounts = Object.fromEntries(((byStatus?.results ?? []) as { status: string; n: number }[]).map((r) => [r.status, Number(r.n)]));
  const oldestAt = (oldest?.results[0] as { at: number | null } | undefined)?.at ?? null;
  type JobRow = { job: string; at: number; result: string | null; outcome: "ok" | "error"; error: string | null; durationMs: number | null; lastOkAt: number | null };
  const jobRows: JobRun[] = ((jobs?.results ?? []) as JobRow[]).map((j) => ({
    job: j.job,
    lastRunAt: iso(j.at),
    minutesAgo: Math.floor((now - j.at) / 60_000),
    outcome: j.outcome,
    durationMs: j.durationMs,
    error: j.error ? redactEmails(j.error).slice(0, 300) : null,
    lastOkAt: iso(j.lastOkAt),
    result: j.result ? (JSON.parse(j.result) as unknown) : null,
  }));
  type FailureRow = { id: string; template: string; status: "failed" | "queued"; attempts: number; at: number; createdAt: number; nextAttemptAt: number | null; giveUpAt: number; error: string | null };
  const failureRows: MailFailure[] = ((failures?.results ?? []) as FailureRow[]).map((f) => ({
    id: f.id,
    template: f.template,
    status: f.status,
    attempts: f.attempts,
    at: iso(f.at),
    createdAt: iso(f.createdAt),
    nextAttemptAt: f.status === "queued" && f.nextAttemptAt !== null ? iso(f.nextAttemptAt) : null,
    giveUpAt: iso(f.giveUpAt),
    error: f.error ? redactEmails(f.error).slice(0, 300) : null,
  }));

  const hints: StatusHint[] = [];
  const minutely = jobRows.find((j) => j.job === RUN_JOB);
  if (!minutely) hints.push({ code: "cron_never_ran" });
  else if (minutely.minutesAgo >= 5) hints.push({ code: "cron_stale", since: minutely.lastRunAt });
  for (const job of jobRows) if (job.job !== RUN_JOB && job.outcome === "error") hints.push({ code: "job_failing", job: job.job, since: job.lastOkAt ?? undefined });
  if (count(stuck) > 0) hints.push({ code: "mail_stuck_sending", count: count(stuck) });
  if (count(retrying) > 0) hints.push({ code: "mail_retrying", count: count(retrying) });
  const givenUp = statusCounts.failed ?? 0;
  if (givenUp > 0) hints.push({ code: "mail_given_up", count: givenUp });
  if (oldestAt !== null && now - oldestAt > 15 * 60_000) hints.push({ code: "mail_backlog_old", since: iso(oldestAt) });

  return {
    now: iso(now),
    outbox: {
      byStatus: statusCounts,
      oldestWaitingAt: iso(oldestAt),
      oldestWaitingMinutes: oldestAt === null ? null : Math.floor((now - oldestAt) / 60_000),
      failedLast24h: count(failedRecent),
    },
    failures: failureRows,
    jobs: jobRows,
    hints,
  };
}
