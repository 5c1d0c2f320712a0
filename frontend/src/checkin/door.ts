/**
 * The door's bookkeeping, apart from the page: a date's list with the check-ins still
 * waiting in the phone's queue laid over it (so the list shows at once who is in, online or
 * not), sending the queue (in chunks the API takes, the phone's ids making a repeat
 * harmless), and sorting what comes back into the list's new state and the conflicts the
 * helper must see.
 */
import type { CheckInResult, CheckInSyncResponse, DoorPerson } from "../../../workers/src/console-types";
import { api, ApiFailure, isOffline } from "../console/ui/api";
import { pad, wallTime } from "../../../workers/src/lib/time-zone";
import { store, type Conflict, type QueuedCheckIn } from "./store";
import { c, type CheckInKey } from "./strings";

const SYNC_CHUNK = 20;

/** "17:32" in the organisation's zone. */
export function clockTime(iso: string, zone: string): string {
  const w = wallTime(Date.parse(iso), zone);
  return `${pad(w.hour)}:${pad(w.minute)}`;
}

/** The list as the phone knows it: what the server said, and the queued check-ins on top. */
export function withQueue(people: DoorPerson[], queue: QueuedCheckIn[], eventId: number, sessionId: number, zone: string): DoorPerson[] {
  const waiting = new Map(queue.filter((q) => q.eventId === eventId && q.sessionId === sessionId && q.registrationId).map((q) => [q.registrationId!, q]));
  if (waiting.size === 0) return people;
  return people.map((person) => {
    const queued = waiting.get(person.registrationId);
    if (!queued || person.checkedInPlaces !== null) return person;
    return { ...person, checkedInPlaces: queued.places ?? person.places, checkedInAt: queued.recordedAt, checkedInTime: clockTime(queued.recordedAt, zone) };
  });
}

/** A QR code's registration id, read without the server (offline): `zc1.<id>.<signature>`. The signature is checked when it is sent. */
export function idInCode(code: string): number | null {
  const match = /^zc1\.(\d{1,15})\.[A-Za-z0-9_-]{10,}$/.exec(code.trim());
  return match ? Number(match[1]) : null;
}

const CONFLICT_OUTCOMES = new Set(["cancelled", "waitlisted", "not_confirmed", "undone_meanwhile", "wrong_event", "wrong_session", "invalid", "refused"]);

export function isConflict(result: CheckInResult): boolean {
  return CONFLICT_OUTCOMES.has(result.outcome);
}

/** What a conflict says, in the console's language. */
export function conflictMessage(result: CheckInResult): string {
  if (result.outcome === "refused") return result.message;
  return c(`conflict.${result.outcome}` as CheckInKey);
}

export type Answered = { result: CheckInResult; queued: QueuedCheckIn };
export type SyncOutcome = { answered: Answered[]; offline: boolean; signedOut: boolean };

/**
 * Sends the queue, oldest first, a chunk per request. What came back leaves the queue (a
 * conflict goes to the conflicts); what could not be sent stays. Returns every result.
 */
export async function sendQueue(): Promise<SyncOutcome> {
  const answered: Answered[] = [];
  for (;;) {
    const queue = store.queue();
    if (queue.length === 0) return { answered, offline: false, signedOut: false };
    const eventId = queue[0]!.eventId;
    const chunk = queue.filter((q) => q.eventId === eventId).slice(0, SYNC_CHUNK);
    let answer: CheckInSyncResponse;
    try {
      answer = await api.post<CheckInSyncResponse>(
        `/api/console/events/${eventId}/checkin/sync`,
        {
          checkIns: chunk.map(({ clientId, sessionId, registrationId, code, places, recordedAt }) => ({
            clientId,
            sessionId,
            recordedAt,
            ...(code ? { code } : { registrationId }),
            ...(places ? { places } : {}),
          })),
        },
        { redirectOn401: false },
      );
    } catch (error) {
      if (isOffline(error)) return { answered, offline: true, signedOut: false };
      if (error instanceof ApiFailure && error.status === 401) return { answered, offline: false, signedOut: true };
      // The event is gone for this phone (404, 403) or the queue is malformed (422): nothing will ever take these.
      const failed = chunk.map((q) => ({
        clientId: q.clientId,
        outcome: "refused" as const,
        code: error instanceof ApiFailure ? error.code : "error",
        message: error instanceof Error ? error.message : String(error),
      }));
      answer = { results: failed };
    }
    const byId = new Map(chunk.map((q) => [q.clientId, q]));
    for (const result of answer.results) if (byId.has(result.clientId)) answered.push({ result, queued: byId.get(result.clientId)! });
    const done = new Set(answer.results.map((r) => r.clientId));
    const conflicts: Conflict[] = answer.results.filter(isConflict).map((r) => {
      const queued = byId.get(r.clientId)!;
      return {
        clientId: r.clientId,
        eventId: queued.eventId,
        sessionId: queued.sessionId,
        name: "person" in r && r.person ? r.person.name : queued.name,
        outcome: r.outcome,
        message: conflictMessage(r),
        at: new Date().toISOString(),
      };
    });
    if (conflicts.length > 0) store.saveConflicts([...store.conflicts(), ...conflicts]);
    store.saveQueue(store.queue().filter((q) => !done.has(q.clientId)));
    if (done.size === 0) return { answered, offline: false, signedOut: false };
  }
}

/** Applies what came back to a date's list: the server's person for each check-in of that date. */
export function applyResults(people: DoorPerson[], answered: Answered[], eventId: number, sessionId: number): DoorPerson[] {
  const here = answered.filter((a) => a.queued.eventId === eventId && a.queued.sessionId === sessionId).map((a) => a.result);
  const fresh = new Map(here.flatMap((r) => ("person" in r && r.person ? [[r.person.registrationId, r.person] as const] : [])));
  if (fresh.size === 0) return people;
  const known = new Set(people.map((p) => p.registrationId));
  return [...people.map((p) => fresh.get(p.registrationId) ?? p), ...[...fresh.values()].filter((p) => !known.has(p.registrationId) && p.checkedInPlaces !== null)];
}
