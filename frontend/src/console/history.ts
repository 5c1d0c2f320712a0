/**
 * A registration's history as sentences ("Vom Team abgesagt. Grund: Krankheit."), from the
 * audit log's actions and details: the same words for the same event everywhere, never the
 * stored JSON. An action this list does not know yet still reads as a sentence.
 */
import type { ConsoleHistoryEntry } from "../../../workers/src/console-types";
import { counted, s, statusName, type StringKey } from "./strings";
import { formatTime } from "./ui/time";

const SENTENCES: Record<string, StringKey> = {
  "registration.created": "history.created",
  "registration.repeated": "history.repeated",
  "registration.email_confirmed": "history.email_confirmed",
  "registration.hold_expired": "history.hold_expired",
  "registration.offer_expired": "history.offer_expired",
  "registration.offer_accepted": "history.offer_accepted",
  "registration.promoted": "history.promoted",
  "registration.cancelled": "history.cancelled",
  "registration.cancelled_by_organiser": "history.cancelled_by_organiser",
  "registration.cancelled_with_event": "history.cancelled_with_event",
  "registration.cancelled_for_erasure": "history.cancelled_for_erasure",
  "registration.confirmed_by_organiser": "history.confirmed_by_organiser",
  "registration.offered_by_organiser": "history.offered_by_organiser",
  "registration.moved": "history.moved",
  "registration.approved": "history.approved",
  "registration.rejected": "history.rejected",
  "registration.updated_by_organiser": "history.updated_by_organiser",
  "registration.messaged": "history.messaged",
  "registration.walk_in": "history.walk_in",
  "registration.workshop_chosen": "history.workshop_chosen",
  "attendance.checked_in": "history.checked_in",
  "attendance.undone": "history.check_in_undone",
  "attendance.places_changed": "history.check_in_places",
  "certificate.issued": "history.certificate_issued",
  "certificate.reissued": "history.certificate_reissued",
  "certificate.revoked": "history.certificate_revoked",
  "mail.retried": "history.mail_retried",
};

/** Fields an organiser changed, in words. */
const FIELD_KEYS: Record<string, StringKey> = {
  name: "reg.name",
  email: "reg.email",
  places: "reg.col_places",
  locale: "detail.locale",
  answers: "reg.col_answers",
  needs: "reg.col_needs",
  children: "reg.children_count",
};

const text = (value: unknown): string | null => (typeof value === "string" && value.trim() ? value : null);

/** Who did it: a staff member's address, the participant, or the system. */
export function actorName(entry: Pick<ConsoleHistoryEntry, "actor" | "actorEmail">): string {
  if (entry.actorEmail) return entry.actorEmail;
  if (entry.actor === "participant") return s("detail.actor_participant");
  if (entry.actor === "system") return s("detail.actor_system");
  return s("detail.actor_staff");
}

/**
 * The sentence for one entry. `dateOf(sessionId)` names a date of the event ("Di., 12.05.,
 * 17:00") for check-ins.
 */
export function historySentence(entry: ConsoleHistoryEntry, dateOf: (sessionId: number) => string | null): string {
  const details = entry.details ?? {};
  const status = text(details.status);
  const params: Record<string, string | number> = {
    status: status ? statusName(status) : "",
    places: typeof details.places === "number" ? counted("places", details.places) : "",
    date: typeof details.sessionId === "number" ? (dateOf(details.sessionId) ?? s("history.a_date")) : s("history.a_date"),
  };
  const key = SENTENCES[entry.action];
  let sentence = key ? s(key, params) : s("history.other");
  if (entry.action === "registration.moved") sentence = s(details.direction === "down" ? "history.moved_down" : "history.moved_up");
  if (entry.action === "registration.updated_by_organiser" && Array.isArray(details.fields) && details.fields.length > 0) {
    const fields = details.fields.map((f) => (typeof f === "string" && FIELD_KEYS[f] ? s(FIELD_KEYS[f]!) : String(f)));
    sentence = s("history.updated_fields", { fields: fields.join(", ") });
    if (details.newManageLink) sentence += ` ${s("history.new_link")}`;
  }
  if (entry.action === "attendance.checked_in" && details.afterwards === true) sentence += ` ${s("history.afterwards")}`;
  if (entry.action === "registration.confirmed_by_organiser" && text(details.from)) sentence = s("history.confirmed_from", { status: statusName(String(details.from)) });
  const extras: string[] = [];
  const reason = text(details.reason);
  if (reason && reason !== "reissued") extras.push(s("detail.reason", { reason }));
  const subject = text(details.subject);
  if (subject) extras.push(s("history.subject", { subject }));
  if (typeof details.offerExpiresAt === "number") extras.push(s("history.offer_until", { date: formatTime(new Date(details.offerExpiresAt).toISOString()) }));
  return [sentence, ...extras].join(" ");
}
