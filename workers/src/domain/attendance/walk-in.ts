/**
 * Walk-ins: someone without a registration comes to the door. They are registered on the
 * spot through the same guarded insert as every registration (../places/take.ts), except
 * that they never join the waitlist (no place, no entry); like everyone they may not
 * overtake anyone waiting who fits. If the insert takes a place, the same batch checks them in
 * for the date, writes the audit row and, if they gave an address, the confirmation email:
 * at most one walk-in email per address and event (an address typed in at the door is not
 * confirmed by anyone, so the door cannot be used to send it mail again and again; the
 * route also limits walk-ins per helper and hour). Only within the date's check-in window.
 */
import type { StoredRegistration } from "../../../../db/rows";
import { organisationTimeZone } from "../../lib/db";
import type { Locale } from "../../../../db/schema";
import { ConflictError, DomainError, ValidationError } from "../../lib/errors";
import type { Staff } from "../auth/access";
import { Change, type DomainContext } from "../change";
import { loadEventById } from "../events/public";
import { ENDED_SQL } from "../places/statuses";
import { dayPlacement, takePlaceStatement, type Person } from "../places/take";
import { normalizeEmail } from "../../lib/email";
import type { DoorPerson } from "../../console-types";
import { timeText } from "../documents/dates";
import { organisesFor } from "../auth/access";
import { checkInWindow, windowVerdict } from "./window";

export type WalkInInput = { sessionId: number; name: string; email?: string; places: number; locale: Locale };

export type WalkInOutcome =
  | { outcome: "checked_in"; person: DoorPerson }
  /** The address already has a registration for this event: find them by name instead. */
  | { outcome: "already_registered" };

/** The confirmation email of a walk-in: none without an address, none if a walk-in at this event already sent one to it. */
const WALK_IN_EMAIL = `CASE WHEN r.email = '' THEN NULL
  WHEN EXISTS (SELECT 1 FROM outbox o JOIN registrations x ON x.id = o.registration_id
               WHERE x.event_id = r.event_id AND x.email_normalized = r.email_normalized AND x.id <> r.id
                 AND json_extract(o.data, '$.walkIn') = 1) THEN NULL
  ELSE 'confirmed' END`;

/** Registers and checks in a walk-in where places are free; 409 event_full otherwise. */
export async function addWalkIn(ctx: DomainContext, staff: Staff, eventId: number, input: WalkInInput): Promise<WalkInOutcome> {
  const { env, now } = ctx;
  const loaded = await loadEventById(env, eventId);
  const { event, mainPool } = loaded;
  if (event.status === "cancelled") throw new ConflictError("event_cancelled", "error.event_cancelled");
  if (!mainPool) throw new ConflictError("no_registration_needed", "error.no_registration_needed");
  const session = loaded.sessions.find((s) => s.id === input.sessionId);
  if (!session || session.cancelledAt !== null) throw new ValidationError({ sessionId: { key: "field.invalid_type" } });
  const zone = await organisationTimeZone(env.DB, event.organisationId);
  const { afterwards } = windowVerdict(now, checkInWindow(session, event.checkinOpensMinutes, zone), zone, organisesFor(staff, event.organisationId));
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
      `INSERT INTO attendance (registration_id, session_id, places, checked_in_at, checked_in_by, recorded_afterwards)
       SELECT r.id, ?2, r.places, ?3, ?4, ?5 FROM registrations r WHERE r.change_id = ?1 AND r.status = 'confirmed'`,
    ).bind(change.id, input.sessionId, now, staff.id, afterwards ? 1 : 0),
    change.outbox({ sql: WALK_IN_EMAIL }, { walkIn: true }),
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
  // Walk-ins never join the waitlist: the event may have one, but no place is free now.
  throw new DomainError("event_full", 409, "error.not_enough_places");
}
