/** The Worker: the HTTP API, the mail queue consumer and the scheduled jobs. */
import { buildApp } from "./app";
import type { Env, MailMessage } from "./env";
import { consumeMailBatch } from "./domain/mail/queue";
import { runScheduledJobs } from "./domain/scheduled";

const app = buildApp();

export default {
  fetch: app.fetch,
  async queue(batch: MessageBatch<MailMessage>, env: Env): Promise<void> {
    await consumeMailBatch(batch, env);
  },
  async scheduled(controller: ScheduledController, env: Env, ctx: ExecutionContext): Promise<void> {
    await runScheduledJobs({ env, now: controller.scheduledTime, waitUntil: (p) => ctx.waitUntil(p) });
  },
} satisfies ExportedHandler<Env, MailMessage>;
