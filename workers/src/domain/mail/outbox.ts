import type { Env, MailMessage } from "../../env";
import { databaseName } from "../../lib/db";
import { DEFAULT_DATABASE } from "../../lib/tenants";
import { log } from "../../lib/log";

/** The message for an outbox row: it names the row's database where that is not DB (lib/tenants.ts). */
function messageFor(env: Env, outboxId: string): MailMessage {
  const database = databaseName(env);
  return database === DEFAULT_DATABASE ? { outboxId } : { outboxId, database };
}

/**
 * Puts outbox ids on the mail queue. A failure here loses nothing: the row stays "queued"
 * and the scheduled sweep enqueues it again.
 */
export async function enqueueMail(env: Env, outboxIds: string[]): Promise<void> {
  try {
    for (let i = 0; i < outboxIds.length; i += 100) {
      await env.MAIL_QUEUE.sendBatch(outboxIds.slice(i, i + 100).map((outboxId) => ({ body: messageFor(env, outboxId) })));
    }
  } catch (error) {
    log("warn", "mail.enqueue_failed", { count: outboxIds.length, error: String(error) });
  }
}

/** What a staff email's outbox row carries in `data` (see deliver.ts `staffEmailData`). */
export type StaffMailData =
  /** Sign-in link: the nonce from which the token is derived (the token itself is never stored). */
  | { template: "login_link"; nonce: string; name?: string | null }
  | {
      template: "invitation";
      nonce: string;
      organisation: string;
      role: "organiser" | "checkin_helper";
      inviter: string;
      name?: string | null;
      /** Epoch ms; defaults to the row's creation + 10 minutes, like a sign-in link. */
      expiresAt?: number;
    }
  | { template: "application_received"; eventId: number; applicant: string; name?: string | null }
  | { template: "organiser_digest"; date: string; events: unknown[]; organisation: string; name?: string | null };

/**
 * An outbox row for a staff email (no registration): put it into the batch of the change
 * that calls for it, then hand the returned ids to `enqueueMail` (or `Change.dispatch`).
 * A `dedupeKey` makes the row exactly-once (a second insert is ignored).
 */
export function staffOutbox(
  env: Env,
  mail: { to: string; locale: string; now: number; dedupeKey?: string; changeId?: string } & StaffMailData,
): D1PreparedStatement {
  const { to, locale, now, dedupeKey, changeId, template, ...data } = mail;
  return env.DB.prepare(
    `INSERT INTO outbox (id, registration_id, template, to_address, locale, data, dedupe_key, change_id, created_at, updated_at)
     VALUES (lower(hex(randomblob(16))), NULL, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)
     ON CONFLICT (dedupe_key) DO NOTHING
     RETURNING id`,
  ).bind(template, to, locale, JSON.stringify(data), dedupeKey ?? null, changeId ?? null, now);
}
