/**
 * Dates as the programme shows them outside the platform (feeds, short-link previews,
 * posters): in the event's language and its organisation's time zone, with Western digits
 * and the 24-hour clock, as the participant pages show them (frontend/src/event-info.ts).
 */
import { INTL_LOCALES, type Locale } from "../../i18n/vocabulary";
import { offsetAt, pad, wallTime } from "../../lib/time-zone";

const formats = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, zone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${zone} ${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_LOCALES[locale], { timeZone: zone, hourCycle: "h23", ...options });
    formats.set(key, format);
  }
  return format;
}

/** "Montag, 15. März 2027, 10:00–12:00" (a range over days reads "… 10:00 – Dienstag, …"). */
export function whenText(startsAt: number, endsAt: number, locale: Locale, zone: string): string {
  const format = formatter(locale, zone, { weekday: "long", day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit" });
  try {
    return format.formatRange(startsAt, endsAt);
  } catch {
    return `${format.format(startsAt)} – ${format.format(endsAt)}`;
  }
}

/** "17. November 2027" */
export function dayText(ms: number, locale: Locale, zone: string): string {
  return formatter(locale, zone, { day: "numeric", month: "long", year: "numeric" }).format(ms);
}

/** ISO 8601 with the zone's offset, "2027-03-15T10:00:00+01:00" (schema.org dates). */
export function isoWithOffset(ms: number, zone: string): string {
  const w = wallTime(ms, zone);
  const offset = Math.round(offsetAt(ms, zone) / 60_000);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
