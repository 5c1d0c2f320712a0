/**
 * The one way a change of places is written. Guard first, then ONE batch: the guarded write
 * that stamps the rows it changes (its row count says whether the change happened), the
 * statements that follow it (workshop choices follow their day registration), the audit and
 * outbox rows selected by that stamp (../change.ts), and last the pools the change touched
 * where someone waiting now fits, which are served before the verb returns. So a change that
 * frees places serves the waitlists itself, and no caller can forget it.
 */
import type { StoredRegistration } from "../../../../db/rows";
import { ConflictError, NotFoundError } from "../../lib/errors";
import { Change, type Actor, type DomainContext } from "../change";
import { duePoolsStatement, serveDuePools } from "./promote";

export type PlaceChange = {
  /** The guarded write: its row count says whether the change happened. */
  write: D1PreparedStatement;
  /** Statements right after the write (`changes()` in them is the write's row count). */
  follow?: D1PreparedStatement[];
  audit: D1PreparedStatement;
  outbox?: D1PreparedStatement;
  /** Pools the change touches without stamping a registration (a pool whose size changed). */
  pools?: number[];
};

export type Committed = {
  changed: boolean;
  /** The results of the write and of the statements that follow it, in order. */
  results: D1Result[];
  promoted: number;
};

/** Runs one change of places as one batch, hands its emails to the queue, and serves the waitlists it touched. */
export async function commitPlaceChange(change: Change, parts: PlaceChange): Promise<Committed> {
  const written = [parts.write, ...(parts.follow ?? [])];
  const results = await change.env.DB.batch([
    ...written,
    parts.audit,
    ...(parts.outbox ? [parts.outbox] : []),
    duePoolsStatement(change, parts.pools),
  ]);
  if (parts.outbox) change.dispatch(results.at(-2));
  const promoted = await serveDuePools(change.ctx, results.at(-1));
  return { changed: Boolean(results[0]?.meta.changes), results: results.slice(0, written.length), promoted };
}

export type Transition = {
  /** SET clause and WHERE guard of the guarded UPDATE (?1 change id, ?2 now, ?3 the registration). */
  set: string;
  guard: string;
  action: string;
  /** More for the audit rows (see Change.audit). */
  details?: Record<string, unknown>;
  detailsSql?: string;
  email?: Parameters<Change["outbox"]>;
  /** The same change for the registration's workshop choices, if they follow it (SET clause and guard). */
  children?: { set: string; guard: string };
};

/** One guarded change of a registration (and its workshop choices), audited and emailed in the same batch. */
export function transition(ctx: DomainContext, actor: Actor, registrationId: number, t: Transition): Promise<Committed> {
  const change = new Change(ctx, actor);
  const db = ctx.env.DB;
  return commitPlaceChange(change, {
    write: db.prepare(`UPDATE registrations SET change_id = ?1, updated_at = ?2, ${t.set} WHERE id = ?3 AND (${t.guard})`).bind(change.id, ctx.now, registrationId),
    follow: t.children
      ? [
          db
            .prepare(
              `UPDATE registrations SET change_id = ?1, updated_at = ?2, ${t.children.set}
               WHERE parent_id = ?3 AND (${t.children.guard}) AND changes() > 0`,
            )
            .bind(change.id, ctx.now, registrationId),
        ]
      : [],
    audit: change.audit(t.action, t.details, t.detailsSql),
    outbox: t.email ? change.outbox(...t.email) : undefined,
  });
}

export type RegistrationState = Pick<StoredRegistration, "status" | "awaitingEmail" | "parentId" | "poolId" | "places">;

/** The registration's state now: to explain why a guarded write changed nothing. */
export async function stateOf(ctx: DomainContext, registrationId: number): Promise<RegistrationState> {
  const row = await ctx.env.DB.prepare(
    `SELECT status, awaiting_email AS awaitingEmail, parent_id AS parentId, pool_id AS poolId, places FROM registrations WHERE id = ?1`,
  )
    .bind(registrationId)
    .first<RegistrationState>();
  if (!row) throw new NotFoundError("error.registration_not_found");
  return row;
}

/** A day registration's state; workshop choices follow their day registration and are not acted on alone. */
export async function dayRegistrationState(ctx: DomainContext, registrationId: number): Promise<RegistrationState> {
  const row = await stateOf(ctx, registrationId);
  if (row.parentId !== null) throw new ConflictError("invalid_state", "error.invalid_state");
  return row;
}
