/**
 * Erasing one person's data across events: by the participant (through their manage link or
 * a data-access link: every organisation) or by organisers on request (their organisations;
 * administrators: every organisation).
 *
 * 1. Open registrations are cancelled first (one guarded UPDATE, audited like any
 *    cancellation) and their pools' waitlists are served, so nobody waits for a place that
 *    is free. No cancellation email goes out: the address is erased a moment later.
 * 2. Every registration of the address (and its workshop choices) is anonymised (anonymise.ts).
 * 3. Certificates: by default they stay verifiable by their code (the facts printed on them:
 *    name, event, dates, hours), but the link to the registration is removed; they follow the
 *    organisation's certificate retention like any other. A certificate is a document the
 *    person holds and shows to others; deleting its facts would make a genuine certificate
 *    look forged. With `deleteCertificates` they are deleted instead, and verification
 *    answers "not found".
 * 4. The statistics' participant key (a keyed hash of the address) of these registrations is
 *    replaced by one random value: the figures stay as they were (the person still counts
 *    once), but nothing links them to the address any more.
 * 5. One audit entry records who erased and how much (never the address).
 */
import type { Actor, DomainContext } from "../change";
import { hashSuppressionStatement } from "../mail/suppressions";
import { cancelRegistrations } from "../places/cancel";
import { randomId } from "../../lib/tokens";
import { anonymiseRegistrations } from "./anonymise";
import type { StoredRegistration } from "../../../../db/rows";

export type ErasureCounts = {
  registrations: number;
  cancelled: number;
  promoted: number;
  outbox: number;
  devMailbox: number;
  certificatesKept: number;
  certificatesDeleted: number;
};

/** Erases the person with this normalized address, within `organisationIds` (null: all). */
export async function erasePerson(
  ctx: DomainContext,
  emailNormalized: string,
  options: { actor: Actor; organisationIds: number[] | null; deleteCertificates?: boolean },
): Promise<ErasureCounts> {
  const { env, now } = ctx;
  const db = env.DB;
  const scope = options.organisationIds === null ? "1 = 1" : `e.organisation_id IN (SELECT value FROM json_each(?2))`;
  const { results } = await db
    .prepare(
      `SELECT r.id FROM registrations r JOIN events e ON e.id = r.event_id
       WHERE r.email_normalized = ?1 AND r.anonymised_at IS NULL AND ${scope}`,
    )
    .bind(...(options.organisationIds === null ? [emailNormalized] : [emailNormalized, JSON.stringify(options.organisationIds)]))
    .all<Pick<StoredRegistration, "id">>();
  const ids = results.map((r) => r.id);
  const counts: ErasureCounts = { registrations: 0, cancelled: 0, promoted: 0, outbox: 0, devMailbox: 0, certificatesKept: 0, certificatesDeleted: 0 };
  if (ids.length === 0) return counts;
  const list = JSON.stringify(ids);

  const { cancelled, promoted, changeId } = await cancelRegistrations(ctx, options.actor, ids, { action: "registration.cancelled_for_erasure" });
  counts.cancelled = cancelled.filter((r) => r.parentId === null).length;
  counts.promoted = promoted;

  const anonymised = await anonymiseRegistrations(env, ids, now);
  counts.registrations = anonymised.registrations;
  counts.outbox = anonymised.outbox;
  counts.devMailbox = anonymised.devMailbox;

  const [certificates] = await db.batch([
    options.deleteCertificates
      ? db.prepare(`DELETE FROM certificates WHERE registration_id IN (SELECT value FROM json_each(?1))`).bind(list)
      : db.prepare(`UPDATE certificates SET registration_id = NULL WHERE registration_id IN (SELECT value FROM json_each(?1))`).bind(list),
    // The bounce record keeps only the keyed hash: suppression still works, the address is gone.
    await hashSuppressionStatement(env, emailNormalized),
    db.prepare(`UPDATE registrations SET stat_participant_key = ?2 WHERE id IN (SELECT value FROM json_each(?1)) AND stat_participant_key IS NOT NULL`).bind(list, `erased:${randomId(16)}`),
  ]);
  if (options.deleteCertificates) counts.certificatesDeleted = certificates?.meta.changes ?? 0;
  else counts.certificatesKept = certificates?.meta.changes ?? 0;

  await db
    .prepare(`INSERT INTO audit_log (at, actor, action, details, change_id) VALUES (?1, ?2, 'person.erased', ?3, ?4)`)
    .bind(now, options.actor, JSON.stringify({ ...counts, organisationIds: options.organisationIds ?? "all" }), changeId)
    .run();
  return counts;
}
