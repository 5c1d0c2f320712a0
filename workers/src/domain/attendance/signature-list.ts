/**
 * The signature list of one date: who is expected (confirmed), as a printable PDF. The rows
 * and every line of the header are decided here; the documents Worker lays them out
 * (workers/documents/signature-list.ts, through the DOCUMENTS service binding).
 */
import type { EventLocation, EventTexts, LocalizedText } from "../../../../db/schema";
import type { Env } from "../../env";
import { NotFoundError } from "../../lib/errors";
import { berlinDay, dateText, sessionText, timeText } from "../documents/dates";
import { expectedParticipants } from "./report";

/** `timeColumns`: empty columns for the time of arrival and of leaving. */
export async function signatureListFor(
  env: Env,
  eventId: number,
  sessionId: number,
  now: number,
  options: { timeColumns?: boolean } = {},
): Promise<{ bytes: Uint8Array<ArrayBuffer>; filename: string }> {
  const row = await env.DB.prepare(
    `SELECT e.slug, e.texts, e.location, o.name AS organiser, s.starts_at AS startsAt, s.ends_at AS endsAt, s.title
     FROM sessions s JOIN events e ON e.id = s.event_id JOIN organisations o ON o.id = e.organisation_id
     WHERE s.id = ?1 AND s.event_id = ?2`,
  )
    .bind(sessionId, eventId)
    .first<{ slug: string; texts: string; location: string | null; organiser: string; startsAt: number; endsAt: number; title: string | null }>();
  if (!row) throw new NotFoundError();
  const texts = JSON.parse(row.texts) as EventTexts;
  const location = row.location ? (JSON.parse(row.location) as EventLocation | null) : null;
  const sessionTitle = row.title ? ((JSON.parse(row.title) as LocalizedText).de ?? null) : null;
  const participants = (await expectedParticipants(env, eventId)).map((p) => ({ name: p.name, places: p.places }));
  const eventTitle = texts.de?.title ?? row.slug;
  const place = location ? [location.name, location.address].filter(Boolean).join(", ") : null;
  const places = participants.reduce((sum, p) => sum + p.places, 0);
  const bytes = await env.DOCUMENTS.signatureList({
    info: { title: `Teilnahmeliste: ${eventTitle}, ${dateText(row.startsAt)}`, author: row.organiser, language: "de-DE", createdAt: now },
    heading: "Teilnahmeliste mit Unterschrift",
    eventTitle,
    facts: [
      ["Termin", `${sessionText(row.startsAt, row.endsAt)}${sessionTitle ? ` · ${sessionTitle}` : ""}`],
      ...(place ? ([["Ort", place]] as [string, string][]) : []),
      ["Veranstalter", row.organiser],
    ],
    participants,
    timeColumns: options.timeColumns === true,
    footer: `${participants.length} Anmeldungen, ${places} Personen · erstellt am ${dateText(now)}, ${timeText(now)} Uhr`,
  });
  return { bytes, filename: `teilnahmeliste-${row.slug.replace(/[^a-z0-9-]/g, "")}-${berlinDay(row.startsAt)}.pdf` };
}
