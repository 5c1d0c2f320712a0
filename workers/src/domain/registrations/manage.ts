/**
 * What a participant does through their private manage link: look at the registration,
 * confirm the email address (double opt-in), accept a waitlist offer, cancel. Every change
 * is a guarded UPDATE on the token's hash; a repeated click finds nothing to change and
 * answers with the current state.
 */
import { eq } from "drizzle-orm";
import { registrations, type Locale } from "../../../../db/schema";
import type { ManagedRegistration } from "../../api-types";
import { database } from "../../lib/db";
import { ConflictError, NotFoundError } from "../../lib/errors";
import { looksLikeToken, sha256 } from "../../lib/tokens";
import { Change, WAITLIST_POSITION_SQL, type DomainContext } from "../change";
import { presentEvent, loadEventById } from "../events/public";
import { promoteFromWaitlist } from "../waitlist/promote";
import { availableActions, participantStatus, type RegistrationRow } from "./present";

async function findByToken(ctx: DomainContext, token: string): Promise<RegistrationRow & { waitlistPosition: number | null }> {
  if (!looksLikeToken(token)) throw new NotFoundError("error.registration_not_found");
  const hash = await sha256(token);
  const db = database(ctx.env.DB);
  const [row] = await db.select().from(registrations).where(eq(registrations.manageTokenHash, hash)).limit(1);
  if (!row) throw new NotFoundError("error.registration_not_found");
  const position = await ctx.env.DB.prepare(`SELECT ${WAITLIST_POSITION_SQL} AS p FROM registrations r WHERE r.id = ?1`)
    .bind(row.id)
    .first<{ p: number | null }>();
  return { ...row, waitlistPosition: position?.p ?? null };
}

/** The participant's registration as their manage page shows it, in their chosen locale. */
export async function viewRegistration(ctx: DomainContext, token: string, locale?: Locale): Promise<ManagedRegistration> {
  const row = await findByToken(ctx, token);
  const loaded = await loadEventById(ctx.env, row.eventId);
  return {
    status: participantStatus(row),
    places: row.places,
    name: row.name,
    email: row.email,
    locale: row.locale,
    waitlistPosition: row.waitlistPosition,
    awaitingEmail: row.awaitingEmail,
    holdExpiresAt: row.holdExpiresAt ? new Date(row.holdExpiresAt).toISOString() : null,
    offerExpiresAt: row.offerExpiresAt ? new Date(row.offerExpiresAt).toISOString() : null,
    createdAt: new Date(row.createdAt).toISOString(),
    answers: row.answers,
    event: presentEvent(loaded, locale ?? row.locale, ctx.now),
    onlineUrl: row.status === "confirmed" && !row.awaitingEmail ? loaded.event.onlineUrl : null,
    actions: availableActions(row, ctx.now),
  };
}

type Transition = {
  /** SET clause (after change_id/updated_at) and WHERE guard of the guarded UPDATE. */
  set: string;
  guard: string;
  action: string;
  email: Parameters<Change["outbox"]>[0];
};

/** Runs one guarded transition; returns the registration's row as it was, or null when the guard did not hold. */
async function transition(ctx: DomainContext, token: string, t: Transition): Promise<{ row: RegistrationRow; changed: boolean }> {
  const row = await findByToken(ctx, token);
  const change = new Change(ctx, "participant");
  const [update, , outbox] = await ctx.env.DB.batch([
    ctx.env.DB.prepare(
      `UPDATE registrations SET change_id = ?1, updated_at = ?2, ${t.set} WHERE id = ?3 AND (${t.guard})`,
    ).bind(change.id, ctx.now, row.id),
    change.audit(t.action),
    change.outbox(t.email),
  ]);
  const changed = Boolean(update?.meta.changes);
  if (changed) change.dispatch(outbox);
  return { row, changed };
}

const LIVE = `status IN ('held', 'confirmed', 'waitlisted', 'offered', 'pending_approval')`;

/** Cancels the registration (or leaves the waitlist); its places go to the next in line. */
export async function cancelRegistration(ctx: DomainContext, token: string): Promise<ManagedRegistration> {
  const { row, changed } = await transition(ctx, token, {
    set: `status = 'cancelled', cancelled_at = ?2, awaiting_email = 0, hold_expires_at = NULL, offer_expires_at = NULL`,
    guard: LIVE,
    action: "registration.cancelled",
    email: "cancelled",
  });
  if (!changed && row.status !== "cancelled") throw new ConflictError("invalid_state", "error.invalid_state");
  if (changed && ["held", "confirmed", "offered"].includes(row.status)) await promoteFromWaitlist(ctx, row.poolId);
  return viewRegistration(ctx, token);
}

/** Confirms the email address of a double opt-in registration: a hold becomes a confirmed place. */
export async function confirmEmail(ctx: DomainContext, token: string): Promise<ManagedRegistration> {
  const { row, changed } = await transition(ctx, token, {
    set: `awaiting_email = 0, email_confirmed_at = ?2, hold_expires_at = NULL,
          status = CASE status WHEN 'held' THEN 'confirmed' ELSE status END`,
    guard: `awaiting_email = 1 AND status IN ('held', 'waitlisted') AND hold_expires_at > ?2`,
    action: "registration.email_confirmed",
    email: { sql: `CASE r.status WHEN 'confirmed' THEN 'confirmed' ELSE 'waitlisted' END` },
  });
  if (!changed) {
    if (row.awaitingEmail || row.status === "expired") throw new ConflictError("hold_expired", "error.hold_expired");
    // Already confirmed (a second click): nothing to do.
  } else if (row.status === "waitlisted") {
    // A confirmed address joins the waitlist proper and may fit at once.
    await promoteFromWaitlist(ctx, row.poolId);
  }
  return viewRegistration(ctx, token);
}

/** Accepts a waitlist offer before its deadline. */
export async function acceptOffer(ctx: DomainContext, token: string): Promise<ManagedRegistration> {
  const { row, changed } = await transition(ctx, token, {
    set: `status = 'confirmed', offer_expires_at = NULL`,
    guard: `status = 'offered' AND offer_expires_at > ?2`,
    action: "registration.offer_accepted",
    email: "confirmed",
  });
  if (!changed && row.status !== "confirmed") {
    if (row.status === "offered" || row.status === "expired") throw new ConflictError("offer_expired", "error.offer_expired");
    throw new ConflictError("invalid_state", "error.invalid_state");
  }
  return viewRegistration(ctx, token);
}
