/**
 * Events as the public sees them: published (or cancelled) events with their sessions,
 * places left and whether new registrations would join the waitlist. Nothing private
 * (online join links, organiser data) ever leaves through here.
 */
import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { capacityPools, events, registrations, sessions, type Locale, type LocalizedText } from "../../../../db/schema";
import type { PublicEventDetail, PublicEventSummary, PublicLocation } from "../../api-types";
import { database, type Database } from "../../lib/db";
import { NotFoundError } from "../../lib/errors";
import type { Env } from "../../env";
import { PLACE_TAKING_SQL } from "../places/statuses";

export type EventRow = typeof events.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type PoolRow = typeof capacityPools.$inferSelect;
export type LoadedPool = PoolRow & { taken: number; waiting: number };
export type LoadedEvent = {
  event: EventRow;
  sessions: SessionRow[];
  /** Every pool with its places taken and registrations waiting. */
  pools: LoadedPool[];
  /** The event-wide pool (null for free entry) and its places taken. */
  mainPool: PoolRow | null;
  taken: number;
  /** Approved exhibitors (loaded with a single public event). */
  exhibitors?: { organisation: string; description: string }[];
};

function withPools(event: EventRow, eventSessions: SessionRow[], pools: LoadedPool[]): LoadedEvent {
  const mainPool = pools.find((p) => p.kind === "event") ?? null;
  return { event, sessions: eventSessions, pools, mainPool, taken: mainPool ? (pools.find((p) => p.id === mainPool.id)?.taken ?? 0) : 0 };
}

/** Places taken and registrations waiting per pool of the given events, in one query. */
function poolStatsQuery(db: ReturnType<typeof database>, eventIdsSql: SQL) {
  return db
    .select({
      poolId: registrations.poolId,
      taken: sql<number>`COALESCE(SUM(CASE WHEN ${registrations.status} IN ${sql.raw(PLACE_TAKING_SQL)} THEN ${registrations.places} END), 0)`,
      waiting: sql<number>`COUNT(CASE WHEN ${registrations.status} = 'waitlisted' THEN 1 END)`,
    })
    .from(registrations)
    .where(sql`${registrations.eventId} IN ${eventIdsSql}`)
    .groupBy(registrations.poolId);
}

function mergePools(poolRows: PoolRow[], stats: { poolId: number; taken: number; waiting: number }[]): LoadedPool[] {
  const byPool = new Map(stats.map((s) => [s.poolId, s]));
  return poolRows.map((p) => ({ ...p, taken: Number(byPool.get(p.id)?.taken ?? 0), waiting: Number(byPool.get(p.id)?.waiting ?? 0) }));
}

/** A text in the locale, or German (flagged as a fallback) when it is missing. */
export function localized(text: LocalizedText | null | undefined, locale: Locale): { text: string | null; fallback: boolean } {
  const own = text?.[locale];
  if (own) return { text: own, fallback: false };
  const german = text?.de ?? null;
  return { text: german, fallback: german !== null && locale !== "de" };
}

/**
 * Without an explicit end, registration closes when the first date begins — or, for a series
 * that allows late registration, when the last date begins.
 */
export function registrationClosesAt(event: EventRow, eventSessions: SessionRow[]): number | null {
  if (event.registrationClosesAt !== null) return event.registrationClosesAt;
  const live = eventSessions.filter((s) => s.cancelledAt === null);
  const session = event.allowLateRegistration ? live.at(-1) : live[0];
  return session?.startsAt ?? null;
}

/** Where registration for the event stands at `now`, as a stable reason code. */
export function registrationWindow(
  event: EventRow,
  eventSessions: SessionRow[],
  now: number,
): "open" | "cancelled" | "no_registration" | "not_open_yet" | "closed" {
  if (event.status === "cancelled") return "cancelled";
  if (event.registrationMode === "none") return "no_registration";
  if (event.registrationOpensAt !== null && now < event.registrationOpensAt) return "not_open_yet";
  const closesAt = registrationClosesAt(event, eventSessions);
  if (closesAt !== null && now >= closesAt) return "closed";
  return "open";
}

/** One field of the organiser's per-locale texts, with the German fallback. */
export function eventText(event: EventRow, field: "title" | "summary" | "description", locale: Locale) {
  const byLocale: LocalizedText = {};
  for (const [code, texts] of Object.entries(event.texts)) {
    const value = texts?.[field];
    if (value) byLocale[code as Locale] = value;
  }
  return localized(byLocale, locale);
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function presentEvent(loaded: LoadedEvent, locale: Locale, now: number): PublicEventSummary {
  const { event, mainPool, taken } = loaded;
  const title = eventText(event, "title", locale);
  const summary = eventText(event, "summary", locale);
  const window = registrationWindow(event, loaded.sessions, now);
  const placesLeft = mainPool && event.registrationMode !== "none" ? Math.max(0, mainPool.capacity - taken) : null;
  const location: PublicLocation | null = event.location
    ? {
        name: event.location.name,
        address: event.location.address ?? null,
        accessibility: localized(event.location.accessibility, locale).text,
      }
    : null;
  const closesAt = registrationClosesAt(event, loaded.sessions);
  return {
    slug: event.slug,
    format: event.format,
    title: title.text ?? event.slug,
    summary: summary.text,
    fallback: title.fallback || summary.fallback,
    sessions: loaded.sessions.map((s) => ({
      startsAt: new Date(s.startsAt).toISOString(),
      endsAt: new Date(s.endsAt).toISOString(),
      title: localized(s.title, locale).text,
      cancelled: s.cancelledAt !== null,
    })),
    location,
    online: event.onlineUrl !== null,
    status: event.status === "cancelled" ? "cancelled" : "published",
    cancellationReason: event.status === "cancelled" ? event.cancellationReason : null,
    registration: {
      mode: event.registrationMode,
      open: window === "open" && mainPool !== null,
      opensAt: iso(event.registrationOpensAt),
      closesAt: iso(closesAt),
      placesLeft,
      capacity: mainPool?.capacity ?? null,
      waitlistOpen: window === "open" && event.waitlistEnabled && placesLeft === 0,
      maxPlaces: event.maxPlacesPerRegistration,
      emailConfirmation: event.emailConfirmation,
      countChildren: event.countChildren,
    },
  };
}

export function presentEventDetail(loaded: LoadedEvent, locale: Locale, now: number): PublicEventDetail {
  const { event } = loaded;
  const description = eventText(event, "description", locale);
  const summary = presentEvent(loaded, locale, now);
  return {
    ...summary,
    fallback: summary.fallback || description.fallback,
    description: description.text,
    audience: event.audience,
    languages: event.languages,
    workshops: loaded.pools
      .filter((p) => p.kind === "workshop")
      .map((p) => ({
        slot: p.slot ?? "",
        key: p.key,
        name: localized(p.name, locale).text ?? p.key,
        capacity: p.capacity,
        placesLeft: Math.max(0, p.capacity - p.taken),
        waitlistOpen: p.capacity - p.taken <= 0,
      })),
    registrationTypes: loaded.pools
      .filter((p) => p.kind === "registration_type")
      .map((p) => ({ key: p.key, name: localized(p.name, locale).text ?? p.key, capacity: p.capacity, placesLeft: Math.max(0, p.capacity - p.taken) })),
    exhibitors: loaded.exhibitors ?? [],
    questions: event.questions.map((q) => ({
      id: q.id,
      type: q.type,
      required: q.required,
      label: localized(q.label, locale).text ?? q.id,
      ...(q.options ? { options: q.options.map((o) => ({ id: o.id, label: localized(o.label, locale).text ?? o.id })) } : {}),
    })),
  };
}

const PUBLIC_STATUSES = ["published", "cancelled"] as const;

async function attach(env: Env, rows: EventRow[]): Promise<LoadedEvent[]> {
  if (rows.length === 0) return [];
  const db = database(env.DB);
  const ids = rows.map((e) => e.id);
  const [sessionRows, poolRows, stats] = await db.batch([
    db.select().from(sessions).where(inArray(sessions.eventId, ids)).orderBy(asc(sessions.startsAt)),
    db.select().from(capacityPools).where(inArray(capacityPools.eventId, ids)).orderBy(asc(capacityPools.id)),
    poolStatsQuery(db, sql`${ids}`),
  ]);
  const pools = mergePools(poolRows, stats);
  return rows.map((event) =>
    withPools(
      event,
      sessionRows.filter((s) => s.eventId === event.id),
      pools.filter((p) => p.eventId === event.id),
    ),
  );
}

/** Published and cancelled events whose last date has not passed, soonest first. */
export async function listPublicEvents(env: Env, now: number): Promise<LoadedEvent[]> {
  const db = database(env.DB);
  const rows = await db
    .select()
    .from(events)
    .where(
      and(
        inArray(events.status, [...PUBLIC_STATUSES]),
        sql`EXISTS (SELECT 1 FROM sessions s WHERE s.event_id = ${events.id} AND s.ends_at >= ${now})`,
      ),
    );
  return soonestFirst(await attach(env, rows));
}

/** Events by their first date, soonest first (also across databases, routes/events.ts). */
export function soonestFirst<T extends LoadedEvent>(loaded: T[]): T[] {
  const firstStart = (l: T) => l.sessions[0]?.startsAt ?? Number.MAX_SAFE_INTEGER;
  return loaded.sort((a, b) => firstStart(a) - firstStart(b));
}

/**
 * The first statements of a batch that reads the public event `slug`: the event (public
 * statuses only), its sessions and its pools; `eventId` for further statements.
 */
export function publicEventStatements(db: Database, slug: string) {
  const eventId = sql`(SELECT id FROM events WHERE slug = ${slug})`;
  return {
    eventId,
    statements: [
      db
        .select()
        .from(events)
        .where(and(eq(events.slug, slug), inArray(events.status, [...PUBLIC_STATUSES])))
        .limit(1),
      db.select().from(sessions).where(eq(sessions.eventId, eventId)).orderBy(asc(sessions.startsAt)),
      db.select().from(capacityPools).where(eq(capacityPools.eventId, eventId)).orderBy(asc(capacityPools.id)),
    ] as const,
  };
}

/** One public event by slug, in one round trip; drafts do not exist for the public. */
export async function loadPublicEvent(env: Env, slug: string): Promise<LoadedEvent> {
  const db = database(env.DB);
  const { eventId, statements } = publicEventStatements(db, slug);
  const [eventRows, sessionRows, poolRows, stats, exhibitorRows] = await db.batch([
    ...statements,
    poolStatsQuery(db, sql`(${eventId})`),
    db
      .select({ exhibitor: registrations.exhibitor })
      .from(registrations)
      .innerJoin(capacityPools, and(eq(capacityPools.id, registrations.poolId), eq(capacityPools.kind, "registration_type")))
      .where(and(eq(registrations.eventId, eventId), eq(registrations.status, "confirmed")))
      .orderBy(asc(registrations.id)),
  ]);
  const event = eventRows[0];
  if (!event) throw new NotFoundError("error.event_not_found");
  return {
    ...withPools(event, sessionRows, mergePools(poolRows, stats)),
    // Only what the exhibitor wrote for the public: organisation and description.
    exhibitors: exhibitorRows.flatMap(({ exhibitor }) => (exhibitor ? [{ organisation: exhibitor.organisation, description: exhibitor.description }] : [])),
  };
}

/** The event of a registration, whatever its status now (a participant may look at a cancelled one). */
export async function loadEventById(env: Env, eventId: number): Promise<LoadedEvent> {
  const db = database(env.DB);
  const [row] = await db.select().from(events).where(eq(events.id, eventId)).limit(1);
  if (!row) throw new NotFoundError("error.event_not_found");
  const [loaded] = await attach(env, [row]);
  return loaded!;
}
