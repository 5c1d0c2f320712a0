/**
 * Events as organisers manage them: list, look at (with everything at a glance), create,
 * edit, publish, cancel, duplicate. Authorisation is checked by the caller (routes) with
 * domain/auth/access.ts; these verbs trust the event id they are given.
 */
import type { EventFormat, EventTexts, Exhibitor, Needs, RegistrationStatus } from "../../../../db/schema";
import type { ConsoleEvent, ConsoleEventListItem, DateNeeds, EventInput, NeedsSummary, PoolStats } from "../../console-types";
import { ConflictError, NotFoundError } from "../../lib/errors";
import { randomId } from "../../lib/tokens";
import { Change, type Actor, type DomainContext } from "../change";
import { managedOrganisationIds, organisesFor, type Staff } from "../auth/access";
import { CANCELLED_SET } from "../places/cancel";
import { serveWaitlists } from "../places/promote";
import { LIVE_SQL, LIVE_STATUSES } from "../places/statuses";
import { PLACE_TAKING_STATUSES } from "../../../../db/schema";
import { copyReviewedTranslationsStatement, translateInBackground } from "../events/translation";
import { slugify, tidyTags } from "./event-input";
import { interpreterLanguage } from "../statistics/facts";
import type { StoredEvent, StoredOrganisation, StoredPool } from "../../../../db/rows";
import { iso } from "../../lib/dates";

const ms = (value: string | null) => (value === null ? null : Date.parse(value));

type EventRow = {
  id: number;
  organisationId: number;
  organisationName: string;
  timeZone: string;
  slug: string;
  format: EventFormat;
  status: "draft" | "published" | "cancelled";
  texts: string;
  audience: string;
  languages: string;
  location: string | null;
  onlineUrl: string | null;
  registrationMode: "open" | "approval" | "none";
  registrationOpensAt: number | null;
  registrationClosesAt: number | null;
  maxPlacesPerRegistration: number;
  emailConfirmation: number;
  holdMinutes: number;
  waitlistEnabled: number;
  waitlistMode: "confirm" | "offer";
  offerHours: number;
  questions: string;
  reminderRules: string;
  cancellationReason: string | null;
  countChildren: number;
  allowLateRegistration: number;
  checkinOpensMinutes: number;
  fundingLines: string;
  partners: string;
  contact: string | null;
};

const EVENT_COLUMNS = `e.id, e.organisation_id AS organisationId, o.name AS organisationName, o.time_zone AS timeZone, e.slug, e.format, e.status, e.texts,
  e.audience, e.languages, e.location, e.online_url AS onlineUrl, e.registration_mode AS registrationMode,
  e.registration_opens_at AS registrationOpensAt, e.registration_closes_at AS registrationClosesAt,
  e.max_places_per_registration AS maxPlacesPerRegistration, e.email_confirmation AS emailConfirmation,
  e.hold_minutes AS holdMinutes, e.waitlist_enabled AS waitlistEnabled, e.waitlist_mode AS waitlistMode,
  e.offer_hours AS offerHours, e.questions, e.reminder_rules AS reminderRules, e.cancellation_reason AS cancellationReason,
  e.count_children AS countChildren, e.allow_late_registration AS allowLateRegistration, e.checkin_opens_minutes AS checkinOpensMinutes,
  e.funding_lines AS fundingLines, e.partners, e.contact`;

/** Events the staff member can see in the console, soonest first. */
export async function listConsoleEvents(ctx: DomainContext, staff: Staff): Promise<ConsoleEventListItem[]> {
  const organisations = managedOrganisationIds(staff);
  const assigned = [...staff.assignedEventIds];
  const scope =
    organisations === null
      ? "1 = 1"
      : `(e.organisation_id IN (${organisations.map(Number).join(",") || "NULL"}) OR e.id IN (${assigned.map(Number).join(",") || "NULL"}))`;
  const { results } = await ctx.env.DB.prepare(
    `SELECT e.id, e.slug, e.texts, e.status, e.format, e.organisation_id AS organisationId, o.name AS organisationName,
       (SELECT MIN(s.starts_at) FROM sessions s WHERE s.event_id = e.id) AS firstStartsAt,
       p.capacity,
       (SELECT COALESCE(SUM(r.places), 0) FROM registrations r WHERE r.pool_id = p.id AND r.status = 'confirmed') AS confirmedPlaces,
       (SELECT COUNT(*) FROM registrations r WHERE r.pool_id = p.id AND r.status = 'waitlisted') AS waitlistLength,
       (SELECT COUNT(*) FROM registrations r WHERE r.event_id = e.id AND r.parent_id IS NULL AND r.status = 'pending_approval') AS pendingApplications
     FROM events e JOIN organisations o ON o.id = e.organisation_id
     LEFT JOIN capacity_pools p ON p.event_id = e.id AND p.kind = 'event'
     WHERE ${scope}
     ORDER BY firstStartsAt IS NULL, firstStartsAt`,
  ).all<
    Pick<StoredEvent, "id" | "slug" | "texts" | "status" | "format" | "organisationId"> & {
      organisationName: StoredOrganisation["name"];
      /** Null when the event takes no registrations (no event pool to join). */
      capacity: StoredPool["capacity"] | null;
      firstStartsAt: number | null;
      confirmedPlaces: number;
      waitlistLength: number;
      pendingApplications: number;
    }
  >();
  // The raw texts column stays out of the answer: the list shows the German title, or in the
  // English console the organisers' English one where they wrote it.
  return results.map(({ texts, ...r }) => {
    const { de, en } = JSON.parse(texts) as EventTexts;
    return { ...r, title: de?.title ?? r.slug, titleEn: en?.title || null, firstStartsAt: iso(r.firstStartsAt) };
  });
}

/** Ages in years from what people wrote ("3 und 5", "2, 4"); children without a readable age count under "?". */
function countAges(byAge: Record<string, number>, children: number, ages: string | undefined): void {
  const found = [...(ages ?? "").matchAll(/\d{1,2}/g)].map((m) => Number(m[0])).filter((age) => age <= 17).slice(0, children);
  for (const age of found) byAge[String(age)] = (byAge[String(age)] ?? 0) + 1;
  if (children > found.length) byAge["?"] = (byAge["?"] ?? 0) + children - found.length;
}

type NeedsRow = { needs: string; exhibitor: string | null };

/** Interpreters by language, childcare places by age, access needs and stand needs, summed for planning. */
function summariseNeeds(rows: NeedsRow[]): NeedsSummary {
  const summary: NeedsSummary = { interpreter: {}, childcare: { registrations: 0, children: 0, ages: [], byAge: {} }, accessibility: [], stands: {} };
  for (const row of rows) {
    const needs = JSON.parse(row.needs) as Needs;
    // By language, however it was written ("Arabisch", "arabic", "العربية" are one "ar"), as the
    // statistics count it; a language the index does not know stays as the person wrote it.
    const language = interpreterLanguage(needs.interpreter);
    const key = language === "other" ? needs.interpreter?.trim() : language;
    if (key) summary.interpreter[key] = (summary.interpreter[key] ?? 0) + 1;
    if (needs.childcare && needs.childcare.children > 0) {
      summary.childcare.registrations += 1;
      summary.childcare.children += needs.childcare.children;
      if (needs.childcare.ages) summary.childcare.ages.push(needs.childcare.ages);
      countAges(summary.childcare.byAge, needs.childcare.children, needs.childcare.ages);
    }
    if (needs.accessibility) summary.accessibility.push(needs.accessibility);
    const stand = row.exhibitor ? (JSON.parse(row.exhibitor) as Exhibitor) : null;
    for (const need of stand?.needs ?? []) summary.stands[need] = (summary.stands[need] ?? 0) + 1;
  }
  return summary;
}

type DatedRow = NeedsRow & { places: number; children: number; status: RegistrationStatus; createdAt: number; cancelledAt: number | null };

/**
 * Needs per date: the registrations expected on it are those taking places now that were made
 * before it ended, and those cancelled only after it began (they were expected then).
 */
function needsPerDate(sessions: { id: number; startsAt: number; endsAt: number; cancelledAt: number | null }[], rows: DatedRow[]): DateNeeds[] {
  return sessions
    .filter((s) => s.cancelledAt === null)
    .map((s) => {
      const expected = rows.filter(
        (r) => r.createdAt < s.endsAt && (PLACE_TAKING.has(r.status) || (r.status === "cancelled" && r.cancelledAt !== null && r.cancelledAt > s.startsAt)),
      );
      return {
        sessionId: s.id,
        startsAt: iso(s.startsAt)!,
        registrations: expected.length,
        places: expected.reduce((sum, r) => sum + r.places, 0),
        children: expected.reduce((sum, r) => sum + r.children, 0),
        needs: summariseNeeds(expected),
      };
    });
}
const PLACE_TAKING = new Set<RegistrationStatus>(PLACE_TAKING_STATUSES);
const LIVE = new Set<RegistrationStatus>(LIVE_STATUSES);

/** One event with its sessions, pools and the state of its registrations at a glance. */
export async function getConsoleEvent(ctx: DomainContext, staff: Staff, eventId: number): Promise<ConsoleEvent> {
  const db = ctx.env.DB;
  const [eventResult, sessionResult, poolResult, statusResult, needsResult] = await db.batch([
    db.prepare(`SELECT ${EVENT_COLUMNS} FROM events e JOIN organisations o ON o.id = e.organisation_id WHERE e.id = ?1`).bind(eventId),
    db.prepare(`SELECT id, starts_at AS startsAt, ends_at AS endsAt, title, cancelled_at AS cancelledAt FROM sessions WHERE event_id = ?1 ORDER BY starts_at`).bind(eventId),
    db.prepare(
      `SELECT p.id, p.kind, p.key, p.slot, p.name, p.capacity, p.starts_at AS startsAt, p.ends_at AS endsAt,
         COALESCE(SUM(CASE WHEN r.status = 'confirmed' THEN r.places END), 0) AS confirmed,
         COALESCE(SUM(CASE WHEN r.status = 'held' THEN r.places END), 0) AS held,
         COALESCE(SUM(CASE WHEN r.status = 'offered' THEN r.places END), 0) AS offered,
         COALESCE(SUM(CASE WHEN r.status = 'waitlisted' THEN r.places END), 0) AS waitlisted,
         COUNT(CASE WHEN r.status = 'waitlisted' THEN 1 END) AS waitlistLength
       FROM capacity_pools p LEFT JOIN registrations r ON r.pool_id = p.id
       WHERE p.event_id = ?1 GROUP BY p.id ORDER BY p.kind, p.slot, p.key`,
    ).bind(eventId),
    db.prepare(`SELECT status, COUNT(*) AS n FROM registrations WHERE event_id = ?1 AND parent_id IS NULL GROUP BY status`).bind(eventId),
    db.prepare(
      `SELECT needs, exhibitor, places, children, status, created_at AS createdAt, cancelled_at AS cancelledAt FROM registrations
       WHERE event_id = ?1 AND parent_id IS NULL AND anonymised_at IS NULL
         AND (status IN ${LIVE_SQL} OR status = 'cancelled')`,
    ).bind(eventId),
  ]);
  const row = eventResult?.results[0] as EventRow | undefined;
  if (!row) throw new NotFoundError("error.event_not_found");
  const counts: Partial<Record<RegistrationStatus, number>> = {};
  for (const s of (statusResult?.results ?? []) as { status: RegistrationStatus; n: number }[]) counts[s.status] = s.n;
  const pools = ((poolResult?.results ?? []) as (Omit<PoolStats, "name" | "startsAt" | "endsAt"> & { name: string | null; startsAt: number | null; endsAt: number | null })[]).map((p) => ({
    ...p,
    name: p.name ? JSON.parse(p.name) : null,
    startsAt: iso(p.startsAt),
    endsAt: iso(p.endsAt),
  }));
  const manage = organisesFor(staff, row.organisationId);
  const sessions = (sessionResult?.results ?? []) as { id: number; startsAt: number; endsAt: number; title: string | null; cancelledAt: number | null }[];
  const needRows = (needsResult?.results ?? []) as DatedRow[];
  return {
    id: row.id,
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    timeZone: row.timeZone,
    slug: row.slug,
    format: row.format,
    status: row.status,
    texts: JSON.parse(row.texts),
    audience: JSON.parse(row.audience),
    languages: JSON.parse(row.languages),
    location: row.location ? JSON.parse(row.location) : null,
    onlineUrl: row.onlineUrl,
    registrationMode: row.registrationMode,
    registrationOpensAt: iso(row.registrationOpensAt),
    registrationClosesAt: iso(row.registrationClosesAt),
    maxPlacesPerRegistration: row.maxPlacesPerRegistration,
    emailConfirmation: Boolean(row.emailConfirmation),
    holdMinutes: row.holdMinutes,
    waitlistEnabled: Boolean(row.waitlistEnabled),
    waitlistMode: row.waitlistMode,
    offerHours: row.offerHours,
    questions: JSON.parse(row.questions),
    reminderRules: JSON.parse(row.reminderRules),
    cancellationReason: row.cancellationReason,
    fundingLines: JSON.parse(row.fundingLines),
    partners: JSON.parse(row.partners),
    contact: row.contact ? JSON.parse(row.contact) : null,
    sessions: sessions.map((s) => ({
      id: s.id,
      startsAt: iso(s.startsAt)!,
      endsAt: iso(s.endsAt)!,
      title: s.title ? JSON.parse(s.title) : null,
      cancelled: s.cancelledAt !== null,
    })),
    pools,
    counts,
    pendingApplications: counts.pending_approval ?? 0,
    holdsRunning: counts.held ?? 0,
    offersRunning: counts.offered ?? 0,
    needs: summariseNeeds(needRows.filter((r) => LIVE.has(r.status))),
    needsByDate: needsPerDate(sessions, needRows),
    countChildren: Boolean(row.countChildren),
    allowLateRegistration: Boolean(row.allowLateRegistration),
    checkinOpensMinutes: row.checkinOpensMinutes,
    permissions: { manage, checkin: manage || staff.assignedEventIds.has(row.id) },
  };
}

function eventValues(input: EventInput) {
  return [
    input.format,
    JSON.stringify(input.texts),
    JSON.stringify(input.audience),
    JSON.stringify(input.languages),
    input.location ? JSON.stringify(input.location) : null,
    input.onlineUrl,
    input.registrationMode,
    ms(input.registrationOpensAt),
    ms(input.registrationClosesAt),
    input.maxPlacesPerRegistration,
    input.emailConfirmation ? 1 : 0,
    input.holdMinutes,
    input.waitlistEnabled ? 1 : 0,
    input.waitlistMode,
    input.offerHours,
    JSON.stringify(input.questions),
    JSON.stringify(input.reminderRules),
    input.countChildren ? 1 : 0,
    input.allowLateRegistration ? 1 : 0,
    input.checkinOpensMinutes ?? 60,
    input.contact ? JSON.stringify(input.contact) : null,
  ];
}

function audit(ctx: DomainContext, actor: Actor, action: string, eventIdSql: string, details: Record<string, unknown>, ...params: unknown[]) {
  return ctx.env.DB.prepare(
    `INSERT INTO audit_log (at, actor, action, event_id, details) SELECT ?1, ?2, ?3, ${eventIdSql}, ?4`,
  ).bind(ctx.now, actor, action, JSON.stringify(details), ...params);
}

async function uniqueSlug(ctx: DomainContext, wanted: string): Promise<string> {
  const taken = await ctx.env.DB.prepare(`SELECT 1 FROM events WHERE slug = ?1`).bind(wanted).first();
  return taken ? `${wanted}-${randomId(3).toLowerCase().replace(/[^a-z0-9]/g, "x")}` : wanted;
}

/** Creates a draft event with its sessions and pools. Returns its id. */
export async function createEvent(ctx: DomainContext, actor: Actor, input: EventInput): Promise<number> {
  const db = ctx.env.DB;
  const slug = await uniqueSlug(ctx, input.slug ?? slugify(input.texts.de?.title ?? "event"));
  const [inserted] = await db.batch([
    db.prepare(
      `INSERT INTO events (organisation_id, slug, status, format, texts, audience, languages, location, online_url,
         registration_mode, registration_opens_at, registration_closes_at, max_places_per_registration, email_confirmation,
         hold_minutes, waitlist_enabled, waitlist_mode, offer_hours, questions, reminder_rules, count_children, allow_late_registration,
         checkin_opens_minutes, contact, created_by, created_at, updated_at, funding_lines, partners)
       VALUES (?1, ?2, 'draft', ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?25, ?26, ?27)
       RETURNING id`,
    ).bind(
      input.organisationId,
      slug,
      ...eventValues(input),
      actor.startsWith("user:") ? Number(actor.slice(5)) : null,
      ctx.now,
      JSON.stringify(tidyTags(input.fundingLines ?? [])),
      JSON.stringify(tidyTags(input.partners ?? [])),
    ),
    audit(ctx, actor, "event.created", "(SELECT id FROM events WHERE slug = ?5)", { slug }, slug),
  ]);
  const eventId = (inserted?.results[0] as { id: number }).id;
  await db.batch([...sessionStatements(ctx, eventId, input, []), ...poolStatements(ctx, eventId, input)]);
  translateInBackground(ctx, eventId);
  return eventId;
}

function sessionStatements(ctx: DomainContext, eventId: number, input: EventInput, existingIds: number[]): D1PreparedStatement[] {
  const db = ctx.env.DB;
  const kept = new Set(input.sessions.filter((s) => s.id).map((s) => s.id!));
  const statements = input.sessions.map((s) =>
    s.id && existingIds.includes(s.id)
      ? db
          .prepare(`UPDATE sessions SET starts_at = ?2, ends_at = ?3, title = ?4, cancelled_at = CASE WHEN ?5 THEN COALESCE(cancelled_at, ?6) END WHERE id = ?1 AND event_id = ?7`)
          .bind(s.id, ms(s.startsAt), ms(s.endsAt), s.title ? JSON.stringify(s.title) : null, s.cancelled ? 1 : 0, ctx.now, eventId)
      : db
          .prepare(`INSERT INTO sessions (event_id, starts_at, ends_at, title, cancelled_at) VALUES (?1, ?2, ?3, ?4, ?5)`)
          .bind(eventId, ms(s.startsAt), ms(s.endsAt), s.title ? JSON.stringify(s.title) : null, s.cancelled ? ctx.now : null),
  );
  // A date left out of the form is cancelled, not deleted: attendance and emails may refer to it.
  for (const id of existingIds.filter((id) => !kept.has(id))) {
    statements.push(db.prepare(`UPDATE sessions SET cancelled_at = COALESCE(cancelled_at, ?2) WHERE id = ?1`).bind(id, ctx.now));
  }
  return statements;
}

function poolStatements(ctx: DomainContext, eventId: number, input: EventInput): D1PreparedStatement[] {
  return input.pools.map((p) =>
    ctx.env.DB.prepare(
      `INSERT INTO capacity_pools (event_id, kind, key, slot, name, capacity, starts_at, ends_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
       ON CONFLICT (event_id, key) DO UPDATE SET kind = excluded.kind, slot = excluded.slot, name = excluded.name, capacity = excluded.capacity,
         starts_at = excluded.starts_at, ends_at = excluded.ends_at`,
    ).bind(eventId, p.kind, p.key, p.slot ?? null, p.name ? JSON.stringify(p.name) : null, p.capacity, ms(p.startsAt ?? null), ms(p.endsAt ?? null)),
  );
}

/**
 * Saves an edited event. Pools keep their registrations (matched by key); a pool that still
 * holds registrations cannot be removed. A raised capacity serves the waitlist at once. When
 * a published event's dates or place change, every live registration gets an "event changed"
 * email in the same batch.
 */
export async function updateEvent(ctx: DomainContext, actor: Actor, eventId: number, input: EventInput): Promise<void> {
  const db = ctx.env.DB;
  const [eventResult, sessionResult, poolResult] = await db.batch([
    db.prepare(`SELECT status, location, online_url AS onlineUrl, organisation_id AS organisationId FROM events WHERE id = ?1`).bind(eventId),
    db.prepare(`SELECT id, starts_at AS startsAt, ends_at AS endsAt, cancelled_at AS cancelledAt FROM sessions WHERE event_id = ?1`).bind(eventId),
    db.prepare(
      `SELECT p.id, p.key, p.capacity, (SELECT COUNT(*) FROM registrations r WHERE r.pool_id = p.id) AS registrations
       FROM capacity_pools p WHERE p.event_id = ?1`,
    ).bind(eventId),
  ]);
  const before = eventResult?.results[0] as { status: string; location: string | null; onlineUrl: string | null; organisationId: number } | undefined;
  if (!before) throw new NotFoundError("error.event_not_found");
  if (input.organisationId !== before.organisationId) throw new ConflictError("organisation_fixed", "error.invalid_state");
  const oldSessions = (sessionResult?.results ?? []) as { id: number; startsAt: number; endsAt: number; cancelledAt: number | null }[];
  const oldPools = (poolResult?.results ?? []) as { id: number; key: string; capacity: number; registrations: number }[];
  const newKeys = new Set(input.pools.map((p) => p.key));
  const removed = oldPools.filter((p) => !newKeys.has(p.key));
  if (removed.some((p) => p.registrations > 0)) throw new ConflictError("pool_in_use", "error.invalid_state");

  const datesChanged =
    input.sessions.length !== oldSessions.filter((s) => s.cancelledAt === null).length ||
    input.sessions.some((s) => {
      const old = oldSessions.find((o) => o.id === s.id);
      return !old || old.startsAt !== ms(s.startsAt) || old.endsAt !== ms(s.endsAt) || Boolean(s.cancelled) !== (old.cancelledAt !== null);
    });
  const placeChanged = JSON.stringify(input.location) !== (before.location ?? "null") || input.onlineUrl !== before.onlineUrl;
  const notify = before.status === "published" && (datesChanged || placeChanged);

  const change = new Change(ctx, actor);
  const statements = [
    db
      .prepare(
        `UPDATE events SET format = ?2, texts = ?3, audience = ?4, languages = ?5, location = ?6, online_url = ?7,
           registration_mode = ?8, registration_opens_at = ?9, registration_closes_at = ?10, max_places_per_registration = ?11,
           email_confirmation = ?12, hold_minutes = ?13, waitlist_enabled = ?14, waitlist_mode = ?15, offer_hours = ?16,
           questions = ?17, reminder_rules = ?18, count_children = ?19, allow_late_registration = ?20, checkin_opens_minutes = ?21,
           contact = ?22, updated_at = ?23, funding_lines = COALESCE(?24, funding_lines), partners = COALESCE(?25, partners) WHERE id = ?1`,
      )
      .bind(
        eventId,
        ...eventValues(input),
        ctx.now,
        input.fundingLines ? JSON.stringify(tidyTags(input.fundingLines)) : null,
        input.partners ? JSON.stringify(tidyTags(input.partners)) : null,
      ),
    ...sessionStatements(ctx, eventId, input, oldSessions.map((s) => s.id)),
    ...poolStatements(ctx, eventId, input),
    ...removed.map((p) => db.prepare(`DELETE FROM capacity_pools WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM registrations WHERE pool_id = ?1)`).bind(p.id)),
    audit(ctx, actor, "event.updated", "?5", { datesChanged, placeChanged }, eventId),
  ];
  if (notify) {
    statements.push(
      db.prepare(`UPDATE registrations SET change_id = ?1 WHERE event_id = ?2 AND parent_id IS NULL AND status IN ${LIVE_SQL}`).bind(change.id, eventId),
      change.outbox("event_changed", {
        changes: [
          ...(datesChanged ? ["date"] : []),
          ...(JSON.stringify(input.location) !== (before.location ?? "null") ? ["place"] : []),
          ...(input.onlineUrl !== before.onlineUrl ? ["online"] : []),
        ],
      }),
    );
  }
  const results = await db.batch(statements);
  if (notify) change.dispatch(results.at(-1));

  // More places: serve the waitlists where someone now fits.
  await serveWaitlists(ctx, oldPools.map((p) => p.id));
  translateInBackground(ctx, eventId);
}

/** Publishes a draft: it needs a title and at least one date. */
export async function publishEvent(ctx: DomainContext, actor: Actor, eventId: number): Promise<void> {
  const db = ctx.env.DB;
  const [updated] = await db.batch([
    db.prepare(
      `UPDATE events SET status = 'published', updated_at = ?2 WHERE id = ?1 AND status = 'draft'
         AND EXISTS (SELECT 1 FROM sessions WHERE event_id = ?1 AND cancelled_at IS NULL)`,
    ).bind(eventId, ctx.now),
    audit(ctx, actor, "event.published", "?5", {}, eventId),
  ]);
  if (!updated?.meta.changes) throw new ConflictError("cannot_publish", "error.invalid_state");
  translateInBackground(ctx, eventId);
}

/**
 * Cancels the whole event: every live registration is cancelled and told why, in one batch.
 */
export async function cancelEvent(ctx: DomainContext, actor: Actor, eventId: number, reason: string): Promise<number> {
  const db = ctx.env.DB;
  const change = new Change(ctx, actor);
  const [updated, registrations, , outbox] = await db.batch([
    db.prepare(`UPDATE events SET status = 'cancelled', cancellation_reason = ?2, updated_at = ?3 WHERE id = ?1 AND status != 'cancelled'`).bind(eventId, reason, ctx.now),
    db
      .prepare(
        `UPDATE registrations SET ${CANCELLED_SET}
         WHERE event_id = ?3 AND status IN ${LIVE_SQL}
           -- changes() is the row count of the event UPDATE just before in this batch: an event
           -- cancelled twice cancels nothing the second time.
           AND changes() > 0`,
      )
      .bind(change.id, ctx.now, eventId),
    change.audit("registration.cancelled_with_event"),
    change.outbox({ sql: `CASE WHEN r.parent_id IS NULL THEN 'event_cancelled' END` }),
    audit(ctx, actor, "event.cancelled", "?5", { reason }, eventId),
  ]);
  if (!updated?.meta.changes) throw new ConflictError("invalid_state", "error.invalid_state");
  change.dispatch(outbox);
  return registrations?.meta.changes ?? 0;
}

/** Copies an event as a draft for its next edition, dates moved by `shiftDays` (default 364: same weekday next year). */
export async function duplicateEvent(ctx: DomainContext, actor: Actor, eventId: number, shiftDays = 364): Promise<number> {
  const db = ctx.env.DB;
  const source = await db.prepare(`SELECT slug FROM events WHERE id = ?1`).bind(eventId).first<Pick<StoredEvent, "slug">>();
  if (!source) throw new NotFoundError("error.event_not_found");
  const shift = shiftDays * 86_400_000;
  const slug = await uniqueSlug(ctx, `${source.slug.replace(/-\d{4}$/, "")}-${new Date(Date.now() + shift).getUTCFullYear()}`);
  const [inserted] = await db.batch([
    db.prepare(
      `INSERT INTO events (organisation_id, slug, status, format, texts, audience, languages, location, online_url,
         registration_mode, registration_opens_at, registration_closes_at, max_places_per_registration, email_confirmation,
         hold_minutes, waitlist_enabled, waitlist_mode, offer_hours, questions, reminder_rules, count_children, allow_late_registration,
         checkin_opens_minutes, certificate_rule, certificate_signer, contact, created_by, created_at, updated_at, funding_lines, partners)
       SELECT organisation_id, ?2, 'draft', format, texts, audience, languages, location, online_url,
         registration_mode, registration_opens_at + ?3, registration_closes_at + ?3, max_places_per_registration, email_confirmation,
         hold_minutes, waitlist_enabled, waitlist_mode, offer_hours, questions, reminder_rules, count_children, allow_late_registration,
         checkin_opens_minutes, certificate_rule, certificate_signer, contact, ?4, ?5, ?5, funding_lines, partners
       FROM events WHERE id = ?1 RETURNING id`,
    ).bind(eventId, slug, shift, actor.startsWith("user:") ? Number(actor.slice(5)) : null, ctx.now),
    db.prepare(
      `INSERT INTO sessions (event_id, starts_at, ends_at, title)
       SELECT (SELECT id FROM events WHERE slug = ?2), starts_at + ?3, ends_at + ?3, title FROM sessions WHERE event_id = ?1 AND cancelled_at IS NULL`,
    ).bind(eventId, slug, shift),
    db.prepare(
      `INSERT INTO capacity_pools (event_id, kind, key, slot, name, capacity, starts_at, ends_at)
       SELECT (SELECT id FROM events WHERE slug = ?2), kind, key, slot, name, capacity, starts_at + ?3, ends_at + ?3 FROM capacity_pools WHERE event_id = ?1`,
    ).bind(eventId, slug, shift),
    copyReviewedTranslationsStatement(ctx.env, eventId, "(SELECT id FROM events WHERE slug = ?2)", slug),
    audit(ctx, actor, "event.duplicated", "(SELECT id FROM events WHERE slug = ?5)", { from: eventId }, slug),
  ]);
  const copy = (inserted?.results[0] as { id: number }).id;
  translateInBackground(ctx, copy);
  return copy;
}

