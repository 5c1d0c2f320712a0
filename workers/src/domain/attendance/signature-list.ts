/**
 * The signature list of one date: who is expected (confirmed), as a printable PDF. The rows
 * and every line of the header are decided here; the documents Worker lays them out
 * (workers/documents/signature-list.ts, through the DOCUMENTS service binding).
 */
import type { EventLocation, EventTexts, LocalizedText } from "../../../../db/schema";
import type { SignatureListContent } from "../../../documents/contract";
import type { Env } from "../../env";
import { NotFoundError } from "../../lib/errors";
import { berlinDay, dateText, sessionText, timeText } from "../documents/dates";
import { signatureNote } from "../console/exports";
import { expectedWithDetails } from "./report";
import type { StoredEvent, StoredOrganisation, StoredSession } from "../../../../db/rows";

type SessionRow = Pick<StoredEvent, "slug" | "texts" | "location"> & Pick<StoredSession, "startsAt" | "endsAt" | "title"> & { organiser: StoredOrganisation["name"] };
type ListOptions = { timeColumns?: boolean };

const SESSION_SQL = `SELECT e.slug, e.texts, e.location, o.name AS organiser, s.starts_at AS startsAt, s.ends_at AS endsAt, s.title
  FROM sessions s JOIN events e ON e.id = s.event_id JOIN organisations o ON o.id = e.organisation_id`;

/** The list of one date. `timeColumns`: empty columns for the time of arrival and of leaving. */
export async function signatureListFor(env: Env, eventId: number, sessionId: number, now: number, options: ListOptions = {}): Promise<{ bytes: Uint8Array<ArrayBuffer>; filename: string }> {
  const row = await env.DB.prepare(`${SESSION_SQL} WHERE s.id = ?1 AND s.event_id = ?2`).bind(sessionId, eventId).first<SessionRow>();
  if (!row) throw new NotFoundError();
  const participants = await listed(env, eventId);
  const bytes = await env.DOCUMENTS.signatureList(listContent(row, participants, now, options));
  return { bytes, filename: `teilnahmeliste-${row.slug.replace(/[^a-z0-9-]/g, "")}-${berlinDay(row.startsAt)}.pdf` };
}

/**
 * The lists of every coming date of an event in one PDF, one after the other (a series for the
 * funder's file): dates already past or cancelled get none, so nothing is filled in afterwards.
 * No coming date: 404.
 */
export async function seriesSignatureListsFor(env: Env, eventId: number, now: number, options: ListOptions = {}): Promise<{ bytes: Uint8Array<ArrayBuffer>; filename: string }> {
  const { results } = await env.DB.prepare(`${SESSION_SQL} WHERE s.event_id = ?1 AND s.cancelled_at IS NULL AND s.ends_at > ?2 ORDER BY s.starts_at`)
    .bind(eventId, now)
    .all<SessionRow>();
  if (results.length === 0) throw new NotFoundError();
  const participants = await listed(env, eventId);
  const bytes = await env.DOCUMENTS.signatureLists(results.map((row) => listContent(row, participants, now, options)));
  return { bytes, filename: `teilnahmelisten-${results[0]!.slug.replace(/[^a-z0-9-]/g, "")}-ab-${berlinDay(results[0]!.startsAt)}.pdf` };
}

type Listed = SignatureListContent["participants"];

/** The rows: each expected person with small print for what matters at the door (children, stand, needs). */
const listed = async (env: Env, eventId: number): Promise<Listed> =>
  (await expectedWithDetails(env, eventId)).map((p) => {
    const note = signatureNote(p);
    return { name: p.name, places: p.places, ...(note ? { note } : {}) };
  });

function listContent(row: SessionRow, participants: Listed, now: number, options: ListOptions): SignatureListContent {
  const texts = JSON.parse(row.texts) as EventTexts;
  const location = row.location ? (JSON.parse(row.location) as EventLocation | null) : null;
  const sessionTitle = row.title ? ((JSON.parse(row.title) as LocalizedText).de ?? null) : null;
  const eventTitle = texts.de?.title ?? row.slug;
  const place = location ? [location.name, location.address].filter(Boolean).join(", ") : null;
  const places = participants.reduce((sum, p) => sum + p.places, 0);
  return {
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
    footer: `${participants.length} ${participants.length === 1 ? "Anmeldung" : "Anmeldungen"}, ${places} ${places === 1 ? "Person" : "Personen"} · erstellt am ${dateText(now)}, ${timeText(now)} Uhr`,
  };
}
