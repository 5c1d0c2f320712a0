/**
 * Dates and times as the console shows them: in the console's language (German or British
 * English format) and in the organisation's time zone (`ConsoleEvent.timeZone`), whatever
 * zone the browser is in. "–" for nothing.
 */
import { DEFAULT_TIME_ZONE } from "../../../../workers/src/lib/time-zone";
import { consoleLocale } from "../strings";

const formats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(zone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const locale = consoleLocale() === "en" ? "en-GB" : "de-DE";
  const key = `${locale}|${zone}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone: zone, ...options });
    formats.set(key, format);
  }
  return format;
}

const parse = (iso: string | null | undefined): number | null => {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
};

export type TimeStyle = "datetime" | "date" | "time" | "weekday";

const STYLES: Record<TimeStyle, Intl.DateTimeFormatOptions> = {
  /** 20.05.2026, 18:00 */
  datetime: { dateStyle: "medium", timeStyle: "short" },
  /** 20.05.2026 */
  date: { dateStyle: "medium" },
  /** 18:00 */
  time: { hour: "2-digit", minute: "2-digit" },
  /** Mi., 20.05., 18:00 */
  weekday: { weekday: "short", day: "2-digit", month: "2-digit", hour: "2-digit", minute: "2-digit" },
};

export function formatTime(iso: string | null | undefined, style: TimeStyle = "datetime", zone: string = DEFAULT_TIME_ZONE): string {
  const ms = parse(iso);
  return ms === null ? "–" : dateFormat(zone, STYLES[style]).format(ms);
}

/** "20.05.2026, 18:00–20:00" (the end's date too when it is another day). */
export function formatSpan(start: string, end: string, zone: string = DEFAULT_TIME_ZONE): string {
  const sameDay = formatTime(start, "date", zone) === formatTime(end, "date", zone);
  return `${formatTime(start, "datetime", zone)}–${formatTime(end, sameDay ? "time" : "datetime", zone)}`;
}

/** A <time> element with the machine-readable instant. */
export function Time({ iso, style = "datetime", zone }: { iso: string | null | undefined; style?: TimeStyle; zone?: string }) {
  return iso ? <time dateTime={iso}>{formatTime(iso, style, zone)}</time> : <span>–</span>;
}
