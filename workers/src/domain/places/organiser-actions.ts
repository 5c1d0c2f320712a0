/**
 * What organisers do to places from the console: confirm or offer now (out of order if they
 * wish), move someone in the waitlist, approve or reject an application, cancel on a
 * participant's behalf. Whatever takes places is one guarded UPDATE whose row count tells
 * whether the places fitted at that instant, so concurrent requests can never overbook a
 * pool; whatever frees places serves the waitlists (./commit.ts).
 *
 * Authorisation is the caller's (routes, with ../auth/access.ts); these verbs trust the ids
 * they are given. Workshop choices follow their day registration (./promote.ts serves them,
 * a first choice releasing the second): organisers act on the day registration.
 */
import type { StoredRegistration } from "../../../../db/rows";
import type { RegistrationStatus } from "../../../../db/schema";
import { ConflictError, DomainError, NotFoundError } from "../../lib/errors";
import { Change, type Actor, type DomainContext } from "../change";
import { cancelOne } from "./cancel";
import { FREE_PLACES_HERE } from "./capacity";
import { commitPlaceChange, dayRegistrationState, stateOf, transition } from "./commit";
import { LIVE_SQL } from "./statuses";
import { WAITLIST_POSITION_SQL } from "./waitlist";

/** Why a guarded write that should have taken places changed nothing. */
async function explainRefusal(ctx: DomainContext, registrationId: number, expected: RegistrationStatus, done: RegistrationStatus): Promise<void> {
  const now = await dayRegistrationState(ctx, registrationId);
  if (now.status === done) return; // a second click: already done
  if (now.status !== expected) throw new ConflictError("invalid_state", "error.invalid_state");
  // The code stays event_full (clients know it); the words say what is true here: the waitlist may well exist.
  throw new DomainError("event_full", 409, "error.not_enough_places");
}

/**
 * Cancels a registration (and its workshop choices) on the participant's behalf. They are
 * told with `cancelled_by_organiser` and the reason; the places freed go to the waitlist,
 * whose next registration gets its own email. A second click changes nothing.
 */
export function cancelOnBehalf(ctx: DomainContext, actor: Actor, registrationId: number, reason: string): Promise<void> {
  return cancelOne(ctx, actor, registrationId, {
    action: "registration.cancelled_by_organiser",
    details: { reason },
    email: { template: "cancelled_by_organiser", data: { reason } },
  });
}

/**
 * Confirms a waitlisted (or offered) registration now, out of order if the organiser wishes:
 * one guarded UPDATE that confirms only if its places fit the pool at that instant
 * (409 event_full otherwise). An unconfirmed address cannot be confirmed by an organiser.
 */
export async function confirmNow(ctx: DomainContext, actor: Actor, registrationId: number): Promise<void> {
  const before = await dayRegistrationState(ctx, registrationId);
  if (!(before.status === "offered" || (before.status === "waitlisted" && !before.awaitingEmail))) {
    if (before.status === "confirmed") return;
    throw new ConflictError("invalid_state", "error.invalid_state");
  }
  const guard =
    before.status === "offered"
      ? `status = 'offered'`
      : // Offered places are taken already; a waitlisted registration must fit the free places.
        `status = 'waitlisted' AND awaiting_email = 0 AND places <= ${FREE_PLACES_HERE}`;
  const { changed } = await transition(ctx, actor, registrationId, {
    set: `status = 'confirmed', offer_expires_at = NULL`,
    guard,
    action: "registration.confirmed_by_organiser",
    details: { from: before.status },
    email: [before.status === "offered" ? "confirmed" : "promoted"],
  });
  if (!changed) await explainRefusal(ctx, registrationId, before.status, "confirmed");
}

/**
 * Gives a waitlisted registration an offer now, with the event's offer deadline (as the
 * `offer` waitlist mode does), if its places fit; the offer holds them until it is accepted
 * or expires.
 */
export async function offerNow(ctx: DomainContext, actor: Actor, registrationId: number): Promise<void> {
  const before = await dayRegistrationState(ctx, registrationId);
  if (before.status === "offered") return;
  if (before.status !== "waitlisted" || before.awaitingEmail) throw new ConflictError("invalid_state", "error.invalid_state");
  const { changed } = await transition(ctx, actor, registrationId, {
    set: `status = 'offered', offer_expires_at = ?2 + (SELECT e.offer_hours FROM events e WHERE e.id = registrations.event_id) * 3600000`,
    guard: `status = 'waitlisted' AND awaiting_email = 0 AND places <= ${FREE_PLACES_HERE}`,
    action: "registration.offered_by_organiser",
    detailsSql: `json_object('offerExpiresAt', r.offer_expires_at)`,
    email: ["offer"],
  });
  if (!changed) await explainRefusal(ctx, registrationId, "waitlisted", "offered");
}

/**
 * Approves an application: confirmed if its places fit now, otherwise it joins the end of the
 * waitlist (refused with 409 event_full when the event has no waitlist). One guarded UPDATE
 * decides, from the places taken at that instant.
 */
export async function approveApplication(ctx: DomainContext, actor: Actor, registrationId: number): Promise<void> {
  const before = await dayRegistrationState(ctx, registrationId);
  if (before.status !== "pending_approval") {
    if (before.status === "confirmed" || before.status === "waitlisted") return;
    throw new ConflictError("invalid_state", "error.invalid_state");
  }
  if (before.awaitingEmail) throw new ConflictError("invalid_state", "error.invalid_state");
  const fits = `places <= ${FREE_PLACES_HERE}`;
  const { changed } = await transition(ctx, actor, registrationId, {
    set: `status = CASE WHEN ${fits} THEN 'confirmed' ELSE 'waitlisted' END,
          -- Approved but no place: the line's end, in the order of approval.
          queue_order = CASE WHEN ${fits} THEN queue_order
                        ELSE (SELECT MAX(q.queue_order) + 1 FROM registrations q WHERE q.pool_id = registrations.pool_id) END`,
    guard: `status = 'pending_approval' AND awaiting_email = 0
            AND (${fits} OR (SELECT e.waitlist_enabled FROM events e WHERE e.id = registrations.event_id) = 1)`,
    action: "registration.approved",
    email: [{ sql: `CASE r.status WHEN 'confirmed' THEN 'confirmed' ELSE 'waitlisted' END` }],
  });
  if (!changed) await explainRefusal(ctx, registrationId, "pending_approval", "confirmed");
}

/**
 * Rejects an application, and its workshop choices with it (so they stop counting in those
 * workshops' lines). The applicant is told kindly (with the reason, if given) in the
 * `application_rejected` email.
 */
export async function rejectApplication(ctx: DomainContext, actor: Actor, registrationId: number, reason: string | null): Promise<void> {
  const { changed } = await transition(ctx, actor, registrationId, {
    set: `status = 'rejected', cancelled_at = ?2`,
    guard: `status = 'pending_approval'`,
    action: "registration.rejected",
    details: reason ? { reason } : {},
    email: ["application_rejected", { reason }],
    children: { set: `status = 'rejected', cancelled_at = ?2`, guard: `status IN ${LIVE_SQL}` },
  });
  if (!changed && (await stateOf(ctx, registrationId)).status !== "rejected") throw new ConflictError("invalid_state", "error.invalid_state");
}

/**
 * Swaps a waitlisted registration with its neighbour above ("up") or below ("down") among
 * those waiting with a confirmed address. Both rows are written in one batch guarded by the
 * order read just before, so a concurrent change makes it fail (409) rather than scramble the
 * line. The reason goes into the audit log of both.
 */
export async function moveInWaitlist(ctx: DomainContext, actor: Actor, registrationId: number, direction: "up" | "down", reason: string): Promise<void> {
  const db = ctx.env.DB;
  const me = await db
    .prepare(`SELECT status, pool_id AS poolId, queue_order AS queueOrder FROM registrations WHERE id = ?1`)
    .bind(registrationId)
    .first<Pick<StoredRegistration, "status" | "poolId" | "queueOrder">>();
  if (!me) throw new NotFoundError("error.registration_not_found");
  if (me.status !== "waitlisted") throw new ConflictError("invalid_state", "error.invalid_state");
  const up = direction === "up";
  const neighbour = await db
    .prepare(
      `SELECT id, queue_order AS queueOrder FROM registrations
       WHERE pool_id = ?1 AND status = 'waitlisted' AND awaiting_email = 0 AND id != ?2 AND queue_order ${up ? "<" : ">"} ?3
       ORDER BY queue_order ${up ? "DESC" : "ASC"} LIMIT 1`,
    )
    .bind(me.poolId, registrationId, me.queueOrder)
    .first<Pick<StoredRegistration, "id" | "queueOrder">>();
  if (!neighbour) throw new ConflictError(up ? "already_first" : "already_last", "error.invalid_state");

  const change = new Change(ctx, actor);
  const [low, high] = [Math.min(me.queueOrder, neighbour.queueOrder), Math.max(me.queueOrder, neighbour.queueOrder)];
  const { changed } = await commitPlaceChange(change, {
    write: db
      .prepare(
        `UPDATE registrations SET queue_order = ?4, change_id = ?1, updated_at = ?2
         WHERE id = ?3 AND status = 'waitlisted' AND queue_order = ?5
           AND EXISTS (SELECT 1 FROM registrations n WHERE n.id = ?6 AND n.status = 'waitlisted' AND n.queue_order = ?4)
           AND NOT EXISTS (SELECT 1 FROM registrations b WHERE b.pool_id = ?7 AND b.status = 'waitlisted' AND b.awaiting_email = 0
                             AND b.queue_order > ?8 AND b.queue_order < ?9)`,
      )
      .bind(change.id, ctx.now, registrationId, neighbour.queueOrder, me.queueOrder, neighbour.id, me.poolId, low, high),
    follow: [
      // The neighbour moves exactly when the registration did.
      db
        .prepare(`UPDATE registrations SET queue_order = ?4, change_id = ?1, updated_at = ?2 WHERE id = ?3 AND changes() > 0`)
        .bind(change.id, ctx.now, neighbour.id, me.queueOrder),
    ],
    audit: change.audit(
      "registration.moved",
      { reason },
      `json_object('direction', CASE WHEN r.id = ${Number(registrationId)} THEN '${up ? "up" : "down"}' ELSE '${up ? "down" : "up"}' END,
                   'position', ${WAITLIST_POSITION_SQL})`,
    ),
  });
  if (!changed) throw new ConflictError("invalid_state", "error.invalid_state");
}
