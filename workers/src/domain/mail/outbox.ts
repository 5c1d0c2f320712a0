import type { Env } from "../../env";
import { log } from "../../lib/log";

/**
 * Puts outbox ids on the mail queue. A failure here loses nothing: the row stays "queued"
 * and the scheduled sweep enqueues it again.
 */
export async function enqueueMail(env: Env, outboxIds: string[]): Promise<void> {
  try {
    for (let i = 0; i < outboxIds.length; i += 100) {
      await env.MAIL_QUEUE.sendBatch(outboxIds.slice(i, i + 100).map((outboxId) => ({ body: { outboxId } })));
    }
  } catch (error) {
    log("warn", "mail.enqueue_failed", { count: outboxIds.length, error: String(error) });
  }
}
