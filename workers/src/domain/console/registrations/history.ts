/**
 * What happened to a registration and an event, from the audit log (every state change
 * writes its audit row in its own batch, ../../change.ts) and the outbox (every email).
 */
import type { StoredAudit, StoredOutbox } from "../../../../../db/rows";
import type { ConsoleEmail, ConsoleHistoryEntry } from "../../../console-types";
import type { DomainContext } from "../../change";
import { iso } from "../../../lib/dates";

/** Actor's user id inside SQL over audit_log `a`, for joining users. */
const ACTOR_USER_ID = `CASE WHEN a.actor LIKE 'user:%' THEN CAST(substr(a.actor, 6) AS INTEGER) END`;

type HistoryRow = Pick<StoredAudit, "at" | "actor" | "action" | "details"> & { actorEmail: string | null };
type EmailRow = Pick<StoredOutbox, "id" | "template" | "status" | "attempts" | "lastError" | "createdAt" | "sentAt">;

/** A registration's history (audit log, oldest first) and every email written for it. */
export async function registrationHistory(ctx: DomainContext, registrationId: number): Promise<{ history: ConsoleHistoryEntry[]; emails: ConsoleEmail[] }> {
  const db = ctx.env.DB;
  const [history, emails] = await db.batch([
    db.prepare(
      `SELECT a.at, a.actor, u.email AS actorEmail, a.action, a.details FROM audit_log a
       LEFT JOIN users u ON u.id = ${ACTOR_USER_ID}
       WHERE a.registration_id = ?1 ORDER BY a.at, a.id`,
    ).bind(registrationId),
    db.prepare(
      `SELECT id, template, status, attempts, last_error AS lastError, created_at AS createdAt, sent_at AS sentAt
       FROM outbox WHERE registration_id = ?1 ORDER BY created_at, rowid`,
    ).bind(registrationId),
  ]);
  return {
    history: ((history?.results ?? []) as HistoryRow[]).map(
      (h): ConsoleHistoryEntry => ({ at: iso(h.at)!, actor: h.actor, actorEmail: h.actorEmail, action: h.action, details: JSON.parse(h.details) }),
    ),
    emails: ((emails?.results ?? []) as EmailRow[]).map((e): ConsoleEmail => ({ ...e, createdAt: iso(e.createdAt)!, sentAt: iso(e.sentAt) })),
  };
}

/** The event's audit log, newest first (at most `limit` entries). */
export async function eventAudit(ctx: DomainContext, eventId: number, limit = 500) {
  const { results } = await ctx.env.DB.prepare(
    `SELECT a.at, a.actor, u.email AS actorEmail, a.action, a.registration_id AS registrationId, a.details
     FROM audit_log a LEFT JOIN users u ON u.id = ${ACTOR_USER_ID}
     WHERE a.event_id = ?1 ORDER BY a.at DESC, a.id DESC LIMIT ?2`,
  )
    .bind(eventId, limit)
    .all<HistoryRow & Pick<StoredAudit, "registrationId">>();
  return results.map((a) => ({ ...a, at: iso(a.at)!, details: JSON.parse(a.details) as Record<string, unknown> }));
}
