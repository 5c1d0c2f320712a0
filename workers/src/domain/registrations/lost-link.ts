/**
 * "I lost my link": someone types an email address on /lost-link. If live registrations of
 * events still to come carry that address, ONE email goes to it listing all of them, each with
 * its manage link (in the language stored with that registration); the email itself is in the
 * language of the latest of them. The answer is the same either way, and the lookup and the
 * outbox row are one statement, so a known and an unknown address take the same path through
 * the database. What the links open is listed when the email is sent (mail/compose.ts).
 */
import type { DomainContext } from "../change";
import { enqueueMail } from "../mail/outbox";
import { LIVE_SQL } from "../places/statuses";
import { normalizeEmail } from "../../lib/email";
import type { StoredOutbox } from "../../../../db/rows";

export async function sendManageLinks(ctx: DomainContext, email: string): Promise<void> {
  const { env, now } = ctx;
  const { results } = await env.DB.prepare(
    `INSERT INTO outbox (id, registration_id, template, to_address, locale, data, created_at, updated_at)
     SELECT lower(hex(randomblob(16))), r.id, 'manage_links', r.email, r.locale, '{}', ?2, ?2
     FROM registrations r
     WHERE r.email_normalized = ?1 AND r.parent_id IS NULL AND r.anonymised_at IS NULL AND r.email <> '' AND r.status IN ${LIVE_SQL}
       AND EXISTS (SELECT 1 FROM sessions s WHERE s.event_id = r.event_id AND s.ends_at >= ?2)
     ORDER BY r.created_at DESC LIMIT 1
     RETURNING id`,
  )
    .bind(normalizeEmail(email), now)
    .all<Pick<StoredOutbox, "id">>();
  if (results.length > 0) ctx.waitUntil(enqueueMail(env, results.map((r) => r.id)));
}
