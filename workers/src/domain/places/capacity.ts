/**
 * Where capacity is enforced: the SQL that counts a pool's places inside the guarded
 * statements. A statement that takes places compares them with the free places at the
 * instant it runs (D1 runs one statement at a time), and its row count is the answer; no
 * decision is read in one round trip and written in another.
 *
 * The places taken are the pool's counter `capacity_pools.places_taken`, which triggers keep
 * inside every statement that inserts, changes or deletes a registration
 * (db/migrations/0006_counter_and_version_triggers.sql): the same number as the sum of the
 * places of its registrations in PLACE_TAKING_STATUSES at every instant a statement can
 * see, read in O(1) however many registrations the pool holds.
 */
import { PLACE_TAKING_SQL } from "./statuses";

/** SQL for the places taken in the pool named by `poolExpr` (PLACE_TAKING_STATUSES, counted by the triggers). */
export function placesTakenSql(poolExpr: string): string {
  return `COALESCE((SELECT t.places_taken FROM capacity_pools t WHERE t.id = ${poolExpr}), 0)`;
}

/** SQL for the free places of the pool named by `poolExpr` (negative after a capacity was lowered below the places taken). */
export function freePlacesSql(poolExpr: string): string {
  return `(SELECT p.capacity - p.places_taken FROM capacity_pools p WHERE p.id = ${poolExpr})`;
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
