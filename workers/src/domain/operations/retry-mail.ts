/**
 * An administrator queues a given-up email again (the status page's "retry" button): the row
 * gets a fresh retry horizon, an audit entry names who did it, and the queue takes it at once.
 */
import { NotFoundError } from "../../lib/errors";
import type { Actor, DomainContext } from "../change";
import { enqueueMail } from "../mail/outbox";
import { requeueFailed } from "../mail/outbox-state";

export async function retryFailedEmail(ctx: DomainContext, outboxId: string, actor: Actor): Promise<void> {
  const { env, now } = ctx;
  if (!(await requeueFailed(env, outboxId, now))) throw new NotFoundError(); // unknown, or not failed (any more)
  await env.DB.prepare(
    `INSERT INTO audit_log (at, actor, action, event_id, registration_id, details)
     SELECT ?1, ?2, 'mail.retried', r.event_id, o.registration_id, json_object('outboxId', o.id, 'template', o.template)
     FROM outbox o LEFT JOIN registrations r ON r.id = o.registration_id WHERE o.id = ?3`,
  )
    .bind(now, actor, outboxId)
    .run();
  ctx.waitUntil(enqueueMail(env, [outboxId]));
}
