/**
 * Walk-ins: someone without a registration comes to the door. They are registered on the
 * spot through the same guarded insert as every registration (../places/take.ts), except
 * that they never join the waitlist (no place, no entry); like everyone they may not
 * overtake anyone waiting who fits. If the insert takes a place, the same batch checks them in
 * for the date, writes the audit row and, if they gave an address, the confirmation email.
 */
import type { StoredRegistration } from "../../../../db/rows";
import type { Locale } from "../../../../db/schema";
import { ConflictError, DomainError, ValidationError } from "../../lib/errors";
import type { Staff } from "../auth/access";
import { Change, type DomainContext } from "../change";
import { loadEventById } from "../events/public";
import { ENDED_SQL } from "../places/statuses";
import { dayPlacement, takePlaceStatement, type Person } from "../places/take";
import { normalizeEmail } from "../registrations/register";
import type { DoorPerson } from "./checkin";
import { timeText } from "../documents/dates";

export type WalkInInput = { sessionId: number; name: string; email?: string; places: number; locale: Locale };

export type WalkInOutcome =
  | { outcome: "checked_in"; person: DoorPerson }
  /** The address already has a registration for this event: find them by name instead. */
  | { outcome: "already_registered" };

/** Registers and checks in a walk-in where places are free; 409 event_full otherwise. */
export async function addWalkIn(ctx: DomainContext, staff: Staff, eventId: number, input: WalkInInput): Promise<WalkInOutcome> {
  const { env, now } = ctx;
  const loaded = await loadEventById(env, eventId);
  const { event, mainPool } = loaded;
  if (event.status === "cancelled") throw new ConflictError("event_cancelled", "error.event_cancelled");
  if (!mainPool) throw new ConflictError("no_registration_needed", "error.no_registration_needed");
  const session = loaded.sessions.find((s) => s.id === input.sessionId);
  if (!session || session.cancelledAt !== null) throw new ValidationError({ sessionId: { key: "field.invalid_type" } });
  if (input.places > event.maxPlacesPerRegistration) {
    throw new ValidationError({ places: { key: "field.places_max", params: { max: event.maxPlacesPerRegistration } } });
  }

  const change = new Change(ctx, `user:${staff.id}`);
  const email = input.email?.trim() ?? "";
  const person: Person = {
    eventId,
    name: input.name,
    email,
    // Without an address, a key of its own keeps the one-live-registration-per-address rule out of the way.
    emailNormalized: email ? normalizeEmail(email) : `walk-in:${change.id}`,
    locale: input.locale,
    answers: "{}",
    needs: "{}",
    children: 0,
    exhibitor: null,
    idempotencyKey: null,
    awaitingEmail: 0,
    holdExpiresAt: null,
    consentVersion: env.PRIVACY_NOTICE_VERSION,
  };
  const insert = await takePlaceStatement(ctx, change, person, dayPlacement(mainPool.id, input.places, { approval: false, waitlist: false, awaitingEmail: false }));
  const [inserted, , outbox, , created] = await env.DB.batch<Pick<StoredRegistration, "id" | "name" | "places">>([
    insert,
    env.DB.prepare(
      `INSERT INTO attendance (registration_id, session_id, places, checked_in_at, checked_in_by)
       SELECT r.id, ?2, r.places, ?3, ?4 FROM registrations r WHERE r.change_id = ?1 AND r.status = 'confirmed'`,
    ).bind(change.id, input.sessionId, now, staff.id),
    change.outbox({ sql: `CASE WHEN r.email = '' THEN NULL ELSE 'confirmed' END` }),
    change.audit("registration.walk_in"),
    env.DB.prepare(`SELECT id, name, places FROM registrations WHERE change_id = ?1 AND status = 'confirmed'`).bind(change.id),
  ]);
  const row = created?.results[0];
  if (inserted?.meta.changes && row) {
    change.dispatch(outbox);
    return {
      outcome: "checked_in",
      person: {
        registrationId: row.id,
        name: row.name,
        places: row.places,
        status: "confirmed",
        checkedInPlaces: row.places,
        checkedInAt: new Date(now).toISOString(),
        checkedInTime: timeText(now),
      },
    };
  }
  if (email) {
    const existing = await env.DB.prepare(
      `SELECT 1 AS yes FROM registrations WHERE event_id = ?1 AND email_normalized = ?2 AND parent_id IS NULL
         AND status NOT IN ${ENDED_SQL}`,
    )
      .bind(eventId, person.emailNormalized)
      .first();
    if (existing) return { outcome: "already_registered" };
  }
  throw new DomainError("event_full", 409, "error.event_full");
}
