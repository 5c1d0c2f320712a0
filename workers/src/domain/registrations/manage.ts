/**
 * What a participant does through their private manage link: look at the registration,
 * confirm the email address (double opt-in), accept a waitlist offer, switch a workshop,
 * cancel. The token finds the registration; the change itself is a guarded write of
 * ../places/participant-actions.ts. A repeated click finds nothing to change and answers
 * with the current state.
 */
import { eq } from "drizzle-orm";
import { registrations, type Locale } from "../../../../db/schema";
import type { ManagedRegistration } from "../../api-types";
import { database } from "../../lib/db";
import { NotFoundError, ValidationError } from "../../lib/errors";
import type { DomainContext } from "../change";
import { eventReader, presentEvent, loadEventById } from "../events/public";
import { acceptOffer as acceptPlaceOffer, cancelByParticipant, confirmEmailAddress, switchWorkshop } from "../places/participant-actions";
import { CHOOSING_STATUSES } from "../places/statuses";
import { WAITLIST_POSITION_SQL } from "../places/waitlist";
import { registrationOfManageToken } from "./manage-link";
import { presentWorkshops, WORKSHOPS_SQL, type WorkshopRow } from "./register";
import { availableActions, participantStatus, type RegistrationRow } from "./present";

async function findByToken(ctx: DomainContext, token: string): Promise<RegistrationRow & { waitlistPosition: number | null }> {
  const linked = await registrationOfManageToken(ctx.env, token);
  if (!linked) throw new NotFoundError("error.registration_not_found");
  const db = database(ctx.env.DB);
  const [row] = await db.select().from(registrations).where(eq(registrations.id, linked.id)).limit(1);
  if (!row) throw new NotFoundError("error.registration_not_found");
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
  const choosing = (CHOOSING_STATUSES as readonly string[]).includes(row.status);
  if (choosing && loaded.pools.some((p) => p.kind === "workshop")) actions.push("workshops");
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
    workshops: presentWorkshops(workshops.results as WorkshopRow[], eventReader(loaded, locale ?? row.locale)),
    exhibitor: row.exhibitor ? { ...row.exhibitor, needs: row.exhibitor.needs ?? [] } : null,
    actions,
  };
}

/** Cancels the registration (or leaves the waitlist); its places go to the next in line. */
export async function cancelRegistration(ctx: DomainContext, token: string): Promise<ManagedRegistration> {
  await cancelByParticipant(ctx, (await findByToken(ctx, token)).id);
  return viewRegistration(ctx, token);
}

/** Confirms the email address of a double opt-in registration: a hold becomes a confirmed place. */
export async function confirmEmail(ctx: DomainContext, token: string): Promise<ManagedRegistration> {
  await confirmEmailAddress(ctx, (await findByToken(ctx, token)).id);
  return viewRegistration(ctx, token);
}

/** Accepts a waitlist offer before its deadline. */
export async function acceptOffer(ctx: DomainContext, token: string): Promise<ManagedRegistration> {
  await acceptPlaceOffer(ctx, (await findByToken(ctx, token)).id);
  return viewRegistration(ctx, token);
}

/**
 * Chooses (or switches to) a workshop of a parallel slot on the manage page: the old choice
 * in that slot is given up — its place goes to that workshop's waitlist — and the new one is
 * taken if it fits, else waited for.
 */
export async function chooseWorkshop(ctx: DomainContext, token: string, slot: string, key: string): Promise<ManagedRegistration> {
  const row = await findByToken(ctx, token);
  const loaded = await loadEventById(ctx.env, row.eventId);
  const pool = loaded.pools.find((p) => p.kind === "workshop" && (p.slot ?? "") === slot && p.key === key);
  if (!pool) throw new ValidationError({ key: { key: "field.unknown_option" } });
  await switchWorkshop(ctx, row, slot, pool.id);
  return viewRegistration(ctx, token);
}
