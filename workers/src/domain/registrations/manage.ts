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
import { ConflictError, NotFoundError, ValidationError } from "../../lib/errors";
import { looksLikeToken, sha256 } from "../../lib/tokens";
import { Change, WAITLIST_POSITION_SQL, type DomainContext } from "../change";
import { presentEvent, loadEventById } from "../events/public";
import { placeRegistrationStatement, presentWorkshops, WORKSHOPS_SQL } from "./register";
import { promoteFromWaitlist } from "../waitlist/promote";
import { availableActions, participantStatus, type RegistrationRow } from "./present";

async function findByToken(ctx: DomainContext, token: string): Promise<RegistrationRow & { waitlistPosition: number | null }> {
  if (!looksLikeToken(token)) throw new NotFoundError("error.registration_not_found");
  const hash = await sha256(token);
  const db = database(ctx.env.DB);
  const [row] = await db.select().from(registrations).where(eq(registrations.manageTokenHash, hash)).limit(1);
  // Workshop choices have tokens of their own that are never sent: they are reached through their day registration.
  if (!row || row.parentId !== null) throw new NotFoundError("error.registration_not_found");
  const position = await ctx.env.DB.prepare(`SELECT ${WAITLIST_POSITION_SQL} AS p FROM registrations r WHERE r.id = ?1`)
    .bind(row.id)
    .first<{ p: number | null }>();
  return { ...row, waitlistPosition: position?.p ?? null };
}

/** The participant's registration as their manage page shows it, in their chosen locale. */
export async function viewRegistration(ctx: DomainContext, token: string, locale?: Locale): Promise<ManagedRegistration> {
  const row = await findByToken(ctx, token);
  const [loaded, workshops] = await Promise.all([
    loadEventById(ctx.env, row.eventId),
    ctx.env.DB.prepare(WORKSHOPS_SQL).bind(row.id).all(),
  ]);
  const actions = availableActions(row, ctx.now);
  const live = ["held", "confirmed", "waitlisted"].includes(row.status);
  if (live && loaded.pools.some((p) => p.kind === "workshop")) actions.push("workshops");
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
    children: row.children,
    workshops: presentWorkshops(workshops.results as Parameters<typeof presentWorkshops>[0], locale ?? row.locale),
    exhibitor: row.exhibitor ? { ...row.exhibitor, needs: row.exhibitor.needs ?? [] } : null,
    actions,
  };
}

type Transition = {
  /** SET clause (after change_id/updated_at) and WHERE guard of the guarded UPDATE. */
  set: string;
  guard: string;
  action: string;
  /** More for the audit row: an SQL expression over `r` yielding a JSON object. */
  auditDetails?: string;
  email: Parameters<Change["outbox"]>[0];
  /** The same change for the registration's workshop choices, if any (SET clause and guard). */
  children?: { set: string; guard: string };
};

/** Runs one guarded transition; returns the registration as it was before a change, or as it is now when the guard did not hold. */
async function transition(
  ctx: DomainContext,
  token: string,
  t: Transition,
): Promise<{ row: RegistrationRow; changed: boolean; childPools: number[] }> {
  const row = await findByToken(ctx, token);
  const change = new Change(ctx, "participant");
  const db = ctx.env.DB;
  const [update, children, , outbox] = await db.batch([
    db.prepare(`UPDATE registrations SET change_id = ?1, updated_at = ?2, ${t.set} WHERE id = ?3 AND (${t.guard})`).bind(change.id, ctx.now, row.id),
    // changes() is the row count of the UPDATE just before: children follow only a real change.
    db
      .prepare(
        `UPDATE registrations SET change_id = ?1, updated_at = ?2, ${t.children?.set ?? "updated_at = updated_at"}
         WHERE parent_id = ?3 AND (${t.children?.guard ?? "0"}) AND changes() > 0 RETURNING pool_id AS poolId`,
      )
      .bind(change.id, ctx.now, row.id),
    change.audit(t.action, t.auditDetails),
    change.outbox(t.email),
  ]);
  const changed = Boolean(update?.meta.changes);
  if (changed) change.dispatch(outbox);
  // Nothing changed: answer from the registration as it is now (a concurrent click may have done it).
  if (!changed) return { row: await findByToken(ctx, token), changed, childPools: [] };
  return { row, changed, childPools: ((children?.results ?? []) as { poolId: number }[]).map((c) => c.poolId) };
}

const LIVE = `status IN ('held', 'confirmed', 'waitlisted', 'offered', 'pending_approval')`;

/** Cancels the registration (or leaves the waitlist); its places go to the next in line. */
export async function cancelRegistration(ctx: DomainContext, token: string): Promise<ManagedRegistration> {
  const cancel = `status = 'cancelled', cancelled_at = ?2, awaiting_email = 0, hold_expires_at = NULL, offer_expires_at = NULL`;
  const { row, changed, childPools } = await transition(ctx, token, {
    set: cancel,
    guard: LIVE,
    action: "registration.cancelled",
    email: "cancelled",
    children: { set: cancel, guard: LIVE },
  });
  if (!changed && row.status !== "cancelled") throw new ConflictError("invalid_state", "error.invalid_state");
  if (changed) for (const poolId of new Set([row.poolId, ...childPools])) await promoteFromWaitlist(ctx, poolId);
  return viewRegistration(ctx, token);
}

/** Confirms the email address of a double opt-in registration: a hold becomes a confirmed place. */
export async function confirmEmail(ctx: DomainContext, token: string): Promise<ManagedRegistration> {
  const { row, changed } = await transition(ctx, token, {
    set: `awaiting_email = 0, email_confirmed_at = ?2, hold_expires_at = NULL,
          status = CASE status WHEN 'held' THEN 'confirmed' ELSE status END`,
    guard: `awaiting_email = 1 AND status IN ('held', 'waitlisted') AND hold_expires_at > ?2`,
    action: "registration.email_confirmed",
    // The proof of the double opt-in: which address (of this registration, for this event)
    // was confirmed when, under which privacy notice and consent time.
    auditDetails: `json_object('confirmed', 'email_address', 'emailConfirmedAt', r.email_confirmed_at,
      'consentVersion', r.consent_version, 'consentAt', r.consent_at)`,
    email: { sql: `CASE r.status WHEN 'confirmed' THEN 'confirmed' ELSE 'waitlisted' END` },
    children: {
      set: `awaiting_email = 0, email_confirmed_at = ?2, hold_expires_at = NULL, status = CASE status WHEN 'held' THEN 'confirmed' ELSE status END`,
      guard: `awaiting_email = 1`,
    },
  });
  if (!changed) {
    if (row.awaitingEmail || row.status === "expired") throw new ConflictError("hold_expired", "error.hold_expired");
    // Already confirmed (a second click): nothing to do.
  } else if (row.status === "waitlisted") {
    // A confirmed address joins the waitlist proper and may fit at once.
    await promoteFromWaitlist(ctx, row.poolId);
  } else {
    await serveWorkshopsOf(ctx, row.id);
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
  if (changed) await serveWorkshopsOf(ctx, row.id);
  return viewRegistration(ctx, token);
}

/** Serves the workshop pools where this (now confirmed) registration waits. */
async function serveWorkshopsOf(ctx: DomainContext, registrationId: number): Promise<void> {
  const { results } = await ctx.env.DB.prepare(`SELECT DISTINCT pool_id AS poolId FROM registrations WHERE parent_id = ?1 AND status = 'waitlisted'`)
    .bind(registrationId)
    .all<{ poolId: number }>();
  for (const { poolId } of results) await promoteFromWaitlist(ctx, poolId);
}

/**
 * Chooses (or switches to) a workshop of a parallel slot on the manage page: the old choice
 * in that slot is given up — its place goes to that workshop's waitlist — and the new one is
 * taken if it fits, else waited for.
 */
export async function chooseWorkshop(ctx: DomainContext, token: string, slot: string, key: string): Promise<ManagedRegistration> {
  const row = await findByToken(ctx, token);
  if (!["held", "confirmed", "waitlisted"].includes(row.status)) throw new ConflictError("invalid_state", "error.invalid_state");
  const loaded = await loadEventById(ctx.env, row.eventId);
  const pool = loaded.pools.find((p) => p.kind === "workshop" && (p.slot ?? "") === slot && p.key === key);
  if (!pool) throw new ValidationError({ key: { key: "field.unknown_option" } });
  const db = ctx.env.DB;
  const current = await db
    .prepare(`SELECT r.pool_id AS poolId FROM registrations r WHERE r.parent_id = ?1 AND r.preference = 1 AND r.status IN ('held', 'confirmed', 'waitlisted') AND r.pool_id = ?2`)
    .bind(row.id, pool.id)
    .first();
  if (current) return viewRegistration(ctx, token); // already the first choice

  const change = new Change(ctx, "participant");
  const parent = String(row.id);
  const insert = await placeRegistrationStatement(
    ctx,
    change,
    {
      eventId: row.eventId,
      name: row.name,
      email: row.email,
      emailNormalized: row.emailNormalized,
      locale: row.locale,
      answers: "{}",
      needs: "{}",
      children: row.children,
      exhibitor: null,
      idempotencyKey: null,
      awaitingEmail: row.awaitingEmail ? 1 : 0,
      holdExpiresAt: row.holdExpiresAt,
      consentVersion: row.consentVersion ?? ctx.env.PRIVACY_NOTICE_VERSION,
    },
    {
      poolId: pool.id,
      places: row.places,
      approval: false,
      waitlist: true,
      whenFits: `(SELECT status FROM registrations WHERE id = ${parent})`,
      gate: `(SELECT status FROM registrations WHERE id = ${parent}) IN ('held', 'confirmed')`,
      parent,
      preference: 1,
      onlyIf: "1 = 1",
    },
  );
  const [released] = await db.batch([
    db
      .prepare(
        `UPDATE registrations SET status = 'cancelled', cancelled_at = ?2, updated_at = ?2, change_id = ?1
         WHERE parent_id = ?3 AND status IN ('held', 'confirmed', 'waitlisted')
           AND pool_id IN (SELECT id FROM capacity_pools WHERE event_id = ?4 AND kind = 'workshop' AND COALESCE(slot, '') = ?5)
         RETURNING pool_id AS poolId`,
      )
      .bind(change.id, ctx.now, row.id, row.eventId, slot),
    insert,
    change.audit("registration.workshop_chosen"),
  ]);
  for (const { poolId } of (released?.results ?? []) as { poolId: number }[]) await promoteFromWaitlist(ctx, poolId);
  return viewRegistration(ctx, token);
}
