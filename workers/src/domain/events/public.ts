/**
 * Events as the public sees them: published (or cancelled) events with their sessions,
 * places left and whether new registrations would join the waitlist. Nothing private
 * (online join links, organiser data) ever leaves through here.
 */
import { and, asc, eq, inArray, isNotNull, sql, type SQL } from "drizzle-orm";
import { capacityPools, eventTranslations, events, organisations, registrations, sessions, type EventTexts, type Locale, type LocalizedText } from "../../../../db/schema";
import type { EventTextMarks, PublicContact, PublicEventDetail, PublicEventSummary, PublicLocation, TextMark } from "../../api-types";
import { database, type Database } from "../../lib/db";
import { NotFoundError } from "../../lib/errors";
import type { Env } from "../../env";
import { PLACE_TAKING_SQL } from "../places/statuses";
import { showText, translationMap, type ShownText, type StoredTranslation, type Translations } from "./texts";
import { iso } from "../../lib/dates";

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
  /** Translations of the event's texts into the languages the organiser did not write (see texts.ts). */
  translations: Translations;
  /** The organisation's name and contact address: the contact where the event names none. */
  organisation: { name: string; contactEmail: string | null };
};

type OrganisationContact = LoadedEvent["organisation"];

function withPools(event: EventRow, eventSessions: SessionRow[], pools: LoadedPool[], translations: Translations, organisation: OrganisationContact): LoadedEvent {
  const mainPool = pools.find((p) => p.kind === "event") ?? null;
  return {
    event,
    sessions: eventSessions,
    pools,
    mainPool,
    taken: mainPool ? (pools.find((p) => p.id === mainPool.id)?.taken ?? 0) : 0,
    translations,
    organisation,
  };
}

/** Stored translations of the given events (rows with a text; missing ones change nothing for the reader). */
function translationsQuery(db: ReturnType<typeof database>, eventIdsSql: SQL) {
  return db
    .select({
      eventId: eventTranslations.eventId,
      locale: eventTranslations.locale,
      field: eventTranslations.field,
      text: eventTranslations.text,
      status: eventTranslations.status,
      sourceLocale: eventTranslations.sourceLocale,
      sourceHash: eventTranslations.sourceHash,
    })
    .from(eventTranslations)
    .where(and(sql`${eventTranslations.eventId} IN ${eventIdsSql}`, isNotNull(eventTranslations.text)));
}

/** The same rows for a batch of plain D1 statements: some events (a JSON array of ids), one language. */
export function translationsStatement(db: D1Database, eventIdsJson: string, locale: Locale): D1PreparedStatement {
  return db
    .prepare(
      `SELECT event_id AS eventId, locale, field, text, status, source_locale AS sourceLocale, source_hash AS sourceHash
       FROM event_translations WHERE event_id IN (SELECT value FROM json_each(?1)) AND locale = ?2 AND text IS NOT NULL`,
    )
    .bind(eventIdsJson, locale);
}

/** Translation rows of several events, by event. */
export function translationsByEvent(rows: readonly (StoredTranslation & { eventId: number })[]): Map<number, Translations> {
  const byEvent = new Map<number, StoredTranslation[]>();
  for (const row of rows) byEvent.set(row.eventId, [...(byEvent.get(row.eventId) ?? []), row]);
  return new Map([...byEvent].map(([eventId, list]) => [eventId, translationMap(list)]));
}

function organisationsQuery(db: ReturnType<typeof database>, eventIdsSql: SQL) {
  return db
    .select({ eventId: events.id, name: organisations.name, contactEmail: organisations.contactEmail })
    .from(events)
    .innerJoin(organisations, eq(organisations.id, events.organisationId))
    .where(sql`${events.id} IN ${eventIdsSql}`);
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

/**
 * A text the organiser wrote per locale, in `locale` or by the fallback chain (English, then
 * German; texts.ts), flagged as a fallback when it is in another language. Without stored
 * translations: for texts that are never machine-translated (exports, the data page).
 */
export function localized(text: LocalizedText | null | undefined, locale: Locale): { text: string | null; fallback: boolean } {
  const shown = showText("", text, locale);
  return { text: shown?.text ?? null, fallback: Boolean(shown?.mark && !shown.mark.machine) };
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

/** The organiser's per-locale texts of one of the event's own fields. */
function ownTexts(event: Pick<EventRow, "texts">, field: "title" | "summary" | "description"): LocalizedText {
  const byLocale: LocalizedText = {};
  for (const [code, texts] of Object.entries(event.texts)) {
    const value = texts?.[field];
    if (value) byLocale[code as Locale] = value;
  }
  return byLocale;
}

/** One field of the organiser's per-locale texts, by the fallback chain (texts.ts), with its translations where loaded. */
export function eventText(event: Pick<EventRow, "texts">, field: "title" | "summary" | "description", locale: Locale, translations?: Translations): { text: string | null; fallback: boolean } {
  const shown = showText(field, ownTexts(event, field), locale, translations);
  return { text: shown?.text ?? null, fallback: Boolean(shown?.mark && !shown.mark.machine) };
}

/** An event's title from its stored texts (the JSON column) by the same chain; the slug where it has none. */
export function storedTitle(texts: string, locale: Locale, slug: string, translations?: Translations): string {
  return eventText({ texts: JSON.parse(texts) as EventTexts }, "title", locale, translations).text ?? slug;
}

/**
 * Every text of a loaded event a participant reads, in `locale` by the fallback chain. Each
 * comes with its mark (texts.ts): the pages say "automatically translated" or "shown in
 * English" and set `lang`. The emails use the same texts.
 */
export function eventReader(loaded: Pick<LoadedEvent, "event" | "translations">, locale: Locale) {
  const { event, translations } = loaded;
  const show = (field: string, source: LocalizedText | null | undefined): ShownText | null => showText(field, source, locale, translations);
  return {
    locale,
    field: (name: "title" | "summary" | "description") => show(name, ownTexts(event, name)),
    locationName: () => (event.location ? show("location.name", { de: event.location.name }) : null),
    accessibility: () => show("location.accessibility", event.location?.accessibility),
    session: (session: Pick<SessionRow, "id" | "title">) => show(`session.${session.id}`, session.title),
    question: (id: string, label: LocalizedText) => show(`question.${id}`, label),
    option: (questionId: string, id: string, label: LocalizedText) => show(`question.${questionId}.option.${id}`, label),
    pool: (pool: Pick<PoolRow, "key" | "name">) => show(`pool.${pool.key}`, pool.name),
  };
}
export type EventReader = ReturnType<typeof eventReader>;

/** `{ mark }` where a text has one, else nothing (the answer stays small). */
function markOf(shown: ShownText | null): { mark?: TextMark } {
  return shown?.mark ? { mark: shown.mark } : {};
}

/** Whom participants ask: the event's contact where it names one, else the organisation and its address. */
export function eventContact(loaded: Pick<LoadedEvent, "event" | "organisation">): PublicContact {
  const own = loaded.event.contact;
  return {
    name: own?.name || loaded.organisation.name,
    email: own?.email || loaded.organisation.contactEmail,
    phone: own?.phone || null,
  };
}

/** Where the event takes place, in `locale`: a translated name keeps the organiser's beside it (signs show that one). */
export function presentLocation(loaded: Pick<LoadedEvent, "event" | "translations">, read: EventReader): PublicLocation | null {
  const { location } = loaded.event;
  if (!location) return null;
  const name = read.locationName();
  const translated = name?.mark?.machine === true;
  return {
    name: name?.text ?? location.name,
    originalName: translated ? location.name : null,
    address: location.address ?? null,
    accessibility: read.accessibility()?.text ?? null,
  };
}

export function presentEvent(loaded: LoadedEvent, locale: Locale, now: number): PublicEventSummary {
  const { event, mainPool, taken } = loaded;
  const read = eventReader(loaded, locale);
  const title = read.field("title");
  const summary = read.field("summary");
  const window = registrationWindow(event, loaded.sessions, now);
  const placesLeft = mainPool && event.registrationMode !== "none" ? Math.max(0, mainPool.capacity - taken) : null;
  const marks: EventTextMarks = {};
  if (title?.mark) marks.title = title.mark;
  if (summary?.mark) marks.summary = summary.mark;
  const locationName = event.location ? read.locationName() : null;
  if (locationName?.mark) marks.location = locationName.mark;
  const accessibility = event.location ? read.accessibility() : null;
  if (accessibility?.mark) marks.accessibility = accessibility.mark;
  const sessionTexts = loaded.sessions.map((s) => ({ session: s, title: read.session(s) }));
  const closesAt = registrationClosesAt(event, loaded.sessions);
  return {
    slug: event.slug,
    format: event.format,
    title: title?.text ?? event.slug,
    summary: summary?.text ?? null,
    fallback: [title, summary, ...sessionTexts.map((s) => s.title)].some((shown) => shown?.mark && !shown.mark.machine),
    marks,
    sessions: sessionTexts.map(({ session: s, title: sessionTitle }) => ({
      startsAt: new Date(s.startsAt).toISOString(),
      endsAt: new Date(s.endsAt).toISOString(),
      title: sessionTitle?.text ?? null,
      cancelled: s.cancelledAt !== null,
      ...markOf(sessionTitle),
    })),
    location: presentLocation(loaded, read),
    online: event.onlineUrl !== null,
    status: event.status === "cancelled" ? "cancelled" : "published",
    cancellationReason: event.status === "cancelled" ? event.cancellationReason : null,
    contact: eventContact(loaded),
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
  const read = eventReader(loaded, locale);
  const description = read.field("description");
  const summary = presentEvent(loaded, locale, now);
  const marks: EventTextMarks = { ...summary.marks, ...(description?.mark ? { description: description.mark } : {}) };
  return {
    ...summary,
    fallback: summary.fallback || Boolean(description?.mark && !description.mark.machine),
    marks,
    description: description?.text ?? null,
    audience: event.audience,
    languages: event.languages,
    workshops: loaded.pools
      .filter((p) => p.kind === "workshop")
      .map((p) => {
        const name = read.pool(p);
        return {
          slot: p.slot ?? "",
          key: p.key,
          name: name?.text ?? p.key,
          ...markOf(name),
          startsAt: iso(p.startsAt),
          endsAt: iso(p.endsAt),
          capacity: p.capacity,
          placesLeft: Math.max(0, p.capacity - p.taken),
          waitlistOpen: p.capacity - p.taken <= 0,
        };
      }),
    registrationTypes: loaded.pools
      .filter((p) => p.kind === "registration_type")
      .map((p) => {
        const name = read.pool(p);
        return { key: p.key, name: name?.text ?? p.key, ...markOf(name), capacity: p.capacity, placesLeft: Math.max(0, p.capacity - p.taken) };
      }),
    exhibitors: loaded.exhibitors ?? [],
    questions: event.questions.map((q) => {
      const label = read.question(q.id, q.label);
      return {
        id: q.id,
        type: q.type,
        required: q.required,
        label: label?.text ?? q.id,
        ...markOf(label),
        ...(q.options
          ? {
              options: q.options.map((o) => {
                const option = read.option(q.id, o.id, o.label);
                return { id: o.id, label: option?.text ?? o.id, ...markOf(option) };
              }),
            }
          : {}),
      };
    }),
  };
}

const PUBLIC_STATUSES = ["published", "cancelled"] as const;

async function attach(env: Env, rows: EventRow[]): Promise<LoadedEvent[]> {
  if (rows.length === 0) return [];
  const db = database(env.DB);
  const ids = rows.map((e) => e.id);
  const [sessionRows, poolRows, stats, translationRows, organisationRows] = await db.batch([
    db.select().from(sessions).where(inArray(sessions.eventId, ids)).orderBy(asc(sessions.startsAt)),
    db.select().from(capacityPools).where(inArray(capacityPools.eventId, ids)).orderBy(asc(capacityPools.id)),
    poolStatsQuery(db, sql`${ids}`),
    translationsQuery(db, sql`${ids}`),
    organisationsQuery(db, sql`${ids}`),
  ]);
  const pools = mergePools(poolRows, stats);
  const translations = translationsByEvent(translationRows as (StoredTranslation & { eventId: number })[]);
  return rows.map((event) =>
    withPools(
      event,
      sessionRows.filter((s) => s.eventId === event.id),
      pools.filter((p) => p.eventId === event.id),
      translations.get(event.id) ?? new Map(),
      organisationRows.find((o) => o.eventId === event.id) ?? { name: "", contactEmail: null },
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
  const [eventRows, sessionRows, poolRows, stats, exhibitorRows, translationRows, organisationRows] = await db.batch([
    ...statements,
    poolStatsQuery(db, sql`(${eventId})`),
    db
      .select({ exhibitor: registrations.exhibitor })
      .from(registrations)
      .innerJoin(capacityPools, and(eq(capacityPools.id, registrations.poolId), eq(capacityPools.kind, "registration_type")))
      .where(and(eq(registrations.eventId, eventId), eq(registrations.status, "confirmed")))
      .orderBy(asc(registrations.id)),
    translationsQuery(db, sql`(${eventId})`),
    organisationsQuery(db, sql`(${eventId})`),
  ]);
  const event = eventRows[0];
  if (!event) throw new NotFoundError("error.event_not_found");
  return {
    ...withPools(event, sessionRows, mergePools(poolRows, stats), translationMap(translationRows as StoredTranslation[]), organisationRows[0] ?? { name: "", contactEmail: null }),
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
