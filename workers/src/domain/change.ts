/**
 * A state change: one D1 batch (a transaction) in which the guarded write stamps the rows
 * it changes with `change_id`, and the outbox and audit rows of the same batch select those
 * rows by that stamp. So an email or an audit entry exists exactly when its state change
 * does, without reading between round trips (D1 has no interactive transactions).
 */
import type { EmailTemplate } from "../../../db/schema";
import type { Env } from "../env";
import { randomId } from "../lib/tokens";
import { enqueueMail } from "./mail/outbox";
import { WAITLIST_POSITION_SQL } from "./places/waitlist";

export type Actor = "participant" | "system" | `user:${number}`;

// Defined in lib/ so that lib/http.ts needs nothing from domain/.
import type { DomainContext } from "../lib/context";
export type { DomainContext };

export class Change {
  readonly id = randomId(12);
  readonly env: Env;
  readonly now: number;
  constructor(
    readonly ctx: DomainContext,
    readonly actor: Actor,
  ) {
    this.env = ctx.env;
    this.now = ctx.now;
  }

  /** Hands the outbox rows a batch wrote to the mail queue; the sweep catches any that fail to enqueue. */
  dispatch(outboxResult: D1Result | undefined): void {
    const ids = ((outboxResult?.results ?? []) as { id: string }[]).map((row) => row.id);
    if (ids.length > 0) this.ctx.waitUntil(enqueueMail(this.env, ids));
  }

  /**
   * Outbox rows for every registration stamped by this change (workshop choices travel with
   * their day registration's email, never alone): a fixed template, or an SQL
   * expression over `r` (the registration) giving the template or NULL for no email.
   *
   * `data` adds to what the email shows (merged into each row's `data` JSON): a JS object,
   * bound as one JSON parameter (e.g. `{ reason }` for "event_cancelled", `{ subject, body }`
   * for "organiser_message", `{ changes: ["date"] }` for "event_changed"), or an SQL
   * expression over `r` that yields a JSON object. Untrusted text belongs in the object form.
   */
  outbox(template: EmailTemplate | { sql: string }, data?: Record<string, unknown> | { sql: string }): D1PreparedStatement {
    const templateSql = typeof template === "string" ? `'${template}'` : template.sql;
    const base = `json_object('waitlistPosition', ${WAITLIST_POSITION_SQL})`;
    const isSql = (value: unknown): value is { sql: string } =>
      typeof value === "object" && value !== null && Object.keys(value).length === 1 && typeof (value as { sql?: unknown }).sql === "string";
    const dataSql = data === undefined ? base : isSql(data) ? `json_patch(${base}, (${data.sql}))` : `json_patch(${base}, ?3)`;
    const statement = this.env.DB.prepare(
      `INSERT INTO outbox (id, registration_id, template, to_address, locale, data, change_id, created_at, updated_at)
       SELECT id, registration_id, template, email, locale, data, ?1, ?2, ?2 FROM (
         SELECT lower(hex(randomblob(16))) AS id, r.id AS registration_id, (${templateSql}) AS template,
                r.email, r.locale, ${dataSql} AS data
         FROM registrations r WHERE r.change_id = ?1 AND r.parent_id IS NULL AND r.anonymised_at IS NULL
           -- Walk-ins added at the door may have no address.
           AND r.email <> ''
       ) WHERE template IS NOT NULL
       RETURNING id`,
    );
    return data === undefined || isSql(data) ? statement.bind(this.id, this.now) : statement.bind(this.id, this.now, JSON.stringify(data));
  }

  /**
   * One outbox row per day registration whose workshop choices this change stamped (a choice
   * has no email of its own: its day registration hears of it), except the day registrations
   * in `exceptDays` (told by another email of the same run). `dataSql` is an SQL expression
   * over `d` (the day registration) and `?1` (this change) giving a JSON object.
   */
  dayOutbox(template: EmailTemplate, dataSql: string, exceptDays: readonly number[] = []): D1PreparedStatement {
    return this.env.DB.prepare(
      `INSERT INTO outbox (id, registration_id, template, to_address, locale, data, change_id, created_at, updated_at)
       SELECT lower(hex(randomblob(16))), d.id, ?3, d.email, d.locale, (${dataSql}), ?1, ?2, ?2
       FROM registrations d
       WHERE d.id IN (SELECT c.parent_id FROM registrations c WHERE c.change_id = ?1 AND c.parent_id IS NOT NULL)
         AND d.id NOT IN (SELECT value FROM json_each(?4)) AND d.anonymised_at IS NULL AND d.email <> ''
       RETURNING id`,
    ).bind(this.id, this.now, template, JSON.stringify(exceptDays));
  }

  /**
   * Audit rows for every registration stamped by this change (`action`: a fixed action, or
   * SQL over `r`): status and places, plus
   * `details` (a JS object, bound as one JSON parameter: untrusted text such as a reason
   * belongs here) and `detailsSql`, an SQL expression over `r` yielding a JSON object (e.g.
   * what was confirmed, or a waitlist position).
   */
  audit(action: string | { sql: string }, details: Record<string, unknown> = {}, detailsSql?: string): D1PreparedStatement {
    const base = `json_patch(json_object('status', r.status, 'places', r.places), ?4)`;
    const all = detailsSql ? `json_patch(${base}, (${detailsSql}))` : base;
    // The action: a fixed one, or an SQL expression over `r` (e.g. created or repeated, per row).
    const actionSql = typeof action === "string" ? "?5" : `(${action.sql})`;
    const statement = this.env.DB.prepare(
      `INSERT INTO audit_log (at, actor, action, event_id, registration_id, details, change_id)
       SELECT ?2, ?3, ${actionSql}, r.event_id, r.id, ${all}, r.change_id
       FROM registrations r WHERE r.change_id = ?1`,
    );
    const params = [this.id, this.now, this.actor, JSON.stringify(details)];
    return typeof action === "string" ? statement.bind(...params, action) : statement.bind(...params);
  }
}
