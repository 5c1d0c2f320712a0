/**
 * Wall-clock time in Europe/Berlin, for reminders "at 07:00 on the day" and the evening
 * digest. Offsets come from Intl (the IANA data in workerd), so both DST changes are right.
 */
export const TIME_ZONE = "Europe/Berlin";

const parts = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

export type BerlinWallTime = { year: number; month: number; day: number; hour: number; minute: number; second: number };

/** The Berlin wall-clock reading of an instant. */
export function berlinWallTime(ms: number): BerlinWallTime {
  const out: Record<string, number> = {};
  for (const p of parts.formatToParts(new Date(ms))) if (p.type !== "literal") out[p.type] = Number(p.value);
  return { year: out.year!, month: out.month!, day: out.day!, hour: out.hour!, minute: out.minute!, second: out.second! };
}

/** Berlin's offset from UTC at an instant, in ms (+1 h in winter, +2 h in summer). */
function offsetAt(ms: number): number {
  const w = berlinWallTime(ms);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant at which Berlin's clocks show the given wall time. Only a wall time inside
 * the hour the clocks change (02:00–03:00 on the change days) is ambiguous or missing; it
 * resolves to one of the instants an hour apart. Reminder hours are whole hours of the day.
 */
export function berlinToUtc(year: number, month: number, day: number, hour = 0, minute = 0): number {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  const first = asUtc - offsetAt(asUtc);
  const second = asUtc - offsetAt(first);
  return Math.min(first, second);
}

/** yyyy-mm-dd of the Berlin day an instant falls on. */
export function berlinDate(ms: number): string {
  const w = berlinWallTime(ms);
  return `${w.year}-${String(w.month).padStart(2, "0")}-${String(w.day).padStart(2, "0")}`;
}

/** Start of the Berlin day an instant falls on. */
export function berlinMidnight(ms: number): number {
  const w = berlinWallTime(ms);
  return berlinToUtc(w.year, w.month, w.day, 0, 0);
}
