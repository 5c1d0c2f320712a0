/** The console's Berlin wall-clock ↔ UTC conversion (frontend/src/console/time.ts), across DST changes. */
import { describe, expect, it } from "vitest";
import { berlinLocalToIso, berlinOffset, isoToBerlinLocal } from "../src/console/time";

describe("Berlin time in the console", () => {
  it.each([
    ["2026-01-15T10:00", "2026-01-15T09:00:00.000Z"], // winter, UTC+1
    ["2026-07-01T10:00", "2026-07-01T08:00:00.000Z"], // summer, UTC+2
    ["2026-03-29T01:59", "2026-03-29T00:59:00.000Z"], // just before the spring change
    ["2026-03-29T03:00", "2026-03-29T01:00:00.000Z"], // just after it
    ["2026-03-29T02:30", "2026-03-29T01:30:00.000Z"], // in the gap: read as 03:30 summer time
    ["2026-10-25T01:30", "2026-10-24T23:30:00.000Z"], // before the autumn change
    ["2026-10-25T02:30", "2026-10-25T00:30:00.000Z"], // twice that night: the first (summer time)
    ["2026-10-25T03:30", "2026-10-25T02:30:00.000Z"], // after it, winter time
    ["2026-12-31T23:30", "2026-12-31T22:30:00.000Z"], // across the year in UTC
    ["2027-01-01T00:30", "2026-12-31T23:30:00.000Z"],
  ])("%s in Berlin is %s", (local, iso) => {
    expect(berlinLocalToIso(local)).toBe(iso);
  });

  it.each([
    ["2026-01-15T09:00:00.000Z", "2026-01-15T10:00"],
    ["2026-07-01T08:00:00Z", "2026-07-01T10:00"],
    ["2026-10-25T00:30:00.000Z", "2026-10-25T02:30"],
    ["2026-10-25T01:30:00.000Z", "2026-10-25T02:30"],
    ["2026-03-29T01:00:00.000Z", "2026-03-29T03:00"],
    ["2026-12-31T23:30:00.000Z", "2027-01-01T00:30"],
  ])("%s shows as %s", (iso, local) => {
    expect(isoToBerlinLocal(iso)).toBe(local);
  });

  it("round-trips every half hour of a year with both changes", () => {
    const start = Date.UTC(2026, 0, 1);
    for (let ms = start; ms < Date.UTC(2027, 0, 1); ms += 30 * 60_000) {
      const local = isoToBerlinLocal(new Date(ms).toISOString());
      const back = berlinLocalToIso(local)!;
      // Only the repeated autumn hour is ambiguous; it reads back as its first occurrence.
      if (Date.parse(back) !== ms) expect(Date.parse(back)).toBe(ms - 3_600_000);
    }
  });

  it("offsets are one hour in winter and two in summer; bad input gives null or empty", () => {
    expect(berlinOffset(Date.UTC(2026, 0, 1))).toBe(3_600_000);
    expect(berlinOffset(Date.UTC(2026, 6, 1))).toBe(7_200_000);
    expect(berlinLocalToIso("")).toBeNull();
    expect(berlinLocalToIso("tomorrow")).toBeNull();
    expect(isoToBerlinLocal(null)).toBe("");
    expect(isoToBerlinLocal("not a date")).toBe("");
  });
});
