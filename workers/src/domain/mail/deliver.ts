/**
 * The mail queue's consumer: renders one outbox row and hands it to the provider (Resend,
 * with the outbox id as Idempotency-Key) or, without a Resend key, to the dev mailbox.
 *
 * Exactly once: a row is claimed by a guarded UPDATE (queued → sending), so a message
 * delivered twice by the queue is sent once; a failed send returns the row to "queued"
 * and the queue retries it with back-off; the scheduled sweep re-enqueues rows that got
 * stuck. A mail failure never touches the registration itself.
 */
import { Resend } from "resend";
import { renderEmail, type EmailData } from "../../../../emails/render";
import type { EmailTemplate, Locale } from "../../../../db/schema";
import { isDevMode, type Env } from "../../env";
import { log } from "../../lib/log";
import { manageToken, manageUrl } from "../../lib/tokens";
import { eventText, loadEventById, localized } from "../events/public";

/** A "sending" row older than this is taken to be abandoned (the Worker died mid-send). */
export const SENDING_TIMEOUT_MS = 5 * 60_000;

type OutboxRow = {
  id: string;
  registrationId: number | null;
  template: EmailTemplate;
  toAddress: string;
  locale: Locale;
  data: string;
  attempts: number;
};

export type DeliveryResult = "sent" | "skipped" | "retry" | "failed";

class PermanentMailError extends Error {}

async function claim(env: Env, outboxId: string, now: number): Promise<OutboxRow | null> {
  return env.DB.prepare(
    `UPDATE outbox SET status = 'sending', attempts = attempts + 1, updated_at = ?2
     WHERE id = ?1 AND (status = 'queued' OR (status = 'sending' AND updated_at < ?3))
     RETURNING id, registration_id AS registrationId, template, to_address AS toAddress, locale, data, attempts`,
  )
    .bind(outboxId, now, now - SENDING_TIMEOUT_MS)
    .first<OutboxRow>();
}

/** Gathers the facts the template shows, as they are now, in the registration's locale. */
async function emailData(env: Env, row: OutboxRow): Promise<EmailData> {
  const registration = await env.DB.prepare(
    `SELECT r.name, r.places, r.status, r.event_id AS eventId, r.token_nonce AS tokenNonce,
            r.hold_expires_at AS holdExpiresAt, r.offer_expires_at AS offerExpiresAt, r.awaiting_email AS awaitingEmail,
            o.name AS organiser
     FROM registrations r JOIN events e ON e.id = r.event_id JOIN organisations o ON o.id = e.organisation_id
     WHERE r.id = ?1`,
  )
    .bind(row.registrationId)
    .first<{
      name: string;
      places: number;
      status: string;
      eventId: number;
      tokenNonce: string;
      holdExpiresAt: number | null;
      offerExpiresAt: number | null;
      awaitingEmail: number;
      organiser: string;
    }>();
  if (!registration) throw new PermanentMailError("registration no longer exists");
  const { event, sessions } = await loadEventById(env, registration.eventId);
  const extra = JSON.parse(row.data || "{}") as { waitlistPosition?: number | null; reason?: string | null };
  const iso = (ms: number | null) => (ms ? new Date(ms).toISOString() : null);
  const confirmedNow = registration.status === "confirmed" && !registration.awaitingEmail;
  return {
    name: registration.name,
    places: registration.places,
    manageUrl: manageUrl(env, await manageToken(env, registration.tokenNonce)),
    event: {
      title: eventText(event, "title", row.locale).text ?? event.slug,
      slug: event.slug,
      sessions: sessions
        .filter((s) => s.cancelledAt === null)
        .map((s) => ({ startsAt: new Date(s.startsAt).toISOString(), endsAt: new Date(s.endsAt).toISOString(), title: localized(s.title, row.locale).text })),
      location: event.location
        ? { name: event.location.name, address: event.location.address ?? null, accessibility: localized(event.location.accessibility, row.locale).text }
        : null,
      onlineUrl: confirmedNow ? event.onlineUrl : null,
      organiser: registration.organiser,
    },
    waitlistPosition: extra.waitlistPosition ?? null,
    holdExpiresAt: iso(registration.holdExpiresAt),
    offerExpiresAt: iso(registration.offerExpiresAt),
    reason: extra.reason ?? event.cancellationReason ?? null,
  };
}

function isRetryable(error: { statusCode?: number | null; name?: string }): boolean {
  const status = error.statusCode ?? 0;
  return status === 429 || status >= 500 || status === 0 || error.name === "rate_limit_exceeded";
}

/** Delivers one outbox row; tells the caller whether the queue should retry it. */
export async function deliverOutboxMessage(env: Env, outboxId: string, now = Date.now()): Promise<DeliveryResult> {
  const row = await claim(env, outboxId, now);
  if (!row) return "skipped"; // sent already, or another consumer is on it
  try {
    const rendered = await renderEmail(row.template, row.locale, await emailData(env, row));
    if (isDevMode(env)) {
      await env.DB.batch([
        env.DB.prepare(
          `INSERT OR IGNORE INTO dev_mailbox (outbox_id, to_address, subject, html, text, attachments, created_at)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)`,
        ).bind(row.id, row.toAddress, rendered.subject, rendered.html, rendered.text, JSON.stringify(rendered.attachments), now),
        env.DB.prepare(`UPDATE outbox SET status = 'sent', sent_at = ?2, updated_at = ?2, last_error = NULL WHERE id = ?1`).bind(row.id, now),
      ]);
      return "sent";
    }
    const resend = new Resend(env.RESEND_API_KEY);
    const { data, error } = await resend.emails.send(
      {
        from: env.MAIL_FROM,
        to: row.toAddress,
        subject: rendered.subject,
        html: rendered.html,
        text: rendered.text,
        attachments: rendered.attachments.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })),
      },
      { idempotencyKey: row.id },
    );
    if (error) {
      if (!isRetryable(error)) throw new PermanentMailError(error.message);
      throw new Error(error.message);
    }
    await env.DB.prepare(
      `UPDATE outbox SET status = 'sent', sent_at = ?2, updated_at = ?2, provider_message_id = ?3, last_error = NULL WHERE id = ?1`,
    )
      .bind(row.id, now, data?.id ?? null)
      .run();
    return "sent";
  } catch (error) {
    const permanent = error instanceof PermanentMailError;
    await env.DB.prepare(`UPDATE outbox SET status = ?2, last_error = ?3, updated_at = ?4 WHERE id = ?1`)
      .bind(row.id, permanent ? "failed" : "queued", String(error instanceof Error ? error.message : error).slice(0, 500), now)
      .run();
    log(permanent ? "error" : "warn", "mail.delivery_failed", { outboxId: row.id, template: row.template, attempts: row.attempts, permanent });
    return permanent ? "failed" : "retry";
  }
}

/** Back-off for queue retries: 2^attempts seconds with jitter, at most 15 minutes. */
export function retryDelaySeconds(attempts: number): number {
  const base = Math.min(900, 2 ** Math.min(attempts, 10));
  return Math.round(base / 2 + Math.random() * (base / 2));
}

/** Queue consumer: one outbox id per message. */
export async function consumeMailBatch(batch: MessageBatch<{ outboxId: string }>, env: Env): Promise<void> {
  for (const message of batch.messages) {
    const result = await deliverOutboxMessage(env, message.body.outboxId);
    if (result === "retry") message.retry({ delaySeconds: retryDelaySeconds(message.attempts) });
    else message.ack();
  }
}

/** Scheduled sweep: re-enqueues rows left "queued" (enqueue failed) or stuck in "sending". */
export async function sweepOutbox(env: Env, now: number): Promise<number> {
  const { results } = await env.DB.prepare(
    `SELECT id FROM outbox
     WHERE (status = 'queued' AND updated_at < ?1) OR (status = 'sending' AND updated_at < ?2)
     ORDER BY created_at LIMIT 500`,
  )
    .bind(now - 60_000, now - SENDING_TIMEOUT_MS)
    .all<{ id: string }>();
  const ids = results.map((r) => r.id);
  for (let i = 0; i < ids.length; i += 100) {
    await env.MAIL_QUEUE.sendBatch(ids.slice(i, i + 100).map((outboxId) => ({ body: { outboxId } })));
  }
  return ids.length;
}
