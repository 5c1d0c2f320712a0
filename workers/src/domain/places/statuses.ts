/**
 * Which statuses take places, which are alive, which have ended: declared once in the schema
 * (db/schema.ts) and given here in the forms the domain needs, as lists and as SQL.
 */
import { ENDED_STATUSES, PLACE_TAKING_STATUSES, REGISTRATION_STATUSES, sqlList, type RegistrationStatus } from "../../../../db/schema";

type Ended = (typeof ENDED_STATUSES)[number];
export type LiveStatus = Exclude<RegistrationStatus, Ended>;

/** Statuses a registration is alive in: it can still be changed or cancelled. */
export const LIVE_STATUSES = REGISTRATION_STATUSES.filter((status): status is LiveStatus => !(ENDED_STATUSES as readonly string[]).includes(status));

/** A day registration in these holds its place, so its workshop choices may take theirs (an offer must be accepted first). */
export const HOLDING_STATUSES = ["held", "confirmed"] as const satisfies readonly RegistrationStatus[];

/** A day registration in these may choose or switch workshops. */
export const CHOOSING_STATUSES = [...HOLDING_STATUSES, "waitlisted"] as const satisfies readonly LiveStatus[];

/** A registration in these may wait for its address to be confirmed (double opt-in); other statuses have it confirmed or ended. */
export const AWAITING_EMAIL_STATUSES = ["held", "waitlisted", "pending_approval"] as const satisfies readonly LiveStatus[];

export const PLACE_TAKING_SQL = sqlList(PLACE_TAKING_STATUSES);
export const LIVE_SQL = sqlList(LIVE_STATUSES);
export const ENDED_SQL = sqlList(ENDED_STATUSES);
export const HOLDING_SQL = sqlList(HOLDING_STATUSES);
export const AWAITING_EMAIL_SQL = sqlList(AWAITING_EMAIL_STATUSES);

export function isLive(status: RegistrationStatus): status is LiveStatus {
  return (LIVE_STATUSES as readonly string[]).includes(status);
}
