/** The Worker: the HTTP API, the mail queue consumer and the scheduled jobs. */
import { buildApp } from "./app";
import type { Env, MailMessage } from "./env";
import { consumeMailBatch } from "./domain/mail/queue";
import { runScheduledJobs } from "./domain/scheduled";
import { log } from "./lib/log";
import { databaseNames, DEFAULT_DATABASE, withDatabase } from "./lib/tenants";

const app = buildApp();

/** A queue batch split by the database of each message's outbox row (lib/tenants.ts). */
function byDatabase(batch: MessageBatch<MailMessage>, env: Env): [Env, MessageBatch<MailMessage>][] {
  const known = new Set(databaseNames(env));
  const groups = new Map<string, Message<MailMessage>[]>();
  for (const message of batch.messages) {
    const name = message.body?.database ?? DEFAULT_DATABASE;
    if (!known.has(name)) {
      // A database no longer configured: nothing here can send it; its sweep will, once it is back.
      log("error", "mail.unknown_database", { database: name });
      message.ack();
      continue;
    }
    groups.set(name, [...(groups.get(name) ?? []), message]);
  }
  return [...groups].map(([name, messages]) => [
    withDatabase(env, name),
    {
      queue: batch.queue,
      metadata: batch.metadata,
      messages,
      ackAll: () => messages.forEach((m) => m.ack()),
      retryAll: (options) => messages.forEach((m) => m.retry(options)),
    },
  ]);
}

export default {
  fetch: app.fetch,
  async queue(batch: MessageBatch<MailMessage>, env: Env): Promise<void> {
    for (const [databaseEnv, part] of byDatabase(batch, env)) await consumeMailBatch(part, databaseEnv);
  },
  async scheduled(controller: ScheduledController, env: Env, ctx: ExecutionContext): Promise<void> {
    // Every database has its own deadlines, waitlists, outbox and job_runs.
    for (const name of databaseNames(env)) {
      await runScheduledJobs({ env: withDatabase(env, name), now: controller.scheduledTime, waitUntil: (p) => ctx.waitUntil(p) });
    }
  },
} satisfies ExportedHandler<Env, MailMessage>;
