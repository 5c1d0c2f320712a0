/**
 * Organisers write to the registrants of an event (all, or some status groups) through the
 * outbox: one `organiser_message` row per registration, written in the same batch as the
 * stamp that selects the recipients and the audit rows, so the message reaches exactly the
 * registrations chosen at that instant, each once.
 */
import type { RegistrationStatus } from "../../../../db/schema";
import { Change, type Actor, type DomainContext } from "../change";

/**
 * Queues `{subject, body}` to every registration of the event in `statuses` (not workshop
 * choices). One email per address: if an address appears twice (a cancelled registration
 * and a new one), only its latest registration is written to. Addresses still unconfirmed
 * (double opt-in) get nothing: they are unproven and may not be the registrant's.
 * Returns how many emails were queued.
 */
export async function messageRegistrants(
  ctx: DomainContext,
  actor: Actor,
  eventId: number,
  message: { subject: string; body: string; statuses: RegistrationStatus[] },
): Promise<number> {
  const db = ctx.env.DB;
  const change = new Change(ctx, actor);
  const statuses = JSON.stringify([...new Set(message.statuses)]);
  const [, , outbox] = await db.batch([
    // Stamping (no other column changes) lets the outbox and audit rows of this batch select the recipients.
    db
      .prepare(
        `UPDATE registrations SET change_id = ?1 WHERE id IN (
           SELECT MAX(id) FROM registrations
           WHERE event_id = ?2 AND parent_id IS NULL AND awaiting_email = 0 AND status IN (SELECT value FROM json_each(?3))
           GROUP BY email_normalized)`,
      )
      .bind(change.id, eventId, statuses),
    change.audit("registration.messaged", { subject: message.subject }),
    change.outbox("organiser_message", { subject: message.subject, body: message.body }),
    db
      .prepare(
        `INSERT INTO audit_log (at, actor, action, event_id, details, change_id)
         VALUES (?2, ?3, 'event.message_sent', ?4,
                 json_object('subject', ?5, 'statuses', json(?6), 'recipients', (SELECT COUNT(*) FROM outbox WHERE change_id = ?1)), ?1)`,
      )
      .bind(change.id, ctx.now, actor, eventId, message.subject, statuses),
  ]);
  change.dispatch(outbox);
  return outbox?.results.length ?? 0;
}
