/**
 * A participant's attendance record for the funder's file ("Teilnahmenachweis"): each date
 * of the event the registration attended, with its time and hours, and the total hours,
 * on one page the organiser signs. Unlike a certificate it needs no rule and is not kept:
 * it is read from the attendance as it stands, in German (the funder's language). Only
 * dates that took place and have ended count, as for certificates (./rules.ts).
 */
import type { EventLocation, EventTexts } from "../../../../db/schema";
import type { AttendanceRecordContent } from "../../../documents/contract";
import type { Env } from "../../env";
import { ConflictError } from "../../lib/errors";
import { dateText, dayText, timeText } from "../documents/dates";
import { attendedDates, type SessionSpan } from "./rules";

type RecordRow = { name: string; anonymisedAt: number | null; slug: string; texts: string; location: string | null; organiser: string };

const hoursText = (minutes: number) => (minutes / 60).toLocaleString("de-DE", { maximumFractionDigits: 2 });
const minutesOf = (s: SessionSpan) => Math.max(0, Math.round((s.endsAt - s.startsAt) / 60_000));

export async function attendanceRecordContent(env: Env, eventId: number, registrationId: number, now: number): Promise<AttendanceRecordContent> {
  const [registration, sessions, attendance] = await env.DB.batch<Record<string, unknown>>([
    env.DB.prepare(
      `SELECT r.name, r.anonymised_at AS anonymisedAt, e.slug, e.texts, e.location, o.name AS organiser
       FROM registrations r JOIN events e ON e.id = r.event_id JOIN organisations o ON o.id = e.organisation_id
       WHERE r.id = ?1 AND r.event_id = ?2`,
    ).bind(registrationId, eventId),
    env.DB.prepare(`SELECT id, starts_at AS startsAt, ends_at AS endsAt, cancelled_at AS cancelledAt FROM sessions WHERE event_id = ?1 ORDER BY starts_at`).bind(eventId),
    env.DB.prepare(`SELECT session_id AS sessionId FROM attendance WHERE registration_id = ?1`).bind(registrationId),
  ]);
  const row = registration?.results[0] as RecordRow | undefined;
  // Anonymised: there is no name left to attest for (the statistics keep the numbers).
  if (!row || row.anonymisedAt !== null) throw new ConflictError("registration_gone", "error.invalid_state");
  const attendedIds = new Set(((attendance?.results ?? []) as { sessionId: number }[]).map((a) => a.sessionId));
  const attended = attendedDates((sessions?.results ?? []) as SessionSpan[], attendedIds, now);
  const title = (JSON.parse(row.texts) as EventTexts).de?.title ?? row.slug;
  const location = row.location ? (JSON.parse(row.location) as EventLocation) : null;
  const place = location ? [location.name, location.address].filter(Boolean).join(", ") : "";
  const total = attended.reduce((sum, s) => sum + minutesOf(s), 0);
  return {
    info: { title: `Teilnahmenachweis – ${row.name}`, subject: title, author: row.organiser, language: "de-DE", createdAt: now },
    organiser: row.organiser,
    heading: "Teilnahmenachweis",
    facts: [["Teilnehmende Person", row.name], ["Veranstaltung", title], ...(place ? ([["Ort", place]] as [string, string][]) : []), ["Veranstalter", row.organiser]],
    columns: ["Datum", "Uhrzeit", "Stunden"],
    rows: attended.map((s) => [dayText(s.startsAt), `${timeText(s.startsAt)}–${timeText(s.endsAt)} Uhr`, hoursText(minutesOf(s))]),
    empty: "Bisher keine Anwesenheit an einem stattgefundenen Termin erfasst.",
    total: ["Stunden insgesamt", hoursText(total)],
    issued: `Ausgestellt am ${dateText(now)}`,
    signatureLabel: "Unterschrift und Stempel des Veranstalters",
    footer: `Erstellt am ${dateText(now)}, ${timeText(now)} Uhr, mit zusammen · Anwesenheit nach der Einlasskontrolle`,
    pageNumber: "Seite {page} von {pages}",
  };
}

/** The record as PDF bytes and a file name. */
export async function attendanceRecordPdf(env: Env, eventId: number, registrationId: number, now: number): Promise<{ bytes: Uint8Array<ArrayBuffer>; filename: string }> {
  const bytes = await env.DOCUMENTS.attendanceRecord(await attendanceRecordContent(env, eventId, registrationId, now));
  return { bytes, filename: `teilnahmenachweis-${registrationId}.pdf` };
}
