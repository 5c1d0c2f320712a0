/**
 * Signing up for an event, in one D1 round trip.
 *
 * The place is taken by ONE guarded INSERT ... SELECT (../places/take.ts) that decides, from
 * the places taken at that instant, whether the registration is confirmed (or held until the
 * email address is confirmed) or waitlisted. Everything else the sign-up needs is in the same
 * batch (a transaction), so it takes one round trip when the event's definition is in the
 * isolate's cache and two when it is read first:
 * - the event's definition comes from the cache (../events/definition.ts), and the insert
 *   requires the version stamp it was validated against: a stale copy inserts nothing, and
 *   the sign-up is tried again on a fresh read;
 * - the rate limits are counted and checked in the batch (lib/rate-limit.ts `batchLimits`),
 *   or by the rate-limiting binding before it;
 * - the outbox and audit rows (see ../change.ts);
 * - the answer for an address registered already (the manage link is sent again, nothing is
 *   revealed) and for a retry with the same idempotency key (./idempotency.ts), each by
 *   guarded statements that change nothing when they do not apply;
 * - a SELECT of the outcome that says which of these happened.
 *
 * Conferences: each workshop chosen is a child registration in the workshop's pool,
 * inserted in the same batch with the same guard (../places/take.ts). A workshop place is
 * only given while the day registration holds its place; a second choice is taken only while
 * the first choice waits, and is given up when the first choice comes through (see
 * ../places/promote.ts). Fairs: a stand application is a registration in the stands pool
 * that waits for approval.
 */
import type { RegistrationResponse, WorkshopPlace } from "../../api-types";
import type { StoredPool, StoredRegistration } from "../../../../db/rows";
import type { Exhibitor, Locale } from "../../../../db/schema";
import { ConflictError, DomainError } from "../../lib/errors";
import { batchLimits, RateLimitedError } from "../../lib/rate-limit";
import { allOf, joined, prepared, shifted, sqlText, type SqlPart } from "../../lib/sql";
import { newManageToken } from "../../lib/tokens";
import { Change, type DomainContext } from "../change";
import { ENDED_SQL, LIVE_SQL } from "../places/statuses";
import { dayPlacement, takePlaceStatement, workshopPlacement, type Person } from "../places/take";
import { WAITLIST_POSITION_SQL } from "../places/waitlist";
import { eventReader, registrationWindow, type EventReader, type EventRow } from "../events/public";
import { eventDefinition, forgetEventDefinition, versionHolds, type EventDefinition } from "../events/definition";
import { participantStatus, type RegistrationRow } from "./present";
import { validateRegistration, type EventRules } from "./validate";
import { IdempotencyKeyReusedError, requestHash, sameRequest } from "./idempotency";
import { botAnswer, looksLikeBot, minFillMs } from "../abuse/bots";
import { normalizeEmail } from "../../lib/email";
import { iso } from "../../lib/dates";

/** Workshop places of a registration, for the participant. */
export const WORKSHOPS_SQL = `SELECT p.slot, p.key, p.name, p.starts_at AS startsAt, p.ends_at AS endsAt, r.preference, r.status, r.awaiting_email AS awaitingEmail,
    ${WAITLIST_POSITION_SQL} AS waitlistPosition
  FROM registrations r JOIN capacity_pools p ON p.id = r.pool_id
  WHERE r.parent_id = ?1 AND r.status IN ${LIVE_SQL}
  ORDER BY p.slot, r.preference`;

export type WorkshopRow = Pick<StoredPool, "slot" | "key" | "name" | "startsAt" | "endsAt"> &
  Pick<StoredRegistration, "preference" | "status" | "awaitingEmail"> & { waitlistPosition: number | null };

/** A registration's workshop places (rows of WORKSHOPS_SQL), named in the reader's language. */
export function presentWorkshops(rows: WorkshopRow[], read: EventReader): WorkshopPlace[] {
  return rows.map((w) => {
    const name = read.pool({ key: w.key, name: w.name ? JSON.parse(w.name) : null });
    return {
      slot: w.slot ?? "",
      key: w.key,
      name: name?.text ?? w.key,
      ...(name?.mark ? { mark: name.mark } : {}),
      startsAt: iso(w.startsAt),
      endsAt: iso(w.endsAt),
      preference: w.preference,
      status: participantStatus({ status: w.status, awaitingEmail: Boolean(w.awaitingEmail) }),
      waitlistPosition: w.waitlistPosition,
    };
  });
}

/**
 * Workshop names for the sign-up's own answer, read from the cached definition: the organiser's
 * texts by the fallback chain. Machine and reviewed translations are not cached (the sign-up
 * stays one round trip); the emails and the manage page name the workshops with them.
 */
const workshopNames = (event: EventRow, locale: Locale) => eventReader({ event, translations: new Map() }, locale);

/** What validation needs to know about the event's pools and questions. */
export function eventRules(loaded: EventDefinition): EventRules {
  const workshopSlots = new Map<string, Set<string>>();
  for (const pool of loaded.pools.filter((p) => p.kind === "workshop")) {
    const keys = workshopSlots.get(pool.slot ?? "") ?? new Set<string>();
    keys.add(pool.key);
    workshopSlots.set(pool.slot ?? "", keys);
  }
  return {
    questions: loaded.event.questions,
    maxPlacesPerRegistration: loaded.event.maxPlacesPerRegistration,
    countChildren: loaded.event.countChildren,
    workshopSlots,
    registrationTypes: new Set(loaded.pools.filter((p) => p.kind === "registration_type").map((p) => p.key)),
  };
}

/** Throws the stable 409 of a registration window that is not open. */
export function assertRegistrationOpen(loaded: EventDefinition, now: number): void {
  const { event, mainPool } = loaded;
  const window = registrationWindow(event, loaded.sessions, now);
  if (window === "cancelled") throw new ConflictError("event_cancelled", "error.event_cancelled");
  if (window === "no_registration" || !mainPool) throw new ConflictError("no_registration_needed", "error.no_registration_needed");
  if (window === "not_open_yet")
    throw new ConflictError("registration_not_open", "error.registration_not_open_yet", {
      date: new Date(event.registrationOpensAt!).toISOString(),
    });
  if (window === "closed") throw new ConflictError("registration_closed", "error.registration_closed");
}

/** The day registration of this batch, for the workshop choices inserted after it. */
const PARENT_SQL = `(SELECT id FROM registrations WHERE change_id = ?1 AND parent_id IS NULL)`;

/** What the request brings besides its body. */
type SignUpRequest = {
  idempotencyKey: string | null;
  /** The client address, where the batch counts its rate limit (null: no header, or the binding counts it). */
  address: string | null;
};

/** A batch found another version of the event than the one it was built from: nothing was written. */
const STALE = Symbol("stale");

/** Attempts on a fresh read after a stale copy; an event edited between every read and its batch is not open for long. */
const ATTEMPTS = 3;

/**
 * Registers a participant. An `idempotencyKey` seen before with the same request returns the
 * registration it created; with another request it is refused (422). An email already
 * registered for the event creates nothing, re-sends the manage link to that address and
 * answers "check your email", revealing nothing about the first registration.
 */
export async function registerForEvent(
  ctx: DomainContext,
  slug: string,
  body: unknown,
  idempotencyKey: string | null,
  { address = null }: { address?: string | null } = {},
): Promise<RegistrationResponse> {
  const request = { idempotencyKey, address };
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const { definition, cached } = await eventDefinition(ctx.env, slug, ctx.now, { fresh: attempt > 0 });
    let input: ReturnType<typeof validateRegistration>;
    try {
      assertRegistrationOpen(definition, ctx.now);
      input = validateRegistration(body, eventRules(definition));
    } catch (refusal) {
      // Refused by a cached copy: refused for good only by the event as it is now.
      if (cached && refusal instanceof DomainError) continue;
      throw refusal;
    }
    if (looksLikeBot(body, ctx.now, minFillMs(ctx.env))) return botAnswer(body);
    const answer = await signUp(ctx, definition, input, request);
    if (answer !== STALE) return answer;
    forgetEventDefinition(ctx.env, slug);
  }
  throw new ConflictError("event_changed", "error.event_changed");
}

type Answer = {
  version: number;
  /** The registration (below) was created by this request. */
  created: number;
  /** The address was registered already: its registration was stamped to send the manage link again. */
  repeated: number;
  emailCount: number | null;
  id: number | null;
  idempotencyHash: string | null;
} & Pick<StoredRegistration, "status" | "places" | "awaitingEmail" | "locale"> & { waitlistPosition: number | null };

/** The one batch of a sign-up (see the top of this file). */
async function signUp(
  ctx: DomainContext,
  definition: EventDefinition,
  input: ReturnType<typeof validateRegistration>,
  request: SignUpRequest,
): Promise<RegistrationResponse | typeof STALE> {
  const { env, now } = ctx;
  const db = env.DB;
  const { event } = definition;
  const change = new Change(ctx, "participant");
  const awaitingEmail = event.emailConfirmation ? 1 : 0;
  const standPool = input.registrationType ? definition.pools.find((p) => p.key === input.registrationType) : undefined;
  const pool = standPool ?? definition.mainPool!;
  const exhibitor: Exhibitor | null = input.exhibitor
    ? { organisation: input.exhibitor.organisation, description: input.exhibitor.description, contact: input.exhibitor.contact, needs: input.exhibitor.needs ?? [] }
    : null;
  const key = request.idempotencyKey;
  const hash = key ? await requestHash(env, event.slug, input) : null;
  const person: Person = {
    eventId: event.id,
    name: input.name,
    email: input.email,
    emailNormalized: normalizeEmail(input.email),
    locale: input.locale,
    answers: JSON.stringify(input.answers),
    needs: JSON.stringify(input.needs ?? {}),
    children: input.children ?? 0,
    exhibitor: exhibitor ? JSON.stringify(exhibitor) : null,
    idempotencyKey: key,
    idempotencyHash: hash,
    awaitingEmail,
    holdExpiresAt: awaitingEmail ? now + event.holdMinutes * 60_000 : null,
    consentVersion: env.PRIVACY_NOTICE_VERSION,
  };
  // The day registration this request may insert is recognised by its manage token's hash: the
  // change may instead stamp the address's existing registration (a repeat).
  const token = await newManageToken(env, person.emailNormalized);
  const isNew = `r.manage_token_hash = ${sqlText(token.hash)}`;

  const current = versionHolds(definition);
  const limits = await batchLimits(env, "registration", { address: request.address, email: person.emailNormalized }, now);
  // Everything this request may write depends on this: the event as validated, and the limits.
  const allowed = allOf(current, ...(limits ? [limits.allows] : []));
  const keyed: SqlPart = { sql: `SELECT id FROM registrations WHERE event_id = ?1 AND idempotency_key = ?2`, params: [event.id, key] };

  const day = await takePlaceStatement(
    ctx,
    change,
    person,
    // Stands are always chosen by the organisers.
    dayPlacement(pool.id, input.places, { approval: event.registrationMode === "approval" || Boolean(standPool), waitlist: event.waitlistEnabled, awaitingEmail: Boolean(awaitingEmail) }),
    { precondition: allowed, token },
  );
  const workshopStatements: D1PreparedStatement[] = [];
  const workshopPool = (slot: string, poolKey: string) => definition.pools.find((p) => p.kind === "workshop" && p.slot === slot && p.key === poolKey)!;
  for (const choice of input.workshops ?? []) {
    const childPerson = { ...person, idempotencyKey: null, idempotencyHash: null, exhibitor: null };
    const first = workshopPool(choice.slot, choice.first);
    workshopStatements.push(
      await takePlaceStatement(ctx, change, childPerson, workshopPlacement(PARENT_SQL, first.id, input.places, { preference: 1, onlyIf: `${PARENT_SQL} IS NOT NULL` })),
    );
    if (choice.second) {
      const second = workshopPool(choice.slot, choice.second);
      const firstWaits = `EXISTS (SELECT 1 FROM registrations f WHERE f.parent_id = ${PARENT_SQL} AND f.pool_id = ${first.id} AND f.status = 'waitlisted')`;
      workshopStatements.push(await takePlaceStatement(ctx, change, childPerson, workshopPlacement(PARENT_SQL, second.id, input.places, { preference: 2, onlyIf: firstWaits })));
    }
  }

  // The address is registered already (nothing was inserted, and no earlier request holds the
  // key): stamping its live registration with this change makes the outbox row below send the
  // manage link again, and the audit row record the repeat.
  const stampRepeat = joined(
    [
      {
        sql: `UPDATE registrations SET change_id = ?1 WHERE event_id = ?2 AND pool_id = ?3 AND email_normalized = ?4 AND parent_id IS NULL
                AND status NOT IN ${ENDED_SQL} AND NOT EXISTS (SELECT 1 FROM registrations n WHERE n.change_id = ?1)`,
        params: [change.id, event.id, pool.id, person.emailNormalized],
      },
      ...(key ? [{ sql: `NOT EXISTS (${keyed.sql})`, params: keyed.params }] : []),
      allowed,
    ],
    " AND ",
  );
  const outbox = change.outbox({
    // An address to confirm comes first: an application goes to the organisers once it is confirmed.
    sql: `CASE WHEN NOT (${isNew}) THEN 'manage_link' WHEN r.awaiting_email = 1 THEN 'confirm_email' WHEN r.status = 'pending_approval' THEN 'application_pending'
            WHEN r.status = 'waitlisted' THEN 'waitlisted' ELSE 'confirmed' END`,
  });
  const stamped: SqlPart = { sql: `EXISTS (SELECT 1 FROM registrations s WHERE s.change_id = ?1)`, params: [change.id] };
  const counted = limits?.count(current, stamped) ?? null;
  // The registration this request created, else the one its idempotency key created before.
  const registrationOf: SqlPart = {
    sql: `COALESCE((SELECT id FROM registrations WHERE manage_token_hash = ?1), (${shifted(keyed, 1).sql}))`,
    params: [token.hash, ...keyed.params],
  };
  const outcome = prepared(
    db,
    joined(
      [
        {
          sql: `SELECT (SELECT version FROM events WHERE id = ?1) AS version,
                  COALESCE(${isNew}, 0) AS created,
                  EXISTS (SELECT 1 FROM registrations s WHERE s.change_id = ?2 AND s.parent_id IS NULL AND s.manage_token_hash <> ?3) AS repeated,
                  r.id, r.idempotency_hash AS idempotencyHash, r.status, r.places, r.awaiting_email AS awaitingEmail, r.locale,
                  ${WAITLIST_POSITION_SQL} AS waitlistPosition,`,
          params: [event.id, change.id, token.hash],
        },
        { sql: limits ? `${limits.emailCount.sql} AS emailCount` : `NULL AS emailCount`, params: limits?.emailCount.params ?? [] },
        { sql: `FROM (SELECT 1) LEFT JOIN registrations r ON r.id = ${registrationOf.sql}`, params: registrationOf.params },
      ],
      " ",
    ),
  );
  const workshops = definition.pools.some((p) => p.kind === "workshop")
    ? prepared(db, { sql: WORKSHOPS_SQL.replace("r.parent_id = ?1", `r.parent_id = ${registrationOf.sql}`), params: registrationOf.params })
    : null;
  const statements = [
    day,
    ...workshopStatements,
    prepared(db, stampRepeat),
    outbox,
    change.audit({ sql: `CASE WHEN r.parent_id IS NULL AND NOT (${isNew}) THEN 'registration.repeated' ELSE 'registration.created' END` }),
    counted,
    outcome,
    workshops,
  ].filter((statement): statement is D1PreparedStatement => statement !== null);
  const results = await db.batch(statements);
  const resultOf = (statement: D1PreparedStatement | null) => (statement ? results[statements.indexOf(statement)] : undefined);
  const answer = resultOf(outcome)!.results[0] as Answer;

  // Another version of the event than the one validated against: nothing was written.
  if (answer.version !== event.version) return STALE;
  const registered = (row: Answer, workshopRows: unknown[] | undefined): RegistrationResponse => ({
    registration: {
      status: participantStatus({ status: row.status, awaitingEmail: row.awaitingEmail }),
      places: row.places,
      waitlistPosition: row.waitlistPosition,
      ...(workshopRows?.length ? { workshops: presentWorkshops(workshopRows as WorkshopRow[], workshopNames(event, row.locale)) } : {}),
    },
  });
  if (answer.created) {
    change.dispatch(resultOf(outbox));
    return registered(answer, input.workshops?.length ? resultOf(workshops)?.results : undefined);
  }
  if (answer.id !== null && hash !== null) {
    // The key's registration, created by an earlier request: a retry of that request, or another request with the same key.
    if (!sameRequest(answer.idempotencyHash, hash)) throw new IdempotencyKeyReusedError();
    return registered(answer, resultOf(workshops)?.results);
  }
  if (answer.repeated) {
    change.dispatch(resultOf(outbox));
    return { registration: { status: "check_email", places: input.places, waitlistPosition: null } };
  }
  // Nothing was written: over a limit, or full.
  const wait = limits?.wait(resultOf(counted), answer.emailCount) ?? 0;
  if (wait > 0) throw new RateLimitedError(wait);
  throw new DomainError("event_full", 409, "error.event_full");
}
