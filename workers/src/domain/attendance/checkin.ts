/**
 * Check-in at the door: a helper scans a participant's QR code (or finds them by name) for
 * one date of an event, and the attendance row is written by one guarded INSERT that only
 * succeeds for a confirmed registration of this event on a date that takes place; the
 * unique (registration, date) index makes a second scan change nothing. The audit row is
 * written in the same batch, only when the insert took (SQLite's changes()).
 *
 * Every scan has a clear outcome for the page to show, never a 500: checked_in,
 * already_checked_in, cancelled, waitlisted, not_confirmed, wrong_event, wrong_session
 * (a date of another event, or one cancelled by the organiser), invalid (forged or foreign code).
 */
import type { Env } from "../../env";
import type { Staff } from "../auth/access";
import { managedOrganisationIds } from "../auth/access";
import { ValidationError } from "../../lib/errors";
import { readCheckInCode } from "../../lib/tokens";
import type { DomainContext } from "../change";
import { timeText } from "../documents/dates";
import type { Locale, LocalizedText, EventTexts } from "../../../../db/schema";

export type DoorStatus = "confirmed" | "cancelled" | "waitlisted" | "not_confirmed";

/** A registration as the door sees it: enough to greet and count, nothing more. */
export type DoorPerson = {
  registrationId: number;
  name: string;
  places: number;
  status: DoorStatus;
  /** Places checked in for the chosen date (null: not checked in). */
  checkedInPlaces: number | null;
  checkedInAt: string | null;
  /** "17:32", Berlin time, for "already checked in at 17:32". */
  checkedInTime: string | null;
};

export type ScanOutcome =
  | { outcome: "checked_in" | "already_checked_in" | "cancelled" | "waitlisted" | "not_confirmed"; person: DoorPerson }
  | { outcome: "wrong_event" | "wrong_session" | "invalid" };

type PersonRow = {
  id: number;
  eventId: number;
  parentId: number | null;
  name: string;
  places: number;
  status: string;
  awaitingEmail: number;
  checkedInPlaces: number | null;
  checkedInAt: number | null;
};

const PERSON_SQL = `SELECT r.id, r.event_id AS eventId, r.parent_id AS parentId, r.name, r.places, r.status,
    r.awaiting_email AS awaitingEmail, a.places AS checkedInPlaces, a.checked_in_at AS checkedInAt
  FROM registrations r LEFT JOIN attendance a ON a.registration_id = r.id AND a.session_id = ?2`;

function doorStatus(row: Pick<PersonRow, "status" | "awaitingEmail">): DoorStatus {
  if (row.status === "confirmed" && !row.awaitingEmail) return "confirmed";
  if (row.status === "cancelled") return "cancelled";
  if (row.status === "waitlisted" || row.status === "offered") return "waitlisted";
  return "not_confirmed";
}

function person(row: PersonRow): DoorPerson {
  return {
    registrationId: row.id,
    name: row.name,
    places: row.places,
    status: doorStatus(row),
    checkedInPlaces: row.checkedInPlaces,
    checkedInAt: row.checkedInAt === null ? null : new Date(row.checkedInAt).toISOString(),
    checkedInTime: row.checkedInAt === null ? null : timeText(row.checkedInAt),
  };
}

/** True when the date belongs to the event and takes place. */
async function liveSession(env: Env, eventId: number, sessionId: number): Promise<boolean> {
  const row = await env.DB.prepare(`SELECT cancelled_at AS cancelledAt FROM sessions WHERE id = ?1 AND event_id = ?2`)
    .bind(sessionId, eventId)
    .first<{ cancelledAt: number | null }>();
  return row !== null && row.cancelledAt === null;
}

export type ScanInput = { code?: string; registrationId?: number; sessionId: number; places?: number };

/**
 * Checks a person in for a date: by the code of their QR code, or by registration id (found
 * through the name search). `places` (households) defaults to all places of the registration.
 */
export async function checkIn(ctx: DomainContext, staff: Staff, eventId: number, input: ScanInput): Promise<ScanOutcome> {
  const { env, now } = ctx;
  if (!(await liveSession(env, eventId, input.sessionId))) return { outcome: "wrong_session" };
  const registrationId = input.code !== undefined ? await readCheckInCode(env, input.code) : (input.registrationId ?? null);
  if (registrationId === null) return { outcome: "invalid" };

  const places = input.places ?? null;
  const [inserted, , found] = await env.DB.batch<PersonRow>([
    env.DB.prepare(
      `INSERT INTO attendance (registration_id, session_id, places, checked_in_at, checked_in_by)
       SELECT r.id, s.id, COALESCE(?4, r.places), ?5, ?6
       FROM registrations r JOIN sessions s ON s.id = ?2 AND s.event_id = r.event_id AND s.cancelled_at IS NULL
       WHERE r.id = ?1 AND r.event_id = ?3 AND r.parent_id IS NULL AND r.status = 'confirmed' AND r.awaiting_email = 0
         AND COALESCE(?4, r.places) <= r.places
       ON CONFLICT DO NOTHING`,
    ).bind(registrationId, input.sessionId, eventId, places, now, staff.id),
    env.DB.prepare(
      `INSERT INTO audit_log (at, actor, action, event_id, registration_id, details)
       SELECT ?1, ?2, 'attendance.checked_in', ?3, ?4, json_object('sessionId', ?5, 'places', ?6, 'by', ?7) WHERE changes() = 1`,
    ).bind(now, `user:${staff.id}`, eventId, registrationId, input.sessionId, places, input.code !== undefined ? "code" : "search"),
    env.DB.prepare(`${PERSON_SQL} WHERE r.id = ?1`).bind(registrationId, input.sessionId),
  ]);
  const row = found?.results[0];
  // Another event's participant: nothing about them is shown.
  if (!row || row.eventId !== eventId || row.parentId !== null) return { outcome: "wrong_event" };
  if (places !== null && places > row.places) {
    throw new ValidationError({ places: { key: "field.places_max", params: { max: row.places } } });
  }
  if (inserted?.meta.changes) return { outcome: "checked_in", person: person(row) };
  if (row.checkedInAt !== null) return { outcome: "already_checked_in", person: person(row) };
  const status = doorStatus(row);
  return { outcome: status === "confirmed" ? "already_checked_in" : status, person: person(row) };
}

/** Takes a check-in back (a wrong person, a wrong date). Returns whether there was one. */
export async function undoCheckIn(ctx: DomainContext, staff: Staff, eventId: number, registrationId: number, sessionId: number): Promise<boolean> {
  const { env, now } = ctx;
  const [deleted] = await env.DB.batch([
    env.DB.prepare(
      `DELETE FROM attendance WHERE registration_id = ?1 AND session_id = ?2
         AND registration_id IN (SELECT id FROM registrations WHERE event_id = ?3)`,
    ).bind(registrationId, sessionId, eventId),
    env.DB.prepare(
      `INSERT INTO audit_log (at, actor, action, event_id, registration_id, details)
       SELECT ?1, ?2, 'attendance.undone', ?3, ?4, json_object('sessionId', ?5) WHERE changes() > 0`,
    ).bind(now, `user:${staff.id}`, eventId, registrationId, sessionId),
  ]);
  return Boolean(deleted?.meta.changes);
}

/** Changes how many places of a household are checked in (some came later, or left). */
export async function setCheckedInPlaces(
  ctx: DomainContext,
  staff: Staff,
  eventId: number,
  registrationId: number,
  sessionId: number,
  places: number,
): Promise<DoorPerson | null> {
  const { env, now } = ctx;
  const [updated, , found] = await env.DB.batch<PersonRow>([
    env.DB.prepare(
      `UPDATE attendance SET places = ?4
       WHERE registration_id = ?1 AND session_id = ?2
         AND ?4 <= (SELECT places FROM registrations WHERE id = ?1 AND event_id = ?3)`,
    ).bind(registrationId, sessionId, eventId, places),
    env.DB.prepare(
      `INSERT INTO audit_log (at, actor, action, event_id, registration_id, details)
       SELECT ?1, ?2, 'attendance.places_changed', ?3, ?4, json_object('sessionId', ?5, 'places', ?6) WHERE changes() > 0`,
    ).bind(now, `user:${staff.id}`, eventId, registrationId, sessionId, places),
    env.DB.prepare(`${PERSON_SQL} WHERE r.id = ?1 AND r.event_id = ?3 AND r.parent_id IS NULL`).bind(registrationId, sessionId, eventId),
  ]);
  const row = found?.results[0];
  if (!row) return null;
  if (!updated?.meta.changes) {
    if (places > row.places) throw new ValidationError({ places: { key: "field.places_max", params: { max: row.places } } });
    return null;
  }
  return person(row);
}

/** Lower case without accents, so "gul ozturk" finds "Ğül Öztürk". */
export function searchable(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLocaleLowerCase("de").replace(/ı/g, "i").replace(/\s+/g, " ").trim();
}

/** People of the event whose name contains every word of the query (for those without their code). */
export async function searchForCheckIn(env: Env, eventId: number, sessionId: number, query: string, limit = 20): Promise<DoorPerson[]> {
  const words = searchable(query).split(" ").filter(Boolean);
  if (words.length === 0) return [];
  const { results } = await env.DB.prepare(
    `${PERSON_SQL} WHERE r.event_id = ?1 AND r.parent_id IS NULL AND r.anonymised_at IS NULL
       AND r.status NOT IN ('expired', 'rejected') ORDER BY r.name`,
  )
    .bind(eventId, sessionId)
    .all<PersonRow>();
  return results
    .filter((row) => {
      const name = searchable(row.name);
      return words.every((word) => name.includes(word));
    })
    // Confirmed people first: they are the ones at the door.
    .sort((a, b) => Number(doorStatus(b) === "confirmed") - Number(doorStatus(a) === "confirmed"))
    .slice(0, limit)
    .map(person);
}

export type DoorSession = {
  id: number;
  startsAt: string;
  endsAt: string;
  title: string | null;
  cancelled: boolean;
  /** Confirmed registrations and their places. */
  expected: { registrations: number; places: number };
  checkedIn: { registrations: number; places: number };
};

export type DoorEvent = { id: number; title: string; sessions: DoorSession[] };

function titleOf(texts: EventTexts, locale: Locale, fallback: string): string {
  return texts[locale]?.title ?? texts.de?.title ?? fallback;
}

/** The dates of events (with counts) for the check-in page. */
async function doorEvents(env: Env, eventIds: number[], locale: Locale): Promise<DoorEvent[]> {
  if (eventIds.length === 0) return [];
  const ids = JSON.stringify(eventIds);
  const [events, sessions] = await env.DB.batch<Record<string, unknown>>([
    env.DB.prepare(`SELECT id, slug, texts FROM events WHERE id IN (SELECT value FROM json_each(?1))`).bind(ids),
    env.DB.prepare(
      `SELECT s.id, s.event_id AS eventId, s.starts_at AS startsAt, s.ends_at AS endsAt, s.title, s.cancelled_at AS cancelledAt,
         (SELECT COUNT(*) FROM registrations r WHERE r.event_id = s.event_id AND r.parent_id IS NULL AND r.status = 'confirmed' AND r.awaiting_email = 0) AS expectedRegistrations,
         (SELECT COALESCE(SUM(r.places), 0) FROM registrations r WHERE r.event_id = s.event_id AND r.parent_id IS NULL AND r.status = 'confirmed' AND r.awaiting_email = 0) AS expectedPlaces,
         (SELECT COUNT(*) FROM attendance a WHERE a.session_id = s.id) AS checkedInRegistrations,
         (SELECT COALESCE(SUM(a.places), 0) FROM attendance a WHERE a.session_id = s.id) AS checkedInPlaces
       FROM sessions s WHERE s.event_id IN (SELECT value FROM json_each(?1)) ORDER BY s.starts_at`,
    ).bind(ids),
  ]);
  return ((events?.results ?? []) as { id: number; slug: string; texts: string }[]).map((event) => ({
    id: event.id,
    title: titleOf(JSON.parse(event.texts) as EventTexts, locale, event.slug),
    sessions: ((sessions?.results ?? []) as Record<string, number | string | null>[])
      .filter((s) => s.eventId === event.id)
      .map((s) => {
        const title = s.title ? (JSON.parse(String(s.title)) as LocalizedText) : null;
        return {
          id: Number(s.id),
          startsAt: new Date(Number(s.startsAt)).toISOString(),
          endsAt: new Date(Number(s.endsAt)).toISOString(),
          title: title?.[locale] ?? title?.de ?? null,
          cancelled: s.cancelledAt !== null,
          expected: { registrations: Number(s.expectedRegistrations), places: Number(s.expectedPlaces) },
          checkedIn: { registrations: Number(s.checkedInRegistrations), places: Number(s.checkedInPlaces) },
        };
      }),
  }));
}

/** One event's dates for the check-in page (the caller has checked the "checkin" permission). */
export async function doorEvent(env: Env, eventId: number, locale: Locale): Promise<DoorEvent> {
  const [event] = await doorEvents(env, [eventId], locale);
  return event!;
}

/**
 * The events a staff member may check people in for, whose dates are not long past: those
 * assigned to them, and every event of the organisations they organise for.
 */
export async function checkInEventsFor(env: Env, staff: Staff, now: number, locale: Locale): Promise<DoorEvent[]> {
  const organisations = managedOrganisationIds(staff);
  const { results } = await env.DB.prepare(
    `SELECT e.id FROM events e
     WHERE e.status = 'published'
       AND (?1 IS NULL OR e.organisation_id IN (SELECT value FROM json_each(?1)) OR e.id IN (SELECT value FROM json_each(?2)))
       AND EXISTS (SELECT 1 FROM sessions s WHERE s.event_id = e.id AND s.ends_at >= ?3)
     ORDER BY (SELECT MIN(s.starts_at) FROM sessions s WHERE s.event_id = e.id AND s.ends_at >= ?3)
     LIMIT 100`,
  )
    .bind(organisations === null ? null : JSON.stringify(organisations), JSON.stringify([...staff.assignedEventIds]), now - 14 * 86_400_000)
    .all<{ id: number }>();
  const byId = new Map((await doorEvents(env, results.map((r) => r.id), locale)).map((e) => [e.id, e]));
  return results.map((r) => byId.get(r.id)!).filter(Boolean);
}
