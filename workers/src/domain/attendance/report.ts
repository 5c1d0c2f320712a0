/**
 * Attendance per date for the console: who came (and with how many places), and who was
 * expected but did not come (no-shows, once the date has begun). Expected are the confirmed
 * registrations; the signature list prints the same people.
 */
import type { AttendanceResponse, ExpectedPerson, SessionAttendance } from "../../console-types";
import type { Env } from "../../env";
import type { EventTexts, LocalizedText } from "../../../../db/schema";

/** Confirmed participants of an event, by name (the signature list, the no-shows). */
export async function expectedParticipants(env: Env, eventId: number): Promise<ExpectedPerson[]> {
  const { results } = await env.DB.prepare(
    `SELECT id AS registrationId, name, places FROM registrations
     WHERE event_id = ?1 AND parent_id IS NULL AND status = 'confirmed' AND awaiting_email = 0 AND anonymised_at IS NULL`,
  )
    .bind(eventId)
    .all<ExpectedPerson>();
  return results.sort((a, b) => a.name.localeCompare(b.name, "de"));
}

export async function attendanceReport(
  env: Env,
  eventId: number,
  now: number,
): Promise<AttendanceResponse> {
  const [event, sessions, attendance] = await env.DB.batch<Record<string, unknown>>([
    env.DB.prepare(`SELECT slug, texts FROM events WHERE id = ?1`).bind(eventId),
    env.DB.prepare(`SELECT id, starts_at AS startsAt, ends_at AS endsAt, title, cancelled_at AS cancelledAt FROM sessions WHERE event_id = ?1 ORDER BY starts_at`).bind(eventId),
    env.DB.prepare(
      `SELECT a.session_id AS sessionId, a.places AS checkedInPlaces, a.checked_in_at AS checkedInAt,
              r.id AS registrationId, r.name, r.places, r.status
       FROM attendance a JOIN registrations r ON r.id = a.registration_id
       WHERE r.event_id = ?1 ORDER BY a.checked_in_at`,
    ).bind(eventId),
  ]);
  const expected = await expectedParticipants(env, eventId);
  const eventRow = event?.results[0] as { slug: string; texts: string };
  const texts = JSON.parse(eventRow.texts) as EventTexts;
  const rows = (attendance?.results ?? []) as { sessionId: number; checkedInPlaces: number; checkedInAt: number; registrationId: number; name: string; places: number; status: string }[];
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
        expected: expected.length,
        attended: came.map((a) => ({
          registrationId: a.registrationId,
          name: a.name,
          places: a.places,
          checkedInPlaces: a.checkedInPlaces,
          checkedInAt: new Date(a.checkedInAt).toISOString(),
          stillConfirmed: a.status === "confirmed",
        })),
        noShows: begun && s.cancelledAt === null ? expected.filter((p) => !cameIds.has(p.registrationId)) : [],
      };
    }),
  };
}
