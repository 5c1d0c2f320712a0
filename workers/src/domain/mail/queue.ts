/**
 * The mail queue: its consumer (one outbox id per message), its dead-letter consumer, and the
 * minutely sweep that puts rows back on it. The outbox row is the truth; a message only says
 * "look at this row".
 */
import type { Env, MailMessage } from "../../env";
import { log } from "../../lib/log";
import { deliverClaimed, type DeliveryOptions } from "./deliver";
import { claim, retryDelaySeconds, SENDING_TIMEOUT_MS, type OutboxRow } from "./outbox-state";
import { SEND_TIMEOUT_MS } from "./provider";
import type { StoredOutbox } from "../../../../db/rows";

/** The dead-letter queue's name (wrangler.toml); its messages are rows the queue gave up on. */
export const DEAD_LETTER_QUEUE = "zusammen-mail-dlq";

/**
 * Queue consumer: one outbox id per message. The batch's rows are claimed first so that
 * bulk rows can share one provider call; each message is then acked or retried with the
 * delay its row asks for.
 */
export async function consumeMailBatch(batch: MessageBatch<MailMessage>, env: Env, options: DeliveryOptions = {}): Promise<void> {
  if (batch.queue === DEAD_LETTER_QUEUE) return consumeDeadLetters(batch, env);
  const now = options.now ?? Date.now();
  const claimed: { rows: OutboxRow[] } = { rows: [] };
  const byId = new Map<string, Message<MailMessage>>();
  for (const message of batch.messages) {
    const id = message.body?.outboxId;
    if (typeof id !== "string" || byId.has(id) || claimed.rows.some((r) => r.id === id)) {
      message.ack(); // malformed, or the same row twice in one batch
      continue;
    }
    const rows = await claim(env, id, now);
    if (rows.length === 0) {
      message.ack(); // sent, failed, not due yet (its own retry or the sweep brings it), or claimed elsewhere
      continue;
    }
    byId.set(id, message);
    claimed.rows.push(...rows);
  }
  if (claimed.rows.length === 0) return;
  const outcomes = await deliverClaimed(env, claimed.rows, now, options.timeoutMs ?? SEND_TIMEOUT_MS);
  for (const [id, message] of byId) {
    const outcome = outcomes.get(id);
    if (outcome?.result === "retry") message.retry({ delaySeconds: outcome.delaySeconds ?? retryDelaySeconds(message.attempts) });
    else message.ack();
  }
  // Rows claimed through a group whose own messages were acked earlier (or are elsewhere) and
  // must retry: the sweep re-enqueues them once their back-off has passed.
}

/**
 * Dead letters: the queue retried a message max_retries times. The outbox row stays the
 * source of truth: a row still queued goes back to the sweep (which retries it until its
 * give-up time), so nothing is lost; the dead letter itself is only logged.
 */
async function consumeDeadLetters(batch: MessageBatch<MailMessage>, env: Env): Promise<void> {
  for (const message of batch.messages) {
    const row = await env.DB.prepare(`SELECT status, attempts, last_error AS lastError FROM outbox WHERE id = ?1`)
      .bind(message.body?.outboxId ?? "")
      .first<Pick<StoredOutbox, "status" | "attempts" | "lastError">>();
    log("warn", "mail.dead_letter", { outboxId: message.body?.outboxId, status: row?.status, attempts: row?.attempts, error: row?.lastError });
    message.ack();
  }
}

/** The sweep leaves a row this long past its due time to the queue's own (delayed) message. */
export const SWEEP_GRACE_MS = 60_000;

/**
 * Scheduled sweep: re-enqueues rows left "queued" past their due time (enqueue failed, the
 * queue's retries ran out into the dead-letter queue, or its message was lost) and rows stuck
 * in "sending". It keeps to the same schedule as the queue (next_attempt_at), a grace period
 * later, so it does not race the queue's own retry.
 */
export async function sweepOutbox(env: Env, now: number): Promise<number> {
  const { results } = await env.DB.prepare(
    `SELECT id FROM outbox
     WHERE (status = 'queued' AND COALESCE(next_attempt_at, updated_at) <= ?1 - ${SWEEP_GRACE_MS})
        OR (status = 'sending' AND updated_at < ?2)
     ORDER BY created_at LIMIT 500`,
  )
    .bind(now, now - SENDING_TIMEOUT_MS)
    .all<Pick<StoredOutbox, "id">>();
  const ids = results.map((r) => r.id);
  for (let i = 0; i < ids.length; i += 100) {
    await env.MAIL_QUEUE.sendBatch(ids.slice(i, i + 100).map((outboxId) => ({ body: { outboxId } })));
  }
  return ids.length;
}
