/**
 * Organisations and the people in them: administrators create organisations; administrators
 * and organisers invite members (organisers or check-in helpers) by email, remove them, and
 * assign check-in helpers to events.
 *
 * An invitation is a sign-in link that lives longer than the one of the sign-in form: 7 days
 * instead of 10 minutes, because an invitee may read it days later. It is otherwise the same
 * link (single use, only its SHA-256 stored, the outbox row keeps the nonce it is derived
 * from); a used or expired invitation is replaced by signing in with the address, which the
 * invitation made a member's.
 */
import type { Locale, Role } from "../../../../db/schema";
import type { ConsoleHelper, ConsoleMember, ConsoleOrganisation } from "../../console-types";
import type { Env } from "../../env";
import { ConflictError, ForbiddenError, NotFoundError } from "../../lib/errors";
import { randomId, sha256, signInToken } from "../../lib/tokens";
import { organisesFor, type Staff } from "../auth/access";
import type { Actor, DomainContext } from "../change";
import { staffOutbox } from "../mail/outbox";
import { normalizeEmail } from "../../lib/email";
import type { StoredOrganisation } from "../../../../db/rows";

export const INVITATION_VALID_DAYS = 7;

/**
 * Checks that the staff member manages the organisation (administrator, or organiser in it).
 * A member with another role (check-in helper) gets 403; anyone else 404, so an
 * organisation's existence does not leak.
 */
export async function authorizeOrganisation(env: Env, staff: Staff, organisationId: number): Promise<void> {
  const exists = await env.DB.prepare(`SELECT 1 AS yes FROM organisations WHERE id = ?1`).bind(organisationId).first();
  if (!exists) throw new NotFoundError();
  if (organisesFor(staff, organisationId)) return;
  if (staff.roles.has(organisationId)) throw new ForbiddenError();
  throw new NotFoundError();
}

/** Organisations the staff member belongs to (administrators: all), with their role in each. */
export async function listOrganisations(ctx: DomainContext, staff: Staff): Promise<ConsoleOrganisation[]> {
  const { results } = await ctx.env.DB.prepare(`SELECT id, slug, name, time_zone AS timeZone FROM organisations ORDER BY name`).all<Pick<StoredOrganisation, "id" | "slug" | "name" | "timeZone">>();
  return results
    .filter((o) => staff.isAdmin || staff.roles.has(o.id))
    .map((o) => ({ ...o, role: staff.roles.get(o.id) ?? null }));
}

/** Creates an organisation (administrators). */
export async function createOrganisation(ctx: DomainContext, actor: Actor, input: { slug: string; name: string }): Promise<ConsoleOrganisation> {
  const db = ctx.env.DB;
  const [inserted] = await db.batch([
    db
      .prepare(`INSERT INTO organisations (slug, name, created_at, updated_at) VALUES (?1, ?2, ?3, ?3) ON CONFLICT (slug) DO NOTHING RETURNING id, slug, name, time_zone AS timeZone`)
      .bind(input.slug, input.name, ctx.now),
    db
      .prepare(
        `INSERT INTO audit_log (at, actor, action, details)
         SELECT ?1, ?2, 'organisation.created', json_object('organisationId', id, 'slug', slug) FROM organisations WHERE slug = ?3 AND changes() > 0`,
      )
      .bind(ctx.now, actor, input.slug),
  ]);
  const row = inserted?.results[0] as { id: number; slug: string; name: string; timeZone: string } | undefined;
  if (!row) throw new ConflictError("slug_taken", "error.invalid_state");
  return { ...row, role: null };
}

/** The members of an organisation. */
export async function listMembers(ctx: DomainContext, organisationId: number): Promise<ConsoleMember[]> {
  const { results } = await ctx.env.DB.prepare(
    `SELECT u.id AS userId, u.email, u.name, m.role FROM memberships m JOIN users u ON u.id = m.user_id
     WHERE m.organisation_id = ?1 AND u.disabled_at IS NULL ORDER BY m.role DESC, u.email`,
  )
    .bind(organisationId)
    .all<ConsoleMember>();
  return results;
}

/**
 * Invites someone into an organisation with a role: creates the user if new, the membership
 * (or changes the role of an existing one), a sign-in link valid 7 days and the `invitation`
 * email with it, with the audit row, in one batch. Returns the member.
 */
export async function inviteMember(
  ctx: DomainContext,
  inviter: Staff,
  organisationId: number,
  input: { email: string; name?: string | null; role: Role },
): Promise<ConsoleMember> {
  const { env, now } = ctx;
  const db = env.DB;
  const email = input.email.trim();
  const normalized = normalizeEmail(email);
  const [organisation, existing] = await db.batch([
    db.prepare(`SELECT name FROM organisations WHERE id = ?1`).bind(organisationId),
    db.prepare(`SELECT locale, disabled_at AS disabledAt FROM users WHERE email_normalized = ?1`).bind(normalized),
  ]);
  const organisationName = (organisation?.results[0] as { name: string } | undefined)?.name;
  if (!organisationName) throw new NotFoundError();
  const user = existing?.results[0] as { locale: Locale; disabledAt: number | null } | undefined;
  // A disabled account stays disabled; an administrator re-enables it deliberately.
  if (user?.disabledAt) throw new ConflictError("user_disabled", "error.invalid_state");

  const nonce = randomId(16);
  const tokenHash = await sha256(await signInToken(env, nonce));
  const expiresAt = now + INVITATION_VALID_DAYS * 86_400_000;
  const actor: Actor = `user:${inviter.id}`;
  const [, , , outbox] = await db.batch([
    db
      .prepare(
        `INSERT INTO users (email, email_normalized, name, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4)
         ON CONFLICT (email_normalized) DO UPDATE SET name = COALESCE(users.name, excluded.name)`,
      )
      .bind(email, normalized, input.name ?? null, now),
    db
      .prepare(
        `INSERT INTO memberships (user_id, organisation_id, role, created_at)
         SELECT id, ?2, ?3, ?4 FROM users WHERE email_normalized = ?1
         ON CONFLICT (user_id, organisation_id) DO UPDATE SET role = excluded.role`,
      )
      .bind(normalized, organisationId, input.role, now),
    db
      .prepare(`INSERT INTO login_tokens (token_hash, user_id, expires_at, created_at) SELECT ?1, id, ?2, ?3 FROM users WHERE email_normalized = ?4`)
      .bind(tokenHash, expiresAt, now, normalized),
    staffOutbox(env, {
      template: "invitation",
      to: email,
      locale: user?.locale ?? "de",
      now,
      nonce,
      name: input.name ?? null,
      organisation: organisationName,
      role: input.role,
      inviter: inviter.name ?? inviter.email,
      expiresAt,
    }),
    db
      .prepare(
        `INSERT INTO audit_log (at, actor, action, details)
         SELECT ?1, ?2, 'organisation.member_invited', json_object('organisationId', ?3, 'userId', id, 'role', ?4) FROM users WHERE email_normalized = ?5`,
      )
      .bind(now, actor, organisationId, input.role, normalized),
  ]);
  const ids = ((outbox?.results ?? []) as { id: string }[]).map((r) => r.id);
  if (ids.length > 0) {
    const { enqueueMail } = await import("../mail/outbox");
    ctx.waitUntil(enqueueMail(env, ids));
  }
  const member = await db
    .prepare(`SELECT u.id AS userId, u.email, u.name, m.role FROM users u JOIN memberships m ON m.user_id = u.id AND m.organisation_id = ?2 WHERE u.email_normalized = ?1`)
    .bind(normalized, organisationId)
    .first<ConsoleMember>();
  return member!;
}

/** Removes a member and their check-in assignments to the organisation's events. */
export async function removeMember(ctx: DomainContext, actor: Actor, organisationId: number, userId: number): Promise<void> {
  const db = ctx.env.DB;
  const [removed] = await db.batch([
    db.prepare(`DELETE FROM memberships WHERE organisation_id = ?1 AND user_id = ?2`).bind(organisationId, userId),
    auditStatementIfChanged(ctx, actor, "organisation.member_removed", null, { organisationId, userId }),
    db
      .prepare(
        `DELETE FROM event_assignments WHERE user_id = ?2 AND event_id IN (SELECT id FROM events WHERE organisation_id = ?1)
           AND NOT EXISTS (SELECT 1 FROM memberships WHERE user_id = ?2 AND organisation_id = ?1)`,
      )
      .bind(organisationId, userId),
  ]);
  if (!removed?.meta.changes) throw new NotFoundError();
}

/** Check-in helpers assigned to an event. */
export async function listHelpers(ctx: DomainContext, eventId: number): Promise<ConsoleHelper[]> {
  const { results } = await ctx.env.DB.prepare(
    `SELECT u.id AS userId, u.email, u.name FROM event_assignments a JOIN users u ON u.id = a.user_id WHERE a.event_id = ?1 ORDER BY u.email`,
  )
    .bind(eventId)
    .all<ConsoleHelper>();
  return results;
}

/**
 * Assigns a check-in helper of the event's organisation (by email) to the event. Someone who
 * is not a check-in helper there is refused (409 not_a_checkin_helper): invite them first.
 */
export async function assignHelper(ctx: DomainContext, actor: Actor, eventId: number, email: string): Promise<void> {
  const db = ctx.env.DB;
  const [assigned] = await db.batch([
    db
      .prepare(
        `INSERT INTO event_assignments (user_id, event_id, created_at)
         SELECT u.id, e.id, ?3 FROM users u JOIN events e ON e.id = ?1
           JOIN memberships m ON m.user_id = u.id AND m.organisation_id = e.organisation_id AND m.role = 'checkin_helper'
         WHERE u.email_normalized = ?2 AND u.disabled_at IS NULL
         ON CONFLICT (user_id, event_id) DO NOTHING`,
      )
      .bind(eventId, normalizeEmail(email), ctx.now),
    db
      .prepare(
        `INSERT INTO audit_log (at, actor, action, event_id, details)
         SELECT ?1, ?2, 'event.helper_assigned', ?3, json_object('userId', u.id) FROM users u WHERE u.email_normalized = ?4 AND changes() > 0`,
      )
      .bind(ctx.now, actor, eventId, normalizeEmail(email)),
  ]);
  if (assigned?.meta.changes) return;
  const already = await db
    .prepare(`SELECT 1 AS yes FROM event_assignments a JOIN users u ON u.id = a.user_id WHERE a.event_id = ?1 AND u.email_normalized = ?2`)
    .bind(eventId, normalizeEmail(email))
    .first();
  if (!already) throw new ConflictError("not_a_checkin_helper", "error.invalid_state");
}

/** Ends a helper's assignment to an event. */
export async function unassignHelper(ctx: DomainContext, actor: Actor, eventId: number, userId: number): Promise<void> {
  const db = ctx.env.DB;
  const [removed] = await db.batch([
    db.prepare(`DELETE FROM event_assignments WHERE event_id = ?1 AND user_id = ?2`).bind(eventId, userId),
    auditStatementIfChanged(ctx, actor, "event.helper_unassigned", eventId, { userId }),
  ]);
  if (!removed?.meta.changes) throw new NotFoundError();
}

function auditStatementIfChanged(ctx: DomainContext, actor: Actor, action: string, eventId: number | null, details: Record<string, unknown>): D1PreparedStatement {
  return ctx.env.DB.prepare(`INSERT INTO audit_log (at, actor, action, event_id, details) SELECT ?1, ?2, ?3, ?4, ?5 WHERE changes() > 0`).bind(
    ctx.now,
    actor,
    action,
    eventId,
    JSON.stringify(details),
  );
}
