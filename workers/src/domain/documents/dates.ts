/** Dates and times as printed on documents and shown at the door: always Berlin time. */
import type { Locale } from "../../../../db/schema";

const TIME_ZONE = "Europe/Berlin";
const formats = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}:${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    // Latin digits everywhere (Arabic included): the same figures as on the German side.
    format = new Intl.DateTimeFormat(`${locale === "de" ? "de-DE" : locale}-u-nu-latn`, { timeZone: TIME_ZONE, ...options });
    formats.set(key, format);
  }
  return format;
}

/** "Di., 12.05.2026" */
export function dayText(ms: number, locale: Locale = "de"): string {
  return formatter(locale, { weekday: "short", day: "2-digit", month: "2-digit", year: "numeric" }).format(ms);
}

/** "12.05.2026" */
export function dateText(ms: number, locale: Locale = "de"): string {
  return formatter(locale, { day: "2-digit", month: "2-digit", year: "numeric" }).format(ms);
}

/** "17:30" */
export function timeText(ms: number): string {
  return formatter("de", { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(ms);
}

/** "Di., 12.05.2026, 17:00–19:30 Uhr" (German documents). */
export function sessionText(startsAt: number, endsAt: number): string {
  const sameDay = dateText(startsAt) === dateText(endsAt);
  return sameDay
    ? `${dayText(startsAt)}, ${timeText(startsAt)}–${timeText(endsAt)} Uhr`
    : `${dayText(startsAt)}, ${timeText(startsAt)} Uhr – ${dayText(endsAt)}, ${timeText(endsAt)} Uhr`;
}

/** The Berlin calendar day of an instant, "2026-05-12". */
export function berlinDay(ms: number): string {
  const parts = formatter("de", { year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(ms);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}
