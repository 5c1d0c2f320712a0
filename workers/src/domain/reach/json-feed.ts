/**
 * The programme as JSON, for the city's website and apps: the events of the iCalendar feed
 * with their texts in one language, dates, place, audience, languages and links. It holds
 * what changes with an edit only (no places left, which change by the second): so its ETag
 * is the programme's version stamp and a poll with If-None-Match costs one small query.
 * The page behind `url` shows the places left live.
 */
import type { Locale } from "../../../../db/schema";
import type { FeedEvent, ProgrammeFeed } from "../../api-types";
import type { Env } from "../../env";
import { eventReader, eventText, presentEvent, registrationClosesAt } from "../events/public";
import { eventDocuments, publicOrigin, shortLink, type ProgrammeEvent } from "./programme";
import { iso } from "../../lib/dates";

export function feedEvent(env: Env, event: ProgrammeEvent, locale: Locale): FeedEvent {
  const e = event.event;
  // The summary as the list shows it (texts with their German fallback, the place); its places are left out.
  const summary = presentEvent(event, locale, 0);
  const description = eventText(e, "description", locale, event.translations);
  const read = eventReader(event, locale);
  const url = shortLink(env, e.slug, locale);
  return {
    id: e.slug,
    url,
    title: summary.title,
    summary: summary.summary,
    description: description.text,
    fallback: summary.fallback || description.fallback,
    format: e.format,
    audience: e.audience,
    languages: e.languages,
    organisation: { slug: event.organisation.slug, name: event.organisation.name },
    timeZone: event.organisation.timeZone,
    status: summary.status,
    cancellationReason: summary.cancellationReason,
    location: summary.location,
    online: summary.online,
    registration: {
      mode: e.registrationMode,
      opensAt: iso(e.registrationOpensAt),
      closesAt: iso(registrationClosesAt(e, event.sessions)),
      url: e.registrationMode === "none" ? null : url,
    },
    sessions: event.sessions.map((s) => ({
      id: s.id,
      startsAt: new Date(s.startsAt).toISOString(),
      endsAt: new Date(s.endsAt).toISOString(),
      title: read.session(s)?.text ?? null,
      cancelled: s.cancelledAt !== null,
    })),
    ...eventDocuments(env, e.slug),
    updatedAt: new Date(e.updatedAt).toISOString(),
  };
}

export function programmeFeed(env: Env, programme: readonly ProgrammeEvent[], locale: Locale, title: string): ProgrammeFeed {
  return { version: 1, title, locale, homePageUrl: `${publicOrigin(env)}/`, events: programme.map((event) => feedEvent(env, event, locale)) };
}
