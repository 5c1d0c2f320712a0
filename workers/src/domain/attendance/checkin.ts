/**
 * Check-in at the door: a helper scans a participant's QR code (or finds them by name or in
 * the list) for one date of an event, and the attendance row is written by one guarded
 * INSERT that only succeeds for a confirmed registration of this event on a date that takes
 * place; the unique (registration, date) index makes a second scan, or a second phone
 * checking in the same person at the same moment, change nothing. The audit row is written
 * in the same batch, only when the insert took (SQLite's changes()).
 *
 * Attendance is recorded only within the date's window (./window.ts); organisers may record
 * it afterwards, marked as such. A check-in may carry the phone's own id for it (`clientId`):
 * the phone keeps check-ins it could not send (offline) and sends them again until it hears
 * back; the id is claimed in `checkin_requests` in the same batch, so a check-in that
 * arrives twice is recorded once, and one that arrives after an undo on another phone does
 * not bring the person back ("undone_meanwhile").
 *
 * Every scan has an outcome for the page to show, never a 500: checked_in, already_checked_in,
 * cancelled, waitlisted, not_confirmed, undone_meanwhile, wrong_event, wrong_session (a date
 * of another event, or one cancelled by the organiser), invalid (forged or foreign code).
 */
import type { DoorEvent, DoorListResponse, DoorPerson, DoorStatus, ScanOutcome } from "../../console-types";
import type { Env } from "../../env";
import type { Staff } from "../auth/access";
import { managedOrganisationIds, organisesFor } from "../auth/access";
import { DomainError, NotFoundError, ValidationError } from "../../lib/errors";
import { nameKey, nameMatcher } from "../../lib/name-search";
import { pad, wallTime } from "../../lib/time-zone";
import { readCheckInCode } from "../../lib/tokens";
import type { DomainContext } from "../change";
import type { Locale, LocalizedText } from "../../../../db/schema";
import { storedTitle } from "../events/public";
import { showText } from "../events/texts";
import { checkInWindow, windowVerdict } from "./window";
import type { StoredAttendance, StoredEvent, StoredOrganisation, StoredRegistration, StoredSession } from "../../../../db/rows";
import { iso } from "../../lib/dates";

/** A row of PERSON_SQL: the registration, and its check-in on the date (null: none, the attendance join is a LEFT JOIN). */
type PersonRow = Pick<StoredRegistration, "id" | "eventId" | "parentId" | "name" | "places" | "status" | "awaitingEmail"> & {
  checkedInPlaces: StoredAttendance["places"] | null;
  checkedInAt: StoredAttendance["checkedInAt"] | null;
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

function person(row: PersonRow, zone: string): DoorPerson {
  const at = row.checkedInAt;
  const wall = at === null ? null : wallTime(at, zone);
  return {
    registrationId: row.id,
    name: row.name,
    places: row.places,
    status: doorStatus(row),
    checkedInPlaces: row.checkedInPlaces,
    checkedInAt: iso(at),
    checkedInTime: wall ? `${pad(wall.hour)}:${pad(wall.minute)}` : null,
  };
}

type SessionRow = Pick<StoredSession, "startsAt" | "endsAt" | "cancelledAt"> &
  Pick<StoredEvent, "organisationId"> &
  Pick<StoredOrganisation, "timeZone"> & { opensMinutes: StoredEvent["checkinOpensMinutes"] };

/** The date, if it belongs to the event, with what the window and the answer need. */
async function sessionOf(env: Env, eventId: number, sessionId: number): Promise<SessionRow | null> {
  return env.DB.prepare(
    `SELECT s.starts_at AS startsAt, s.ends_at AS endsAt, s.cancelled_at AS cancelledAt, e.checkin_opens_minutes AS opensMinutes,
       e.organisation_id AS organisationId, o.time_zone AS timeZone
     FROM sessions s JOIN events e ON e.id = s.event_id JOIN organisations o ON o.id = e.organisation_id
     WHERE s.id = ?1 AND s.event_id = ?2`,
  )
    .bind(sessionId, eventId)
    .first<SessionRow>();
}

export type ScanInput = {
  code?: string;
  registrationId?: number;
  sessionId: number;
  places?: number;
  /** The phone's id for this check-in (offline queue): a repeat is answered, not recorded again. */
  clientId?: string;
  /** When the phone recorded it (epoch ms); a time in the future counts as now. */
  recordedAt?: number;
};

/** A phone's queue may hold check-ins from the morning; one recorded more than a week ago is taken as a week ago. */
const OLDEST_QUEUED_MS = 7 * 86_400_000;

/**
 * Checks a person in for a date: by the code of their QR code, or by registration id (found
 * through the name search or the list). `places` (households) defaults to all places of the
 * registration. Refused (409) outside the date's window, except organisers afterwards.
 */
export async function checkIn(ctx: DomainContext, staff: Staff, eventId: number, input: ScanInput): Promise<ScanOutcome> {
  const { env, now } = ctx;
  const session = await sessionOf(env, eventId, input.sessionId);
  if (!session || session.cancelledAt !== null) return { outcome: "wrong_session" };
  const at = Math.max(now - OLDEST_QUEUED_MS, Math.min(input.recordedAt ?? now, now));
  const window = checkInWindow(session, session.opensMinutes, session.timeZone);
  const { afterwards } = windowVerdict(at, window, session.timeZone, organisesFor(staff, session.organisationId));
  const registrationId = input.code !== undefined ? await readCheckInCode(env, input.code) : (input.registrationId ?? null);
  if (registrationId === null) return { outcome: "invalid" };

  const places = input.places ?? null;
  const clientId = input.clientId ?? null;
  const db = env.DB;
  const claim = clientId
    ? db
        .prepare(
          `INSERT INTO checkin_requests (client_id, event_id, registration_id, session_id, recorded_at, staff_id, created_at)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (client_id) DO NOTHING`,
        )
        .bind(clientId, eventId, registrationId, input.sessionId, at, staff.id, now)
    : null;
  const [claimed, inserted, , found, undone, earlier] = await db.batch<Record<string, unknown>>([
    claim ?? db.prepare(`SELECT 1`),
    db
      .prepare(
        `INSERT INTO attendance (registration_id, session_id, places, checked_in_at, checked_in_by, recorded_afterwards)
         SELECT r.id, s.id, COALESCE(?4, r.places), ?5, ?6, ?7
         FROM registrations r JOIN sessions s ON s.id = ?2 AND s.event_id = r.event_id AND s.cancelled_at IS NULL
         WHERE r.id = ?1 AND r.event_id = ?3 AND r.parent_id IS NULL AND r.status = 'confirmed' AND r.awaiting_email = 0
           AND COALESCE(?4, r.places) <= r.places
           -- A repeat of a check-in already seen (the claim above took nothing) records nothing.
           AND (?8 IS NULL OR changes() = 1)
           -- Undone on another phone after this one recorded it offline: the undo stands.
           AND NOT EXISTS (SELECT 1 FROM audit_log u WHERE u.registration_id = r.id AND u.action = 'attendance.undone'
                             AND u.at > ?5 AND json_extract(u.details, '$.sessionId') = s.id)
         ON CONFLICT DO NOTHING`,
      )
      .bind(registrationId, input.sessionId, eventId, places, at, staff.id, afterwards ? 1 : 0, clientId),
    db
      .prepare(
        `INSERT INTO audit_log (at, actor, action, event_id, registration_id, details)
         SELECT ?1, ?2, 'attendance.checked_in', ?3, ?4,
           json_object('sessionId', ?5, 'places', ?6, 'by', ?7, 'afterwards', json(?8), 'recordedAt', ?9) WHERE changes() = 1`,
      )
      .bind(now, `user:${staff.id}`, eventId, registrationId, input.sessionId, places, input.code !== undefined ? "code" : clientId ? "list" : "search", afterwards ? "true" : "false", at),
    db.prepare(`${PERSON_SQL} WHERE r.id = ?1`).bind(registrationId, input.sessionId),
    db
      .prepare(`SELECT 1 AS yes FROM audit_log WHERE registration_id = ?1 AND action = 'attendance.undone' AND at > ?2 AND json_extract(details, '$.sessionId') = ?3 LIMIT 1`)
      .bind(registrationId, at, input.sessionId),
    clientId ? db.prepare(`SELECT outcome FROM checkin_requests WHERE client_id = ?1`).bind(clientId) : db.prepare(`SELECT NULL AS outcome`),
  ]);
  const row = found?.results[0] as PersonRow | undefined;
  // Another event's participant: nothing about them is shown.
  if (!row || row.eventId !== eventId || row.parentId !== null) return { outcome: "wrong_event" };
  if (places !== null && places > row.places) {
    throw new ValidationError({ places: { key: "field.places_max", params: { max: row.places } } });
  }
  const shown = person(row, session.timeZone);
  const repeat = clientId !== null && !claimed?.meta.changes;
  const stored = (earlier?.results[0] as { outcome: string | null } | undefined)?.outcome ?? null;
  let outcome: ScanOutcome;
  if (repeat && stored) outcome = { outcome: stored as "checked_in", person: shown };
  else if (inserted?.meta.changes) outcome = { outcome: "checked_in", person: shown, ...(afterwards ? { afterwards } : {}) };
  else if (row.checkedInAt !== null) outcome = { outcome: "already_checked_in", person: shown };
  else if (undone?.results.length && doorStatus(row) === "confirmed") outcome = { outcome: "undone_meanwhile", person: shown };
  else {
    const status = doorStatus(row);
    outcome = { outcome: status === "confirmed" ? "already_checked_in" : status, person: shown };
  }
  if (clientId && !repeat) {
    await db.prepare(`UPDATE checkin_requests SET outcome = ?2 WHERE client_id = ?1 AND outcome IS NULL`).bind(clientId, outcome.outcome).run();
  }
  return outcome;
}

export type CheckInItemResult = { clientId: string; outcome: ScanOutcome } | { clientId: string; error: DomainError };

/** A phone's queue of check-ins, one after the other (each is one guarded batch as above). */
export async function recordCheckIns(ctx: DomainContext, staff: Staff, eventId: number, items: (ScanInput & { clientId: string })[]): Promise<CheckInItemResult[]> {
  const results: CheckInItemResult[] = [];
  for (const item of items) {
    try {
      results.push({ clientId: item.clientId, outcome: await checkIn(ctx, staff, eventId, item) });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      results.push({ clientId: item.clientId, error });
    }
  }
  return results;
}

/** The same window for undo and the places of a household: a helper may not change a closed day. */
async function assertChangeable(env: Env, staff: Staff, eventId: number, sessionId: number, now: number): Promise<SessionRow> {
  const session = await sessionOf(env, eventId, sessionId);
  if (!session) throw new NotFoundError();
  windowVerdict(now, checkInWindow(session, session.opensMinutes, session.timeZone), session.timeZone, organisesFor(staff, session.organisationId));
  return session;
}

/** Takes a check-in back (a wrong person, a wrong date). Returns whether there was one. */
export async function undoCheckIn(ctx: DomainContext, staff: Staff, eventId: number, registrationId: number, sessionId: number): Promise<boolean> {
  const { env, now } = ctx;
  await assertChangeable(env, staff, eventId, sessionId, now);
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
  const session = await assertChangeable(env, staff, eventId, sessionId, now);
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
  return person(row, session.timeZone);
}

/** Confirmed people first (they are the ones at the door), then by name. */
function byDoorOrder(a: PersonRow, b: PersonRow): number {
  return Number(doorStatus(b) === "confirmed") - Number(doorStatus(a) === "confirmed") || a.name.localeCompare(b.name, "de");
}

async function zoneOf(env: Env, eventId: number): Promise<string> {
  const row = await env.DB.prepare(`SELECT o.time_zone AS timeZone FROM events e JOIN organisations o ON o.id = e.organisation_id WHERE e.id = ?1`)
    .bind(eventId)
    .first<Pick<StoredOrganisation, "timeZone">>();
  return row?.timeZone ?? "Europe/Berlin";
}

/**
 * People of the event whose name matches every word of the query, across scripts and
 * spellings (lib/name-search.ts): "Kuznetsova" finds «Кузнецова», "mueller" finds "Müller".
 */
export async function searchForCheckIn(env: Env, eventId: number, sessionId: number, query: string, limit = 20): Promise<DoorPerson[]> {
  const matches = nameMatcher(query);
  const [{ results }, zone] = await Promise.all([
    env.DB.prepare(
      `${PERSON_SQL} WHERE r.event_id = ?1 AND r.parent_id IS NULL AND r.anonymised_at IS NULL
         AND r.status NOT IN ('expired', 'rejected')`,
    )
      .bind(eventId, sessionId)
      .all<PersonRow>(),
    zoneOf(env, eventId),
  ]);
  return results
    .filter((row) => matches(nameKey(row.name)))
    .sort(byDoorOrder)
    .slice(0, limit)
    .map((row) => person(row, zone));
}

/** The date's list for the door: everyone confirmed, and whoever is checked in (kept on the phone for offline use). */
export async function doorList(env: Env, eventId: number, sessionId: number, now: number): Promise<DoorListResponse> {
  const [session, { results }] = await Promise.all([
    sessionOf(env, eventId, sessionId),
    env.DB.prepare(
      `${PERSON_SQL} WHERE r.event_id = ?1 AND r.parent_id IS NULL AND r.anonymised_at IS NULL
         AND ((r.status = 'confirmed' AND r.awaiting_email = 0) OR a.id IS NOT NULL)`,
    )
      .bind(eventId, sessionId)
      .all<PersonRow>(),
  ]);
  if (!session) throw new NotFoundError();
  return { eventId, sessionId, people: results.sort(byDoorOrder).map((row) => person(row, session.timeZone)), at: new Date(now).toISOString() };
}

/** The dates of events (with counts and check-in windows) for the check-in page. */
async function doorEvents(env: Env, eventIds: number[], locale: Locale): Promise<DoorEvent[]> {
  if (eventIds.length === 0) return [];
  const ids = JSON.stringify(eventIds);
  const [events, sessions] = await env.DB.batch<Record<string, unknown>>([
    env.DB.prepare(
      `SELECT e.id, e.slug, e.texts, e.checkin_opens_minutes AS opensMinutes, o.time_zone AS timeZone
       FROM events e JOIN organisations o ON o.id = e.organisation_id WHERE e.id IN (SELECT value FROM json_each(?1))`,
    ).bind(ids),
    env.DB.prepare(
      `SELECT s.id, s.event_id AS eventId, s.starts_at AS startsAt, s.ends_at AS endsAt, s.title, s.cancelled_at AS cancelledAt,
         (SELECT COUNT(*) FROM registrations r WHERE r.event_id = s.event_id AND r.parent_id IS NULL AND r.status = 'confirmed' AND r.awaiting_email = 0) AS expectedRegistrations,
         (SELECT COALESCE(SUM(r.places), 0) FROM registrations r WHERE r.event_id = s.event_id AND r.parent_id IS NULL AND r.status = 'confirmed' AND r.awaiting_email = 0) AS expectedPlaces,
         (SELECT COUNT(*) FROM attendance a WHERE a.session_id = s.id) AS checkedInRegistrations,
         (SELECT COALESCE(SUM(a.places), 0) FROM attendance a WHERE a.session_id = s.id) AS checkedInPlaces
       FROM sessions s WHERE s.event_id IN (SELECT value FROM json_each(?1)) ORDER BY s.starts_at`,
    ).bind(ids),
  ]);
  return ((events?.results ?? []) as { id: number; slug: string; texts: string; opensMinutes: number; timeZone: string }[]).map((event) => ({
    id: event.id,
    title: storedTitle(event.texts, locale, event.slug),
    timeZone: event.timeZone,
    sessions: ((sessions?.results ?? []) as Record<string, number | string | null>[])
      .filter((s) => s.eventId === event.id)
      .map((s) => {
        const title = s.title ? (JSON.parse(String(s.title)) as LocalizedText) : null;
        const window = checkInWindow({ startsAt: Number(s.startsAt), endsAt: Number(s.endsAt) }, event.opensMinutes, event.timeZone);
        return {
          id: Number(s.id),
          startsAt: new Date(Number(s.startsAt)).toISOString(),
          endsAt: new Date(Number(s.endsAt)).toISOString(),
          title: showText(`session.${s.id}`, title, locale)?.text ?? null,
          cancelled: s.cancelledAt !== null,
          checkinOpensAt: new Date(window.opensAt).toISOString(),
          checkinClosesAt: new Date(window.closesAt).toISOString(),
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
    .all<Pick<StoredEvent, "id">>();
  const byId = new Map((await doorEvents(env, results.map((r) => r.id), locale)).map((e) => [e.id, e]));
  return results.map((r) => byId.get(r.id)!).filter(Boolean);
}
