/**
 * The mail queue's consumer: renders outbox rows and hands them to the provider (Resend,
 * with the outbox id as Idempotency-Key) or, without a Resend key, to the dev mailbox.
 *
 * Exactly once: a row is claimed by a guarded UPDATE (queued → sending), so a message
 * delivered twice by the queue is sent once; the provider's idempotency key covers a send
 * whose answer was lost (timeout) and is retried. A failed send returns the row to
 * "queued" and the queue retries it with back-off; the scheduled sweep re-enqueues rows
 * that got stuck. A mail failure never touches the registration itself.
 *
 * Retries (https://resend.com/docs/api-reference/errors): network errors, timeouts, 429 and
 * 5xx are retried with exponential back-off and jitter, at least as long as `retry-after`
 * asks; other 4xx (validation, unverified domain, …) are permanent: the row is "failed" with
 * the provider's message, which organisers see. After MAX_ATTEMPTS a row is given up
 * ("failed"), so neither the queue nor the sweep loops on it forever.
 *
 * Bulk templates (reminders, certificates, organiser messages) go through Resend's batch
 * endpoint, up to 100 per call. That endpoint takes ONE idempotency key per call, not one per
 * email (https://resend.com/changelog/batch-idempotency-keys), so a batch's key is derived
 * from its member ids, and the members are written into each row (`data.batch`) before the
 * call: a retry, whichever member's message arrives first, claims and re-sends exactly that
 * group with the same key. Transactional mail (confirmations, offers, …) is always sent alone,
 * keyed by its own outbox id, and carries the calendar file (the batch endpoint takes no attachments).
 */
import { Resend } from "resend";
import {
  BULK_TEMPLATES,
  isStaffTemplate,
  renderEmail,
  type DigestEvent,
  type EmailData,
  type EventChange,
  type RenderedEmail,
  type StaffEmailData,
} from "../../../../emails/render";
import type { EmailTemplate, Locale, Role } from "../../../../db/schema";
import { isDevMode, type Env, type MailMessage } from "../../env";
import { log } from "../../lib/log";
import { manageToken, manageUrl, sha256, signInToken, signInUrl } from "../../lib/tokens";
import { eventText, loadEventById, localized } from "../events/public";
import { dataAccessEmailData } from "../privacy/links";
import { checkInQrForEmail } from "../attendance/qr";

/** A "sending" row older than this is taken to be abandoned (the Worker died mid-send). */
export const SENDING_TIMEOUT_MS = 5 * 60_000;
/** The provider call is abandoned after this long and retried (same idempotency key). */
export const SEND_TIMEOUT_MS = 15_000;
/** After this many attempts a row is marked failed instead of retried. */
export const MAX_ATTEMPTS = 12;
/** Resend's batch endpoint takes at most 100 emails per call. */
export const BATCH_LIMIT = 100;
/** Sign-in links run out this long after they were asked for. */
export const SIGN_IN_VALID_MS = 10 * 60_000;
/** Queues accept delays up to 12 hours. */
const MAX_DELAY_SECONDS = 12 * 3600;

type OutboxRow = {
  id: string;
  registrationId: number | null;
  template: EmailTemplate;
  toAddress: string;
  locale: Locale;
  data: string;
  attempts: number;
  createdAt: number;
};

export type DeliveryResult = "sent" | "skipped" | "retry" | "failed";
export type DeliveryOptions = { now?: number; timeoutMs?: number };

/** What one provider call came to, for every row it carried. */
type SendOutcome =
  | { kind: "sent"; providerIds: (string | null)[] }
  | { kind: "retry"; message: string; retryAfterSeconds: number | null }
  | { kind: "failed"; message: string };

class PermanentMailError extends Error {}

type BatchGroup = { key: string; ids: string[] };

const CLAIM_COLUMNS = `id, registration_id AS registrationId, template, to_address AS toAddress, locale, data, attempts, created_at AS createdAt`;

function parseData(row: Pick<OutboxRow, "data">): Record<string, unknown> {
  try {
    const value = JSON.parse(row.data || "{}");
    return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function batchOf(row: Pick<OutboxRow, "data">): BatchGroup | null {
  const batch = parseData(row).batch as BatchGroup | undefined;
  return batch && typeof batch.key === "string" && Array.isArray(batch.ids) ? batch : null;
}

/**
 * Claims a row (queued, or "sending" but abandoned) for this consumer. A row that was part
 * of a batch call claims its whole group in one statement, so only one consumer re-sends it.
 */
async function claim(env: Env, outboxId: string, now: number): Promise<OutboxRow[]> {
  const current = await env.DB.prepare(`SELECT data FROM outbox WHERE id = ?1`).bind(outboxId).first<{ data: string }>();
  if (!current) return [];
  const group = batchOf(current);
  const ids = group ? group.ids : [outboxId];
  const { results } = await env.DB.prepare(
    `UPDATE outbox SET status = 'sending', attempts = attempts + 1, updated_at = ?2
     WHERE id IN (SELECT value FROM json_each(?1)) AND (status = 'queued' OR (status = 'sending' AND updated_at < ?3))
     RETURNING ${CLAIM_COLUMNS}`,
  )
    .bind(JSON.stringify(ids), now, now - SENDING_TIMEOUT_MS)
    .all<OutboxRow>();
  return results;
}

/** The bounce state of an address: what organisers see on a registration (null: none known). */
export async function suppressionFor(
  env: Env,
  email: string,
): Promise<{ reason: "bounce" | "complaint"; detail: string | null; since: string } | null> {
  const row = await env.DB.prepare(
    `SELECT reason, detail, created_at AS createdAt FROM email_suppressions WHERE email_normalized = ?1`,
  )
    .bind(email.trim().toLowerCase())
    .first<{ reason: "bounce" | "complaint"; detail: string | null; createdAt: number }>();
  return row ? { reason: row.reason, detail: row.detail, since: new Date(row.createdAt).toISOString() } : null;
}

const EVENT_CHANGES: readonly EventChange[] = ["date", "time", "place", "online"];

/** Gathers the facts a participant email shows, as they are now, in the registration's locale. */
async function emailData(env: Env, row: OutboxRow, events: EventCache): Promise<EmailData> {
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
  let loading = events.get(registration.eventId);
  if (!loading) events.set(registration.eventId, (loading = loadEventById(env, registration.eventId)));
  const { event, sessions } = await loading;
  const extra = parseData(row) as {
    waitlistPosition?: number | null;
    reason?: string | null;
    sessionId?: number;
    changes?: unknown;
    subject?: string;
    body?: string;
  };
  const iso = (ms: number | null) => (ms ? new Date(ms).toISOString() : null);
  const confirmedNow = registration.status === "confirmed" && !registration.awaitingEmail;
  const emailSessions = sessions
    .filter((s) => s.cancelledAt === null)
    .map((s) => ({
      id: s.id,
      startsAt: new Date(s.startsAt).toISOString(),
      endsAt: new Date(s.endsAt).toISOString(),
      title: localized(s.title, row.locale).text,
    }));
  if (row.template === "reminder" && !emailSessions.some((s) => s.id === extra.sessionId)) {
    throw new PermanentMailError("the session of this reminder no longer exists");
  }
  return {
    name: registration.name,
    places: registration.places,
    manageUrl: manageUrl(env, await manageToken(env, registration.tokenNonce)),
    event: {
      title: eventText(event, "title", row.locale).text ?? event.slug,
      slug: event.slug,
      sessions: emailSessions,
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
    reminderSession: emailSessions.find((s) => s.id === extra.sessionId) ?? null,
    changes: Array.isArray(extra.changes) ? extra.changes.filter((c): c is EventChange => EVENT_CHANGES.includes(c as EventChange)) : [],
    message: row.template === "organiser_message" ? { subject: String(extra.subject ?? ""), body: String(extra.body ?? "") } : null,
    // No event field for it yet; the console's event editor would add it.
    whatToBring: null,
    // The check-in QR code (a hosted PNG that carries only the check-in code) for confirmed registrations.
    checkInQr: confirmedNow && row.registrationId !== null ? await checkInQrForEmail(env, row.registrationId) : null,
  };
}

/** Staff emails take what they show from the outbox row's data (see outbox.ts StaffMailData). */
async function staffEmailData(env: Env, row: OutboxRow): Promise<StaffEmailData> {
  const data = parseData(row) as {
    nonce?: string;
    name?: string | null;
    organisation?: string;
    role?: Role;
    inviter?: string;
    expiresAt?: number;
    eventId?: number;
    applicant?: string;
    date?: string;
    events?: DigestEvent[];
  };
  const base = env.PUBLIC_URL.replace(/\/$/, "");
  const name = data.name ?? null;
  switch (row.template) {
    case "login_link":
    case "invitation": {
      if (!data.nonce) throw new PermanentMailError("no sign-in nonce in the outbox row");
      const expiresAt = data.expiresAt ?? row.createdAt + SIGN_IN_VALID_MS;
      return {
        name,
        organisation: data.organisation ?? "zusammen",
        url: signInUrl(env, await signInToken(env, data.nonce)),
        expiresAt: new Date(expiresAt).toISOString(),
        inviter: data.inviter,
        role: data.role,
      };
    }
    case "application_received": {
      if (typeof data.eventId !== "number") throw new PermanentMailError("no event in the outbox row");
      const event = await env.DB.prepare(
        `SELECT e.slug, e.texts, o.name AS organisation FROM events e JOIN organisations o ON o.id = e.organisation_id WHERE e.id = ?1`,
      )
        .bind(data.eventId)
        .first<{ slug: string; texts: string; organisation: string }>();
      if (!event) throw new PermanentMailError("event no longer exists");
      const texts = JSON.parse(event.texts) as Record<string, { title?: string }>;
      return {
        name,
        organisation: event.organisation,
        url: `${base}/console/event?slug=${encodeURIComponent(event.slug)}`,
        event: texts[row.locale]?.title ?? texts.de?.title ?? event.slug,
        applicant: data.applicant ?? "",
      };
    }
    case "organiser_digest":
      return { name, organisation: data.organisation ?? "zusammen", url: `${base}/console`, date: data.date, events: data.events ?? [] };
    case "data_access":
      return dataAccessEmailData(env, row);
    default:
      throw new PermanentMailError(`template ${row.template} needs a registration`);
  }
}

type Prepared = { row: OutboxRow; rendered: RenderedEmail };
/** Events loaded once per consumer batch (a batch of reminders is mostly one event). */
type EventCache = Map<number, ReturnType<typeof loadEventById>>;

/** Suppression check and rendering: a prepared email, or the row's final outcome. */
async function prepare(env: Env, row: OutboxRow, events: EventCache): Promise<Prepared> {
  const suppressed = await env.DB.prepare(`SELECT 1 AS yes FROM email_suppressions WHERE email_normalized = ?1`)
    .bind(row.toAddress.trim().toLowerCase())
    .first();
  if (suppressed) throw new PermanentMailError("suppressed");
  const data = row.registrationId === null || isStaffTemplate(row.template) ? await staffEmailData(env, row) : await emailData(env, row, events);
  // The creation time as DTSTAMP: a retry renders the same bytes (the provider refuses a
  // reused idempotency key with a different body).
  const rendered = await renderEmail(row.template, row.locale, data as EmailData & StaffEmailData, { stampedAt: new Date(row.createdAt) });
  return { row, rendered };
}

function resendClient(env: Env): Resend {
  return new Resend(env.RESEND_API_KEY, env.RESEND_BASE_URL ? { baseUrl: env.RESEND_BASE_URL.replace(/\/$/, "") } : undefined);
}

/** Seconds from a `retry-after` header (seconds or an HTTP date). */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}

/** Maps the SDK's answer (it never throws: network errors and timeouts come back with statusCode null). */
function classify(
  error: { statusCode?: number | null; name?: string; message?: string },
  headers: Record<string, string> | null,
): SendOutcome {
  const status = error.statusCode ?? 0;
  const message = `${status || "network"} ${error.name ?? "error"}: ${error.message ?? ""}`.trim();
  // The key was used before with another body: the first request went through.
  if (error.name === "invalid_idempotent_request") return { kind: "sent", providerIds: [] };
  if (status === 0 || status === 408 || status === 429 || status >= 500 || error.name === "concurrent_idempotent_requests") {
    return { kind: "retry", message, retryAfterSeconds: parseRetryAfter(headers?.["retry-after"]) };
  }
  return { kind: "failed", message };
}

function payload(env: Env, prepared: Prepared) {
  const { row, rendered } = prepared;
  return {
    from: env.MAIL_FROM,
    to: row.toAddress,
    subject: rendered.subject,
    html: rendered.html,
    text: rendered.text,
  };
}

/** Anything thrown around a provider call (not an answer from it) is retryable: the key makes the retry safe. */
async function safely(call: () => Promise<SendOutcome>): Promise<SendOutcome> {
  try {
    return await call();
  } catch (error) {
    return { kind: "retry", message: `exception: ${String(error instanceof Error ? error.message : error)}`, retryAfterSeconds: null };
  }
}

async function sendSingle(env: Env, prepared: Prepared, timeoutMs: number): Promise<SendOutcome> {
  const { data, error, headers } = await resendClient(env).emails.send(
    {
      ...payload(env, prepared),
      attachments: prepared.rendered.attachments.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })),
    },
    { idempotencyKey: prepared.row.id, signal: AbortSignal.timeout(timeoutMs) },
  );
  if (error) return classify(error, headers);
  return { kind: "sent", providerIds: [data?.id ?? null] };
}

async function sendBatch(env: Env, group: Prepared[], key: string, timeoutMs: number): Promise<SendOutcome> {
  const { data, error, headers } = await resendClient(env).batch.send(
    group.map((p) => payload(env, p)),
    { idempotencyKey: key, signal: AbortSignal.timeout(timeoutMs) },
  );
  if (error) return classify(error, headers);
  const ids = (data?.data ?? []).map((d) => d.id ?? null);
  return { kind: "sent", providerIds: group.map((_, i) => ids[i] ?? null) };
}

/** Back-off for retries: 2^attempts seconds with jitter (at most 15 minutes), never less than retry-after. */
export function retryDelaySeconds(attempts: number, retryAfterSeconds: number | null = null): number {
  const base = Math.min(900, 2 ** Math.min(attempts, 10));
  const jittered = Math.round(base / 2 + Math.random() * (base / 2));
  return Math.min(MAX_DELAY_SECONDS, Math.max(jittered, retryAfterSeconds ?? 0));
}

/** Writes the outcome of one provider call (or preparation) to its rows; tells the queue what to do. */
async function finish(
  env: Env,
  rows: OutboxRow[],
  outcome: SendOutcome,
  now: number,
): Promise<{ result: DeliveryResult; delaySeconds?: number }> {
  const ids = JSON.stringify(rows.map((r) => r.id));
  if (outcome.kind === "sent") {
    await env.DB.batch(
      rows.map((row, i) =>
        env.DB.prepare(
          `UPDATE outbox SET status = 'sent', sent_at = ?2, updated_at = ?2, provider_message_id = ?3, last_error = NULL WHERE id = ?1`,
        ).bind(row.id, now, outcome.providerIds[i] ?? null),
      ),
    );
    return { result: "sent" };
  }
  const attempts = Math.max(...rows.map((r) => r.attempts));
  const giveUp = outcome.kind === "failed" || attempts >= MAX_ATTEMPTS;
  const message = outcome.kind === "retry" && giveUp ? `gave up after ${attempts} attempts: ${outcome.message}` : outcome.message;
  await env.DB.prepare(
    `UPDATE outbox SET status = ?2, last_error = ?3, updated_at = ?4 WHERE id IN (SELECT value FROM json_each(?1))`,
  )
    .bind(ids, giveUp ? "failed" : "queued", message.slice(0, 500), now)
    .run();
  log(giveUp ? "error" : "warn", "mail.delivery_failed", { outboxIds: rows.map((r) => r.id), templates: [...new Set(rows.map((r) => r.template))], attempts, permanent: giveUp, error: message.slice(0, 200) });
  if (giveUp) return { result: "failed" };
  return { result: "retry", delaySeconds: retryDelaySeconds(attempts, outcome.kind === "retry" ? outcome.retryAfterSeconds : null) };
}

async function deliverToDevMailbox(env: Env, prepared: Prepared, now: number): Promise<void> {
  const { row, rendered } = prepared;
  await env.DB.batch([
    env.DB.prepare(
      `INSERT OR IGNORE INTO dev_mailbox (outbox_id, to_address, subject, html, text, attachments, created_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)`,
    ).bind(row.id, row.toAddress, rendered.subject, rendered.html, rendered.text, JSON.stringify(rendered.attachments), now),
    env.DB.prepare(`UPDATE outbox SET status = 'sent', sent_at = ?2, updated_at = ?2, last_error = NULL WHERE id = ?1`).bind(row.id, now),
  ]);
}

/**
 * Delivers claimed rows: each is prepared (suppression, render), then transactional rows go
 * alone and bulk rows go in batch calls. Returns, per outbox id, what the queue should do.
 */
async function deliverClaimed(
  env: Env,
  rows: OutboxRow[],
  now: number,
  timeoutMs: number,
): Promise<Map<string, { result: DeliveryResult; delaySeconds?: number }>> {
  const outcomes = new Map<string, { result: DeliveryResult; delaySeconds?: number }>();
  const record = (group: OutboxRow[], outcome: { result: DeliveryResult; delaySeconds?: number }) => {
    for (const row of group) outcomes.set(row.id, outcome);
  };
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

  if (isDevMode(env)) {
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
  if (rows.length === 0) return "skipped"; // sent already, or another consumer is on it
  const outcomes = await deliverClaimed(env, rows, now, timeoutMs);
  return outcomes.get(outboxId)?.result ?? "skipped";
}

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
      message.ack();
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
 * source of truth: a row still queued goes back to the sweep (which retries until
 * MAX_ATTEMPTS), so nothing is lost; the dead letter itself is only logged.
 */
async function consumeDeadLetters(batch: MessageBatch<MailMessage>, env: Env): Promise<void> {
  for (const message of batch.messages) {
    const row = await env.DB.prepare(`SELECT status, attempts, last_error AS lastError FROM outbox WHERE id = ?1`)
      .bind(message.body?.outboxId ?? "")
      .first<{ status: string; attempts: number; lastError: string | null }>();
    log("warn", "mail.dead_letter", { outboxId: message.body?.outboxId, status: row?.status, attempts: row?.attempts, error: row?.lastError });
    message.ack();
  }
}

/**
 * Scheduled sweep: re-enqueues rows left "queued" (enqueue failed, or their retry's back-off
 * has passed without the queue bringing them back) or stuck in "sending".
 */
export async function sweepOutbox(env: Env, now: number): Promise<number> {
  const { results } = await env.DB.prepare(
    `SELECT id FROM outbox
     WHERE (status = 'queued' AND updated_at < ?1 - 60000 - 1000 * MIN(900, 1 << MIN(attempts, 10)))
        OR (status = 'sending' AND updated_at < ?2)
     ORDER BY created_at LIMIT 500`,
  )
    .bind(now, now - SENDING_TIMEOUT_MS)
    .all<{ id: string }>();
  const ids = results.map((r) => r.id);
  for (let i = 0; i < ids.length; i += 100) {
    await env.MAIL_QUEUE.sendBatch(ids.slice(i, i + 100).map((outboxId) => ({ body: { outboxId } })));
  }
  return ids.length;
}
