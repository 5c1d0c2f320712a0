/**
 * What the door's phone keeps for a poor connection (localStorage, this browser only): the
 * events it may check people in for, each date's list of confirmed people as last loaded,
 * the check-ins recorded while offline (each with the phone's own id, so sending one twice
 * is harmless), and what came back from them that the helper must look at (a registration
 * cancelled meanwhile, a check-in undone on another phone).
 *
 * Names are personal data: a date's list is kept only until the day after its check-in
 * window closed, and every entry is removed when its date is long past.
 */
import type { CheckInRequest, DoorEvent, DoorListResponse } from "../../../workers/src/console-types";

const PREFIX = "zusammen.door.v1.";
const KEEP_AFTER_CLOSE_MS = 24 * 3_600_000;

/** A check-in waiting to be sent (or being sent). `name` is for showing it while it waits. */
export type QueuedCheckIn = Required<Pick<CheckInRequest, "clientId" | "sessionId" | "recordedAt">> &
  Pick<CheckInRequest, "registrationId" | "code" | "places"> & { eventId: number; name: string };

/** A check-in that came back with a conflict: shown until the helper dismisses it. */
export type Conflict = { clientId: string; eventId: number; sessionId: number; name: string; outcome: string; message: string; at: string };

function read<T>(key: string, fallback: T): T {
  try {
    const text = localStorage.getItem(PREFIX + key);
    return text === null ? fallback : (JSON.parse(text) as T);
  } catch {
    return fallback;
  }
}

function write(key: string, value: unknown): void {
  try {
    localStorage.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // Storage full or blocked: the page still works online.
  }
}

export const store = {
  events: () => read<DoorEvent[] | null>("events", null),
  saveEvents: (events: DoorEvent[]) => write("events", events),

  list: (eventId: number, sessionId: number) => read<DoorListResponse | null>(`list.${eventId}.${sessionId}`, null),
  saveList: (list: DoorListResponse) => write(`list.${list.eventId}.${list.sessionId}`, list),

  queue: () => read<QueuedCheckIn[]>("queue", []),
  saveQueue: (queue: QueuedCheckIn[]) => write("queue", queue),

  conflicts: () => read<Conflict[]>("conflicts", []),
  saveConflicts: (conflicts: Conflict[]) => write("conflicts", conflicts),
};

/** Lists of dates whose check-in closed more than a day ago go (the queue stays until it is sent). */
export function forgetPastLists(events: DoorEvent[], now = Date.now()): void {
  const closesAt = new Map<string, number>(events.flatMap((e) => e.sessions.map((s) => [`list.${e.id}.${s.id}`, Date.parse(s.checkinClosesAt)] as const)));
  try {
    for (let i = localStorage.length - 1; i >= 0; i--) {
      const key = localStorage.key(i);
      if (!key?.startsWith(`${PREFIX}list.`)) continue;
      const closes = closesAt.get(key.slice(PREFIX.length));
      if (closes === undefined || closes + KEEP_AFTER_CLOSE_MS < now) localStorage.removeItem(key);
    }
  } catch {
    // Storage blocked: nothing kept either.
  }
}

/** A random id for a check-in (crypto.randomUUID where there is one; not on plain http over a LAN address). */
export function newClientId(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
