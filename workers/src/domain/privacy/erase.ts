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
 * 4. One audit entry records who erased and how much (never the address).
 */
import { Change, type Actor, type DomainContext } from "../change";
import { promoteFromWaitlist } from "../waitlist/promote";
import { hashSuppressionStatement } from "../mail/suppressions";
import { anonymiseRegistrations } from "./anonymise";

export type ErasureCounts = {
  registrations: number;
  cancelled: number;
  promoted: number;
  outbox: number;
  devMailbox: number;
  certificatesKept: number;
  certificatesDeleted: number;
};

const LIVE = `('held', 'confirmed', 'waitlisted', 'offered', 'pending_approval')`;

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
    .all<{ id: number }>();
  const ids = results.map((r) => r.id);
  const counts: ErasureCounts = { registrations: 0, cancelled: 0, promoted: 0, outbox: 0, devMailbox: 0, certificatesKept: 0, certificatesDeleted: 0 };
  if (ids.length === 0) return counts;
  const list = JSON.stringify(ids);

  const change = new Change(ctx, options.actor);
  const [cancelled] = await db.batch([
    db.prepare(
      `UPDATE registrations SET status = 'cancelled', cancelled_at = ?2, awaiting_email = 0, hold_expires_at = NULL,
         offer_expires_at = NULL, change_id = ?1, updated_at = ?2
       WHERE id IN (SELECT value FROM json_each(?3)) AND status IN ${LIVE}
       RETURNING pool_id AS poolId, parent_id AS parentId`,
    ).bind(change.id, now, list),
    change.audit("registration.cancelled_for_erasure"),
  ]);
  const cancelledRows = (cancelled?.results ?? []) as { poolId: number; parentId: number | null }[];
  counts.cancelled = cancelledRows.filter((r) => r.parentId === null).length;
  for (const poolId of new Set(cancelledRows.map((r) => r.poolId))) counts.promoted += await promoteFromWaitlist(ctx, poolId);

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
  ]);
  if (options.deleteCertificates) counts.certificatesDeleted = certificates?.meta.changes ?? 0;
  else counts.certificatesKept = certificates?.meta.changes ?? 0;

  await db
    .prepare(`INSERT INTO audit_log (at, actor, action, details, change_id) VALUES (?1, ?2, 'person.erased', ?3, ?4)`)
    .bind(now, options.actor, JSON.stringify({ ...counts, organisationIds: options.organisationIds ?? "all" }), change.id)
    .run();
  return counts;
}
