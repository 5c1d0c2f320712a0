/**
 * The scheduled jobs (cron, every minute): deadlines first, so freed places are served in
 * the same run; then the safety nets for waitlists and the outbox; then housekeeping.
 *
 * One job throwing does not stop the others: each runs on its own, and each one's last run
 * (time, duration, result or error) is written to job_runs, which the status page shows. The
 * row "minutely" marks the run as a whole (the cron fires at all). A job that answers NOT_DUE
 * did not run, and its last run stays the one before.
 */
import type { DomainContext } from "./change";
import { isNotDue } from "./jobs";
import { queueOrganiserDigests } from "./mail/digest";
import { sweepOutbox } from "./mail/queue";
import { queueDueReminders } from "./mail/reminders";
import { hashPlainSuppressions } from "./mail/suppressions";
import { RUN_JOB } from "./operations/status";
import { runRetention } from "./privacy/retention";
import { deriveMissingFacts } from "./statistics/facts";
import { expireHolds, expireOffers } from "./places/expire";
import { serveAllWaitlists } from "./places/promote";
import { translateMissing } from "./events/translation";
import { log } from "../lib/log";

type Job = (ctx: DomainContext) => Promise<unknown>;

/** In order. The names are the job_runs rows. */
export const SCHEDULED_JOBS: readonly (readonly [string, Job])[] = [
  ["holds", expireHolds],
  ["offers", expireOffers],
  ["waitlists", serveAllWaitlists],
  ["reminders", queueDueReminders],
  ["digests", queueOrganiserDigests],
  ["outbox", (ctx) => sweepOutbox(ctx.env, ctx.now)],
  ["suppressions", (ctx) => hashPlainSuppressions(ctx.env)],
  // Before retention: rows from before the statistics facts get them (none in steady state).
  ["statistics_facts", (ctx) => deriveMissingFacts(ctx.env, ctx.now)],
  ["retention", runRetention],
  // Event texts left untranslated (only with the Workers AI binding; otherwise not due).
  ["translations", translateMissing],
];

export type JobOutcome = { job: string; ok: boolean; result: unknown; error: string | null; durationMs: number };

/** Runs one job, catching what it throws. */
async function runJob(ctx: DomainContext, job: string, run: Job): Promise<JobOutcome> {
  const started = Date.now();
  try {
    const result = await run(ctx);
    return { job, ok: true, result, error: null, durationMs: Date.now() - started };
  } catch (error) {
    const message = String(error instanceof Error ? error.message : error).slice(0, 1000);
    log("error", "scheduled.job_failed", { job, error: message, stack: error instanceof Error ? error.stack : undefined });
    return { job, ok: false, result: null, error: message, durationMs: Date.now() - started };
  }
}

function recordStatement(ctx: DomainContext, outcome: JobOutcome): D1PreparedStatement {
  return ctx.env.DB.prepare(
    `INSERT INTO job_runs (job, last_run_at, last_result, outcome, last_error, duration_ms, last_ok_at)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, CASE WHEN ?4 = 'ok' THEN ?2 END)
     ON CONFLICT (job) DO UPDATE SET last_run_at = excluded.last_run_at, last_result = excluded.last_result,
       outcome = excluded.outcome, last_error = excluded.last_error, duration_ms = excluded.duration_ms,
       last_ok_at = COALESCE(excluded.last_ok_at, job_runs.last_ok_at)`,
  ).bind(outcome.job, ctx.now, outcome.result === null || outcome.result === undefined ? null : JSON.stringify(outcome.result), outcome.ok ? "ok" : "error", outcome.error, outcome.durationMs);
}

/** Runs every job once; returns each job's result (or `{ error }`) by name. */
export async function runScheduledJobs(ctx: DomainContext, jobs: readonly (readonly [string, Job])[] = SCHEDULED_JOBS): Promise<Record<string, unknown>> {
  const started = Date.now();
  const outcomes: JobOutcome[] = [];
  for (const [job, run] of jobs) outcomes.push(await runJob(ctx, job, run));
  const failed = outcomes.filter((o) => !o.ok).map((o) => o.job);
  const summary: JobOutcome = {
    job: RUN_JOB,
    ok: failed.length === 0,
    result: { jobs: outcomes.length, failed },
    error: failed.length > 0 ? `failed: ${failed.join(", ")}` : null,
    durationMs: Date.now() - started,
  };
  await ctx.env.DB.batch([...outcomes.filter((o) => !(o.ok && isNotDue(o.result))), summary].map((o) => recordStatement(ctx, o)));
  return Object.fromEntries(outcomes.map((o) => [o.job, o.ok ? o.result : { error: o.error }]));
}
