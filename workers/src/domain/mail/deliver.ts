/**
 * Delivering claimed outbox rows: each is composed (compose.ts), then handed to the provider
 * (provider.ts) or, without a Resend key, to the dev mailbox; the outcome moves the row on
 * (outbox-state.ts). The queue consumer and the sweep that feed this are in queue.ts.
 *
 * Exactly once: a row is claimed by a guarded UPDATE (queued → sending), so a message
 * delivered twice is sent once; the provider's idempotency key covers a send whose answer
 * was lost (timeout) and is retried. A mail failure never touches the registration itself.
 *
 * Bulk templates (reminders, certificates, organiser messages) go through Resend's batch
 * endpoint, up to 100 per call. That endpoint takes ONE idempotency key per call, not one per
 * email (https://resend.com/changelog/batch-idempotency-keys), so a batch's key is derived
 * from its member ids, and the members are written into each row (`data.batch`) before the
 * call: a retry, whichever member's message arrives first, claims and re-sends exactly that
 * group with the same key. Transactional mail (confirmations, offers, …) is always sent alone,
 * keyed by its own outbox id, and carries the calendar file (the batch endpoint takes no attachments).
 */
import { BULK_TEMPLATES } from "../../../../emails/render";
import { missingConfiguration, usesDevMailbox, type Env } from "../../env";
import { log } from "../../lib/log";
import { sha256 } from "../../lib/tokens";
import { PermanentMailError, prepare, type EventCache, type Prepared } from "./compose";
import { BATCH_LIMIT, safely, sendBatch, sendSingle, SEND_TIMEOUT_MS } from "./provider";
import { batchOf, claim, finish, markSentStatement, type DeliveryResult, type Disposition, type OutboxRow } from "./outbox-state";

export type { DeliveryResult };
export type DeliveryOptions = { now?: number; timeoutMs?: number };

async function deliverToDevMailbox(env: Env, prepared: Prepared, now: number): Promise<void> {
  const { row, rendered } = prepared;
  await env.DB.batch([
    env.DB.prepare(
      `INSERT OR IGNORE INTO dev_mailbox (outbox_id, to_address, subject, html, text, attachments, created_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)`,
    ).bind(row.id, row.toAddress, rendered.subject, rendered.html, rendered.text, JSON.stringify(rendered.attachments), now),
    markSentStatement(env, row.id, now),
  ]);
}

/**
 * Delivers claimed rows: each is prepared (suppression, render), then transactional rows go
 * alone and bulk rows go in batch calls. Returns, per outbox id, what the queue should do.
 */
export async function deliverClaimed(
  env: Env,
  rows: OutboxRow[],
  now: number,
  timeoutMs: number,
): Promise<Map<string, Disposition>> {
  const outcomes = new Map<string, Disposition>();
  const record = (group: OutboxRow[], outcome: Disposition) => {
    for (const row of group) outcomes.set(row.id, outcome);
  };
  // Not configured (no Resend key, no token secret outside development mode): nothing is
  // rendered or sent anywhere else, and the rows wait, retried like a provider outage.
  const missing = missingConfiguration(env);
  if (missing.length > 0) {
    log("error", "mail.not_configured", { missing, count: rows.length });
    record(rows, await finish(env, rows, { kind: "retry", message: `not configured: ${missing.join(", ")} missing`, retryAfterSeconds: null }, now));
    return outcomes;
  }
  const prepared: Prepared[] = [];
  const events: EventCache = new Map();
  for (const row of rows) {
    try {
      prepared.push(await prepare(env, row, events));
    } catch (error) {
      const permanent = error instanceof PermanentMailError;
      const message = String(error instanceof Error ? error.message : error);
      record([row], await finish(env, [row], permanent ? { kind: "failed", message } : { kind: "retry", message, retryAfterSeconds: null }, now));
    }
  }

  if (usesDevMailbox(env)) {
    for (const p of prepared) {
      await deliverToDevMailbox(env, p, now);
      record([p.row], { result: "sent" });
    }
    return outcomes;
  }

  // Rows already sent as one batch call are re-sent as that group with its key.
  const groups = new Map<string, { key: string; members: Prepared[] }>();
  const bulk: Prepared[] = [];
  for (const p of prepared) {
    const group = batchOf(p.row);
    if (group) {
      const entry = groups.get(group.key) ?? { key: group.key, members: [] };
      entry.members.push(p);
      groups.set(group.key, entry);
    } else if (BULK_TEMPLATES.has(p.row.template) && p.rendered.attachments.length === 0) {
      bulk.push(p);
    } else {
      record([p.row], await finish(env, [p.row], await safely(() => sendSingle(env, p, timeoutMs)), now));
    }
  }
  if (bulk.length === 1) {
    const [only] = bulk;
    record([only!.row], await finish(env, [only!.row], await safely(() => sendSingle(env, only!, timeoutMs)), now));
  } else {
    for (let i = 0; i < bulk.length; i += BATCH_LIMIT) {
      const members = bulk.slice(i, i + BATCH_LIMIT);
      const ids = members.map((m) => m.row.id).sort();
      const key = `batch-${await sha256(ids.join(","))}`;
      // Written before the call: whatever happens to the call, a retry re-forms this group.
      await env.DB.prepare(
        `UPDATE outbox SET data = json_set(data, '$.batch', json(?2)) WHERE id IN (SELECT value FROM json_each(?1))`,
      )
        .bind(JSON.stringify(ids), JSON.stringify({ key, ids }))
        .run();
      groups.set(key, { key, members });
    }
  }
  for (const { key, members } of groups.values()) {
    const memberRows = members.map((m) => m.row);
    record(memberRows, await finish(env, memberRows, await safely(() => sendBatch(env, members, key, timeoutMs)), now));
  }
  return outcomes;
}

/** Delivers one outbox row (and, if it was part of a batch call, its group); tells the caller whether the queue should retry it. */
export async function deliverOutboxMessage(env: Env, outboxId: string, options: DeliveryOptions | number = {}): Promise<DeliveryResult> {
  const { now = Date.now(), timeoutMs = SEND_TIMEOUT_MS } = typeof options === "number" ? { now: options } : options;
  const rows = await claim(env, outboxId, now);
  if (rows.length === 0) return "skipped"; // sent already, not due yet, or another consumer is on it
  const outcomes = await deliverClaimed(env, rows, now, timeoutMs);
  return outcomes.get(outboxId)?.result ?? "skipped";
}
