/**
 * "Send me my data": someone types an email address on the privacy page. If registrations
 * carry that address, ONE email goes to it with a data-access link (links.ts), valid 24
 * hours. The answer is the same either way and the page shows nothing, so the form tells
 * nobody whether an address is known. The lookup and the outbox row are one statement, so
 * a known and an unknown address also take the same path through the database.
 */
import type { Locale } from "../../../../db/schema";
import type { DomainContext } from "../change";
import { enqueueMail } from "../mail/outbox";
import { normalizeEmail } from "../../lib/email";
import { DATA_LINK_VALID_MS } from "./links";
import type { StoredOutbox } from "../../../../db/rows";

export async function requestDataAccess(ctx: DomainContext, email: string, locale: Locale): Promise<void> {
  const { env, now } = ctx;
  const { results } = await env.DB.prepare(
    `INSERT INTO outbox (id, registration_id, template, to_address, locale, data, created_at, updated_at)
     SELECT lower(hex(randomblob(16))), r.id, 'data_access', r.email, ?2, json_object('expiresAt', ?3), ?4, ?4
     FROM registrations r WHERE r.email_normalized = ?1 AND r.parent_id IS NULL AND r.anonymised_at IS NULL
     ORDER BY r.created_at DESC LIMIT 1
     RETURNING id`,
  )
    .bind(normalizeEmail(email), locale, now + DATA_LINK_VALID_MS, now)
    .all<Pick<StoredOutbox, "id">>();
  if (results.length > 0) ctx.waitUntil(enqueueMail(env, results.map((r) => r.id)));
}
