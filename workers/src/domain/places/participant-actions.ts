/**
 * What a participant does to their places through the manage link (../registrations/manage.ts
 * finds the registration by its token): cancel, confirm the address (double opt-in), accept
 * a waitlist offer, switch a workshop. Each is one guarded change; a repeated click finds
 * nothing to change and is answered from the state as it is.
 */
import type { RegistrationRow } from "../registrations/present";
import { ConflictError } from "../../lib/errors";
import { Change, type DomainContext } from "../change";
import { cancelOne } from "./cancel";
import { commitPlaceChange, stateOf, transition } from "./commit";
import { AWAITING_EMAIL_SQL, CHOOSING_STATUSES, HOLDING_SQL, LIVE_SQL } from "./statuses";
import { takePlaceStatement, workshopPlacement } from "./take";
import type { StoredRegistration } from "../../../../db/rows";

/** Cancels the registration (or leaves the waitlist); its places go to the next in line. */
export function cancelByParticipant(ctx: DomainContext, registrationId: number): Promise<void> {
  return cancelOne(ctx, "participant", registrationId, { action: "registration.cancelled", email: { template: "cancelled" } });
}

/**
 * Confirms the email address of a double opt-in registration: a hold becomes a confirmed
 * place, a waiting registration joins the line proper (and may fit at once), an application
 * goes to the organisers.
 */
export async function confirmEmailAddress(ctx: DomainContext, registrationId: number): Promise<void> {
  const confirm = `awaiting_email = 0, email_confirmed_at = ?2, hold_expires_at = NULL, status = CASE status WHEN 'held' THEN 'confirmed' ELSE status END`;
  const { changed } = await transition(ctx, "participant", registrationId, {
    set: confirm,
    guard: `awaiting_email = 1 AND status IN ${AWAITING_EMAIL_SQL} AND hold_expires_at > ?2`,
    action: "registration.email_confirmed",
    // The proof of the double opt-in: which address (of this registration, for this event)
    // was confirmed when, under which privacy notice and consent time.
    detailsSql: `json_object('confirmed', 'email_address', 'emailConfirmedAt', r.email_confirmed_at,
      'consentVersion', r.consent_version, 'consentAt', r.consent_at)`,
    email: [{ sql: `CASE r.status WHEN 'confirmed' THEN 'confirmed' WHEN 'pending_approval' THEN 'application_pending' ELSE 'waitlisted' END` }],
    children: { set: confirm, guard: `awaiting_email = 1` },
  });
  if (changed) return;
  const now = await stateOf(ctx, registrationId);
  // Already confirmed (a second click): nothing to do.
  if (now.awaitingEmail || now.status === "expired") throw new ConflictError("hold_expired", "error.hold_expired");
}

/** Accepts a waitlist offer before its deadline. */
export async function acceptOffer(ctx: DomainContext, registrationId: number): Promise<void> {
  const { changed } = await transition(ctx, "participant", registrationId, {
    set: `status = 'confirmed', offer_expires_at = NULL`,
    guard: `status = 'offered' AND offer_expires_at > ?2`,
    action: "registration.offer_accepted",
    email: ["confirmed"],
  });
  if (changed) return;
  const now = await stateOf(ctx, registrationId);
  if (now.status === "confirmed") return;
  if (now.status === "offered" || now.status === "expired") throw new ConflictError("offer_expired", "error.offer_expired");
  throw new ConflictError("invalid_state", "error.invalid_state");
}

/** SQL: the workshop pools of the slot (?4 event, ?5 slot). */
const SLOT_POOLS = `(SELECT id FROM capacity_pools WHERE event_id = ?4 AND kind = 'workshop' AND COALESCE(slot, '') = ?5)`;

/**
 * Chooses (or switches to) the workshop `poolId` of a parallel slot, without losing a place by
 * surprise. If the new workshop has room, the switch happens at once: the new place is taken
 * and the old one given up (its waitlist is served). If it is full, the participant joins its
 * waitlist and KEEPS the place they hold: it becomes the choice held meanwhile (preference 2),
 * which ./promote.ts gives up only when the wished workshop's place comes through. Places
 * merely waited for in the slot are left. Nothing changes when it is already the first choice;
 * choosing the workshop whose place is held meanwhile makes it the first choice again.
 *
 * One batch: the guarded statements decide from the places taken at that instant, so two
 * switches at once never overbook a workshop, and the email (`workshops_changed`) says what
 * the batch did: switched, or waiting while keeping the old place.
 */
export async function switchWorkshop(ctx: DomainContext, day: RegistrationRow, slot: string, poolId: number): Promise<void> {
  if (!(CHOOSING_STATUSES as readonly string[]).includes(day.status)) throw new ConflictError("invalid_state", "error.invalid_state");
  const db = ctx.env.DB;
  const current = await db
    .prepare(
      `SELECT r.preference, r.status FROM registrations r WHERE r.parent_id = ?1 AND r.status IN ${LIVE_SQL} AND r.pool_id = ?2 ORDER BY r.preference LIMIT 1`,
    )
    .bind(day.id, poolId)
    .first<Pick<StoredRegistration, "preference" | "status">>();
  if (current?.preference === 1) return;
  const change = new Change(ctx, "participant");
  const bind = (sql: string) => db.prepare(sql).bind(change.id, ctx.now, day.id, day.eventId, slot, poolId);
  // What the email says: the new place taken at once (switched) or waited for; and the place given up or kept.
  const emailData = `json_object('workshopChange', json_object(
      'kind', CASE WHEN EXISTS (SELECT 1 FROM registrations n WHERE n.parent_id = d.id AND n.change_id = ?1 AND n.preference = 1 AND n.status IN ${HOLDING_SQL}) THEN 'switched' ELSE 'waiting' END,
      'workshop', (SELECT p.key FROM capacity_pools p WHERE p.id = ${Number(poolId)}),
      'previous', (SELECT p.key FROM registrations o JOIN capacity_pools p ON p.id = o.pool_id
                   WHERE o.parent_id = d.id AND o.change_id = ?1 AND o.preference = 2 LIMIT 1)))`;

  if (current) {
    // The place held meanwhile is the one wanted now: it becomes the first choice, the place waited for is left.
    await commitPlaceChange(change, {
      write: bind(
        `UPDATE registrations SET preference = 1, change_id = ?1, updated_at = ?2
         WHERE parent_id = ?3 AND pool_id = ?6 AND preference = 2 AND status IN ${LIVE_SQL} AND pool_id IN ${SLOT_POOLS}`,
      ),
      follow: [
        bind(
          `UPDATE registrations SET status = 'cancelled', cancelled_at = ?2, updated_at = ?2, change_id = ?1
           WHERE parent_id = ?3 AND pool_id <> ?6 AND status IN ${LIVE_SQL} AND pool_id IN ${SLOT_POOLS} AND changes() > 0`,
        ),
      ],
      audit: change.audit("registration.workshop_chosen"),
      outbox: change.dayOutbox("workshops_changed", `json_object('workshopChange', json_object('kind', 'switched', 'workshop', (SELECT p.key FROM capacity_pools p WHERE p.id = ${Number(poolId)}), 'previous', NULL))`),
    });
    return;
  }

  const insert = await takePlaceStatement(
    ctx,
    change,
    {
      eventId: day.eventId,
      name: day.name,
      email: day.email,
      emailNormalized: day.emailNormalized,
      locale: day.locale,
      answers: "{}",
      needs: "{}",
      children: day.children,
      exhibitor: null,
      idempotencyKey: null,
      awaitingEmail: day.awaitingEmail ? 1 : 0,
      holdExpiresAt: day.holdExpiresAt,
      consentVersion: day.consentVersion ?? ctx.env.PRIVACY_NOTICE_VERSION,
    },
    workshopPlacement(String(day.id), poolId, day.places, { preference: 1, onlyIf: "1 = 1" }),
  );
  await commitPlaceChange(change, {
    // The place held in the slot (if any) is kept, as the choice held meanwhile.
    write: bind(
      `UPDATE registrations SET preference = 2, change_id = ?1, updated_at = ?2
       WHERE parent_id = ?3 AND status IN ${HOLDING_SQL} AND pool_id <> ?6 AND pool_id IN ${SLOT_POOLS}`,
    ),
    follow: [
      // Places only waited for in the slot are left.
      bind(
        `UPDATE registrations SET status = 'cancelled', cancelled_at = ?2, updated_at = ?2, change_id = ?1
         WHERE parent_id = ?3 AND status IN ${LIVE_SQL} AND status NOT IN ${HOLDING_SQL} AND pool_id <> ?6 AND pool_id IN ${SLOT_POOLS}`,
      ),
      insert,
      // The new place came at once: the one held meanwhile goes (its waitlist is served by commitPlaceChange).
      bind(
        `UPDATE registrations SET status = 'cancelled', cancelled_at = ?2, updated_at = ?2, change_id = ?1
         WHERE parent_id = ?3 AND preference = 2 AND status IN ${LIVE_SQL} AND pool_id IN ${SLOT_POOLS}
           AND EXISTS (SELECT 1 FROM registrations n WHERE n.parent_id = ?3 AND n.change_id = ?1 AND n.pool_id = ?6 AND n.status IN ${HOLDING_SQL})`,
      ),
    ],
    audit: change.audit("registration.workshop_chosen"),
    outbox: change.dayOutbox("workshops_changed", emailData),
  });
}
