/**
 * What a shared short link (`/e/{slug}`) shows before anyone opens it: the HTML head that
 * messengers (WhatsApp, Telegram, Signal) read for their preview (Open Graph) and that
 * search engines read to list the event (schema.org `Event` as JSON-LD), in the language
 * asked for. Only what the public event page shows; never an online join link.
 */
import type { Locale } from "../../../../db/schema";
import type { Env } from "../../env";
import { reachText } from "../../i18n";
import { isRtl } from "../../i18n/vocabulary";
import { eventReader } from "../events/public";
import { placeText } from "./calendar-feed";
import { isoWithOffset, whenText } from "./dates";
import { publicOrigin, shortLink, type ProgrammeEvent } from "./programme";

export type ShareHead = {
  lang: Locale;
  dir: "ltr" | "rtl";
  title: string;
  /** Date, place and summary in one line: what a preview shows under the title. */
  description: string;
  url: string;
  /** og:locale, e.g. de_DE. */
  ogLocale: string;
  siteName: string;
  /** schema.org Event; serialise with `jsonLdText`. */
  jsonLd: Record<string, unknown>;
};

const OG_LOCALES: Record<Locale, string> = { de: "de_DE", en: "en_GB", tr: "tr_TR", ar: "ar_AR", uk: "uk_UA", ru: "ru_RU" };
const SCHEMA = "https://schema.org/";

export function shareHead(env: Env, event: ProgrammeEvent, locale: Locale, now: number): ShareHead {
  const e = event.event;
  const zone = event.organisation.timeZone;
  const read = eventReader(event, locale);
  const title = read.field("title")?.text ?? e.slug;
  const summary = read.field("summary")?.text ?? null;
  const url = shortLink(env, e.slug, locale);
  const live = event.sessions.filter((s) => s.cancelledAt === null);
  const next = live.find((s) => s.endsAt >= now) ?? live[0] ?? event.sessions[0];
  const later = next ? live.filter((s) => s.startsAt > next.startsAt).length : 0;
  const when = next ? whenText(next.startsAt, next.endsAt, locale, zone) + (later > 0 ? ` (${reachText(locale, "dates.more", { count: later })})` : "") : null;
  const place = placeText(event) ?? (e.onlineUrl !== null ? reachText(locale, "poster.online") : null);
  const cancelled = e.status === "cancelled" ? reachText(locale, "poster.cancelled") : null;
  const description = [[cancelled, when, place].filter(Boolean).join(" · "), summary].filter(Boolean).join(" – ");

  const online = e.onlineUrl !== null;
  const location = e.location
    ? { "@type": "Place", name: e.location.name, ...(e.location.address ? { address: { "@type": "PostalAddress", streetAddress: e.location.address } } : {}) }
    : null;
  const subEvents = live.length > 1
    ? live.map((s) => ({ "@type": "Event", name: read.session(s)?.text ? `${title} – ${read.session(s)!.text}` : title, startDate: isoWithOffset(s.startsAt, zone), endDate: isoWithOffset(s.endsAt, zone) }))
    : null;
  const first = live[0] ?? event.sessions[0];
  const last = live.at(-1) ?? event.sessions.at(-1);
  const jsonLd: Record<string, unknown> = {
    "@context": "https://schema.org",
    "@type": "Event",
    name: title,
    ...(summary ? { description: summary } : {}),
    ...(first ? { startDate: isoWithOffset(first.startsAt, zone) } : {}),
    ...(last ? { endDate: isoWithOffset(last.endsAt, zone) } : {}),
    eventStatus: `${SCHEMA}${e.status === "cancelled" ? "EventCancelled" : "EventScheduled"}`,
    eventAttendanceMode: `${SCHEMA}${online && location ? "MixedEventAttendanceMode" : online ? "OnlineEventAttendanceMode" : "OfflineEventAttendanceMode"}`,
    // The page of the event, never the join link: that goes to confirmed participants only.
    location: [...(location ? [location] : []), ...(online ? [{ "@type": "VirtualLocation", url }] : [])],
    organizer: { "@type": "Organization", name: event.organisation.name, url: `${publicOrigin(env)}/` },
    url,
    inLanguage: e.languages.length > 0 ? e.languages : [locale],
    ...(e.registrationMode === "none" ? { isAccessibleForFree: true } : {}),
    ...(subEvents ? { subEvent: subEvents } : {}),
  };
  return { lang: locale, dir: isRtl(locale) ? "rtl" : "ltr", title, description, url, ogLocale: OG_LOCALES[locale], siteName: event.organisation.name || "zusammen", jsonLd };
}

/** JSON for inside a <script> element: no "</script>", "<!--" or line separators can end or bend it. */
export function jsonLdText(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

