/**
 * Signing up for an event.
 *
 * The place is taken by ONE guarded INSERT ... SELECT that decides, from the places taken
 * at that instant, whether the registration is confirmed (or held until the email address
 * is confirmed) or waitlisted. D1 runs statements one at a time, so however many requests
 * arrive at once, confirmed places never exceed the pool. The outbox and audit rows are
 * written in the same batch (see ../change.ts).
 */
import type { RegistrationResponse } from "../../api-types";
import { ConflictError, DomainError } from "../../lib/errors";
import { newManageToken } from "../../lib/tokens";
import { Change, placesTakenSql, WAITLIST_POSITION_SQL, type DomainContext } from "../change";
import { loadPublicEvent, registrationWindow } from "../events/public";
import { participantStatus, type RegistrationRow } from "./present";
import { validateRegistration } from "./validate";

/** Addresses compare case-insensitively; the address as typed is what we write to. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

type Outcome = Pick<RegistrationRow, "status" | "places" | "awaitingEmail"> & { waitlistPosition: number | null };

function respond(row: Outcome): RegistrationResponse {
  return {
    registration: { status: participantStatus(row), places: row.places, waitlistPosition: row.waitlistPosition },
  };
}

const OUTCOME_SQL = `SELECT r.id, r.status, r.places, r.awaiting_email AS awaitingEmail, ${WAITLIST_POSITION_SQL} AS waitlistPosition
  FROM registrations r`;

/**
 * Registers a participant. An `idempotencyKey` that was seen before returns the
 * registration it created. An email already registered for the event creates nothing,
 * re-sends the manage link to that address and answers "check your email", revealing
 * nothing about the first registration.
 */
export async function registerForEvent(
  ctx: DomainContext,
  slug: string,
  body: unknown,
  idempotencyKey: string | null,
): Promise<RegistrationResponse> {
  const { env, now } = ctx;
  const loaded = await loadPublicEvent(env, slug);
  const { event, mainPool } = loaded;

  const window = registrationWindow(event, loaded.sessions, now);
  if (window === "cancelled") throw new ConflictError("event_cancelled", "error.event_cancelled");
  if (window === "no_registration" || !mainPool)
    throw new ConflictError("no_registration_needed", "error.no_registration_needed");
  if (window === "not_open_yet")
    throw new ConflictError("registration_not_open", "error.registration_not_open_yet", {
      date: new Date(event.registrationOpensAt!).toISOString(),
    });
  if (window === "closed") throw new ConflictError("registration_closed", "error.registration_closed");

  const input = validateRegistration(body, event);
  const emailNormalized = normalizeEmail(input.email);
  const token = await newManageToken(env);
  const change = new Change(ctx, "participant");
  const awaitingEmail = event.emailConfirmation ? 1 : 0;

  const insert = env.DB.prepare(
    `INSERT INTO registrations (event_id, pool_id, status, places, name, email, email_normalized, locale, answers, needs,
       token_nonce, manage_token_hash, idempotency_key, queue_order, awaiting_email, hold_expires_at,
       consent_version, consent_at, change_id, created_at, updated_at)
     SELECT p.event_id, p.id,
       CASE WHEN ?3 <= p.capacity - taken.n
              -- Nobody who waits and fits may be overtaken (places freed a moment ago are theirs).
              AND NOT EXISTS (SELECT 1 FROM registrations w WHERE w.pool_id = p.id AND w.status = 'waitlisted'
                              AND w.awaiting_email = 0 AND w.places <= p.capacity - taken.n)
            THEN CASE WHEN ?14 = 1 THEN 'held' ELSE 'confirmed' END
            ELSE 'waitlisted' END,
       ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,
       (SELECT COALESCE(MAX(q.queue_order), 0) + 1 FROM registrations q WHERE q.pool_id = p.id),
       ?14, ?15, ?16, ?2, ?1, ?2, ?2
     FROM capacity_pools p, (SELECT ${placesTakenSql("?13")} AS n) taken
     WHERE p.id = ?13 AND (?17 = 1 OR ?3 <= p.capacity - taken.n)
     ON CONFLICT DO NOTHING`,
  ).bind(
    change.id, // ?1
    now, // ?2
    input.places, // ?3
    input.name, // ?4
    input.email, // ?5
    emailNormalized, // ?6
    input.locale, // ?7
    JSON.stringify(input.answers), // ?8
    JSON.stringify(input.needs ?? {}), // ?9
    token.nonce, // ?10
    token.hash, // ?11
    idempotencyKey, // ?12
    mainPool.id, // ?13
    awaitingEmail, // ?14
    awaitingEmail ? now + event.holdMinutes * 60_000 : null, // ?15
    env.PRIVACY_NOTICE_VERSION, // ?16
    event.waitlistEnabled ? 1 : 0, // ?17
  );

  const [inserted, outbox, , outcome] = await env.DB.batch<Outcome & { id: number }>([
    insert,
    change.outbox({
      sql: `CASE WHEN r.awaiting_email = 1 THEN 'confirm_email' WHEN r.status = 'waitlisted' THEN 'waitlisted' ELSE 'confirmed' END`,
    }),
    change.audit("registration.created"),
    env.DB.prepare(`${OUTCOME_SQL} WHERE r.change_id = ?1`).bind(change.id),
  ]);
  const created = outcome?.results[0];
  if (inserted?.meta.changes && created) {
    change.dispatch(outbox);
    return respond(created);
  }
  return answerRepeat(ctx, event.id, idempotencyKey, emailNormalized, input.places);
}

/** Nothing was inserted: a retry with the same key, the same email again, or a full event without waitlist. */
async function answerRepeat(
  ctx: DomainContext,
  eventId: number,
  idempotencyKey: string | null,
  emailNormalized: string,
  places: number,
): Promise<RegistrationResponse> {
  const { env } = ctx;
  if (idempotencyKey) {
    const earlier = await env.DB.prepare(`${OUTCOME_SQL} WHERE r.event_id = ?1 AND r.idempotency_key = ?2`)
      .bind(eventId, idempotencyKey)
      .first<Outcome>();
    if (earlier) return respond(earlier);
  }
  const change = new Change(ctx, "participant");
  const [stamped, outbox] = await env.DB.batch([
    // Stamping the live registration lets the outbox row of this batch find it.
    env.DB.prepare(
      `UPDATE registrations SET change_id = ?1 WHERE event_id = ?2 AND email_normalized = ?3 AND parent_id IS NULL
         AND status NOT IN ('cancelled', 'expired', 'rejected')`,
    ).bind(change.id, eventId, emailNormalized),
    change.outbox("manage_link"),
    change.audit("registration.repeated"),
  ]);
  if (stamped?.meta.changes) {
    change.dispatch(outbox);
    return { registration: { status: "check_email", places, waitlistPosition: null } };
  }
  throw new DomainError("event_full", 409, "error.event_full");
}
