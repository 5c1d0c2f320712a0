/**
 * Dates as they read inside a sentence, in every language: "bis Donnerstag, 3. Dezember 2026",
 * "until Thursday 3 December 2026", and in Russian and Ukrainian "до 3 декабря 2026 г.
 * (четверг)": a preposition there governs the case of what follows, and the weekday that
 * Intl puts first would stay in the nominative ("до четверг, 3 декабря" is wrong; the date
 * itself comes out in the genitive already). So the weekday goes after the date, in brackets,
 * as Russian and Ukrainian letters write it. Turkish puts it last anyway ("3 Aralık 2026
 * Perşembe"), Arabic and the others first.
 *
 * Intl only, shared by the emails and the pages (no Worker code): the 24-hour clock everywhere,
 * as on timetables in Germany, and Western digits in Arabic (vocabulary.ts INTL_LOCALES).
 */
import { INTL_LOCALES, type Locale } from "./vocabulary";

/** Languages whose weekday follows the date, in brackets, so that it reads after a preposition. */
const WEEKDAY_AFTER: readonly Locale[] = ["ru", "uk"];

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: Locale, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_LOCALES[locale], { timeZone, ...options });
    cache.set(key, format);
  }
  return format;
}

/** The day with its weekday, as it reads in running text (see above): "Donnerstag, 3. Dezember 2026", "3 декабря 2026 г. (четверг)". */
export function formatDay(instant: Date, locale: Locale, timeZone: string): string {
  if (WEEKDAY_AFTER.includes(locale)) {
    const date = formatter(locale, timeZone, { day: "numeric", month: "long", year: "numeric" }).format(instant);
    const weekday = formatter(locale, timeZone, { weekday: "long" }).format(instant);
    return `${date} (${weekday})`;
  }
  return formatter(locale, timeZone, { weekday: "long", day: "numeric", month: "long", year: "numeric" }).format(instant);
}

/** The time of day on the 24-hour clock: "18:00". */
export function formatTime(instant: Date, locale: Locale, timeZone: string): string {
  return formatter(locale, timeZone, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(instant);
}

/** The calendar day in the zone, as yyyy-mm-dd (to tell whether two instants fall on the same day). */
export function dayKey(instant: Date, timeZone: string): string {
  return formatter("en", timeZone, { year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
}
