/**
 * The outbox row's states: queued → sending → sent, or back to queued to be retried, or
 * failed. Each move is one guarded statement, so a row delivered twice by the queue, or
 * swept while the queue still carries it, is sent once.
 *
 * Retrying is bounded by time, not by a count: mail providers' outages last hours, so a row
 * is retried until its give-up time (created_at + RETRY_HORIZON_MS, or give_up_at after a
 * retry by hand), with exponential back-off capped at MAX_BACKOFF_SECONDS, never sooner than
 * the provider's `retry-after`. The row's next_attempt_at is the one schedule that the queue's
 * delayed retry and the minutely sweep both keep to (queue.ts). Then the row is failed: the
 * status page lists it with a retry button and the organisers' digest counts it.
 */
import type { Env } from "../../env";
import { log } from "../../lib/log";
import type { StoredOutbox } from "../../../../db/rows";

/** A "sending" row older than this is taken to be abandoned (the Worker died mid-send). */
export const SENDING_TIMEOUT_MS = 5 * 60_000;
/** How long a row is retried before it is given up. */
export const RETRY_HORIZON_MS = 72 * 3600_000;
/** Back-off between attempts grows to this and stays there. */
export const MAX_BACKOFF_SECONDS = 30 * 60;
/** Queues accept delays up to 12 hours (a provider's retry-after may ask for more than the cap). */
const MAX_QUEUE_DELAY_SECONDS = 12 * 3600;
/** A message arriving this much before its row's next attempt is still taken (queue timing is not exact). */
export const EARLY_TOLERANCE_MS = 5_000;

export type OutboxRow = Pick<StoredOutbox, "id" | "registrationId" | "template" | "toAddress" | "locale" | "data" | "attempts" | "createdAt"> & {
  /** When retries stop (CLAIM_COLUMNS fills it in for rows written without one). */
  giveUpAt: number;
};

/** What one provider call (or composing the email) came to, for every row it carried. */
export type SendOutcome =
  | { kind: "sent"; providerIds: (string | null)[] }
  | { kind: "retry"; message: string; retryAfterSeconds: number | null }
  | { kind: "failed"; message: string };

export type DeliveryResult = "sent" | "skipped" | "retry" | "failed";
/** What the queue should do with a row's message. */
export type Disposition = { result: DeliveryResult; delaySeconds?: number };

type BatchGroup = { key: string; ids: string[] };

const CLAIM_COLUMNS = `id, registration_id AS registrationId, template, to_address AS toAddress, locale, data, attempts,
  created_at AS createdAt, COALESCE(give_up_at, created_at + ${RETRY_HORIZON_MS}) AS giveUpAt`;

export function parseData(row: Pick<OutboxRow, "data">): Record<string, unknown> {
  try {
    const value = JSON.parse(row.data || "{}");
    return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The batch call a row was part of (written before that call), or null. */
export function batchOf(row: Pick<OutboxRow, "data">): BatchGroup | null {
  const batch = parseData(row).batch as BatchGroup | undefined;
  return batch && typeof batch.key === "string" && Array.isArray(batch.ids) ? batch : null;
}

/**
 * Claims a row (queued and due, or "sending" but abandoned) for this consumer. A row that was
 * part of a batch call claims its whole group in one statement, so only one consumer re-sends
 * it. A row whose next attempt lies ahead is left alone: its own retry (or the sweep) comes.
 */
export async function claim(env: Env, outboxId: string, now: number): Promise<OutboxRow[]> {
  const current = await env.DB.prepare(`SELECT data FROM outbox WHERE id = ?1`).bind(outboxId).first<Pick<StoredOutbox, "data">>();
  if (!current) return [];
  const group = batchOf(current);
  const ids = group ? group.ids : [outboxId];
  const { results } = await env.DB.prepare(
    `UPDATE outbox SET status = 'sending', attempts = attempts + 1, updated_at = ?2
     WHERE id IN (SELECT value FROM json_each(?1))
       AND ((status = 'queued' AND COALESCE(next_attempt_at, 0) <= ?2 + ${EARLY_TOLERANCE_MS})
         OR (status = 'sending' AND updated_at < ?3))
     RETURNING ${CLAIM_COLUMNS}`,
  )
    .bind(JSON.stringify(ids), now, now - SENDING_TIMEOUT_MS)
    .all<OutboxRow>();
  return results;
}

/**
 * Back-off before the next attempt: 2^attempts seconds with jitter, at most
 * MAX_BACKOFF_SECONDS, never less than retry-after (up to the queue's longest delay).
 */
export function retryDelaySeconds(attempts: number, retryAfterSeconds: number | null = null): number {
  const base = Math.min(MAX_BACKOFF_SECONDS, 2 ** Math.min(attempts, 11));
  const jittered = Math.round(base / 2 + Math.random() * (base / 2));
  return Math.min(MAX_QUEUE_DELAY_SECONDS, Math.max(1, jittered, retryAfterSeconds ?? 0));
}

const hours = (ms: number) => Math.round(ms / 3_600_000);

/** Writes the outcome of one provider call (or of composing) to its rows; tells the queue what to do. */
export async function finish(env: Env, rows: OutboxRow[], outcome: SendOutcome, now: number): Promise<Disposition> {
  const ids = JSON.stringify(rows.map((r) => r.id));
  if (outcome.kind === "sent") {
    await env.DB.batch(
      rows.map((row, i) =>
        env.DB.prepare(
          `UPDATE outbox SET status = 'sent', sent_at = ?2, updated_at = ?2, provider_message_id = ?3, last_error = NULL, next_attempt_at = NULL WHERE id = ?1`,
        ).bind(row.id, now, outcome.providerIds[i] ?? null),
      ),
    );
    return { result: "sent" };
  }
  const attempts = Math.max(...rows.map((r) => r.attempts));
  // A batch group lives and dies together: the earliest give-up time of its members counts.
  const giveUpAt = Math.min(...rows.map((r) => r.giveUpAt));
  const firstCreated = Math.min(...rows.map((r) => r.createdAt));
  const giveUp = outcome.kind === "failed" || now >= giveUpAt;
  const message =
    outcome.kind === "retry" && giveUp ? `gave up after ${attempts} attempts in ${hours(now - firstCreated)} hours: ${outcome.message}` : outcome.message;
  // The last retry falls on the give-up time, not past it.
  const delaySeconds = giveUp
    ? undefined
    : Math.max(1, Math.min(retryDelaySeconds(attempts, outcome.kind === "retry" ? outcome.retryAfterSeconds : null), Math.ceil((giveUpAt - now) / 1000)));
  await env.DB.prepare(
    `UPDATE outbox SET status = ?2, last_error = ?3, updated_at = ?4, next_attempt_at = ?5 WHERE id IN (SELECT value FROM json_each(?1))`,
  )
    .bind(ids, giveUp ? "failed" : "queued", message.slice(0, 500), now, delaySeconds === undefined ? null : now + delaySeconds * 1000)
    .run();
  log(giveUp ? "error" : "warn", "mail.delivery_failed", {
    outboxIds: rows.map((r) => r.id),
    templates: [...new Set(rows.map((r) => r.template))],
    attempts,
    permanent: giveUp,
    error: message.slice(0, 200),
  });
  return giveUp ? { result: "failed" } : { result: "retry", delaySeconds };
}

/** A dev-mailbox delivery: the mail row and the outbox's move to "sent" in one batch. */
export function markSentStatement(env: Env, outboxId: string, now: number): D1PreparedStatement {
  return env.DB.prepare(`UPDATE outbox SET status = 'sent', sent_at = ?2, updated_at = ?2, last_error = NULL, next_attempt_at = NULL WHERE id = ?1`).bind(
    outboxId,
    now,
  );
}

/**
 * An administrator's retry of a failed row: queued again, due now, with a fresh retry horizon.
 * It leaves any batch group it was sent in (the group's key belongs to the group's bytes) and
 * goes out under its own id. Returns false when the row is not (or no longer) failed.
 */
export async function requeueFailed(env: Env, outboxId: string, now: number): Promise<boolean> {
  const row = await env.DB.prepare(
    `UPDATE outbox SET status = 'queued', next_attempt_at = ?2, give_up_at = ?3, updated_at = ?2, data = json_remove(data, '$.batch')
     WHERE id = ?1 AND status = 'failed' RETURNING id`,
  )
    .bind(outboxId, now, now + RETRY_HORIZON_MS)
    .first<Pick<StoredOutbox, "id">>();
  return row !== null;
}
