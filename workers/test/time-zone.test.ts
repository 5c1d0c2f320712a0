/** The one wall-time module (workers/src/lib/time-zone.ts) inside workerd: exact at every DST edge. */
import { describe, expect, it } from "vitest";
import { dayOf, isoToLocalInput, isTimeZone, localInputToIso, offsetAt, startOfDay, zonedToUtc } from "../src/lib/time-zone";
import { describeWallTimes, ZONE } from "./time-zone-cases";

describeWallTimes("workerd");

describe("days and other zones, in workerd", () => {
  it("days start at the zone's midnight, also on the change days (23 and 25 hours long)", () => {
    expect(new Date(startOfDay(Date.parse("2026-03-29T12:00:00Z"), ZONE)).toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(new Date(startOfDay(Date.parse("2026-03-30T12:00:00Z"), ZONE)).toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(new Date(startOfDay(Date.parse("2026-10-25T12:00:00Z"), ZONE)).toISOString()).toBe("2026-10-24T22:00:00.000Z");
    expect(new Date(startOfDay(Date.parse("2026-10-26T12:00:00Z"), ZONE)).toISOString()).toBe("2026-10-25T23:00:00.000Z");
    expect(dayOf(Date.parse("2026-10-24T22:30:00Z"), ZONE)).toBe("2026-10-25");
    expect(dayOf(Date.parse("2026-10-24T21:30:00Z"), ZONE)).toBe("2026-10-24");
  });

  it("other zones and bad input", () => {
    expect(offsetAt(Date.UTC(2026, 6, 1), "Europe/Istanbul")).toBe(3 * 3_600_000);
    expect(new Date(zonedToUtc({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, "America/New_York")).toISOString()).toBe("2026-03-08T07:30:00.000Z"); // in New York's gap
    expect(new Date(zonedToUtc({ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, "America/New_York")).toISOString()).toBe("2026-11-01T05:30:00.000Z"); // first 01:30 (EDT)
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(localInputToIso("", ZONE)).toBeNull();
    expect(localInputToIso("tomorrow", ZONE)).toBeNull();
    expect(localInputToIso("2026-13-01T10:00", ZONE)).toBeNull();
    expect(isoToLocalInput(null, ZONE)).toBe("");
    expect(isoToLocalInput("not a date", ZONE)).toBe("");
  });
});
