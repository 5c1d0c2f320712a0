/**
 * Where capacity is enforced: the SQL that counts a pool's places inside the guarded
 * statements. A statement that takes places compares them with the free places at the
 * instant it runs (D1 runs one statement at a time), and its row count is the answer; no
 * decision is read in one round trip and written in another.
 */
import { PLACE_TAKING_SQL } from "./statuses";

/** SQL for the places taken in the pool named by `poolExpr`. */
export function placesTakenSql(poolExpr: string): string {
  return `(SELECT COALESCE(SUM(t.places), 0) FROM registrations t WHERE t.pool_id = ${poolExpr} AND t.status IN ${PLACE_TAKING_SQL})`;
}

/** SQL for the free places of the pool named by `poolExpr` (negative after a capacity was lowered below the places taken). */
export function freePlacesSql(poolExpr: string): string {
  return `((SELECT p.capacity FROM capacity_pools p WHERE p.id = ${poolExpr}) - ${placesTakenSql(poolExpr)})`;
}

/** Inside `UPDATE registrations`: the free places of the pool of the registration being updated. */
export const FREE_PLACES_HERE = freePlacesSql("registrations.pool_id");

/**
 * Inside `UPDATE registrations`: a change of the row's places to `placesExpr` keeps within
 * capacity. Fewer places always do; more places only if the difference is free, for a
 * registration that takes places at all.
 */
export function placesChangeFitsSql(placesExpr: string): string {
  return `(status NOT IN ${PLACE_TAKING_SQL} OR ${placesExpr} <= places OR ${placesExpr} - places <= ${FREE_PLACES_HERE})`;
}
