/**
 * The public programme as it leaves the platform: published (and cancelled) events whose
 * last date has not passed, each with its organisation (name, time zone), and the links
 * that lead to it (short link, calendar file, poster). Drafts never appear; an online
 * event's join link is not loaded here at all.
 */
import type { Locale } from "../../../../db/schema";
import type { Env } from "../../env";
import { reachText } from "../../i18n";
import { NotFoundError } from "../../lib/errors";
import { listPublicEvents, loadPublicEvent, soonestFirst, type LoadedEvent } from "../events/public";
import { forEachDatabase } from "../../lib/tenants";
import type { StoredOrganisation } from "../../../../db/rows";

export type Organisation = Pick<StoredOrganisation, "id" | "slug" | "name" | "timeZone">;
/** With the organisation's slug and time zone beside the name and contact the event carries. */
export type ProgrammeEvent = Omit<LoadedEvent, "organisation"> & { organisation: Organisation & LoadedEvent["organisation"] };

/**
 * Bumped when what a feed says about the same data changes (a new field, other wording),
 * so that a client's cached copy is not taken for the current one.
 */
const FEED_FORMAT = 1;

async function organisations(env: Env): Promise<Map<number, Organisation>> {
  const { results } = await env.DB.prepare(`SELECT id, slug, name, time_zone AS timeZone FROM organisations`).all<Organisation>();
  return new Map(results.map((o) => [o.id, o]));
}

function withOrganisation(loaded: LoadedEvent, byId: Map<number, Organisation>): ProgrammeEvent {
  const organisation = byId.get(loaded.event.organisationId) ?? { id: loaded.event.organisationId, slug: "", name: "", timeZone: "Europe/Berlin" };
  return { ...loaded, organisation: { ...loaded.organisation, ...organisation } };
}

/** The programme at `now` of every database (lib/tenants.ts), soonest first. */
export async function loadProgramme(env: Env, now: number): Promise<ProgrammeEvent[]> {
  const perDatabase = await forEachDatabase(env, async (databaseEnv) => {
    const [events, byId] = await Promise.all([listPublicEvents(databaseEnv, now), organisations(databaseEnv)]);
    return events.map((loaded) => withOrganisation(loaded, byId));
  });
  return soonestFirst(perDatabase.flat());
}

/** One public event with its organisation; unknown slugs and drafts are not found. */
export async function loadProgrammeEvent(env: Env, slug: string): Promise<ProgrammeEvent> {
  const loaded = await loadPublicEvent(env, slug);
  const organisation = await env.DB.prepare(`SELECT id, slug, name, time_zone AS timeZone FROM organisations WHERE id = ?1`)
    .bind(loaded.event.organisationId)
    .first<Organisation>();
  if (!organisation) throw new NotFoundError("error.event_not_found");
  return { ...loaded, organisation: { ...loaded.organisation, ...organisation } };
}

/**
 * A stamp that changes whenever the programme's feeds would: an event published, edited
 * (its dates and texts are edited with it: every edit sets events.updated_at), cancelled,
 * or leaving the programme when its last date ends. One indexed aggregate instead of the
 * whole programme, so a client polling with If-None-Match costs one small query.
 */
export async function programmeVersion(env: Env, now: number): Promise<string> {
  const perDatabase = await forEachDatabase(env, (databaseEnv) => databaseVersion(databaseEnv, now));
  return `${FEED_FORMAT}-${perDatabase.join("-")}`;
}

async function databaseVersion(env: Env, now: number): Promise<string> {
  // The feeds show the events' translations too (a machine translation arrives after the save).
  const row = await env.DB.prepare(
    `SELECT COUNT(*) AS events, COALESCE(MAX(e.updated_at), 0) AS changed,
            (SELECT COALESCE(MAX(updated_at), 0) FROM organisations) AS organisations,
            COALESCE(MAX((SELECT MAX(t.updated_at) FROM event_translations t WHERE t.event_id = e.id)), 0) AS translated
       FROM events e
      WHERE e.status IN ('published', 'cancelled')
        AND EXISTS (SELECT 1 FROM sessions s WHERE s.event_id = e.id AND s.ends_at >= ?1)`,
  )
    .bind(now)
    .first<{ events: number; changed: number; organisations: number; translated: number }>();
  return `${row?.events ?? 0}-${row?.changed ?? 0}-${row?.organisations ?? 0}-${row?.translated ?? 0}`;
}

/** The public origin, without a trailing slash. */
export function publicOrigin(env: Env): string {
  return env.PUBLIC_URL.replace(/\/$/, "");
}

/** The event's short link, `/e/{slug}`, with `?lang=` where a language other than German was asked for. */
export function shortLink(env: Env, slug: string, locale?: Locale): string {
  const link = `${publicOrigin(env)}/e/${encodeURIComponent(slug)}`;
  return locale && locale !== "de" ? `${link}?lang=${locale}` : link;
}

/** The event's other public documents: its calendar file and its poster. */
export function eventDocuments(env: Env, slug: string): { calendarUrl: string; posterUrl: string } {
  const base = `${publicOrigin(env)}/api/events/${encodeURIComponent(slug)}`;
  return { calendarUrl: `${base}/calendar.ics`, posterUrl: `${base}/poster.pdf` };
}

/** The feed's name in calendar apps: "Veranstaltungen", or "Veranstaltungen: <organisation>" for one organisation's feed. */
export function feedTitle(programme: readonly ProgrammeEvent[], organisationSlug: string | undefined, locale: Locale): string {
  if (!organisationSlug) return reachText(locale, "feed.name");
  const organisation = programme.find((event) => event.organisation.slug === organisationSlug)?.organisation.name ?? organisationSlug;
  return reachText(locale, "feed.name_organisation", { organisation });
}
