/**
 * Events as the public sees them: published (or cancelled) events with their sessions,
 * places left and whether new registrations would join the waitlist. Nothing private
 * (online join links, organiser data) ever leaves through here.
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { capacityPools, events, PLACE_TAKING_STATUSES, registrations, sessions, type Locale, type LocalizedText } from "../../../../db/schema";
import type { PublicEventDetail, PublicEventSummary, PublicLocation } from "../../api-types";
import { database } from "../../lib/db";
import { NotFoundError } from "../../lib/errors";
import type { Env } from "../../env";

export type EventRow = typeof events.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type PoolRow = typeof capacityPools.$inferSelect;
export type LoadedEvent = { event: EventRow; sessions: SessionRow[]; mainPool: PoolRow | null; taken: number };

/** A text in the locale, or German (flagged as a fallback) when it is missing. */
export function localized(text: LocalizedText | null | undefined, locale: Locale): { text: string | null; fallback: boolean } {
  const own = text?.[locale];
  if (own) return { text: own, fallback: false };
  const german = text?.de ?? null;
  return { text: german, fallback: german !== null && locale !== "de" };
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
  // Without an explicit end, registration closes when the first date begins.
  const closesAt = event.registrationClosesAt ?? eventSessions[0]?.startsAt ?? null;
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
  const closesAt = event.registrationClosesAt ?? loaded.sessions[0]?.startsAt ?? null;
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
  const [sessionRows, poolRows, takenRows] = await db.batch([
    db.select().from(sessions).where(inArray(sessions.eventId, ids)).orderBy(asc(sessions.startsAt)),
    db.select().from(capacityPools).where(and(inArray(capacityPools.eventId, ids), eq(capacityPools.kind, "event"))),
    db
      .select({ poolId: registrations.poolId, taken: sql<number>`SUM(${registrations.places})` })
      .from(registrations)
      .innerJoin(capacityPools, and(eq(capacityPools.id, registrations.poolId), eq(capacityPools.kind, "event")))
      .where(and(inArray(registrations.eventId, ids), inArray(registrations.status, [...PLACE_TAKING_STATUSES])))
      .groupBy(registrations.poolId),
  ]);
  const takenByPool = new Map(takenRows.map((row) => [row.poolId, Number(row.taken)]));
  return rows.map((event) => {
    const mainPool = poolRows.find((p) => p.eventId === event.id) ?? null;
    return {
      event,
      sessions: sessionRows.filter((s) => s.eventId === event.id),
      mainPool,
      taken: mainPool ? (takenByPool.get(mainPool.id) ?? 0) : 0,
    };
  });
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
  const loaded = await attach(env, rows);
  const firstStart = (l: LoadedEvent) => l.sessions[0]?.startsAt ?? Number.MAX_SAFE_INTEGER;
  return loaded.sort((a, b) => firstStart(a) - firstStart(b));
}

/** One public event by slug, in one round trip; drafts do not exist for the public. */
export async function loadPublicEvent(env: Env, slug: string): Promise<LoadedEvent> {
  const db = database(env.DB);
  const eventId = sql`(SELECT id FROM events WHERE slug = ${slug})`;
  const [eventRows, sessionRows, poolRows, takenRows] = await db.batch([
    db
      .select()
      .from(events)
      .where(and(eq(events.slug, slug), inArray(events.status, [...PUBLIC_STATUSES])))
      .limit(1),
    db.select().from(sessions).where(eq(sessions.eventId, eventId)).orderBy(asc(sessions.startsAt)),
    db
      .select()
      .from(capacityPools)
      .where(and(eq(capacityPools.eventId, eventId), eq(capacityPools.kind, "event")))
      .limit(1),
    db
      .select({ taken: sql<number>`COALESCE(SUM(${registrations.places}), 0)` })
      .from(registrations)
      .innerJoin(capacityPools, and(eq(capacityPools.id, registrations.poolId), eq(capacityPools.kind, "event")))
      .where(and(eq(registrations.eventId, eventId), inArray(registrations.status, [...PLACE_TAKING_STATUSES]))),
  ]);
  const event = eventRows[0];
  if (!event) throw new NotFoundError("error.event_not_found");
  return { event, sessions: sessionRows, mainPool: poolRows[0] ?? null, taken: Number(takenRows[0]?.taken ?? 0) };
}

/** The event of a registration, whatever its status now (a participant may look at a cancelled one). */
export async function loadEventById(env: Env, eventId: number): Promise<LoadedEvent> {
  const db = database(env.DB);
  const [row] = await db.select().from(events).where(eq(events.id, eventId)).limit(1);
  if (!row) throw new NotFoundError("error.event_not_found");
  const [loaded] = await attach(env, [row]);
  return loaded!;
}
