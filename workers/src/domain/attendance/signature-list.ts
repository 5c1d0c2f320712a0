/** The signature list of one date: who is expected (confirmed), as a printable PDF (../documents/signature-list.ts). */
import type { EventLocation, EventTexts, LocalizedText } from "../../../../db/schema";
import type { Env } from "../../env";
import { NotFoundError } from "../../lib/errors";
import { berlinDay } from "../documents/dates";
import { renderSignatureList } from "../documents/signature-list";
import { expectedParticipants } from "./report";

export async function signatureListFor(env: Env, eventId: number, sessionId: number, now: number): Promise<{ bytes: Uint8Array<ArrayBuffer>; filename: string }> {
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
  const participants = await expectedParticipants(env, eventId);
  const bytes = await renderSignatureList(env, {
    eventTitle: texts.de?.title ?? row.slug,
    sessionTitle,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    location: location ? [location.name, location.address].filter(Boolean).join(", ") : null,
    organiser: row.organiser,
    participants: participants.map((p) => ({ name: p.name, places: p.places })),
    now,
  });
  return { bytes, filename: `teilnahmeliste-${row.slug.replace(/[^a-z0-9-]/g, "")}-${berlinDay(row.startsAt)}.pdf` };
}
