/**
 * Taking a place: ONE guarded INSERT … SELECT per registration, for sign-ups, workshop
 * choices and walk-ins alike. It decides from the places taken at the instant it runs
 * whether the registration takes its places (confirmed, or held until the address is
 * confirmed), waits, or is not stored at all; its row count is the answer. D1 runs one
 * statement at a time, so however many requests arrive at once, a pool is never overbooked,
 * and a newcomer never overtakes someone waiting who fits the free places.
 *
 * A conference's workshop choice is a child registration in the workshop's pool: it takes a
 * place only while its day registration holds one, and takes the day registration's status.
 */
import type { Needs } from "../../../../db/schema";
import { allOf, shifted, type SqlPart } from "../../lib/sql";
import { newManageToken } from "../../lib/tokens";
import { needsFacts, participantKey } from "../statistics/facts";

type ManageToken = Awaited<ReturnType<typeof newManageToken>>;
import type { Change, DomainContext } from "../change";
import { HOLDING_SQL } from "./statuses";
import { someoneFittingWaitsSql } from "./waitlist";

/** The person behind a registration, as stored on it. */
export type Person = {
  eventId: number;
  name: string;
  email: string;
  emailNormalized: string;
  locale: string;
  answers: string;
  needs: string;
  children: number;
  exhibitor: string | null;
  idempotencyKey: string | null;
  /** Keyed hash of the request that came with the idempotency key (../registrations/idempotency.ts). */
  idempotencyHash?: string | null;
  awaitingEmail: number;
  holdExpiresAt: number | null;
  consentVersion: string;
};

/** What decides a new registration's status inside the insert. */
export type Placement = {
  poolId: number;
  places: number;
  /** pending_approval: waits for organisers and takes no place yet. */
  approval: boolean;
  /** May it wait when it does not fit? Otherwise nothing is inserted. */
  waitlist: boolean;
  /** SQL giving the status when it takes its places ('confirmed', 'held', or the day registration's status). */
  whenFits: string;
  /** SQL condition that must hold to take places now (e.g. the day registration holds its place). */
  gate: string;
  /** SQL giving the day registration's id, for workshop choices. */
  parent: string;
  preference: number;
  /** Extra SQL condition for inserting at all (e.g. a second choice only while the first waits). */
  onlyIf: string;
};

/** A day registration (or a stand application) in the pool `poolId`. */
export function dayPlacement(poolId: number, places: number, rules: { approval: boolean; waitlist: boolean; awaitingEmail: boolean }): Placement {
  return {
    poolId,
    places,
    approval: rules.approval,
    waitlist: rules.waitlist,
    whenFits: rules.awaitingEmail ? `'held'` : `'confirmed'`,
    gate: "1 = 1",
    parent: "NULL",
    preference: 1,
    onlyIf: "1 = 1",
  };
}

/**
 * A workshop choice of the day registration that `parentSql` names: as many places as it, a
 * place only while it holds its own, and its status then. A first choice may wait; a second
 * choice is taken only while the first waits (`onlyIf`) and never waits itself.
 */
export function workshopPlacement(parentSql: string, poolId: number, places: number, choice: { preference: 1 | 2; onlyIf: string }): Placement {
  const parentStatus = `(SELECT status FROM registrations WHERE id = ${parentSql})`;
  return {
    poolId,
    places,
    approval: false,
    waitlist: choice.preference === 1,
    whenFits: parentStatus,
    gate: `${parentStatus} IN ${HOLDING_SQL}`,
    parent: parentSql,
    preference: choice.preference,
    onlyIf: choice.onlyIf,
  };
}

const PARAMS = 26;

/**
 * The guarded insert of one registration: stamped with the change, so its audit and outbox
 * rows follow in the same batch. `precondition` (with its own ?1… parameters) must hold for
 * anything to be inserted: e.g. the event's version stamp and the rate limits of a sign-up.
 * `token`: the manage token to store (by default a new one), when the caller must recognise
 * the inserted row by its hash.
 */
export async function takePlaceStatement(
  ctx: DomainContext,
  change: Change,
  person: Person,
  placement: Placement,
  { precondition = allOf(), token }: { precondition?: SqlPart; token?: ManageToken } = {},
): Promise<D1PreparedStatement> {
  token ??= await newManageToken(ctx.env, person.emailNormalized);
  // The statistics facts are written with the row (../statistics/facts.ts): they outlive its personal data.
  const key = await participantKey(ctx.env, person.email, person.emailNormalized);
  const needs = needsFacts(JSON.parse(person.needs) as Needs);
  const extra = shifted(precondition, PARAMS);
  const free = `p.capacity - p.places_taken`;
  const takesPlace = `(${placement.gate} AND ?3 <= ${free} AND NOT ${someoneFittingWaitsSql(free)})`;
  return ctx.env.DB.prepare(
    `INSERT INTO registrations (event_id, pool_id, parent_id, status, places, children, preference, name, email, email_normalized,
       locale, answers, needs, exhibitor, token_nonce, manage_token_hash, idempotency_key, idempotency_hash, queue_order, awaiting_email,
       hold_expires_at, consent_version, consent_at, change_id, created_at, updated_at,
       stat_participant_key, stat_interpreter, stat_childcare_children, stat_accessibility, stat_facts_at)
     SELECT p.event_id, p.id, ${placement.parent},
       CASE WHEN ?19 = 1 THEN 'pending_approval' WHEN ${takesPlace} THEN ${placement.whenFits} ELSE 'waitlisted' END,
       ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?22,
       (SELECT COALESCE(MAX(q.queue_order), 0) + 1 FROM registrations q WHERE q.pool_id = p.id),
       ?16, ?17, ?18, ?2, ?1, ?2, ?2,
       ?23, ?24, ?25, ?26, ?2
     FROM capacity_pools p
     WHERE p.id = ?20 AND (?21 = 1 OR ?19 = 1 OR ${takesPlace}) AND ${placement.onlyIf} AND (${extra.sql})
     ON CONFLICT DO NOTHING`,
  ).bind(
    change.id, // ?1
    ctx.now, // ?2
    placement.places, // ?3
    person.children, // ?4
    placement.preference, // ?5
    person.name, // ?6
    person.email, // ?7
    person.emailNormalized, // ?8
    person.locale, // ?9
    person.answers, // ?10
    person.needs, // ?11
    person.exhibitor, // ?12
    token.nonce, // ?13
    token.hash, // ?14
    person.idempotencyKey, // ?15
    person.awaitingEmail, // ?16
    person.holdExpiresAt, // ?17
    person.consentVersion, // ?18
    placement.approval ? 1 : 0, // ?19
    placement.poolId, // ?20
    placement.waitlist ? 1 : 0, // ?21
    person.idempotencyHash ?? null, // ?22
    key, // ?23
    needs.interpreter, // ?24
    needs.childcareChildren, // ?25
    needs.accessibility ? 1 : 0, // ?26
    ...extra.params,
  );
}
