/**
 * The period a report covers: a year, a quarter of it, or a range of days (at most
 * MAX_YEARS long), as days of the calendar. Each organisation's days begin at midnight in its
 * own time zone (`organisations.time_zone`), so a report across organisations in different
 * zones still gives each of them its own calendar year.
 */
import * as z from "zod/mini";
import { ValidationError } from "../../lib/errors";
import { parseOrThrow } from "../../lib/validation";
import { pad, wallTime, zonedToUtc } from "../../lib/time-zone";

export const MAX_YEARS = 5;

const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/), z.describe("A day, yyyy-mm-dd"));
const id = z.string().check(z.regex(/^[1-9][0-9]{0,15}$/));

/** The query of every statistics route (each parameter once, as text). */
export const periodQuery = z.object({
  year: z.optional(z.string().check(z.regex(/^(19|20|21)\d{2}$/), z.describe("A calendar year (default: this year); with `quarter`, one quarter of it"))),
  quarter: z.optional(z.enum(["1", "2", "3", "4"]).check(z.describe("1–4, with `year`"))),
  from: z.optional(day.check(z.describe("First day of a custom range (yyyy-mm-dd), with `to`; instead of `year`"))),
  to: z.optional(day.check(z.describe("Last day of a custom range (yyyy-mm-dd), at most 5 years after `from`"))),
  organisationId: z.optional(id.check(z.describe("One organisation (default: every organisation the caller organises; administrators: all)"))),
  fundingLine: z.optional(z.string().check(z.minLength(1), z.maxLength(80), z.describe("Only events carrying this funding line or tag"))),
});
export type PeriodQuery = z.output<typeof periodQuery>;

/** A period as days: `from` and `to` inclusive, yyyy-mm-dd. */
export type Period = { from: string; to: string };

type Day = { year: number; month: number; day: number };

function readDay(text: string): Day | null {
  const [year, month, dayOfMonth] = text.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, dayOfMonth));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === dayOfMonth ? { year, month, day: dayOfMonth } : null;
}

const dayText = (d: Day) => `${d.year}-${pad(d.month)}-${pad(d.day)}`;

/** The day after `d`. */
function nextDay(d: Day): Day {
  const date = new Date(Date.UTC(d.year, d.month - 1, d.day + 1));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** Reads the period of a query: 422 naming the field for a day that does not exist, an end before the start, a range over MAX_YEARS. */
export function periodOf(query: unknown, now: number, zone: string): Period {
  const q = parseOrThrow(periodQuery, query);
  if (q.from !== undefined || q.to !== undefined) {
    if (q.from === undefined) throw new ValidationError({ from: { key: "field.required" } });
    if (q.to === undefined) throw new ValidationError({ to: { key: "field.required" } });
    const from = readDay(q.from);
    const to = readDay(q.to);
    if (!from) throw new ValidationError({ from: { key: "field.invalid_type" } });
    if (!to) throw new ValidationError({ to: { key: "field.invalid_type" } });
    if (q.to < q.from) throw new ValidationError({ to: { key: "field.period_end_before_start" } });
    // At most MAX_YEARS: the day after the end is no later than the start plus MAX_YEARS years.
    if (dayText(nextDay(to)) > dayText({ ...from, year: from.year + MAX_YEARS })) {
      throw new ValidationError({ to: { key: "field.period_too_long", params: { years: MAX_YEARS } } });
    }
    return { from: q.from, to: q.to };
  }
  if (q.quarter !== undefined && q.year === undefined) throw new ValidationError({ year: { key: "field.required" } });
  const year = q.year !== undefined ? Number(q.year) : wallTime(now, zone).year;
  if (q.quarter === undefined) return { from: `${year}-01-01`, to: `${year}-12-31` };
  const first = (Number(q.quarter) - 1) * 3 + 1;
  const last = new Date(Date.UTC(year, first + 2, 0)).getUTCDate();
  return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(first + 2)}-${pad(last)}` };
}

/** The instants [start, end) of a period in a time zone. */
export function periodBounds(period: Period, zone: string): { start: number; end: number } {
  const from = readDay(period.from)!;
  const after = nextDay(readDay(period.to)!);
  return {
    start: zonedToUtc({ ...from, hour: 0, minute: 0 }, zone),
    end: zonedToUtc({ ...after, hour: 0, minute: 0 }, zone),
  };
}
