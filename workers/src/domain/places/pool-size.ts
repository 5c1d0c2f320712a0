/**
 * Changing the size of a capacity pool. Raising it serves the waitlist at once; lowering it
 * below the places already taken confirms nobody new and removes no one (organisers decide).
 */
import { Change, type Actor, type DomainContext } from "../change";
import { commitPlaceChange } from "./commit";

/** Sets the pool's capacity and promotes as many waiting registrations as now fit. Returns how many were promoted. */
export async function setPoolCapacity(ctx: DomainContext, poolId: number, capacity: number, actor: Actor): Promise<number> {
  const change = new Change(ctx, actor);
  const db = ctx.env.DB;
  const { promoted } = await commitPlaceChange(change, {
    write: db.prepare(`UPDATE capacity_pools SET capacity = ?2 WHERE id = ?1`).bind(poolId, capacity),
    audit: db
      .prepare(
        `INSERT INTO audit_log (at, actor, action, event_id, details, change_id)
         SELECT ?2, ?3, 'pool.capacity_changed', p.event_id, json_object('poolId', p.id, 'capacity', p.capacity), ?4
         FROM capacity_pools p WHERE p.id = ?1`,
      )
      .bind(poolId, ctx.now, actor, change.id),
    pools: [poolId],
  });
  return promoted;
}
