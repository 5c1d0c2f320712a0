/**
 * Registrations as organisers read them: the list of an event (search, filters, waitlist
 * positions, email delivery) and one registration with its history. What organisers change
 * is in ./edit.ts (the person's details) and ../../places/organiser-actions.ts (places).
 */
import type { StoredPool, StoredRegistration } from "../../../../../db/rows";
import type { Exhibitor, Needs, RegistrationStatus } from "../../../../../db/schema";
import type { ConsoleEmailStatus, ConsoleRegistration, ConsoleRegistrationDetail, RegistrationNeedFilter } from "../../../console-types";
import { NotFoundError } from "../../../lib/errors";
import { nameKey, nameMatcher } from "../../../lib/name-search";
import type { DomainContext } from "../../change";
import { suppressedAmong } from "../../mail/suppressions";
import { WAITLIST_POSITION_SQL } from "../../places/waitlist";
import { registrationHistory } from "./history";
import { iso } from "../../../lib/dates";

const REGISTRATION_COLUMNS = `r.id, r.parent_id AS parentId, r.event_id AS eventId, r.name, r.email, r.locale, r.status, r.places,
  r.pool_id AS poolId, p.key AS poolKey, ${WAITLIST_POSITION_SQL} AS waitlistPosition, r.awaiting_email AS awaitingEmail,
  r.hold_expires_at AS holdExpiresAt, r.offer_expires_at AS offerExpiresAt, r.answers, r.needs, r.created_at AS createdAt,
  r.queue_order AS queueOrder, r.children, r.exhibitor,
  (SELECT json_group_array(json_object('registrationId', w.id, 'poolId', w.pool_id, 'poolKey', wp.key, 'status', w.status, 'preference', w.preference,
      'waitlistPosition', CASE WHEN w.status = 'waitlisted' THEN
        (SELECT COUNT(*) FROM registrations q WHERE q.pool_id = w.pool_id AND q.status = 'waitlisted' AND q.queue_order <= w.queue_order) END))
     FROM registrations w JOIN capacity_pools wp ON wp.id = w.pool_id WHERE w.parent_id = r.id AND w.status NOT IN ('cancelled', 'expired', 'rejected')) AS workshops,
  (SELECT json_group_array(json_object('sessionId', a.session_id, 'places', a.places, 'at', a.checked_in_at, 'afterwards', a.recorded_afterwards))
     FROM attendance a WHERE a.registration_id = r.id) AS checkIns,
  (SELECT json_object('template', o.template, 'status', o.status, 'lastError', o.last_error, 'at', COALESCE(o.sent_at, o.updated_at))
     FROM outbox o WHERE o.registration_id = r.id ORDER BY o.created_at DESC, o.rowid DESC LIMIT 1) AS emailStatus`;

type RegistrationListRow = Pick<
  StoredRegistration,
  | "id"
  | "parentId"
  | "eventId"
  | "name"
  | "email"
  | "locale"
  | "status"
  | "places"
  | "poolId"
  | "awaitingEmail"
  | "holdExpiresAt"
  | "offerExpiresAt"
  | "answers"
  | "needs"
  | "createdAt"
  | "queueOrder"
  | "children"
  | "exhibitor"
> & { poolKey: StoredPool["key"]; waitlistPosition: number | null; emailStatus: string | null; workshops: string; checkIns: string };

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
    children: row.children,
    exhibitor: row.exhibitor ? (JSON.parse(row.exhibitor) as Exhibitor) : null,
    workshops: (JSON.parse(row.workshops) as ConsoleRegistration["workshops"]).sort((a, b) => a.preference - b.preference),
    checkIns: (JSON.parse(row.checkIns) as { sessionId: number; places: number; at: number; afterwards: number }[]).map((c) => ({
      sessionId: c.sessionId,
      places: c.places,
      at: iso(c.at)!,
      afterwards: Boolean(c.afterwards),
    })),
  };
}

/** Whether a registration has what the filter asks for. */
function hasNeed(registration: ConsoleRegistration, need: RegistrationNeedFilter): boolean {
  const { needs, exhibitor } = registration;
  switch (need) {
    case "interpreter":
      return Boolean(needs.interpreter);
    case "childcare":
      return (needs.childcare?.children ?? 0) > 0;
    case "accessibility":
      return Boolean(needs.accessibility);
    case "children":
      return registration.children > 0;
    case "stand":
      return exhibitor !== null;
    default:
      return exhibitor?.needs.includes(need) ?? false;
  }
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
  /** Only those with this need (interpreter, childcare, access, children, a stand or a stand need). */
  need?: RegistrationNeedFilter;
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
  // Names across scripts and spellings ("Kuznetsova" finds «Кузнецова»), addresses as typed.
  const byName = nameMatcher(filter.q ?? "");
  const found = needle ? results.filter((r) => byName(nameKey(r.name)) || searchable(r.email).includes(needle)) : results;
  // Suppressions are stored as keyed hashes, which SQL cannot compute: one look-up for the list.
  const bouncing = await suppressedAmong(ctx.env, found.map((r) => r.email));
  const listed = found.map((r) => present(r, bouncing));
  return filter.need ? listed.filter((r) => hasNeed(r, filter.need!)) : listed;
}

/** One registration with its history (audit log) and every email written for it. */
export async function getConsoleRegistration(ctx: DomainContext, registrationId: number): Promise<ConsoleRegistrationDetail> {
  const [row, history] = await Promise.all([
    ctx.env.DB.prepare(`SELECT ${REGISTRATION_COLUMNS} FROM registrations r JOIN capacity_pools p ON p.id = r.pool_id WHERE r.id = ?1`)
      .bind(registrationId)
      .first<RegistrationListRow>(),
    registrationHistory(ctx, registrationId),
  ]);
  if (!row) throw new NotFoundError("error.registration_not_found");
  return { ...present(row, await suppressedAmong(ctx.env, [row.email])), ...history };
}

