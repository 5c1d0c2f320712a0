/**
 * A statistics report read in the console's English: the report (./figures.ts) carries each
 * event's German title, the one funders and the council are given; an organiser who reads the
 * console, the spreadsheet or the review in English gets the title the organisers wrote or
 * reviewed in English. A machine's translation is not handed on unread, so an event without
 * one keeps its German title.
 */
import type { StatisticsReport } from "../../console-types";
import type { Env } from "../../env";
import type { EventTexts } from "../../../../db/schema";
import { eventText, translationsByEvent, translationsStatement } from "../events/public";
import type { StoredTranslation } from "../events/texts";
import type { ReviewLocale } from "./review-words";

export async function titledIn(env: Env, report: StatisticsReport, locale: ReviewLocale): Promise<StatisticsReport> {
  if (locale === "de" || report.events.length === 0) return report;
  const ids = JSON.stringify(report.events.map((e) => e.id));
  const [events, stored] = await env.DB.batch([
    env.DB.prepare(`SELECT id, texts FROM events WHERE id IN (SELECT value FROM json_each(?1))`).bind(ids),
    translationsStatement(env.DB, ids, locale),
  ]);
  const rows = (stored?.results ?? []) as (StoredTranslation & { eventId: number })[];
  const reviewed = translationsByEvent(rows.filter((t) => t.status === "reviewed"));
  const titles = new Map<number, string>();
  for (const row of (events?.results ?? []) as { id: number; texts: string }[]) {
    const shown = eventText({ texts: JSON.parse(row.texts) as EventTexts }, "title", locale, reviewed.get(row.id));
    if (shown.text && !shown.fallback) titles.set(row.id, shown.text);
  }
  return { ...report, events: report.events.map((e) => ({ ...e, title: titles.get(e.id) ?? e.title })) };
}
