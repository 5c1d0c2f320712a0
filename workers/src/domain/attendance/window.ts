/**
 * When attendance may be recorded for a date: from `checkin_opens_minutes` (an event setting,
 * default 60) before it starts to the end of the day it ends on, in the organisation's time
 * zone. Before that nobody may check anyone in (a date months ahead is refused with a clear
 * error); after it, only organisers may, and their entry is marked as recorded afterwards.
 */
import { ConflictError } from "../../lib/errors";
import { pad, startOfDay, wallTime } from "../../lib/time-zone";

export type CheckInWindow = { opensAt: number; closesAt: number };

/** The window of a date: its start minus the opening minutes, to the next midnight after its end. */
export function checkInWindow(session: { startsAt: number; endsAt: number }, opensMinutes: number, zone: string): CheckInWindow {
  const dayStart = startOfDay(session.endsAt, zone);
  // The next day's midnight, found from noon of the day after (daylight saving moves midnight by an hour, never a day).
  const closesAt = startOfDay(dayStart + 36 * 3_600_000, zone);
  return { opensAt: session.startsAt - opensMinutes * 60_000, closesAt };
}

/** "12.05.2026" and "17:30" in the zone, for the refusal's message. */
function wallText(ms: number, zone: string): { date: string; time: string } {
  const w = wallTime(ms, zone);
  return { date: `${pad(w.day)}.${pad(w.month)}.${w.year}`, time: `${pad(w.hour)}:${pad(w.minute)}` };
}

/**
 * Whether attendance recorded at `at` is allowed, and whether it is recorded afterwards.
 * Throws 409 `checkin_not_open` before the window, `checkin_closed` after it for anyone but
 * organisers.
 */
export function windowVerdict(at: number, window: CheckInWindow, zone: string, organiser: boolean): { afterwards: boolean } {
  if (at < window.opensAt) throw new ConflictError("checkin_not_open", "error.checkin_not_open", wallText(window.opensAt, zone));
  if (at < window.closesAt) return { afterwards: false };
  if (organiser) return { afterwards: true };
  throw new ConflictError("checkin_closed", "error.checkin_closed");
}
