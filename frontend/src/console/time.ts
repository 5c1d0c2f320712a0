/**
 * Wall-clock time in Europe/Berlin ↔ instants in UTC, with Intl only (no library).
 *
 * `<input type="datetime-local">` holds a wall-clock time without a zone ("2026-03-29T02:30").
 * The console means Berlin time by it and sends ISO UTC to the API. Conversion is DST-safe:
 * the offset is looked up for the instant itself, twice (the first guess may fall on the
 * other side of a change). A time that does not exist (the spring gap, 02:00–02:59 on the
 * last Sunday of March) is read as the same wall-clock minutes after the clocks went
 * forward (02:30 → 03:30 CEST); an ambiguous time (02:00–02:59 on the last Sunday of
 * October, twice) is read as its first occurrence (summer time).
 */
export const ZONE = "Europe/Berlin";

let partsFormat: Intl.DateTimeFormat | null = null;

/** Berlin's wall-clock fields of an instant. */
function berlinFields(ms: number): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  partsFormat ??= new Intl.DateTimeFormat("en-US", {
    timeZone: ZONE,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });
  const get: Record<string, number> = {};
  for (const part of partsFormat.formatToParts(new Date(ms))) if (part.type !== "literal") get[part.type] = Number(part.value);
  return { year: get.year!, month: get.month!, day: get.day!, hour: get.hour! % 24, minute: get.minute!, second: get.second! };
}

/** Berlin's offset from UTC at an instant, in milliseconds (3 600 000 in winter, 7 200 000 in summer). */
export function berlinOffset(ms: number): number {
  const f = berlinFields(ms);
  const asUtc = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
  return asUtc - (ms - (((ms % 1000) + 1000) % 1000));
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** "2026-05-20T18:00" (Berlin) → "2026-05-20T16:00:00.000Z"; null for an empty or malformed value. */
export function berlinLocalToIso(value: string): string | null {
  const match = LOCAL.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, hh, mi, ss] = match;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(hh), Number(mi), Number(ss ?? 0));
  if (Number.isNaN(wall)) return null;
  // The offset before and after the guess; the earlier (larger) one wins for ambiguous times.
  const before = berlinOffset(wall - 3 * 3_600_000);
  const after = berlinOffset(wall + 3 * 3_600_000);
  const withBefore = wall - before;
  // Whichever offset is consistent with the instant it produces; before wins (first occurrence).
  // Neither is only in the spring gap: then withBefore, i.e. the clocks already moved forward.
  const instant = before === after || berlinOffset(withBefore) === before || berlinOffset(wall - after) !== after ? withBefore : wall - after;
  return new Date(instant).toISOString();
}

/** ISO instant → "2026-05-20T18:00" in Berlin time, for a datetime-local input ("" for null). */
export function isoToBerlinLocal(iso: string | null | undefined): string {
  if (!iso) return "";
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return "";
  const f = berlinFields(ms);
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  return `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}T${pad(f.hour)}:${pad(f.minute)}`;
}
