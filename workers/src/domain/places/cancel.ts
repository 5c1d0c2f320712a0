/**
 * Cancelling: by the participant, by an organiser on their behalf, or before an erasure. One
 * guarded UPDATE ends the live registrations and their workshop choices; the freed places go
 * to the waitlists through commitPlaceChange.
 */
import type { StoredRegistration } from "../../../../db/rows";
import type { EmailTemplate } from "../../../../db/schema";
import { ConflictError } from "../../lib/errors";
import { Change, type Actor, type DomainContext } from "../change";
import { commitPlaceChange, stateOf } from "./commit";
import { LIVE_SQL } from "./statuses";

/** SET clause of a cancellation (?1 change id, ?2 now); `cancelled_from` keeps the status it ended (the statistics' "gave up waiting"). */
export const CANCELLED_SET = `status = 'cancelled', cancelled_from = status, cancelled_at = ?2, awaiting_email = 0, hold_expires_at = NULL,
  offer_expires_at = NULL, change_id = ?1, updated_at = ?2`;

export type Cancellation = {
  action: string;
  /** More for the audit rows, e.g. the reason. */
  details?: Record<string, unknown>;
  /** The day registrations' email; none before an erasure (the address is gone a moment later). */
  email?: { template: EmailTemplate; data?: Record<string, unknown> };
};

/**
 * Cancels the live registrations among `ids` and the workshop choices of each. Returns the
 * registrations it cancelled (`parentId` null for day registrations), how many waiting were
 * promoted into the places freed, and the change's id (its audit rows carry it).
 */
export async function cancelRegistrations(
  ctx: DomainContext,
  actor: Actor,
  ids: number[],
  how: Cancellation,
): Promise<{ cancelled: Pick<StoredRegistration, "id" | "parentId">[]; promoted: number; changeId: string }> {
  const change = new Change(ctx, actor);
  const { results, promoted } = await commitPlaceChange(change, {
    write: ctx.env.DB.prepare(
      `UPDATE registrations SET ${CANCELLED_SET}
       WHERE status IN ${LIVE_SQL} AND (id IN (SELECT value FROM json_each(?3)) OR parent_id IN (SELECT value FROM json_each(?3)))
       RETURNING id, parent_id AS parentId`,
    ).bind(change.id, ctx.now, JSON.stringify(ids)),
    audit: change.audit(how.action, how.details),
    outbox: how.email ? change.outbox(how.email.template, how.email.data) : undefined,
  });
  return { cancelled: (results[0]?.results ?? []) as Pick<StoredRegistration, "id" | "parentId">[], promoted, changeId: change.id };
}

/** Cancels one registration; a second click (already cancelled) changes nothing, anything else that is not live is a 409. */
export async function cancelOne(ctx: DomainContext, actor: Actor, registrationId: number, how: Cancellation): Promise<void> {
  const { cancelled } = await cancelRegistrations(ctx, actor, [registrationId], how);
  if (cancelled.some((row) => row.id === registrationId)) return;
  if ((await stateOf(ctx, registrationId)).status !== "cancelled") throw new ConflictError("invalid_state", "error.invalid_state");
}
