/**
 * The scheduled jobs (cron, every minute): deadlines first, so freed places are served in
 * the same run; then the safety nets for waitlists and the outbox. Each job's last run is
 * recorded for operations.
 */
import type { DomainContext } from "./change";
import { sweepOutbox } from "./mail/deliver";
import { queueOrganiserDigests } from "./mail/digest";
import { queueDueReminders } from "./mail/reminders";
import { expireHolds, expireOffers } from "./places/expire";
import { serveAllWaitlists } from "./places/promote";
import { runRetention } from "./privacy/retention";
import { log } from "../lib/log";

export async function runScheduledJobs(ctx: DomainContext): Promise<Record<string, unknown>> {
  const holds = await expireHolds(ctx);
  const offers = await expireOffers(ctx);
  const waitlists = await serveAllWaitlists(ctx);
  const reminders = await queueDueReminders(ctx);
  const digests = await queueOrganiserDigests(ctx);
  const outbox = await sweepOutbox(ctx.env, ctx.now);
  // Last, and never in the way of the jobs above: a failure is recorded and retried next minute.
  const retention = await runRetention(ctx).catch((error: unknown) => {
    log("error", "retention.failed", { error: String(error) });
    return { error: String(error) };
  });
  const result = { holds, offers, waitlists, reminders, digests, outbox, retention };
  await ctx.env.DB.prepare(
    `INSERT INTO job_runs (job, last_run_at, last_result) VALUES ('minutely', ?1, ?2)
     ON CONFLICT (job) DO UPDATE SET last_run_at = excluded.last_run_at, last_result = excluded.last_result`,
  )
    .bind(ctx.now, JSON.stringify(result))
    .run();
  return result;
}
