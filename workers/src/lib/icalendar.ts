/**
 * The one iCalendar (RFC 5545) writer: the calendar file attached to confirmation emails
 * (emails/ics.ts), an event's public calendar file and the programme feeds
 * (domain/reach/calendar-feed.ts) all come out of `buildCalendar`.
 *
 * CRLF line endings, TEXT values escaped (\ ; , and newlines), content lines folded at 75
 * octets without splitting a UTF-8 character. Times are UTC ("Z") or, for an entry with a
 * time zone, the zone's wall-clock time with `TZID` and a VTIMEZONE written from the runtime's
 * own tz data (Intl): every offset change in the years the entries span, each as its own
 * observance (no RRULE), so any zone is right without tables of our own. Importers that
 * take the written wall time as it stands (integreat-cms does) then show the time people
 * read on the poster.
 */
import { pad } from "./time-zone";
import { zoneOffsets, type ZoneOffsets } from "./zone-offsets";

export type CalendarEntry = {
  /** Stable across edits: calendars and importers recognise the entry by it. */
  uid: string;
  startsAt: number;
  endsAt: number;
  summary: string;
  description?: string | null;
  location?: string | null;
  url?: string | null;
  categories?: readonly string[];
  cancelled?: boolean;
  /** A programme entry that should not mark the subscriber as busy. */
  transparent?: boolean;
  /** When the entry last changed (DTSTAMP and LAST-MODIFIED); the calendar's `now` without it. */
  lastModified?: number | null;
  /** IANA zone to write the times in (with a VTIMEZONE); UTC without one. */
  timeZone?: string | null;
};

export type CalendarOptions = {
  /** The calendar's name in subscribing apps (X-WR-CALNAME, NAME). */
  name?: string;
  /** How often subscribers should fetch it again. */
  refreshMinutes?: number;
  /** DTSTAMP of entries without `lastModified`; defaults to now. */
  now?: number;
};


/** Escapes a TEXT value (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/** 2027-03-15T09:00:00Z → 20270315T090000Z */
export function formatUtc(iso: string | number | Date): string {
  const date = iso instanceof Date ? iso : new Date(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Invalid date: ${String(iso)}`);
  return `${dateTimeDigits(date)}Z`;
}

/** The UTC fields of a date as DATE-TIME digits, 20270315T090000 (by hand: a feed writes hundreds). */
function dateTimeDigits(date: Date): string {
  const year = date.getUTCFullYear();
  return `${year < 1000 ? String(year).padStart(4, "0") : year}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}`;
}

/** The zone's wall-clock time of an instant as a local DATE-TIME: 20270315T100000. */
export function formatLocal(ms: number, offsets: ZoneOffsets): string {
  return dateTimeDigits(offsets.wall(ms));
}

/** Folds one content line so that no physical line exceeds 75 octets (RFC 5545 §3.1). */
export function foldLine(line: string): string {
  // ASCII is one octet a character; only other lines are measured character by character.
  if (line.length <= 75 && (line.length <= 18 || /^[\x00-\x7f]*$/.test(line))) return line;
  const parts: string[] = [];
  let start = 0;
  let octets = 0;
  let limit = 75; // the first line may use 75 octets; continuation lines start with a space
  for (let i = 0; i < line.length; ) {
    const point = line.codePointAt(i)!;
    const width = point > 0xffff ? 2 : 1;
    // UTF-8 length from the code point, without encoding (a lone surrogate becomes U+FFFD, 3 octets).
    const size = point < 0x80 ? 1 : point < 0x800 ? 2 : point < 0x10000 ? 3 : 4;
    if (octets + size > limit) {
      parts.push(line.slice(start, i));
      start = i;
      octets = 0;
      limit = 74;
    }
    octets += size;
    i += width;
  }
  parts.push(line.slice(start));
  return parts.join("\r\n ");
}

const uidPart = (value: string) => value.replace(/[^A-Za-z0-9._-]/g, "-");

/**
 * The UID of an event's date: `<slug>-<session id>@<host>`, the same in the confirmation
 * email, the event's calendar file and the feeds (a slug never changes once an event exists),
 * so a calendar that holds the date from one of them recognises it in the others.
 */
export function sessionUid(slug: string, sessionId: string | number, domain: string): string {
  return `${uidPart(slug)}-${uidPart(String(sessionId))}@${uidPart(domain)}`;
}

/** A URI value: no escaping, but never a line break. */
const uri = (value: string) => value.replace(/[\r\n]/g, "");

/** +0100, -0330 (seconds only where a zone has them). */
function utcOffset(ms: number): string {
  const sign = ms < 0 ? "-" : "+";
  const total = Math.abs(Math.round(ms / 1000));
  const seconds = total % 60;
  return `${sign}${pad(Math.floor(total / 3600))}${pad(Math.floor(total / 60) % 60)}${seconds ? pad(seconds) : ""}`;
}

const vtimezones = new Map<string, string[]>();

/**
 * A VTIMEZONE covering the years `fromYear` to `toYear`: the offset in force at the start,
 * then one observance per change (DTSTART in the wall time before it, as RFC 5545 asks).
 */
export function vtimezone(zone: string, fromYear: number, toYear: number): string[] {
  const key = `${zone} ${fromYear} ${toYear}`;
  const cached = vtimezones.get(key);
  if (cached) return cached;
  const { start, initial, changes } = zoneOffsets(zone, fromYear, toYear);
  const observance = (kind: "STANDARD" | "DAYLIGHT", localStart: string, from: number, to: number) => [
    `BEGIN:${kind}`,
    `DTSTART:${localStart}`,
    `TZOFFSETFROM:${utcOffset(from)}`,
    `TZOFFSETTO:${utcOffset(to)}`,
    `END:${kind}`,
  ];
  const local = (ms: number, offset: number) => dateTimeDigits(new Date(ms + offset));
  const lines = [
    "BEGIN:VTIMEZONE",
    `TZID:${zone}`,
    ...observance(changes[0] && changes[0].to < initial ? "DAYLIGHT" : "STANDARD", local(start, initial), initial, initial),
    ...changes.flatMap((change) => observance(change.to > change.from ? "DAYLIGHT" : "STANDARD", local(change.at, change.from), change.from, change.to)),
    "END:VTIMEZONE",
  ];
  vtimezones.set(key, lines);
  return lines;
}

/**
 * A date-time property: the zone's wall time, or UTC without a zone, and UTC too for an
 * instant in the hour that happens twice when clocks go back (02:30 on the last Sunday of
 * October in Berlin): RFC 5545 reads such a wall time as its first occurrence, and not every
 * reader does (ical.js takes the second), while UTC means one instant to all of them.
 */
function when(name: "DTSTART" | "DTEND", ms: number, offsets: ZoneOffsets | null): string {
  return offsets && !offsets.repeated(ms) ? `${name};TZID=${offsets.zone}:${formatLocal(ms, offsets)}` : `${name}:${formatUtc(ms)}`;
}

/** Builds the calendar text (CRLF line endings, trailing CRLF). METHOD:PUBLISH: a copy to keep, not an invitation. */
export function buildCalendar(entries: readonly CalendarEntry[], options: CalendarOptions = {}): string {
  const now = options.now ?? Date.now();
  const lines: string[] = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//zusammen//Event registration//DE", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
  if (options.name) lines.push(`X-WR-CALNAME:${escapeText(options.name)}`, `NAME:${escapeText(options.name)}`);
  if (options.refreshMinutes) lines.push(`REFRESH-INTERVAL;VALUE=DURATION:PT${options.refreshMinutes}M`, `X-PUBLISHED-TTL:PT${options.refreshMinutes}M`);

  // One VTIMEZONE per zone used, over the years its entries span.
  const years = new Map<string, { from: number; to: number }>();
  for (const entry of entries) {
    if (!entry.timeZone) continue;
    const from = new Date(entry.startsAt).getUTCFullYear();
    const to = new Date(entry.endsAt).getUTCFullYear();
    const known = years.get(entry.timeZone);
    years.set(entry.timeZone, { from: Math.min(from, known?.from ?? from), to: Math.max(to, known?.to ?? to) });
  }
  const tables = new Map<string, ZoneOffsets>();
  for (const [zone, span] of years) {
    lines.push(...vtimezone(zone, span.from, span.to));
    tables.set(zone, zoneOffsets(zone, span.from, span.to));
  }
  const offsets = (zone: string | null | undefined) => (zone ? tables.get(zone)! : null);

  for (const entry of entries) {
    const stamp = formatUtc(entry.lastModified ?? now);
    lines.push("BEGIN:VEVENT", `UID:${entry.uid}`, `DTSTAMP:${stamp}`, when("DTSTART", entry.startsAt, offsets(entry.timeZone)), when("DTEND", entry.endsAt, offsets(entry.timeZone)), `SUMMARY:${escapeText(entry.summary)}`);
    if (entry.location) lines.push(`LOCATION:${escapeText(entry.location)}`);
    if (entry.description) lines.push(`DESCRIPTION:${escapeText(entry.description)}`);
    if (entry.url) lines.push(`URL:${uri(entry.url)}`);
    if (entry.categories?.length) lines.push(`CATEGORIES:${entry.categories.map(escapeText).join(",")}`);
    if (entry.lastModified) lines.push(`LAST-MODIFIED:${stamp}`);
    lines.push(`STATUS:${entry.cancelled ? "CANCELLED" : "CONFIRMED"}`, `TRANSP:${entry.transparent ? "TRANSPARENT" : "OPAQUE"}`, "END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
