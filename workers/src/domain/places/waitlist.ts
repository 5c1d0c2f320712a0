/**
 * Who waits, and in which order: the SQL the guarded statements use to respect the line.
 * Only a confirmed address waits properly (a double opt-in registration joins the line when
 * its address is confirmed), and a workshop choice waits properly only while its day
 * registration holds its place.
 */
import { HOLDING_SQL } from "./statuses";

/** SQL condition on a waitlisted registration `w` that may be served now. */
export const ELIGIBLE_WAITING_SQL = `w.status = 'waitlisted' AND w.awaiting_email = 0
  AND (w.parent_id IS NULL OR EXISTS (SELECT 1 FROM registrations pr WHERE pr.id = w.parent_id AND pr.status IN ${HOLDING_SQL}))`;

/**
 * SQL for the 1-based waitlist position of registration `r` (only confirmed addresses count):
 * the length of the pool's line (its counter, see ./capacity.ts) less those behind `r`.
 * Counted from the back because the position is asked for most at the back: a newcomer
 * joining the line has nobody behind it, so its answer and its email cost an index seek,
 * not a count of everyone ahead of it, however long the line.
 */
export const WAITLIST_POSITION_SQL = `CASE WHEN r.status = 'waitlisted' AND r.awaiting_email = 0 THEN
  (SELECT l.line_length FROM capacity_pools l WHERE l.id = r.pool_id)
  - (SELECT COUNT(*) FROM registrations a WHERE a.pool_id = r.pool_id AND a.status = 'waitlisted'
       AND a.awaiting_email = 0 AND a.queue_order > r.queue_order) END`;

/** SQL: someone waits in the pool `p` who fits `freeExpr` free places (places freed a moment ago are theirs). */
export function someoneFittingWaitsSql(freeExpr: string): string {
  return `EXISTS (SELECT 1 FROM registrations w WHERE w.pool_id = p.id AND ${ELIGIBLE_WAITING_SQL} AND w.places <= ${freeExpr})`;
}
