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

/** SQL for the 1-based waitlist position of registration `r` (only confirmed addresses count). */
export const WAITLIST_POSITION_SQL = `CASE WHEN r.status = 'waitlisted' AND r.awaiting_email = 0 THEN
  (SELECT COUNT(*) FROM registrations a WHERE a.pool_id = r.pool_id AND a.status = 'waitlisted'
     AND a.awaiting_email = 0 AND a.queue_order < r.queue_order) + 1 END`;

/** SQL: someone waits in the pool `p` who fits `freeExpr` free places (places freed a moment ago are theirs). */
export function someoneFittingWaitsSql(freeExpr: string): string {
  return `EXISTS (SELECT 1 FROM registrations w WHERE w.pool_id = p.id AND ${ELIGIBLE_WAITING_SQL} AND w.places <= ${freeExpr})`;
}
