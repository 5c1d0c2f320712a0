/**
 * Filters over the public programme, one set for the event list, the embeddable list and
 * the feeds: audience, organisation, format, language spoken at the event, a date range,
 * "places still free" and a search over the titles. Each is a query parameter (so a filtered
 * list is a link to share); a malformed value is a 422 naming the parameter, an unknown but
 * well-formed one (an audience nobody uses) simply matches nothing.
 */
import * as z from "zod/mini";
import { EVENT_FORMATS, type EventFormat } from "../../../../db/schema";
import { zonedToUtc } from "../../lib/time-zone";
import { presentEvent } from "../events/public";
import type { ProgrammeEvent } from "./programme";

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date "2027-05-31" that exists. */
function isDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const date = (description: string) => z.string().check(z.refine(isDate, { params: { key: "field.date" } }), z.describe(description));
const code = (pattern: RegExp, description: string) => z.string().check(z.regex(pattern), z.describe(description));

export const programmeFilterSchema = z
  .object({
    audience: z.optional(code(/^[a-z0-9_-]{1,64}$/, "Audience code: teachers, parents, professionals, volunteers, migrant_organisations, young_people, public")),
    organisation: z.optional(code(/^[a-z0-9][a-z0-9-]{0,80}$/, "Organisation slug, e.g. ki-duesseldorf")),
    format: z.optional(z.enum(EVENT_FORMATS).check(z.describe("Kind of event"))),
    language: z.optional(code(/^[a-z]{2,3}$/, "A language spoken at the event (ISO 639 code, e.g. ar)")),
    from: z.optional(date("Events with a date on or after this day (yyyy-mm-dd, the organisation's time zone)")),
    to: z.optional(date("Events with a date on or before this day (yyyy-mm-dd)")),
    free: z.optional(z.enum(["1", "true", "0", "false"]).check(z.describe("1: only events one can still join (places free, or free entry)"))),
    q: z.optional(z.string().check(z.maxLength(100), z.describe("Words that every matching title contains (any language, case and accents ignored)"))),
  })
  .check(z.refine((f) => !f.from || !f.to || f.from <= f.to, { path: ["to"], params: { key: "field.date_order" } }));

export type ProgrammeFilter = z.output<typeof programmeFilterSchema>;

/** Lower case without accents, so "fur" finds "für" and "GESUNDHEIT" finds "Gesundheit". */
function searchable(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLocaleLowerCase("de");
}

function dayStart(day: string, zone: string, offsetDays = 0): number {
  const [year, month, d] = day.split("-").map(Number) as [number, number, number];
  return zonedToUtc({ year, month, day: d + offsetDays, hour: 0, minute: 0 }, zone);
}

/** Whether one can still join: registration open with places free, or free entry. */
function canStillJoin(event: ProgrammeEvent, now: number): boolean {
  const summary = presentEvent(event, "de", now);
  if (summary.status === "cancelled") return false;
  if (summary.registration.mode === "none") return true;
  return summary.registration.open && (summary.registration.placesLeft ?? 0) > 0;
}

/** Whether an event of the programme passes every filter given. */
export function matchesFilter(event: ProgrammeEvent, filter: ProgrammeFilter, now: number): boolean {
  const e = event.event;
  if (filter.audience && !e.audience.includes(filter.audience)) return false;
  if (filter.organisation && event.organisation.slug !== filter.organisation) return false;
  if (filter.format && e.format !== filter.format) return false;
  if (filter.language && !e.languages.includes(filter.language)) return false;
  if (filter.from || filter.to) {
    const zone = event.organisation.timeZone;
    const from = filter.from ? dayStart(filter.from, zone) : -Infinity;
    const to = filter.to ? dayStart(filter.to, zone, 1) : Infinity;
    if (!event.sessions.some((s) => s.cancelledAt === null && s.startsAt < to && s.endsAt > from)) return false;
  }
  if ((filter.free === "1" || filter.free === "true") && !canStillJoin(event, now)) return false;
  if (filter.q?.trim()) {
    const titles = searchable(Object.values(e.texts).map((texts) => texts?.title ?? "").join("\n"));
    if (!searchable(filter.q).split(/\s+/).filter(Boolean).every((word) => titles.includes(word))) return false;
  }
  return true;
}

/** The values the programme offers for each filter (the list shows only choices that find something). */
export function facetsOf(programme: readonly ProgrammeEvent[]): { audiences: string[]; formats: EventFormat[]; languages: string[] } {
  const collect = (pick: (event: ProgrammeEvent) => readonly string[]) => [...new Set(programme.flatMap(pick))].sort();
  return {
    audiences: collect((p) => p.event.audience),
    formats: EVENT_FORMATS.filter((format) => programme.some((p) => p.event.format === format)),
    languages: collect((p) => p.event.languages),
  };
}
