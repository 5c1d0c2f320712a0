/**
 * Exact wall time ↔ UTC pairs at the daylight-saving edges of 2026 and 2027 in Europe/Berlin
 * (last Sundays of March and October: 29 Mar / 25 Oct 2026, 28 Mar / 31 Oct 2027), shared
 * by the Worker's test (workerd's Intl) and the console's (Node's Intl, as in the browser).
 */
import { describe, expect, it } from "vitest";
import { isoToLocalInput, localInputToIso } from "../src/lib/time-zone";

export const ZONE = "Europe/Berlin";

/** [wall time in Berlin, the instant it means]: no tolerance. */
export const WALL_TO_UTC: [string, string][] = [
  ["2026-01-15T10:00", "2026-01-15T09:00:00.000Z"], // winter, UTC+1
  ["2026-07-01T10:00", "2026-07-01T08:00:00.000Z"], // summer, UTC+2
  ["2026-03-29T01:59", "2026-03-29T00:59:00.000Z"], // the last minute before the spring change
  ["2026-03-29T02:00", "2026-03-29T01:00:00.000Z"], // 02:00 does not exist: read as 03:00 summer time
  ["2026-03-29T02:30", "2026-03-29T01:30:00.000Z"], // in the gap: read as 03:30 summer time
  ["2026-03-29T03:00", "2026-03-29T01:00:00.000Z"], // the first minute after it
  ["2026-10-25T01:59", "2026-10-24T23:59:00.000Z"], // summer time, the last hour before the repeat
  ["2026-10-25T02:00", "2026-10-25T00:00:00.000Z"], // twice that night: the first (summer time)
  ["2026-10-25T02:30", "2026-10-25T00:30:00.000Z"],
  ["2026-10-25T03:00", "2026-10-25T02:00:00.000Z"], // winter time again
  ["2027-03-28T02:30", "2027-03-28T01:30:00.000Z"],
  ["2027-03-28T07:00", "2027-03-28T05:00:00.000Z"],
  ["2027-10-31T02:30", "2027-10-31T00:30:00.000Z"],
  ["2027-10-31T07:00", "2027-10-31T06:00:00.000Z"],
  ["2026-12-31T23:30", "2026-12-31T22:30:00.000Z"], // across the year in UTC
  ["2027-01-01T00:30", "2026-12-31T23:30:00.000Z"],
];

/** [instant, what Berlin's clocks show]: both occurrences of the repeated hour read 02:xx. */
export const UTC_TO_WALL: [string, string][] = [
  ["2026-01-15T09:00:00.000Z", "2026-01-15T10:00"],
  ["2026-03-29T00:59:00.000Z", "2026-03-29T01:59"],
  ["2026-03-29T01:00:00.000Z", "2026-03-29T03:00"],
  ["2026-10-25T00:30:00.000Z", "2026-10-25T02:30"], // first 02:30 (summer time)
  ["2026-10-25T01:30:00.000Z", "2026-10-25T02:30"], // second 02:30 (winter time)
  ["2026-10-25T02:00:00.000Z", "2026-10-25T03:00"],
  ["2027-10-31T00:59:00.000Z", "2027-10-31T02:59"],
  ["2027-10-31T01:00:00.000Z", "2027-10-31T02:00"],
  ["2026-12-31T23:30:00.000Z", "2027-01-01T00:30"],
];

/** The instants of 2026 whose wall time is the second occurrence of the repeated autumn hour (UTC 01:00–01:59 on 25 October). */
export function inRepeatedHour(ms: number): boolean {
  return ms >= Date.parse("2026-10-25T01:00:00Z") && ms < Date.parse("2026-10-25T02:00:00Z");
}

/** The cases above as tests, in whichever runtime runs them. */
export function describeWallTimes(runtime: string): void {
  describe(`wall time in Europe/Berlin, in ${runtime}`, () => {
    it.each(WALL_TO_UTC)("%s is %s", (wall, iso) => {
      expect(localInputToIso(wall, ZONE)).toBe(iso);
    });

    it.each(UTC_TO_WALL)("%s shows as %s", (iso, wall) => {
      expect(isoToLocalInput(iso, ZONE)).toBe(wall);
    });

    it("round-trips every quarter hour of 2026 exactly, but for the repeated autumn hour, which reads back an hour earlier", () => {
      const wrong: string[] = [];
      for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 15 * 60_000) {
        const back = Date.parse(localInputToIso(isoToLocalInput(new Date(ms).toISOString(), ZONE), ZONE)!);
        if (back !== (inRepeatedHour(ms) ? ms - 3_600_000 : ms)) wrong.push(new Date(ms).toISOString());
      }
      expect(wrong).toEqual([]);
    });
  });
}
