import type { registrations } from "../../../../db/schema";
import type { ManagedRegistration, ParticipantStatus } from "../../api-types";
import { isLive } from "../places/statuses";

export type RegistrationRow = typeof registrations.$inferSelect;

/** The status a participant sees: an unconfirmed address comes first, whatever holds places meanwhile. */
export function participantStatus(row: Pick<RegistrationRow, "status"> & { awaitingEmail: boolean | number }): ParticipantStatus {
  if (row.awaitingEmail && (row.status === "held" || row.status === "waitlisted")) return "check_email";
  if (row.status === "held") return "check_email";
  return row.status;
}

/** What the participant may do now on the manage page. */
export function availableActions(row: RegistrationRow, now: number): ManagedRegistration["actions"] {
  const actions: ManagedRegistration["actions"] = [];
  if (row.awaitingEmail && (row.holdExpiresAt ?? 0) > now) actions.push("confirm");
  if (row.status === "offered" && (row.offerExpiresAt ?? 0) > now) actions.push("accept-offer");
  if (isLive(row.status)) actions.push("cancel");
  return actions;
}
