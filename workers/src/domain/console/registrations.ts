/**
 * Registrations and waitlists as organisers handle them: the list (search, filters, email
 * delivery), one registration with its history, and what an organiser does on a
 * participant's behalf — edit, cancel, confirm or offer now, move in the waitlist, approve
 * or reject an application.
 *
 * Every change follows ../change.ts: guard first (read what the decision needs), then ONE
 * batch with the guarded write that stamps the rows it changes, their audit rows and their
 * outbox rows. Whatever takes places (confirm now, offer now, approve, more places) is one
 * guarded UPDATE whose row count tells whether the places fitted at that instant, so
 * concurrent requests can never overbook a pool. Freed places go to the waitlist at once.
 *
 * Authorisation is the caller's (routes, with ../auth/access.ts); these verbs trust the ids
 * they are given.
 */
import type { Locale, Needs, RegistrationStatus } from "../../../../db/schema";
import type {
  ConsoleEmail,
  ConsoleEmailStatus,
  ConsoleHistoryEntry,
  ConsoleRegistration,
  ConsoleRegistrationDetail,
  RegistrationEditInput,
} from "../../console-types";
import { ConflictError, DomainError, NotFoundError, ValidationError, type FieldProblem } from "../../lib/errors";
import { newManageToken } from "../../lib/tokens";
import { Change, PLACE_TAKING, placesTakenSql, WAITLIST_POSITION_SQL, type Actor, type DomainContext } from "../change";
import { normalizeEmail } from "../registrations/register";
import { validateRegistration } from "../registrations/validate";
import { promoteFromWaitlist } from "../waitlist/promote";
import { suppressedAmong } from "../mail/suppressions";

const iso = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(ms).toISOString());

/** Statuses a registration is alive in (it can still be changed or cancelled). */
export const LIVE_STATUSES = ["held", "confirmed", "waitlisted", "offered", "pending_approval"] as const;
const LIVE = `('held', 'confirmed', 'waitlisted', 'offered', 'pending_approval')`;

/** Free places of the pool of the registration being updated (inside `UPDATE registrations`). */
const FREE_PLACES = `((SELECT p.capacity FROM capacity_pools p WHERE p.id = registrations.pool_id) - ${placesTakenSql("registrations.pool_id")})`;

/** Actor's user id inside SQL over audit_log `a`, for joining users. */
const ACTOR_USER_ID = `CASE WHEN a.actor LIKE 'user:%' THEN CAST(substr(a.actor, 6) AS INTEGER) END`;

const REGISTRATION_COLUMNS = `r.id, r.parent_id AS parentId, r.event_id AS eventId, r.name, r.email, r.locale, r.status, r.places,
  r.pool_id AS poolId, p.key AS poolKey, ${WAITLIST_POSITION_SQL} AS waitlistPosition, r.awaiting_email AS awaitingEmail,
  r.hold_expires_at AS holdExpiresAt, r.offer_expires_at AS offerExpiresAt, r.answers, r.needs, r.created_at AS createdAt,
  r.queue_order AS queueOrder,
  (SELECT json_object('template', o.template, 'status', o.status, 'lastError', o.last_error, 'at', COALESCE(o.sent_at, o.updated_at))
     FROM outbox o WHERE o.registration_id = r.id ORDER BY o.created_at DESC, o.rowid DESC LIMIT 1) AS emailStatus`;

type RegistrationListRow = {
  id: number;
  parentId: number | null;
  eventId: number;
  name: string;
  email: string;
  locale: Locale;
  status: RegistrationStatus;
  places: number;
  poolId: number;
  poolKey: string;
  waitlistPosition: number | null;
  awaitingEmail: number;
  holdExpiresAt: number | null;
  offerExpiresAt: number | null;
  answers: string;
  needs: string;
  createdAt: number;
  queueOrder: number;
  emailStatus: string | null;
};

function present(row: RegistrationListRow, bouncing: ReadonlySet<string>): ConsoleRegistration {
  const email = row.emailStatus ? (JSON.parse(row.emailStatus) as Omit<ConsoleEmailStatus, "at"> & { at: number }) : null;
  return {
    id: row.id,
    parentId: row.parentId,
    name: row.name,
    email: row.email,
    locale: row.locale,
    status: row.status,
    places: row.places,
    poolId: row.poolId,
    poolKey: row.poolKey,
    waitlistPosition: row.waitlistPosition,
    awaitingEmail: Boolean(row.awaitingEmail),
    holdExpiresAt: iso(row.holdExpiresAt),
    offerExpiresAt: iso(row.offerExpiresAt),
    answers: JSON.parse(row.answers) as Record<string, unknown>,
    needs: JSON.parse(row.needs) as Needs,
    createdAt: iso(row.createdAt)!,
    emailStatus: email ? { ...email, at: iso(email.at)! } : null,
    bouncing: bouncing.has(row.email),
  };
}

/** Case- and accent-form-insensitive text for search ("Über" finds "über"; SQLite's lower() knows only ASCII). */
export function searchable(value: string): string {
  return value.normalize("NFKC").toLocaleLowerCase("de");
}

export type RegistrationFilter = {
  /** Part of the name or email. */
  q?: string;
  statuses?: RegistrationStatus[];
  /** A pool id or key; without it, the event's registrations (not their workshop choices). */
  pool?: string;
};

/**
 * The registrations of an event, by pool, the waitlist in its order. Each with its waitlist
 * position, the delivery state of its latest email and whether its address bounces.
 */
export async function listRegistrations(ctx: DomainContext, eventId: number, filter: RegistrationFilter = {}): Promise<ConsoleRegistration[]> {
  const pool = filter.pool?.trim() || null;
  const poolId = pool && /^\d+$/.test(pool) ? Number(pool) : null;
  const statuses = filter.statuses?.length ? JSON.stringify(filter.statuses) : null;
  const { results } = await ctx.env.DB.prepare(
    `SELECT ${REGISTRATION_COLUMNS}
     FROM registrations r JOIN capacity_pools p ON p.id = r.pool_id
     WHERE r.event_id = ?1
       AND (?2 IS NULL OR r.status IN (SELECT value FROM json_each(?2)))
       AND CASE WHEN ?3 IS NULL THEN r.parent_id IS NULL ELSE (p.id = ?4 OR p.key = ?3) END
     ORDER BY r.pool_id, r.status = 'waitlisted', CASE WHEN r.status = 'waitlisted' THEN r.queue_order ELSE r.id END`,
  )
    .bind(eventId, statuses, pool, poolId)
    .all<RegistrationListRow>();
  // Search in JS: an event has at most a few thousand registrations, and JS folds the case of
  // umlauts, Cyrillic and Turkish letters, which SQLite's lower() does not.
  const needle = filter.q ? searchable(filter.q.trim()) : "";
  const found = needle ? results.filter((r) => searchable(r.name).includes(needle) || searchable(r.email).includes(needle)) : results;
  // Suppressions are stored as keyed hashes, which SQL cannot compute: one look-up for the list.
  const bouncing = await suppressedAmong(ctx.env, found.map((r) => r.email));
  return found.map((r) => present(r, bouncing));
}

async function loadRow(ctx: DomainContext, registrationId: number): Promise<RegistrationListRow> {
  const row = await ctx.env.DB.prepare(
    `SELECT ${REGISTRATION_COLUMNS} FROM registrations r JOIN capacity_pools p ON p.id = r.pool_id WHERE r.id = ?1`,
  )
    .bind(registrationId)
    .first<RegistrationListRow>();
  if (!row) throw new NotFoundError("error.registration_not_found");
  return row;
}

/** One registration with its history (audit log) and every email written for it. */
export async function getConsoleRegistration(ctx: DomainContext, registrationId: number): Promise<ConsoleRegistrationDetail> {
  const db = ctx.env.DB;
  const [history, emails] = await db.batch([
    db.prepare(
      `SELECT a.at, a.actor, u.email AS actorEmail, a.action, a.details FROM audit_log a
       LEFT JOIN users u ON u.id = ${ACTOR_USER_ID}
       WHERE a.registration_id = ?1 ORDER BY a.at, a.id`,
    ).bind(registrationId),
    db.prepare(
      `SELECT id, template, status, attempts, last_error AS lastError, created_at AS createdAt, sent_at AS sentAt
       FROM outbox WHERE registration_id = ?1 ORDER BY created_at, rowid`,
    ).bind(registrationId),
  ]);
  const row = await loadRow(ctx, registrationId);
  return {
    ...present(row, await suppressedAmong(ctx.env, [row.email])),
    history: ((history?.results ?? []) as { at: number; actor: string; actorEmail: string | null; action: string; details: string }[]).map(
      (h): ConsoleHistoryEntry => ({ at: iso(h.at)!, actor: h.actor, actorEmail: h.actorEmail, action: h.action, details: JSON.parse(h.details) }),
    ),
    emails: ((emails?.results ?? []) as (Omit<ConsoleEmail, "createdAt" | "sentAt"> & { createdAt: number; sentAt: number | null })[]).map(
      (e): ConsoleEmail => ({ ...e, createdAt: iso(e.createdAt)!, sentAt: iso(e.sentAt) }),
    ),
  };
}

/**
 * Audit rows for every registration stamped by `change`, with `details` (e.g. the reason)
 * merged into the usual status and places. Like Change.audit, selected by the stamp, so the
 * rows exist exactly when the change does.
 */
export function auditStamped(change: Change, action: string, details: Record<string, unknown> = {}, detailsSql = "'{}'"): D1PreparedStatement {
  return change.env.DB.prepare(
    `INSERT INTO audit_log (at, actor, action, event_id, registration_id, details, change_id)
     SELECT ?2, ?3, ?4, r.event_id, r.id,
            json_patch(json_patch(json_object('status', r.status, 'places', r.places), ?5), ${detailsSql}), r.change_id
     FROM registrations r WHERE r.change_id = ?1`,
  ).bind(change.id, change.now, change.actor, action, JSON.stringify(details));
}

type Guarded = { write: D1PreparedStatement; audit: D1PreparedStatement; outbox?: D1PreparedStatement; more?: D1PreparedStatement[] };

/** Runs the batch of one change; true when the guarded write changed a row. Hands its emails to the queue. */
async function commit(change: Change, parts: Guarded): Promise<{ changed: boolean; results: D1Result[] }> {
  const statements = [parts.write, ...(parts.more ?? []), parts.audit, ...(parts.outbox ? [parts.outbox] : [])];
  const results = await change.env.DB.batch(statements);
  const changed = Boolean(results[0]?.meta.changes);
  if (changed && parts.outbox) change.dispatch(results.at(-1));
  return { changed, results };
}

/* ---------- edit on the participant's behalf ---------- */

/**
 * Changes name, email, places, answers, needs or language after, say, a phone call. The
 * answers and places follow the event's rules as on the public form; more places are taken
 * only if they fit (one guarded UPDATE). A new email address gets a new manage link, so the
 * old address (perhaps a typo reaching a stranger) can no longer act on it. The participant
 * is told with `updated_by_organiser`; fewer places serve the waitlist.
 */
export async function editRegistration(ctx: DomainContext, actor: Actor, registrationId: number, requested: RegistrationEditInput): Promise<void> {
  const db = ctx.env.DB;
  const current = await db
    .prepare(
      `SELECT r.status, r.places, r.name, r.email, r.email_normalized AS emailNormalized, r.locale, r.pool_id AS poolId,
              r.parent_id AS parentId, r.answers, r.needs, e.questions, e.max_places_per_registration AS maxPlaces,
              (SELECT COUNT(*) FROM registrations c WHERE c.parent_id = r.id AND c.status IN ${LIVE}) AS liveChoices
       FROM registrations r JOIN events e ON e.id = r.event_id WHERE r.id = ?1`,
    )
    .bind(registrationId)
    .first<{
      status: RegistrationStatus;
      places: number;
      name: string;
      email: string;
      emailNormalized: string;
      locale: Locale;
      poolId: number;
      parentId: number | null;
      answers: string;
      needs: string;
      questions: string;
      maxPlaces: number;
      liveChoices: number;
    }>();
  if (!current) throw new NotFoundError("error.registration_not_found");
  // A workshop choice carries its day registration's person: edit that one.
  if (current.parentId !== null || !(LIVE_STATUSES as readonly string[]).includes(current.status)) throw new ConflictError("invalid_state", "error.invalid_state");

  // The console form sends every field; only what differs is a change (and is emailed).
  const before: Record<keyof RegistrationEditInput, string> = {
    name: current.name,
    email: current.email,
    places: String(current.places),
    answers: canonicalJson(JSON.parse(current.answers)),
    needs: canonicalJson(JSON.parse(current.needs)),
    locale: current.locale,
  };
  const changedFields = (Object.keys(requested) as (keyof RegistrationEditInput)[]).filter((key) => {
    const value = requested[key];
    if (value === undefined) return false;
    const text = typeof value === "object" ? canonicalJson(value) : key === "email" ? String(value).trim() : String(value);
    return text !== before[key];
  });
  if (changedFields.length === 0) return;
  const changes: RegistrationEditInput = Object.fromEntries(changedFields.map((key) => [key, requested[key]]));
  checkAgainstEvent(changes, { questions: JSON.parse(current.questions), maxPlacesPerRegistration: current.maxPlaces });
  // Workshop choices take as many places as their day registration, in pools of their own.
  if (changes.places !== undefined && current.liveChoices > 0) throw new ConflictError("has_workshop_choices", "error.invalid_state");
  const input = changes;

  const newEmail = input.email !== undefined && normalizeEmail(input.email) !== current.emailNormalized ? input.email.trim() : null;
  const token = newEmail ? await newManageToken(ctx.env) : null;
  const change = new Change(ctx, actor);
  const write = db
    .prepare(
      `UPDATE registrations SET
         name = COALESCE(?4, name), email = COALESCE(?5, email), email_normalized = COALESCE(?6, email_normalized),
         locale = COALESCE(?7, locale), answers = COALESCE(?8, answers), needs = COALESCE(?9, needs),
         places = COALESCE(?10, places), children = MIN(children, COALESCE(?10, places)), token_nonce = COALESCE(?11, token_nonce), manage_token_hash = COALESCE(?12, manage_token_hash),
         change_id = ?1, updated_at = ?2
       WHERE id = ?3 AND status IN ${LIVE}
         -- More places for a registration that holds places: only if they fit now.
         AND (status NOT IN ${PLACE_TAKING} OR COALESCE(?10, places) <= places OR COALESCE(?10, places) - places <= ${FREE_PLACES})`,
    )
    .bind(
      change.id,
      ctx.now,
      registrationId,
      input.name ?? null,
      input.email !== undefined ? input.email.trim() : null,
      input.email !== undefined ? normalizeEmail(input.email) : null,
      input.locale ?? null,
      input.answers !== undefined ? JSON.stringify(input.answers) : null,
      input.needs !== undefined ? JSON.stringify(input.needs) : null,
      input.places ?? null,
      token?.nonce ?? null,
      token?.hash ?? null,
    );
  let changed: boolean;
  try {
    ({ changed } = await commit(change, {
      write,
      more: [
        // Workshop choices carry copies of the person's name, address and language.
        db
          .prepare(
            `UPDATE registrations SET name = p.name, email = p.email, email_normalized = p.email_normalized, locale = p.locale, updated_at = ?2
             FROM (SELECT name, email, email_normalized, locale FROM registrations WHERE id = ?1) AS p
             WHERE registrations.parent_id = ?1 AND changes() > 0`,
          )
          .bind(registrationId, ctx.now),
      ],
      audit: auditStamped(change, "registration.updated_by_organiser", { fields: changedFields, ...(newEmail ? { newManageLink: true } : {}) }),
      outbox: change.outbox("updated_by_organiser", { changes: changedFields }),
    }));
  } catch (error) {
    // The partial unique index: one live registration per address and event.
    if (String(error).includes("UNIQUE")) {
      throw new ConflictError("email_taken", "error.invalid_state");
    }
    throw error;
  }
  if (!changed) {
    const now = await db.prepare(`SELECT status FROM registrations WHERE id = ?1`).bind(registrationId).first<{ status: string }>();
    if (!now || !(LIVE_STATUSES as readonly string[]).includes(now.status)) throw new ConflictError("invalid_state", "error.invalid_state");
    throw new DomainError("event_full", 409, "error.event_full");
  }
  // Fewer places free some; a smaller waiting household may fit now.
  if (input.places !== undefined && (input.places < current.places || current.status === "waitlisted")) await promoteFromWaitlist(ctx, current.poolId);
}

/** JSON with sorted keys, to compare what the form sent with what is stored. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}

/** Answers and places by the event's own rules, through the same checks as the public form. */
function checkAgainstEvent(input: RegistrationEditInput, event: Parameters<typeof validateRegistration>[1]): void {
  if (input.answers === undefined && input.places === undefined) return;
  const probe = { name: "x", email: "probe@example.org", locale: "de", consent: true, places: input.places ?? 1, answers: input.answers ?? {} };
  try {
    validateRegistration(probe, input.answers === undefined ? { ...event, questions: [] } : event);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const fields: Record<string, FieldProblem> = {};
    for (const [field, problem] of Object.entries(error.fields)) {
      if ((field === "places" && input.places !== undefined) || (field.startsWith("answers") && input.answers !== undefined)) fields[field] = problem;
    }
    if (Object.keys(fields).length > 0) throw new ValidationError(fields);
  }
}

/* ---------- cancel ---------- */

/**
 * Cancels a registration (and its workshop choices) on the participant's behalf. They are
 * told with `cancelled_by_organiser` and the reason; the places freed go to the waitlist,
 * whose next registration gets its own email. A second click changes nothing.
 */
export async function cancelOnBehalf(ctx: DomainContext, actor: Actor, registrationId: number, reason: string): Promise<void> {
  const db = ctx.env.DB;
  const change = new Change(ctx, actor);
  const set = `status = 'cancelled', cancelled_at = ?2, awaiting_email = 0, hold_expires_at = NULL, offer_expires_at = NULL, change_id = ?1, updated_at = ?2`;
  const { changed, results } = await commit(change, {
    write: db.prepare(`UPDATE registrations SET ${set} WHERE id = ?3 AND status IN ${LIVE} RETURNING pool_id AS poolId`).bind(change.id, ctx.now, registrationId),
    more: [
      db
        .prepare(`UPDATE registrations SET ${set} WHERE parent_id = ?3 AND status IN ${LIVE} AND changes() > 0 RETURNING pool_id AS poolId`)
        .bind(change.id, ctx.now, registrationId),
    ],
    audit: auditStamped(change, "registration.cancelled_by_organiser", { reason }),
    outbox: change.outbox({ sql: `CASE WHEN r.parent_id IS NULL THEN 'cancelled_by_organiser' END` }, { reason }),
  });
  if (!changed) {
    const now = await db.prepare(`SELECT status FROM registrations WHERE id = ?1`).bind(registrationId).first<{ status: string }>();
    if (now?.status === "cancelled") return;
    throw new ConflictError("invalid_state", "error.invalid_state");
  }
  const pools = new Set([...(results[0]?.results ?? []), ...(results[1]?.results ?? [])].map((r) => (r as { poolId: number }).poolId));
  for (const poolId of pools) await promoteFromWaitlist(ctx, poolId);
}

/* ---------- confirm / offer now ---------- */

type WaitingState = { status: RegistrationStatus; awaitingEmail: number; parentId: number | null };

async function waitingState(ctx: DomainContext, registrationId: number): Promise<WaitingState> {
  const row = await ctx.env.DB.prepare(`SELECT status, awaiting_email AS awaitingEmail, parent_id AS parentId FROM registrations WHERE id = ?1`)
    .bind(registrationId)
    .first<WaitingState>();
  if (!row) throw new NotFoundError("error.registration_not_found");
  // Workshop choices follow their day registration (promote.ts serves them, a first choice
  // releasing the second): organisers act on the day registration.
  if (row.parentId !== null) throw new ConflictError("invalid_state", "error.invalid_state");
  return row;
}

/** A day registration that got its place may now take the workshops it waits for. */
async function serveWorkshopChoices(ctx: DomainContext, registrationId: number): Promise<void> {
  const { results } = await ctx.env.DB.prepare(`SELECT DISTINCT pool_id AS poolId FROM registrations WHERE parent_id = ?1 AND status = 'waitlisted'`)
    .bind(registrationId)
    .all<{ poolId: number }>();
  for (const { poolId } of results) await promoteFromWaitlist(ctx, poolId);
}

/** Why a guarded write that should have taken places changed nothing. */
async function explainRefusal(ctx: DomainContext, registrationId: number, expected: RegistrationStatus, done: RegistrationStatus): Promise<void> {
  const now = await waitingState(ctx, registrationId);
  if (now.status === done) return; // a second click: already done
  if (now.status !== expected) throw new ConflictError("invalid_state", "error.invalid_state");
  throw new DomainError("event_full", 409, "error.event_full");
}

/**
 * Confirms a waitlisted (or offered) registration now, out of order if the organiser wishes:
 * one guarded UPDATE that confirms only if its places fit the pool at that instant
 * (409 event_full otherwise). An unconfirmed address cannot be confirmed by an organiser.
 */
export async function confirmNow(ctx: DomainContext, actor: Actor, registrationId: number): Promise<void> {
  const before = await waitingState(ctx, registrationId);
  if (!(before.status === "offered" || (before.status === "waitlisted" && !before.awaitingEmail))) {
    if (before.status === "confirmed") return;
    throw new ConflictError("invalid_state", "error.invalid_state");
  }
  const change = new Change(ctx, actor);
  const guard =
    before.status === "offered"
      ? `status = 'offered'`
      : // Offered places are taken already; a waitlisted registration must fit the free places.
        `status = 'waitlisted' AND awaiting_email = 0 AND places <= ${FREE_PLACES}`;
  const { changed } = await commit(change, {
    write: ctx.env.DB.prepare(
      `UPDATE registrations SET status = 'confirmed', offer_expires_at = NULL, change_id = ?1, updated_at = ?2 WHERE id = ?3 AND ${guard}`,
    ).bind(change.id, ctx.now, registrationId),
    audit: auditStamped(change, "registration.confirmed_by_organiser", { from: before.status }),
    outbox: change.outbox(before.status === "offered" ? "confirmed" : "promoted"),
  });
  if (!changed) return explainRefusal(ctx, registrationId, before.status, "confirmed");
  await serveWorkshopChoices(ctx, registrationId);
}

/**
 * Gives a waitlisted registration an offer now, with the event's offer deadline (as the
 * `offer` waitlist mode does), if its places fit; the offer holds them until it is accepted
 * or expires.
 */
export async function offerNow(ctx: DomainContext, actor: Actor, registrationId: number): Promise<void> {
  const before = await waitingState(ctx, registrationId);
  if (before.status === "offered") return;
  if (before.status !== "waitlisted" || before.awaitingEmail) throw new ConflictError("invalid_state", "error.invalid_state");
  const change = new Change(ctx, actor);
  const { changed } = await commit(change, {
    write: ctx.env.DB.prepare(
      `UPDATE registrations SET status = 'offered',
         offer_expires_at = ?2 + (SELECT e.offer_hours FROM events e WHERE e.id = registrations.event_id) * 3600000,
         change_id = ?1, updated_at = ?2
       WHERE id = ?3 AND status = 'waitlisted' AND awaiting_email = 0 AND places <= ${FREE_PLACES}`,
    ).bind(change.id, ctx.now, registrationId),
    audit: auditStamped(change, "registration.offered_by_organiser", {}, `json_object('offerExpiresAt', r.offer_expires_at)`),
    outbox: change.outbox("offer"),
  });
  if (!changed) await explainRefusal(ctx, registrationId, "waitlisted", "offered");
}

/* ---------- waitlist order ---------- */

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
    .first<{ status: RegistrationStatus; poolId: number; queueOrder: number }>();
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
    .first<{ id: number; queueOrder: number }>();
  if (!neighbour) throw new ConflictError(up ? "already_first" : "already_last", "error.invalid_state");

  const change = new Change(ctx, actor);
  const [low, high] = [Math.min(me.queueOrder, neighbour.queueOrder), Math.max(me.queueOrder, neighbour.queueOrder)];
  const { changed } = await commit(change, {
    write: db
      .prepare(
        `UPDATE registrations SET queue_order = ?4, change_id = ?1, updated_at = ?2
         WHERE id = ?3 AND status = 'waitlisted' AND queue_order = ?5
           AND EXISTS (SELECT 1 FROM registrations n WHERE n.id = ?6 AND n.status = 'waitlisted' AND n.queue_order = ?4)
           AND NOT EXISTS (SELECT 1 FROM registrations b WHERE b.pool_id = ?7 AND b.status = 'waitlisted' AND b.awaiting_email = 0
                             AND b.queue_order > ?8 AND b.queue_order < ?9)`,
      )
      .bind(change.id, ctx.now, registrationId, neighbour.queueOrder, me.queueOrder, neighbour.id, me.poolId, low, high),
    more: [
      // changes(): the row count of the statement just before in this batch, so the neighbour
      // moves exactly when the registration did.
      db
        .prepare(`UPDATE registrations SET queue_order = ?4, change_id = ?1, updated_at = ?2 WHERE id = ?3 AND changes() > 0`)
        .bind(change.id, ctx.now, neighbour.id, me.queueOrder),
    ],
    audit: auditStamped(
      change,
      "registration.moved",
      { reason },
      `json_object('direction', CASE WHEN r.id = ${Number(registrationId)} THEN '${up ? "up" : "down"}' ELSE '${up ? "down" : "up"}' END,
                   'position', ${WAITLIST_POSITION_SQL})`,
    ),
  });
  if (!changed) throw new ConflictError("invalid_state", "error.invalid_state");
}

/* ---------- applications ---------- */

/**
 * Approves an application: confirmed if its places fit now, otherwise it joins the end of the
 * waitlist (refused with 409 event_full when the event has no waitlist). One guarded UPDATE
 * decides, from the places taken at that instant.
 */
export async function approveApplication(ctx: DomainContext, actor: Actor, registrationId: number): Promise<void> {
  const before = await waitingState(ctx, registrationId);
  if (before.status !== "pending_approval") {
    if (before.status === "confirmed" || before.status === "waitlisted") return;
    throw new ConflictError("invalid_state", "error.invalid_state");
  }
  if (before.awaitingEmail) throw new ConflictError("invalid_state", "error.invalid_state");
  const change = new Change(ctx, actor);
  const fits = `places <= ${FREE_PLACES}`;
  const { changed } = await commit(change, {
    write: ctx.env.DB.prepare(
      `UPDATE registrations SET
         status = CASE WHEN ${fits} THEN 'confirmed' ELSE 'waitlisted' END,
         -- Approved but no place: the line's end, in the order of approval.
         queue_order = CASE WHEN ${fits} THEN queue_order
                       ELSE (SELECT MAX(q.queue_order) + 1 FROM registrations q WHERE q.pool_id = registrations.pool_id) END,
         change_id = ?1, updated_at = ?2
       WHERE id = ?3 AND status = 'pending_approval' AND awaiting_email = 0
         AND (${fits} OR (SELECT e.waitlist_enabled FROM events e WHERE e.id = registrations.event_id) = 1)`,
    ).bind(change.id, ctx.now, registrationId),
    audit: auditStamped(change, "registration.approved"),
    outbox: change.outbox({ sql: `CASE r.status WHEN 'confirmed' THEN 'confirmed' ELSE 'waitlisted' END` }),
  });
  if (!changed) return explainRefusal(ctx, registrationId, "pending_approval", "confirmed");
  await serveWorkshopChoices(ctx, registrationId);
}

/**
 * Rejects an application. The applicant is told kindly (with the reason, if given) in
 * the `application_rejected` email.
 */
export async function rejectApplication(ctx: DomainContext, actor: Actor, registrationId: number, reason: string | null): Promise<void> {
  const change = new Change(ctx, actor);
  const { changed } = await commit(change, {
    write: ctx.env.DB.prepare(
      `UPDATE registrations SET status = 'rejected', cancelled_at = ?2, change_id = ?1, updated_at = ?2 WHERE id = ?3 AND status = 'pending_approval'`,
    ).bind(change.id, ctx.now, registrationId),
    audit: auditStamped(change, "registration.rejected", reason ? { reason } : {}),
    outbox: change.outbox("application_rejected", { reason }),
  });
  if (!changed) {
    const now = await waitingState(ctx, registrationId);
    if (now.status !== "rejected") throw new ConflictError("invalid_state", "error.invalid_state");
  }
}

/* ---------- audit ---------- */

/** The event's audit log, newest first (at most `limit` entries). */
export async function eventAudit(ctx: DomainContext, eventId: number, limit = 500) {
  const { results } = await ctx.env.DB.prepare(
    `SELECT a.at, a.actor, u.email AS actorEmail, a.action, a.registration_id AS registrationId, a.details
     FROM audit_log a LEFT JOIN users u ON u.id = ${ACTOR_USER_ID}
     WHERE a.event_id = ?1 ORDER BY a.at DESC, a.id DESC LIMIT ?2`,
  )
    .bind(eventId, limit)
    .all<{ at: number; actor: string; actorEmail: string | null; action: string; registrationId: number | null; details: string }>();
  return results.map((a) => ({ ...a, at: iso(a.at)!, details: JSON.parse(a.details) as Record<string, unknown> }));
}

/** The event a capacity pool belongs to (for authorising a pool route). */
export async function eventOfPool(ctx: DomainContext, poolId: number): Promise<number> {
  const pool = await ctx.env.DB.prepare(`SELECT event_id AS eventId FROM capacity_pools WHERE id = ?1`).bind(poolId).first<{ eventId: number }>();
  if (!pool) throw new NotFoundError();
  return pool.eventId;
}
