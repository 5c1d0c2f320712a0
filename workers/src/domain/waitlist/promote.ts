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
import { Change, ELIGIBLE_WAITING_SQL, placesTakenSql, type DomainContext } from "../change";

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
    const db = ctx.env.DB;
    const [update, released, outbox, , followUp] = await db.batch([
      promoteNextStatement(change, poolId),
      // A first-choice workshop that came through gives up the second choice held meanwhile.
      db.prepare(
        `UPDATE registrations SET status = 'cancelled', cancelled_at = ?2, updated_at = ?2
         WHERE preference = 2 AND status = 'confirmed' AND parent_id = (SELECT parent_id FROM registrations WHERE change_id = ?1 AND preference = 1)
           AND pool_id IN (SELECT p2.id FROM capacity_pools p2 WHERE p2.slot = (SELECT p1.slot FROM capacity_pools p1 JOIN registrations r1 ON r1.pool_id = p1.id WHERE r1.change_id = ?1))
         RETURNING pool_id AS poolId`,
      ).bind(change.id, ctx.now),
      change.outbox({ sql: `CASE r.status WHEN 'offered' THEN 'offer' ELSE 'promoted' END` }),
      change.audit("registration.promoted"),
      // A day registration that got its place may now take the workshops it waits for.
      db.prepare(
        `SELECT DISTINCT c.pool_id AS poolId FROM registrations c JOIN registrations r ON r.id = c.parent_id
         WHERE r.change_id = ?1 AND r.status = 'confirmed' AND c.status = 'waitlisted'`,
      ).bind(change.id),
    ]);
    if (!update?.meta.changes) return promoted;
    change.dispatch(outbox);
    promoted += 1;
    const pools = [...((released?.results ?? []) as { poolId: number }[]), ...((followUp?.results ?? []) as { poolId: number }[])];
    for (const { poolId: other } of pools) if (other !== poolId) promoted += await promoteFromWaitlist(ctx, other);
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
     WHERE ${ELIGIBLE_WAITING_SQL} AND e.status = 'published'
       AND w.places <= p.capacity - ${placesTakenSql("w.pool_id")}`,
  ).all<{ poolId: number }>();
  let promoted = 0;
  for (const { poolId } of results) promoted += await promoteFromWaitlist(ctx, poolId);
  return promoted;
}
