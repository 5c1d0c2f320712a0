/**
 * An event's poster: everything it says is decided here (title, dates and place in the
 * poster's language, the organiser, "sign up here" in all six languages, the short link the
 * QR code holds); the documents Worker lays it out (workers/documents/poster.ts).
 */
import { LOCALES, type Locale } from "../../../../db/schema";
import type { PosterContent } from "../../../documents/contract";
import type { Env } from "../../env";
import { reachText } from "../../i18n";
import { INTL_LOCALES, languageName } from "../../i18n/vocabulary";
import { eventReader } from "../events/public";
import { whenText } from "./dates";
import { shortLink, type ProgrammeEvent } from "./programme";

/** Dates printed one per line; more than these are counted. */
const DATES_SHOWN = 4;

export function posterContent(env: Env, event: ProgrammeEvent, locale: Locale, now: number): PosterContent {
  const e = event.event;
  const zone = event.organisation.timeZone;
  const shownTitle = eventReader(event, locale).field("title");
  const title = shownTitle?.text ?? e.slug;
  const mark = shownTitle?.mark;
  const live = event.sessions.filter((s) => s.cancelledAt === null);
  const coming = live.filter((s) => s.endsAt >= now);
  const dates = (coming.length > 0 ? coming : live).map((s) => whenText(s.startsAt, s.endsAt, locale, zone));
  const shown = dates.length > DATES_SHOWN + 1 ? [...dates.slice(0, DATES_SHOWN), reachText(locale, "dates.more", { count: dates.length - DATES_SHOWN })] : dates;
  const place = e.location ? [e.location.name, e.location.address ?? ""].filter(Boolean) : [];
  if (e.onlineUrl !== null) place.push(reachText(locale, "poster.online"));
  const call = e.registrationMode === "none" ? "poster.more_info" : e.registrationMode === "approval" ? "poster.apply" : "poster.sign_up";
  // The code leads to the page in the reader's own language (no ?lang=): whoever scans it may not read the poster's.
  const link = shortLink(env, e.slug);
  return {
    info: { title, subject: event.organisation.name, author: event.organisation.name, language: INTL_LOCALES[locale], createdAt: e.updatedAt },
    organiser: event.organisation.name,
    title,
    // As the event's page says it: a reader should know the words are a machine's, or why they are another language's.
    titleNote: !mark ? null : mark.machine ? reachText(locale, "poster.machine_translated") : reachText(locale, "poster.shown_in", { language: languageName(mark.lang, locale) }),
    cancelled: e.status === "cancelled" ? reachText(locale, "poster.cancelled") : null,
    dates: shown,
    place,
    note: e.registrationMode === "none" ? reachText(locale, "poster.free_entry") : null,
    qr: link,
    link: link.replace(/^https?:\/\//, ""),
    callToAction: LOCALES.map((l) => ({ locale: l, text: reachText(l, call) })),
  };
}

/** The poster as PDF bytes, rendered by the documents Worker. */
export function renderPoster(env: Env, event: ProgrammeEvent, locale: Locale, now: number): Promise<Uint8Array<ArrayBuffer>> {
  return env.DOCUMENTS.poster(posterContent(env, event, locale, now));
}
