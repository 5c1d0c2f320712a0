/**
 * Where a waitlisted person is promoted. Places free up through a cancellation, an edit to
 * fewer places, a capacity increase, an expired hold or offer, a workshop switch; then the
 * waitlist of that pool is served in order. Callers do not ask for it: every change of
 * places runs through commitPlaceChange (./commit.ts), whose batch ends with the question
 * "in which of the pools I touched does someone waiting fit now?", and serves those.
 *
 * Rule when the first in line needs more places than are free (a household of 4 with 2
 * free): it keeps its place at the head of the line and the next registration that fits
 * is served ("first fit in order"). Free places are never left empty while someone who
 * fits waits, and the larger household is still served first as soon as enough places are
 * free, because every pass starts again from the head of the line. Organisers can confirm
 * someone out of order from the console.
 *
 * Each promotion is one guarded UPDATE: it picks the first waitlisted registration that
 * fits the places free at that instant, so concurrent passes can never overbook a pool or
 * promote one registration twice.
 */
import { Change, type DomainContext } from "../change";
import { placesTakenSql } from "./capacity";
import { ELIGIBLE_WAITING_SQL } from "./waitlist";

type DuePool = { poolId: number; workshop: number };

/** SQL: which pools among `candidatesSql` (a SELECT of pool ids) have someone waiting who may be served now. */
function duePoolsSql(candidatesSql: string): string {
  return `SELECT w.pool_id AS poolId, MAX(p.kind = 'workshop') AS workshop FROM registrations w
      JOIN capacity_pools p ON p.id = w.pool_id
      JOIN events e ON e.id = w.event_id
    WHERE w.pool_id IN (${candidatesSql}) AND ${ELIGIBLE_WAITING_SQL} AND e.status = 'published'
      AND w.places <= p.capacity - ${placesTakenSql("w.pool_id")}
    GROUP BY w.pool_id`;
}

/**
 * The last statement of a change's batch: the pools it touched where someone waiting fits
 * now. Touched are the pools of the registrations it stamped, of their workshop choices and
 * of those choices' siblings (a day registration's place decides its workshops'; a first
 * choice that comes through gives up the second), and `pools` (e.g. a pool whose size changed).
 */
export function duePoolsStatement(change: Change, pools: number[] = []): D1PreparedStatement {
  return change.env.DB.prepare(
    duePoolsSql(`SELECT s.pool_id FROM registrations s WHERE s.change_id = ?1
      UNION SELECT c.pool_id FROM registrations s JOIN registrations c ON c.parent_id IN (s.id, s.parent_id) WHERE s.change_id = ?1
      UNION SELECT value FROM json_each(?2)`),
  ).bind(change.id, JSON.stringify(pools));
}

function promoteNextStatement(change: Change, poolId: number): D1PreparedStatement {
  return change.env.DB.prepare(
    // Workshop choices are confirmed at once; day registrations follow the event's waitlist mode.
    `UPDATE registrations SET
       status = CASE WHEN parent_id IS NULL AND (SELECT e.waitlist_mode FROM events e WHERE e.id = registrations.event_id) = 'offer'
                  THEN 'offered' ELSE 'confirmed' END,
       offer_expires_at = (SELECT CASE WHEN registrations.parent_id IS NULL AND e.waitlist_mode = 'offer' THEN ?3 + e.offer_hours * 3600000 END
                           FROM events e WHERE e.id = registrations.event_id),
       change_id = ?1, updated_at = ?3
     WHERE status = 'waitlisted' AND id = (
       SELECT w.id FROM registrations w
         JOIN capacity_pools p ON p.id = w.pool_id
         JOIN events e ON e.id = w.event_id
       WHERE w.pool_id = ?2 AND ${ELIGIBLE_WAITING_SQL} AND e.status = 'published'
         AND w.places <= p.capacity - ${placesTakenSql("?2")}
       ORDER BY w.queue_order LIMIT 1)
     RETURNING id, parent_id AS parentId`,
  ).bind(change.id, poolId, change.now);
}

/**
 * What a promotion inside a workshop emails the day registration (`workshops_changed`): the
 * workshop now confirmed and the place held meanwhile that was given up for it.
 */
const WORKSHOP_PROMOTED_DATA = `json_object('workshopChange', json_object('kind', 'promoted',
  'workshop', (SELECT p.key FROM registrations c JOIN capacity_pools p ON p.id = c.pool_id WHERE c.parent_id = d.id AND c.change_id = ?1 AND c.preference = 1 LIMIT 1),
  'previous', (SELECT p.key FROM registrations c JOIN capacity_pools p ON p.id = c.pool_id WHERE c.parent_id = d.id AND c.change_id = ?1 AND c.preference = 2 LIMIT 1)))`;

/**
 * Serves the due pools (rows of a duePools statement) until nobody waiting fits the free
 * places, one promotion per batch, each with its "promoted" (confirm mode) or "offer" email.
 * Returns how many were promoted.
 */
export async function serveDuePools(ctx: DomainContext, due: D1Result | undefined): Promise<number> {
  const queue = new Map<number, boolean>();
  const enqueue = (rows: D1Result | undefined, except?: number) => {
    for (const row of (rows?.results ?? []) as DuePool[]) if (row.poolId !== except) queue.set(row.poolId, Boolean(row.workshop));
  };
  enqueue(due);
  let promoted = 0;
  // Day registrations promoted in this run: their "promoted" email names their workshops as
  // they are when it is sent, so a workshop place coming through with them needs no email of its own.
  const promotedDays: number[] = [];
  const db = ctx.env.DB;
  while (queue.size > 0) {
    // Day pools first: a day registration that gets its place makes its workshop choices
    // eligible before those workshops go to people further back in their lines.
    const poolId = [...queue].find(([, workshop]) => !workshop)?.[0] ?? queue.keys().next().value!;
    queue.delete(poolId);
    const change = new Change(ctx, "system");
    const [update, , outbox, workshopOutbox, , next] = await db.batch([
      promoteNextStatement(change, poolId),
      // A first-choice workshop that came through gives up the second choice held meanwhile
      // (stamped: its pool's waitlist is served next, and the email names it).
      db.prepare(
        `UPDATE registrations SET status = 'cancelled', cancelled_at = ?2, updated_at = ?2, change_id = ?1
         WHERE preference = 2 AND status = 'confirmed' AND parent_id = (SELECT parent_id FROM registrations WHERE change_id = ?1 AND preference = 1)
           AND pool_id IN (SELECT p2.id FROM capacity_pools p2 WHERE p2.slot = (SELECT p1.slot FROM capacity_pools p1 JOIN registrations r1 ON r1.pool_id = p1.id WHERE r1.change_id = ?1 AND r1.preference = 1))`,
      ).bind(change.id, ctx.now),
      change.outbox({ sql: `CASE r.status WHEN 'offered' THEN 'offer' ELSE 'promoted' END` }),
      // A place inside a workshop: the day registration is told what changed.
      change.dayOutbox("workshops_changed", WORKSHOP_PROMOTED_DATA, promotedDays),
      change.audit("registration.promoted"),
      duePoolsStatement(change, [poolId]),
    ]);
    if (update?.meta.changes) {
      change.dispatch(outbox);
      change.dispatch(workshopOutbox);
      const row = update.results[0] as { id: number; parentId: number | null } | undefined;
      if (row && row.parentId === null) promotedDays.push(row.id);
      promoted += 1;
      enqueue(next);
    } else {
      // Nobody fitted after all (a concurrent change took the places): done with this pool.
      enqueue(next, poolId);
    }
  }
  return promoted;
}

/** Serves the waitlists of `pools` where someone waiting fits now (e.g. after an event's pools were edited). Returns how many were promoted. */
export async function serveWaitlists(ctx: DomainContext, pools: number[]): Promise<number> {
  if (pools.length === 0) return 0;
  const due = await ctx.env.DB.prepare(duePoolsSql(`SELECT value FROM json_each(?1)`)).bind(JSON.stringify(pools)).all();
  return serveDuePools(ctx, due);
}

/**
 * Safety net for the scheduled handler: serves every pool where someone waiting fits the
 * free places (e.g. when a Worker stopped between a cancellation and its promotion).
 */
export async function serveAllWaitlists(ctx: DomainContext): Promise<number> {
  const due = await ctx.env.DB.prepare(duePoolsSql(`SELECT DISTINCT pool_id FROM registrations WHERE status = 'waitlisted'`)).all();
  return serveDuePools(ctx, due);
}
