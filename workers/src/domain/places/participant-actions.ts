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
import { AWAITING_EMAIL_SQL, CHOOSING_STATUSES, LIVE_SQL } from "./statuses";
import { takePlaceStatement, workshopPlacement } from "./take";

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

/**
 * Chooses (or switches to) the workshop `poolId` of a parallel slot: the old choices in that
 * slot are given up (their places go to those workshops' waitlists) and the new one is taken
 * if it fits, else waited for. Nothing changes when it is already the first choice.
 */
export async function switchWorkshop(ctx: DomainContext, day: RegistrationRow, slot: string, poolId: number): Promise<void> {
  if (!(CHOOSING_STATUSES as readonly string[]).includes(day.status)) throw new ConflictError("invalid_state", "error.invalid_state");
  const db = ctx.env.DB;
  const current = await db
    .prepare(`SELECT 1 AS yes FROM registrations r WHERE r.parent_id = ?1 AND r.preference = 1 AND r.status IN ${LIVE_SQL} AND r.pool_id = ?2`)
    .bind(day.id, poolId)
    .first();
  if (current) return;

  const change = new Change(ctx, "participant");
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
    write: db
      .prepare(
        `UPDATE registrations SET status = 'cancelled', cancelled_at = ?2, updated_at = ?2, change_id = ?1
         WHERE parent_id = ?3 AND status IN ${LIVE_SQL}
           AND pool_id IN (SELECT id FROM capacity_pools WHERE event_id = ?4 AND kind = 'workshop' AND COALESCE(slot, '') = ?5)`,
      )
      .bind(change.id, ctx.now, day.id, day.eventId, slot),
    follow: [insert],
    audit: change.audit("registration.workshop_chosen"),
  });
}
