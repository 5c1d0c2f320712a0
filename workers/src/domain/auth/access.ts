/**
 * Who may do what in the console. Administrators: everything. Organisers: the events of
 * their organisations. Check-in helpers: the check-in of the events they are assigned to,
 * nothing else. An event outside a user's reach answers 404, so its existence does not leak.
 */
import type { Env } from "../../env";
import { ForbiddenError, NotFoundError, UnauthenticatedError } from "../../lib/errors";
import type { Role } from "../../../../db/schema";
import { configuredAdmins } from "./sign-in";
import type { Staff } from "./staff";
import type { StoredEvent, StoredPool, StoredRegistration } from "../../../../db/rows";

// A plain type of its own module, so env.ts (AppBindings) needs nothing of the access rules.
export type { Staff } from "./staff";

/**
 * What a console route needs: "manage" an event (everything but the door: reading and
 * changing its registrations, settings, exports, certificates), or "checkin" at its door.
 * Reading and changing were once two permissions, but every role that may read an event's
 * registrations may also change them (organisers and administrators), so they are one.
 */
export type EventPermission = "manage" | "checkin";

export async function loadStaff(env: Env, userId: number): Promise<Staff> {
  const [user, memberships, assignments] = await env.DB.batch([
    env.DB.prepare(`SELECT id, email, email_normalized AS emailNormalized, name, is_admin AS isAdmin FROM users WHERE id = ?1 AND disabled_at IS NULL`).bind(userId),
    env.DB.prepare(`SELECT organisation_id AS organisationId, role FROM memberships WHERE user_id = ?1`).bind(userId),
    env.DB.prepare(`SELECT event_id AS eventId FROM event_assignments WHERE user_id = ?1`).bind(userId),
  ]);
  const row = user?.results[0] as { id: number; email: string; emailNormalized: string; name: string | null; isAdmin: number } | undefined;
  if (!row) throw new UnauthenticatedError();
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    isAdmin: Boolean(row.isAdmin) || configuredAdmins(env).has(row.emailNormalized),
    roles: new Map(((memberships?.results ?? []) as { organisationId: number; role: Role }[]).map((m) => [m.organisationId, m.role])),
    assignedEventIds: new Set(((assignments?.results ?? []) as { eventId: number }[]).map((a) => a.eventId)),
  };
}

/** True when the staff member organises events of the organisation (or is an administrator). */
export function organisesFor(staff: Staff, organisationId: number): boolean {
  return staff.isAdmin || staff.roles.get(organisationId) === "organiser";
}

/** Organisations whose events the staff member manages; null means all (administrator). */
export function managedOrganisationIds(staff: Staff): number[] | null {
  if (staff.isAdmin) return null;
  return [...staff.roles].filter(([, role]) => role === "organiser").map(([id]) => id);
}

/**
 * Checks a permission on an event and returns its organisation id. Throws 404 when the event
 * is outside the user's reach (or does not exist), 403 when a check-in helper asks for more
 * than check-in on an event assigned to them.
 */
export async function authorizeEvent(env: Env, staff: Staff, eventId: number, permission: EventPermission): Promise<number> {
  const event = await env.DB.prepare(`SELECT organisation_id AS organisationId FROM events WHERE id = ?1`)
    .bind(eventId)
    .first<Pick<StoredEvent, "organisationId">>();
  if (!event) throw new NotFoundError("error.event_not_found");
  if (organisesFor(staff, event.organisationId)) return event.organisationId;
  if (staff.assignedEventIds.has(eventId)) {
    if (permission === "checkin") return event.organisationId;
    throw new ForbiddenError();
  }
  throw new NotFoundError("error.event_not_found");
}

/** Where the event of a registration or of a capacity pool is found. */
const EVENT_OF = {
  registration: { sql: `SELECT event_id AS eventId FROM registrations WHERE id = ?1`, notFound: "error.registration_not_found" },
  pool: { sql: `SELECT event_id AS eventId FROM capacity_pools WHERE id = ?1`, notFound: "error.not_found" },
} as const;

/**
 * The same check for a registration or a pool, through its event; returns the event id. What
 * is outside the user's reach is not found as itself (a registration, not its event).
 */
export async function authorizeThroughEvent(env: Env, staff: Staff, kind: keyof typeof EVENT_OF, id: number, permission: EventPermission): Promise<number> {
  const { sql, notFound } = EVENT_OF[kind];
  const row = await env.DB.prepare(sql).bind(id).first<Pick<StoredRegistration | StoredPool, "eventId">>();
  if (!row) throw new NotFoundError(notFound);
  try {
    await authorizeEvent(env, staff, row.eventId, permission);
  } catch (error) {
    if (error instanceof NotFoundError) throw new NotFoundError(notFound);
    throw error;
  }
  return row.eventId;
}

/** Administrators only. */
export function requireAdmin(staff: Staff): void {
  if (!staff.isAdmin) throw new ForbiddenError();
}
