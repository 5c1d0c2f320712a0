/**
 * Deadlines, run by the scheduled handler: unconfirmed holds (double opt-in) and unanswered
 * waitlist offers expire, their places go back to the pool and the waitlist is served, so an
 * expired offer passes to the next in line.
 */
import { Change, type DomainContext } from "../change";
import { commitPlaceChange } from "./commit";
import { AWAITING_EMAIL_SQL, LIVE_SQL } from "./statuses";

/** At most this many rows per statement, so a backlog is worked off in bounded batches. */
const BATCH = 200;

async function expire(ctx: DomainContext, action: string, whereSql: string, email: "expired" | null): Promise<{ expired: number; promoted: number }> {
  let expired = 0;
  let promoted = 0;
  for (;;) {
    const change = new Change(ctx, "system");
    const committed = await commitPlaceChange(change, {
      write: ctx.env.DB.prepare(
        `UPDATE registrations SET status = 'expired', awaiting_email = 0, change_id = ?1, updated_at = ?2
         WHERE id IN (SELECT id FROM registrations WHERE ${whereSql} LIMIT ${BATCH})`,
      ).bind(change.id, ctx.now),
      follow: [
        // Workshop choices end with their day registration.
        ctx.env.DB.prepare(
          `UPDATE registrations SET status = 'expired', awaiting_email = 0, updated_at = ?2
           WHERE parent_id IN (SELECT id FROM registrations WHERE change_id = ?1) AND status IN ${LIVE_SQL}`,
        ).bind(change.id, ctx.now),
      ],
      audit: change.audit(action),
      outbox: email ? change.outbox(email) : undefined,
    });
    promoted += committed.promoted;
    const count = committed.results[0]?.meta.changes ?? 0;
    if (count === 0) break;
    expired += count;
  }
  return { expired, promoted };
}

/** Double opt-in registrations whose address was not confirmed in time lose their hold. No email: the address is unproven. */
export function expireHolds(ctx: DomainContext) {
  return expire(ctx, "registration.hold_expired", `awaiting_email = 1 AND status IN ${AWAITING_EMAIL_SQL} AND hold_expires_at <= ?2`, null);
}

/** Waitlist offers not accepted by their deadline pass to the next in line. */
export function expireOffers(ctx: DomainContext) {
  return expire(ctx, "registration.offer_expired", `status = 'offered' AND offer_expires_at <= ?2`, "expired");
}
