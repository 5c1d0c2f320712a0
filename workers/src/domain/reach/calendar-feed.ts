/**
 * The programme as iCalendar: the feeds (all events, or those of an audience, an
 * organisation, …) and an event's own calendar file are the same entries, one VEVENT per
 * date. Written for calendar apps and for importers such as integreat-cms's external
 * calendar (which polls the URL and keeps what it finds):
 *   - every VEVENT has UID, SUMMARY, DTSTART and DTEND; the UID is `<slug>-<session>@host`,
 *     stable across edits;
 *   - no RRULE: a series is one VEVENT per date;
 *   - at most 28 days each: a longer date (an exhibition over weeks) is listed in parts
 *     of up to 28 days, each with the whole period in its description;
 *   - DESCRIPTION is plain text holding the summary, the place with its address, and the
 *     link to register (or "free entry"); LOCATION is written too, for calendar apps;
 *   - CATEGORIES carries the audience codes, the format and the organisation's slug, so an
 *     importer filtering by one exact category value finds its events;
 *   - a cancelled event or date stays, marked cancelled (STATUS and SUMMARY), until its date
 *     has passed, because an importer deletes what leaves the feed without telling anyone;
 *   - times in the organisation's zone with its VTIMEZONE;
 *   - an online event's join link is never in it (it is not even loaded).
 */
import type { Locale } from "../../../../db/schema";
import type { Env } from "../../env";
import { reachText } from "../../i18n";
import { buildCalendar, sessionUid, type CalendarEntry } from "../../lib/icalendar";
import { zonedToUtc, wallTime } from "../../lib/time-zone";
import { offsetsFor } from "../../lib/zone-offsets";
import { eventReader, eventText } from "../events/public";
import { dayText } from "./dates";
import { publicOrigin, shortLink, type ProgrammeEvent } from "./programme";

/** The longest entry an importer takes (integreat-cms: 28 days). */
export const MAX_ENTRY_DAYS = 28;
const DAY = 86_400_000;

type Part = { startsAt: number; endsAt: number };

/** The zone's calendar day of an instant, as a number (days since 1970-01-01). */
function dayNumber(ms: number, zone: string): number {
  return Math.floor(offsetsFor(zone, ms, ms).wall(ms).getTime() / DAY);
}

/**
 * A date over more than 28 calendar days, cut into consecutive parts of at most 28 days:
 * each part opens at the date's opening time on its first day and closes at the closing
 * time on its last (an exhibition open 10:00–18:00 from 17 November to 31 December: two
 * parts, 17 November 10:00 – 14 December 18:00, and 15 December 10:00 – 31 December 18:00).
 */
export function partsOf(startsAt: number, endsAt: number, zone: string): Part[] {
  // A date ending at midnight ends on the day before.
  const lastDay = dayNumber(endsAt - 1, zone);
  const firstDay = dayNumber(startsAt, zone);
  const days = lastDay - firstDay + 1;
  if (days <= MAX_ENTRY_DAYS) return [{ startsAt, endsAt }];
  const opens = wallTime(startsAt, zone);
  const closes = wallTime(endsAt, zone);
  const at = (day: number, time: { hour: number; minute: number }) => {
    const date = new Date(day * DAY);
    return zonedToUtc({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: time.hour, minute: time.minute }, zone);
  };
  const parts: Part[] = [];
  for (let first = firstDay; first <= lastDay; first += MAX_ENTRY_DAYS) {
    const last = Math.min(first + MAX_ENTRY_DAYS - 1, lastDay);
    const partStart = first === firstDay ? startsAt : at(first, opens);
    let partEnd = last === lastDay ? endsAt : at(last, closes);
    // Closing before opening on a one-day part (a date ending at midnight): it closes at the day's end.
    if (partEnd <= partStart) partEnd = Math.min(endsAt, at(last + 1, { hour: 0, minute: 0 }));
    parts.push({ startsAt: partStart, endsAt: partEnd });
  }
  return parts;
}

/** "Name, address" of the place, as one line. */
export function placeText(event: ProgrammeEvent): string | null {
  const location = event.event.location;
  return location ? [location.name, location.address].filter(Boolean).join(", ") : null;
}

/** The plain-text description: summary, (the whole period), place, and how to take part. */
function description(event: ProgrammeEvent, locale: Locale, link: string, period: string | null): string {
  const e = event.event;
  const t = (key: Parameters<typeof reachText>[1], params?: Record<string, string | number>) => reachText(locale, key, params);
  const summary = eventText(e, "summary", locale, event.translations).text;
  const facts: string[] = [];
  if (period) facts.push(period);
  const place = placeText(event);
  if (place) facts.push(t("feed.place", { place }));
  if (e.onlineUrl !== null) facts.push(t("feed.online"));
  if (e.status === "cancelled") {
    if (e.cancellationReason) facts.push(t("feed.cancellation_reason", { reason: e.cancellationReason }));
    facts.push(t("feed.more", { url: link }));
  } else if (e.registrationMode === "none") {
    facts.push(t("feed.free_entry"), t("feed.more", { url: link }));
  } else {
    facts.push(t(e.registrationMode === "approval" ? "feed.apply" : "feed.register", { url: link }));
  }
  return [summary, facts.join("\n")].filter(Boolean).join("\n\n");
}

/** The VEVENTs of one event: one per date, a date over 28 days in parts. */
export function calendarEntries(env: Env, event: ProgrammeEvent, locale: Locale, options: { transparent: boolean }): CalendarEntry[] {
  const e = event.event;
  const zone = event.organisation.timeZone;
  const host = new URL(publicOrigin(env)).hostname;
  const read = eventReader(event, locale);
  const title = read.field("title")?.text ?? e.slug;
  const link = shortLink(env, e.slug, locale);
  const categories = [...e.audience, e.format, ...(event.organisation.slug ? [event.organisation.slug] : [])];
  return event.sessions.flatMap((session) => {
    const sessionTitle = read.session(session)?.text ?? null;
    const named = sessionTitle ? `${title} – ${sessionTitle}` : title;
    const parts = partsOf(session.startsAt, session.endsAt, zone);
    const period = parts.length > 1 ? reachText(locale, "feed.period", { from: dayText(session.startsAt, locale, zone), to: dayText(session.endsAt - 1, locale, zone) }) : null;
    const cancelled = e.status === "cancelled" || session.cancelledAt !== null;
    return parts.map((part, index) => {
      let summary = parts.length > 1 ? reachText(locale, "feed.part", { title: named, part: index + 1, parts: parts.length }) : named;
      if (e.status === "cancelled") summary = reachText(locale, "feed.cancelled", { title: summary });
      else if (session.cancelledAt !== null) summary = reachText(locale, "feed.date_cancelled", { title: summary });
      return {
        // The first part keeps the date's own UID: a date that is shortened later stays the same entry.
        uid: sessionUid(e.slug, index === 0 ? session.id : `${session.id}-${index + 1}`, host),
        startsAt: part.startsAt,
        endsAt: part.endsAt,
        summary,
        description: description(event, locale, link, period),
        location: placeText(event),
        url: link,
        categories,
        cancelled,
        transparent: options.transparent,
        lastModified: e.updatedAt,
        timeZone: zone,
      };
    });
  });
}

/** The feed: every event of the programme given (already filtered), in one language. */
export function programmeCalendar(env: Env, programme: readonly ProgrammeEvent[], locale: Locale, name: string): string {
  return buildCalendar(
    programme.flatMap((event) => calendarEntries(env, event, locale, { transparent: true })),
    { name, refreshMinutes: 60 },
  );
}

/** An event's own calendar file: the same entries, to keep in one's own calendar. */
export function eventCalendarFile(env: Env, event: ProgrammeEvent, locale: Locale): string {
  return buildCalendar(calendarEntries(env, event, locale, { transparent: false }), { name: eventReader(event, locale).field("title")?.text ?? event.event.slug });
}
