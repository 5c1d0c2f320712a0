/**
 * Serving a waitlist. Places free up through a cancellation, a capacity increase, an
 * expired hold or an expired offer; then the waitlist of that pool is served in order.
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
import { Change, placesTakenSql, type DomainContext } from "../change";

function promoteNextStatement(change: Change, poolId: number): D1PreparedStatement {
  return change.env.DB.prepare(
    `UPDATE registrations SET
       status = CASE (SELECT e.waitlist_mode FROM events e WHERE e.id = registrations.event_id)
                  WHEN 'offer' THEN 'offered' ELSE 'confirmed' END,
       offer_expires_at = (SELECT CASE WHEN e.waitlist_mode = 'offer' THEN ?3 + e.offer_hours * 3600000 END
                           FROM events e WHERE e.id = registrations.event_id),
       change_id = ?1, updated_at = ?3
     WHERE status = 'waitlisted' AND id = (
       SELECT w.id FROM registrations w
         JOIN capacity_pools p ON p.id = w.pool_id
         JOIN events e ON e.id = w.event_id
       WHERE w.pool_id = ?2 AND w.status = 'waitlisted' AND w.awaiting_email = 0 AND e.status = 'published'
         AND w.places <= p.capacity - ${placesTakenSql("?2")}
       ORDER BY w.queue_order LIMIT 1)`,
  ).bind(change.id, poolId, change.now);
}

/**
 * Serves the pool's waitlist until nobody waiting fits the free places. Each promoted
 * registration gets its "promoted" (confirm mode) or "offer" email in the same batch.
 * Returns how many were promoted.
 */
export async function promoteFromWaitlist(ctx: DomainContext, poolId: number): Promise<number> {
  let promoted = 0;
  for (;;) {
    const change = new Change(ctx, "system");
    const [update, outbox] = await ctx.env.DB.batch([
      promoteNextStatement(change, poolId),
      change.outbox({ sql: `CASE r.status WHEN 'offered' THEN 'offer' ELSE 'promoted' END` }),
      change.audit("registration.promoted"),
    ]);
    if (!update?.meta.changes) return promoted;
    change.dispatch(outbox);
    promoted += 1;
  }
}

/**
 * Safety net for the scheduled handler: serves every pool where someone waiting fits the
 * free places (e.g. when a Worker stopped between a cancellation and its promotion).
 */
export async function serveAllWaitlists(ctx: DomainContext): Promise<number> {
  const { results } = await ctx.env.DB.prepare(
    `SELECT DISTINCT w.pool_id AS poolId FROM registrations w
       JOIN capacity_pools p ON p.id = w.pool_id
       JOIN events e ON e.id = w.event_id
     WHERE w.status = 'waitlisted' AND w.awaiting_email = 0 AND e.status = 'published'
       AND w.places <= p.capacity - ${placesTakenSql("w.pool_id")}`,
  ).all<{ poolId: number }>();
  let promoted = 0;
  for (const { poolId } of results) promoted += await promoteFromWaitlist(ctx, poolId);
  return promoted;
}
