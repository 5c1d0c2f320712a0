/**
 * The console's date inputs use the Worker's wall-time module (workers/src/lib/time-zone.ts);
 * here with Node's Intl, as the browser runs it: exact at the DST edges of 2026 and 2027.
 */
import { describe, expect, it } from "vitest";
import { isoToLocalInput, localInputToIso } from "../../workers/src/lib/time-zone";
import { inRepeatedHour, UTC_TO_WALL, WALL_TO_UTC, ZONE } from "../../workers/test/time-zone-cases";

describe("the console's Berlin time, in Node", () => {
  it.each(WALL_TO_UTC)("%s in Berlin is %s", (wall, iso) => {
    expect(localInputToIso(wall, ZONE)).toBe(iso);
  });

  it.each(UTC_TO_WALL)("%s shows as %s", (iso, wall) => {
    expect(isoToLocalInput(iso, ZONE)).toBe(wall);
  });

  it("round-trips every half hour of 2026 exactly, but for the repeated autumn hour", () => {
    const wrong: string[] = [];
    for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 30 * 60_000) {
      const back = Date.parse(localInputToIso(isoToLocalInput(new Date(ms).toISOString(), ZONE), ZONE)!);
      if (back !== (inRepeatedHour(ms) ? ms - 3_600_000 : ms)) wrong.push(new Date(ms).toISOString());
    }
    expect(wrong).toEqual([]);
  });
});
