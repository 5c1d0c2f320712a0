/**
 * Wall-clock time in an IANA time zone ↔ instants (epoch ms), with Intl only: the zone's
 * rules come from the runtime's tz data (workerd, Node, the browser), so every daylight-saving
 * change is right without tables of our own. The organisation's zone is organisations.time_zone
 * (default Europe/Berlin): reminder hours, the digest's day and the console's date inputs are
 * wall times in it.
 *
 * A wall time that does not exist (the spring gap: 02:00–02:59 on the last Sunday of March
 * in Berlin) is read as the same minutes after the clocks went forward (02:30 → 03:30
 * summer time); one that exists twice (02:00–02:59 on the last Sunday of October) as its
 * first occurrence (summer time). That is Temporal's "compatible" disambiguation, and what
 * a person setting a clock by hand would get.
 *
 * Shared with the frontend (console date inputs): no imports.
 */
export const DEFAULT_TIME_ZONE = "Europe/Berlin";

export type WallTime = { year: number; month: number; day: number; hour: number; minute: number; second?: number };

const formats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(zone: string): Intl.DateTimeFormat {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formats.set(zone, format);
  }
  return format;
}

/** True for a zone name the runtime knows ("Europe/Berlin"; not "Mars/Olympus"). */
export function isTimeZone(zone: string): boolean {
  try {
    partsFormat(zone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's wall-clock reading of an instant. */
export function wallTime(ms: number, zone: string = DEFAULT_TIME_ZONE): Required<WallTime> {
  const get: Record<string, number> = {};
  for (const part of partsFormat(zone).formatToParts(new Date(ms))) if (part.type !== "literal") get[part.type] = Number(part.value);
  return { year: get.year!, month: get.month!, day: get.day!, hour: get.hour! % 24, minute: get.minute!, second: get.second! };
}

/** The zone's offset from UTC at an instant, in ms (Berlin: 3 600 000 in winter, 7 200 000 in summer). */
export function offsetAt(ms: number, zone: string = DEFAULT_TIME_ZONE): number {
  const w = wallTime(ms, zone);
  const wholeSeconds = ms - (((ms % 1000) + 1000) % 1000);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - wholeSeconds;
}

/** The instant at which the zone's clocks show a wall time (see the module comment for gaps and repeats). */
export function zonedToUtc(wall: WallTime, zone: string = DEFAULT_TIME_ZONE): number {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second ?? 0);
  // Offsets in force half a day either side: a change of offset between them is the only
  // way a wall time can be missing or doubled (zones change at most once a day).
  const before = offsetAt(asUtc - 12 * 3_600_000, zone);
  const after = offsetAt(asUtc + 12 * 3_600_000, zone);
  const valid = [...new Set([before, after])].map((offset) => asUtc - offset).filter((instant) => offsetAt(instant, zone) === asUtc - instant);
  if (valid.length > 0) return Math.min(...valid);
  return asUtc - before; // in the gap: the wall time read with the offset before the change
}

/** A clock or calendar number with leading zeros: two digits, or `width`. */
export const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** yyyy-mm-dd of the zone's day an instant falls on. */
export function dayOf(ms: number, zone: string = DEFAULT_TIME_ZONE): string {
  const w = wallTime(ms, zone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** The start (00:00) of the zone's day an instant falls on. */
export function startOfDay(ms: number, zone: string = DEFAULT_TIME_ZONE): number {
  const w = wallTime(ms, zone);
  return zonedToUtc({ year: w.year, month: w.month, day: w.day, hour: 0, minute: 0 }, zone);
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** `<input type="datetime-local">` value in the zone ("2026-05-20T18:00") → ISO UTC; null for an empty or malformed one. */
export function localInputToIso(value: string, zone: string = DEFAULT_TIME_ZONE): string | null {
  const match = LOCAL.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  return new Date(zonedToUtc({ year, month, day, hour, minute, second }, zone)).toISOString();
}

/** ISO instant → "2026-05-20T18:00" in the zone, for a datetime-local input ("" for null or a bad value). */
export function isoToLocalInput(iso: string | null | undefined, zone: string = DEFAULT_TIME_ZONE): string {
  if (!iso) return "";
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return "";
  const w = wallTime(ms, zone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}
