/** What an event is reported under: its funding lines or tags, and its partners (the statistics' filter and the year's review). */
import type { EventReportingInput } from "../../console-types";
import type { Actor, DomainContext } from "../change";
import { tidyTags } from "../console/event-input";

/** Replaces an event's funding lines and partners, audited. */
export async function setEventReporting(ctx: DomainContext, actor: Actor, eventId: number, input: EventReportingInput): Promise<EventReportingInput> {
  const fundingLines = tidyTags(input.fundingLines);
  const partners = tidyTags(input.partners);
  const db = ctx.env.DB;
  await db.batch([
    db.prepare(`UPDATE events SET funding_lines = ?2, partners = ?3, updated_at = ?4 WHERE id = ?1`).bind(eventId, JSON.stringify(fundingLines), JSON.stringify(partners), ctx.now),
    db
      .prepare(`INSERT INTO audit_log (at, actor, action, event_id, details) VALUES (?1, ?2, 'event.reporting_changed', ?3, ?4)`)
      .bind(ctx.now, actor, eventId, JSON.stringify({ fundingLines, partners })),
  ]);
  return { fundingLines, partners };
}
