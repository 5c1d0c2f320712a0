/**
 * A zone's offset changes over a span of years, found once with Intl (lib/time-zone.ts) and
 * then read by arithmetic. A feed writes hundreds of wall times; each through Intl
 * (formatToParts) costs tens of microseconds, together more than the free plan's 10 ms of
 * CPU. The changes are sampled a week apart (zones change at most a few times a year) and
 * each is found by bisection to the minute; the table is kept for the isolate's life.
 */
import { offsetAt } from "./time-zone";

const DAY = 86_400_000;

export type OffsetChange = { at: number; from: number; to: number };
export type ZoneOffsets = {
  zone: string;
  /** The first instant covered (1 January of the first year, UTC) and the offset then. */
  start: number;
  initial: number;
  changes: OffsetChange[];
  /** The offset at an instant (outside the years covered: asked of Intl). */
  offsetAt(ms: number): number;
  /** The zone's wall-clock reading of an instant, as the UTC fields of a Date. */
  wall(ms: number): Date;
  /** Whether the instant's wall time happens twice (the hour repeated when clocks go back). */
  repeated(ms: number): boolean;
};

function changesBetween(zone: string, from: number, to: number): OffsetChange[] {
  const found: OffsetChange[] = [];
  const WEEK = 7 * DAY;
  let t = from;
  let offset = offsetAt(t, zone);
  while (t < to) {
    const next = Math.min(t + WEEK, to);
    if (offsetAt(next, zone) === offset) {
      t = next;
      continue;
    }
    let lo = t;
    let hi = next;
    while (hi - lo > 60_000) {
      const mid = lo + Math.max(1, Math.floor((hi - lo) / 120_000)) * 60_000;
      if (offsetAt(mid, zone) === offset) lo = mid;
      else hi = mid;
    }
    const after = offsetAt(hi, zone);
    found.push({ at: hi, from: offset, to: after });
    offset = after;
    t = hi;
  }
  return found;
}

const tables = new Map<string, ZoneOffsets>();

/** The offsets of `zone` from 1 January `fromYear` to the end of `toYear` (UTC). */
export function zoneOffsets(zone: string, fromYear: number, toYear: number): ZoneOffsets {
  const key = `${zone} ${fromYear} ${toYear}`;
  const known = tables.get(key);
  if (known) return known;
  const start = Date.UTC(fromYear, 0, 1);
  const end = Date.UTC(toYear + 1, 0, 1);
  const changes = changesBetween(zone, start, end);
  const initial = offsetAt(start, zone);
  const at = (ms: number) => {
    if (ms < start || ms >= end) return offsetAt(ms, zone);
    let offset = initial;
    for (const change of changes) {
      if (change.at > ms) break;
      offset = change.to;
    }
    return offset;
  };
  const repeated = (ms: number) => {
    const local = ms + at(ms);
    // Clocks going back from `from` to `to` at `at` show the wall times [at + to, at + from) twice.
    return changes.some((change) => change.to < change.from && local >= change.at + change.to && local < change.at + change.from);
  };
  const table: ZoneOffsets = { zone, start, initial, changes, offsetAt: at, wall: (ms) => new Date(ms + at(ms)), repeated };
  tables.set(key, table);
  return table;
}

/** The offsets over the years an instant range spans. */
export function offsetsFor(zone: string, from: number, to: number): ZoneOffsets {
  return zoneOffsets(zone, new Date(from).getUTCFullYear(), new Date(to).getUTCFullYear());
}
