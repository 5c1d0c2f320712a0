/**
 * Removing the personal data of registrations, shared by the retention rule, the
 * participant's own erasure and the organisers' erasure on request.
 *
 * What goes: name, email (the normalized address becomes a random placeholder, so the
 * "one live registration per address" index stays valid), answers, needs, the exhibitor's
 * stand application, the client's idempotency key and the manage link (its hash becomes a
 * placeholder too, so the old link finds nothing); the outbox rows' recipient, data and
 * provider error; the dev mailbox copies of those emails; free text in their audit entries
 * (reasons, message subjects). What stays, so statistics stay right: event, pool, status,
 * places, children, language, dates, consent version and time, attendance, the audit
 * trail of status changes, and the statistics facts (../statistics/facts.ts: a pseudonymous
 * participant key, needs as a language code, a number and a yes). Rows from before the facts
 * get theirs in the same batch, just before the data they come from goes.
 *
 * Certificates are not touched here: the caller decides (retention keeps their facts for
 * the organisation's certificate_retention_years; see retention.ts and erase.ts).
 */
import type { Env } from "../../env";
import { missingFactsStatements } from "../statistics/facts";

export type AnonymisedCounts = { registrations: number; outbox: number; devMailbox: number };

/** Anonymises the given registrations (and their workshop choices' rows, if listed) in one batch. */
export async function anonymiseRegistrations(env: Env, ids: number[], now: number): Promise<AnonymisedCounts> {
  if (ids.length === 0) return { registrations: 0, outbox: 0, devMailbox: 0 };
  const list = JSON.stringify(ids);
  const db = env.DB;
  const facts = await missingFactsStatements(env, ids, now);
  const results = await db.batch([
    ...facts,
    db.prepare(
      `DELETE FROM dev_mailbox WHERE outbox_id IN (SELECT id FROM outbox WHERE registration_id IN (SELECT value FROM json_each(?1)))`,
    ).bind(list),
    // A row not yet sent can no longer be: it has no recipient.
    db.prepare(
      `UPDATE outbox SET to_address = '', data = '{}', last_error = NULL, updated_at = ?2,
         status = CASE WHEN status IN ('queued', 'sending') THEN 'failed' ELSE status END
       WHERE registration_id IN (SELECT value FROM json_each(?1)) AND (to_address <> '' OR data <> '{}' OR last_error IS NOT NULL)`,
    ).bind(list, now),
    db.prepare(
      `UPDATE audit_log SET details = json_remove(details, '$.reason', '$.subject', '$.body', '$.name', '$.email', '$.applicant')
       WHERE registration_id IN (SELECT value FROM json_each(?1))
         AND (json_type(details, '$.reason') IS NOT NULL OR json_type(details, '$.subject') IS NOT NULL OR json_type(details, '$.body') IS NOT NULL
              OR json_type(details, '$.name') IS NOT NULL OR json_type(details, '$.email') IS NOT NULL OR json_type(details, '$.applicant') IS NOT NULL)`,
    ).bind(list),
    db.prepare(
      `UPDATE registrations SET name = '', email = '', email_normalized = 'anonymised:' || lower(hex(randomblob(12))),
         answers = '{}', needs = '{}', exhibitor = NULL, idempotency_key = NULL, idempotency_hash = NULL,
         token_nonce = '', manage_token_hash = 'anonymised:' || lower(hex(randomblob(16))),
         anonymised_at = ?2, updated_at = ?2
       WHERE id IN (SELECT value FROM json_each(?1)) AND anonymised_at IS NULL`,
    ).bind(list, now),
  ]);
  const [devMailbox, outbox, , registrations] = results.slice(facts.length);
  return {
    registrations: registrations?.meta.changes ?? 0,
    outbox: outbox?.meta.changes ?? 0,
    devMailbox: devMailbox?.meta.changes ?? 0,
  };
}
