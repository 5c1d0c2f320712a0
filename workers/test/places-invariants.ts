/**
 * The invariants of places, checked from what D1 holds (not from the domain's own SQL), for
 * the model-based test and the race tests:
 * - no step takes places beyond a pool's capacity (a lowered capacity may leave more taken,
 *   but then nobody gains a place);
 * - nobody waiting who may be served fits the free places, and promotions follow the line
 *   (no one is promoted past someone eligible ahead of them who needs no more places);
 * - waitlist positions of each pool run 1..n;
 * - each pool's counters (places taken, length of the line) equal what its registrations hold;
 * - workshop choices end with their day registration;
 * - every state change of a day registration is audited, and each audited change that calls
 *   for an email queued exactly one (no email without a change).
 */
import { env } from "cloudflare:test";
import { ENDED_STATUSES, PLACE_TAKING_STATUSES, type RegistrationStatus } from "../../db/schema";

export type RegistrationState = {
  id: number;
  poolId: number;
  parentId: number | null;
  /** Workshop choices: 1 for the first choice, 2 for a second choice held while the first waits. */
  preference: number;
  status: RegistrationStatus;
  awaitingEmail: number;
  places: number;
  queueOrder: number;
  /** The position participants and organisers see (the domain's SQL). */
  position: number | null;
};

/** A pool, with the counters that the triggers keep (db/migrations/0006). */
export type PoolState = { capacity: number; kind: string; placesTaken: number; lineLength: number };

export type Snapshot = {
  registrations: Map<number, RegistrationState>;
  pools: Map<number, PoolState>;
  eventPublished: boolean;
  audit: { id: number; registrationId: number | null; changeId: string | null; action: string }[];
  outbox: { id: string; registrationId: number | null; changeId: string | null; template: string }[];
};

/** Audited changes that tell nobody: an unproven address, a reordering, workshop choices (their day registration is told, see below). */
const SILENT_ACTIONS = new Set(["registration.hold_expired", "registration.moved", "registration.workshop_chosen", "registration.cancelled_for_erasure"]);

const takesPlaces = (status: RegistrationStatus | undefined) => (PLACE_TAKING_STATUSES as readonly string[]).includes(status ?? "");
const ended = (status: RegistrationStatus) => (ENDED_STATUSES as readonly string[]).includes(status);

export async function snapshot(eventId: number): Promise<Snapshot> {
  const db = env.DB;
  const [registrations, pools, event, audit, outbox] = await db.batch([
    db
      .prepare(
        `SELECT r.id, r.pool_id AS poolId, r.parent_id AS parentId, r.preference, r.status, r.awaiting_email AS awaitingEmail, r.places,
                r.queue_order AS queueOrder,
                CASE WHEN r.status = 'waitlisted' AND r.awaiting_email = 0 THEN
                  (SELECT COUNT(*) FROM registrations a WHERE a.pool_id = r.pool_id AND a.status = 'waitlisted'
                     AND a.awaiting_email = 0 AND a.queue_order < r.queue_order) + 1 END AS position
         FROM registrations r WHERE r.event_id = ?1`,
      )
      .bind(eventId),
    db.prepare(`SELECT id, capacity, kind, places_taken AS placesTaken, line_length AS lineLength FROM capacity_pools WHERE event_id = ?1`).bind(eventId),
    db.prepare(`SELECT status FROM events WHERE id = ?1`).bind(eventId),
    db
      .prepare(`SELECT id, registration_id AS registrationId, change_id AS changeId, action FROM audit_log WHERE event_id = ?1 ORDER BY id`)
      .bind(eventId),
    db
      .prepare(
        `SELECT o.id, o.registration_id AS registrationId, o.change_id AS changeId, o.template FROM outbox o
         JOIN registrations r ON r.id = o.registration_id WHERE r.event_id = ?1`,
      )
      .bind(eventId),
  ]);
  return {
    registrations: new Map(((registrations!.results ?? []) as RegistrationState[]).map((r) => [r.id, r])),
    pools: new Map(((pools!.results ?? []) as ({ id: number } & PoolState)[]).map((p) => [p.id, p])),
    eventPublished: (event!.results[0] as { status: string }).status === "published",
    audit: (audit!.results ?? []) as Snapshot["audit"],
    outbox: (outbox!.results ?? []) as Snapshot["outbox"],
  };
}

/** The pool's free places (negative when a capacity was lowered below the places taken). */
export function freePlaces(state: Snapshot, poolId: number): number {
  const taken = [...state.registrations.values()].filter((r) => r.poolId === poolId && takesPlaces(r.status)).reduce((sum, r) => sum + r.places, 0);
  return state.pools.get(poolId)!.capacity - taken;
}

/** May `r` be served now: a confirmed address, and a workshop choice only while its day registration holds its place. */
function eligible(r: RegistrationState, all: Map<number, RegistrationState>): boolean {
  if (r.status !== "waitlisted" || r.awaitingEmail) return false;
  if (r.parentId === null) return true;
  const parent = all.get(r.parentId);
  return parent?.status === "held" || parent?.status === "confirmed";
}

/**
 * What is wrong after a step from `before` to `after` (empty: nothing). `outOfOrder` names
 * registrations an organiser served out of order on purpose (confirm or offer now). For many
 * steps at once (`concurrent`), capacity is checked by replayCapacity instead: a lowered
 * capacity may follow promotions within the same span.
 */
export function placesProblems(before: Snapshot, after: Snapshot, options: { outOfOrder?: number[]; concurrent?: boolean } = {}): string[] {
  const problems: string[] = [];
  const regs = [...after.registrations.values()];
  for (const [poolId, pool] of after.pools) {
    const inPool = regs.filter((r) => r.poolId === poolId);
    const free = freePlaces(after, poolId);
    const taken = pool.capacity - free;
    const gained = inPool.reduce((sum, r) => {
      const was = before.registrations.get(r.id);
      const had = was && takesPlaces(was.status) ? was.places : 0;
      return sum + Math.max(0, (takesPlaces(r.status) ? r.places : 0) - had);
    }, 0);
    if (!options.concurrent && gained > 0 && taken > pool.capacity) problems.push(`pool ${poolId}: ${taken} places taken of ${pool.capacity} after ${gained} were taken`);
    const inLine = inPool.filter((r) => r.status === "waitlisted" && !r.awaitingEmail).length;
    if (pool.placesTaken !== taken || pool.lineLength !== inLine)
      problems.push(`pool ${poolId}: counters say ${pool.placesTaken} places taken and ${pool.lineLength} in line, the registrations ${taken} and ${inLine}`);

    const waiting = inPool.filter((r) => eligible(r, after.registrations)).sort((a, b) => a.queueOrder - b.queueOrder);
    if (after.eventPublished) {
      const fits = waiting.find((w) => w.places <= free);
      if (fits) problems.push(`pool ${poolId}: registration ${fits.id} (${fits.places} places) waits while ${free} are free`);
      for (const promoted of inPool) {
        const was = before.registrations.get(promoted.id);
        if (was?.status !== "waitlisted" || !takesPlaces(promoted.status) || options.outOfOrder?.includes(promoted.id)) continue;
        const passed = waiting.find((w) => w.queueOrder < promoted.queueOrder && w.places <= promoted.places);
        if (passed) problems.push(`pool ${poolId}: ${promoted.id} was promoted past ${passed.id}, ahead of it in line`);
      }
    }

    const positions = inPool
      .filter((r) => r.status === "waitlisted" && !r.awaitingEmail)
      .map((r) => r.position)
      .sort((a, b) => (a ?? 0) - (b ?? 0));
    if (positions.some((p, i) => p !== i + 1)) problems.push(`pool ${poolId}: waitlist positions ${JSON.stringify(positions)}`);
  }

  for (const r of regs) {
    if (r.parentId === null || ended(r.status)) continue;
    const parent = after.registrations.get(r.parentId);
    if (!parent || ended(parent.status)) problems.push(`workshop choice ${r.id} is ${r.status} under a ${parent?.status ?? "missing"} day registration`);
  }

  // Emails: per day registration and change, exactly one for an audited change that calls for one.
  const lastAudit = before.audit.at(-1)?.id ?? 0;
  const newAudit = after.audit.filter((a) => a.id > lastAudit && a.registrationId !== null);
  const knownOutbox = new Set(before.outbox.map((o) => o.id));
  const newOutbox = after.outbox.filter((o) => !knownOutbox.has(o.id));
  for (const r of regs) {
    const was = before.registrations.get(r.id);
    const audited = newAudit.filter((a) => a.registrationId === r.id);
    const mails = newOutbox.filter((o) => o.registrationId === r.id);
    if (r.parentId !== null) {
      if (mails.length > 0) problems.push(`workshop choice ${r.id} got its own email (${mails.map((m) => m.template)})`);
      continue;
    }
    const changed = !was || was.status !== r.status || was.awaitingEmail !== r.awaitingEmail || was.places !== r.places;
    if (changed && audited.length === 0) problems.push(`registration ${r.id} changed (${was?.status ?? "new"} → ${r.status}) without an audit row`);
    for (const changeId of new Set(audited.map((a) => a.changeId))) {
      const actions = audited.filter((a) => a.changeId === changeId).map((a) => a.action);
      const expected = actions.every((action) => SILENT_ACTIONS.has(action)) ? 0 : 1;
      const sent = mails.filter((m) => m.changeId === changeId);
      if (sent.length !== expected) {
        problems.push(`registration ${r.id}: ${actions.join(", ")} queued ${sent.length} emails (${sent.map((m) => m.template)}), expected ${expected}`);
      }
    }
    // A change of its workshop choices is told to the day registration: one email per such change at most.
    const childChanges = new Set(newAudit.filter((a) => after.registrations.get(a.registrationId!)?.parentId === r.id).map((a) => a.changeId));
    for (const changeId of childChanges) {
      const sent = mails.filter((m) => m.changeId === changeId);
      if (sent.length > 1) problems.push(`registration ${r.id}: a change of its workshops queued ${sent.length} emails`);
    }
    const unexplained = mails.filter((m) => !audited.some((a) => a.changeId === m.changeId) && !childChanges.has(m.changeId));
    if (unexplained.length > 0) problems.push(`registration ${r.id}: emails without a change: ${unexplained.map((m) => m.template)}`);
  }
  return problems;
}

/**
 * Replays the audit log of the event in the order D1 wrote it (each change's audit rows are
 * in its batch, so their ids follow the order of the changes) and reports every moment a
 * registration took places beyond its pool's capacity at that moment. For events without
 * workshop choices (whose changes are not all audited on their own).
 */
export async function replayCapacity(eventId: number, initialCapacity: Map<number, number>): Promise<string[]> {
  const { results } = await env.DB.prepare(
    `SELECT a.id, a.action, a.registration_id AS registrationId, a.details, r.pool_id AS poolId
     FROM audit_log a LEFT JOIN registrations r ON r.id = a.registration_id WHERE a.event_id = ?1 ORDER BY a.id`,
  )
    .bind(eventId)
    .all<{ id: number; action: string; registrationId: number | null; details: string; poolId: number | null }>();
  const capacity = new Map(initialCapacity);
  const taken = new Map<number, number>();
  const holding = new Map<number, number>();
  const problems: string[] = [];
  for (const row of results) {
    const details = JSON.parse(row.details) as { status?: RegistrationStatus; places?: number; poolId?: number; capacity?: number };
    if (row.action === "pool.capacity_changed") {
      capacity.set(details.poolId!, details.capacity!);
      continue;
    }
    if (row.registrationId === null || row.poolId === null) continue;
    const now = takesPlaces(details.status) ? details.places! : 0;
    const before = holding.get(row.registrationId) ?? 0;
    holding.set(row.registrationId, now);
    const total = (taken.get(row.poolId) ?? 0) + now - before;
    taken.set(row.poolId, total);
    if (now > before && total > (capacity.get(row.poolId) ?? 0)) {
      problems.push(`audit ${row.id} (${row.action}, registration ${row.registrationId}): ${total} places taken of ${capacity.get(row.poolId)}`);
    }
  }
  return problems;
}
