/**
 * Attendance per date for the console: who came (and with how many places), and who was
 * expected but did not come (no-shows, once the date has begun). Expected are the confirmed
 * registrations; the signature list prints the same people.
 */
import type { AttendanceResponse, ExpectedPerson, SessionAttendance } from "../../console-types";
import type { Env } from "../../env";
import { checkInWindow } from "./window";
import type { EventTexts, Exhibitor, LocalizedText, Needs } from "../../../../db/schema";

/** Confirmed participants of an event, by name (the signature list, the no-shows). */
export async function expectedParticipants(env: Env, eventId: number): Promise<ExpectedPerson[]> {
  return (await expectedWithDetails(env, eventId)).map(({ registrationId, name, places }) => ({ registrationId, name, places }));
}

/** The same, with what a signature list notes under a name: children, a stand, needs. */
export async function expectedWithDetails(env: Env, eventId: number): Promise<(ExpectedPerson & { children: number; needs: Needs; exhibitor: Exhibitor | null })[]> {
  const { results } = await env.DB.prepare(
    `SELECT id AS registrationId, name, places, children, needs, exhibitor FROM registrations
     WHERE event_id = ?1 AND parent_id IS NULL AND status = 'confirmed' AND awaiting_email = 0 AND anonymised_at IS NULL`,
  )
    .bind(eventId)
    .all<ExpectedPerson & { children: number; needs: string; exhibitor: string | null }>();
  return results
    .map((r) => ({ ...r, needs: JSON.parse(r.needs) as Needs, exhibitor: r.exhibitor ? (JSON.parse(r.exhibitor) as Exhibitor) : null }))
    .sort((a, b) => a.name.localeCompare(b.name, "de"));
}

export async function attendanceReport(
  env: Env,
  eventId: number,
  now: number,
): Promise<AttendanceResponse> {
  const [event, sessions, attendance] = await env.DB.batch<Record<string, unknown>>([
    env.DB.prepare(
      `SELECT e.slug, e.texts, e.checkin_opens_minutes AS opensMinutes, o.time_zone AS timeZone FROM events e JOIN organisations o ON o.id = e.organisation_id WHERE e.id = ?1`,
    ).bind(eventId),
    env.DB.prepare(`SELECT id, starts_at AS startsAt, ends_at AS endsAt, title, cancelled_at AS cancelledAt FROM sessions WHERE event_id = ?1 ORDER BY starts_at`).bind(eventId),
    env.DB.prepare(
      `SELECT a.session_id AS sessionId, a.places AS checkedInPlaces, a.checked_in_at AS checkedInAt, a.recorded_afterwards AS afterwards,
              r.id AS registrationId, r.name, r.places, r.status
       FROM attendance a JOIN registrations r ON r.id = a.registration_id
       WHERE r.event_id = ?1 ORDER BY a.checked_in_at`,
    ).bind(eventId),
  ]);
  const expected = await expectedParticipants(env, eventId);
  const eventRow = event?.results[0] as { slug: string; texts: string; opensMinutes: number; timeZone: string };
  const texts = JSON.parse(eventRow.texts) as EventTexts;
  const rows = (attendance?.results ?? []) as {
    sessionId: number;
    checkedInPlaces: number;
    checkedInAt: number;
    afterwards: number;
    registrationId: number;
    name: string;
    places: number;
    status: string;
  }[];
  return {
    eventId,
    title: texts.de?.title ?? eventRow.slug,
    expected,
    sessions: ((sessions?.results ?? []) as { id: number; startsAt: number; endsAt: number; title: string | null; cancelledAt: number | null }[]).map((s) => {
      const came = rows.filter((a) => a.sessionId === s.id);
      const cameIds = new Set(came.map((a) => a.registrationId));
      const begun = s.startsAt <= now;
      const title = s.title ? (JSON.parse(s.title) as LocalizedText) : null;
      return {
        id: s.id,
        startsAt: new Date(s.startsAt).toISOString(),
        endsAt: new Date(s.endsAt).toISOString(),
        title: title?.de ?? null,
        cancelled: s.cancelledAt !== null,
        begun,
        closed: checkInWindow(s, eventRow.opensMinutes, eventRow.timeZone).closesAt <= now,
        expected: expected.length,
        attended: came.map((a) => ({
          registrationId: a.registrationId,
          name: a.name,
          places: a.places,
          checkedInPlaces: a.checkedInPlaces,
          checkedInAt: new Date(a.checkedInAt).toISOString(),
          stillConfirmed: a.status === "confirmed",
          afterwards: Boolean(a.afterwards),
        })),
        noShows: begun && s.cancelledAt === null ? expected.filter((p) => !cameIds.has(p.registrationId)) : [],
      };
    }),
  };
}
