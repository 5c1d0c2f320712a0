/** Pieces shared by the event list, the event page and the manage page. */
import type { PublicEventSummary, PublicSession } from "../../workers/src/api-types";
import { h, type Attrs, type Child } from "./dom";
import { chosenLocale, isLocale, isRtl, LOCALE_NAMES, shownLocale, t, type Locale, type WebKey } from "./i18n";
import { INTL_LOCALES } from "../../workers/src/i18n/vocabulary";
import { DEFAULT_TIME_ZONE } from "../../workers/src/lib/time-zone";


function dateTimeFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const locale = shownLocale();
  // The 24-hour clock, as on every timetable and letter in Germany (Arabic would say "ص"/"م").
  // English as written in Europe; Arabic with Western digits (vocabulary.ts INTL_LOCALES).
  return new Intl.DateTimeFormat(INTL_LOCALES[locale], { timeZone: DEFAULT_TIME_ZONE, hourCycle: "h23", ...options });
}

/** "Montag, 12. Mai 2025, 10:00–13:00" in the page's language, Berlin time. */
export function formatSessionTime(session: PublicSession): string {
  const start = new Date(session.startsAt);
  const end = new Date(session.endsAt);
  const format = dateTimeFormat({ weekday: "long", day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit" });
  try {
    return format.formatRange(start, end);
  } catch {
    return `${format.format(start)} – ${format.format(end)}`;
  }
}

/** A deadline such as "12. Mai 2025, 18:00". */
export function formatDateTime(iso: string): string {
  return dateTimeFormat({ day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit" }).format(new Date(iso));
}

/**
 * Language attributes for texts written by organisers: they come in the chosen language,
 * or in German when `fallback` is set; the page frame may be German for a locale whose
 * catalogue is still missing.
 */
export function contentLang(fallback: boolean): Attrs {
  const lang: Locale = fallback ? "de" : chosenLocale();
  if (lang === shownLocale()) return {};
  return { lang, dir: isRtl(lang) ? "rtl" : "ltr" };
}

export function fallbackNote(event: { fallback: boolean }): HTMLElement | null {
  return event.fallback ? h("p", { class: "fallback-note" }, t("common.fallback_note")) : null;
}

export function formatName(event: PublicEventSummary): string {
  return t(`format.${event.format}` as WebKey);
}

export function sessionList(sessions: PublicSession[], fallback: boolean, limit = Infinity): HTMLElement {
  const shown = sessions.slice(0, limit);
  const list = h(
    "ul",
    { class: "sessions" },
    shown.map((session) =>
      h(
        "li",
        { class: session.cancelled ? "session cancelled" : "session" },
        h("time", { datetime: session.startsAt }, formatSessionTime(session)),
        session.title ? [" · ", h("span", contentLang(fallback), session.title)] : null,
        session.cancelled ? [" ", h("strong", null, t("event.session_cancelled"))] : null,
      ),
    ),
  );
  if (sessions.length > shown.length) {
    list.append(h("li", { class: "more" }, t("list.more_dates", { count: sessions.length - shown.length })));
  }
  return list;
}

/**
 * Where: the place's name and address, or "online", as a line for a card. The address is
 * isolated (<bdi>), so that a German street and postcode keep their order on an Arabic page.
 */
export function placeLine(event: PublicEventSummary): HTMLElement | null {
  const parts: Child[] = [];
  if (event.location) parts.push(h("bdi", null, [event.location.name, event.location.address].filter(Boolean).join(", ")));
  if (event.online) parts.push(t("common.online"));
  if (parts.length === 0) return null;
  return h("p", { class: "event-place" }, parts.flatMap((part, i) => (i === 0 ? [part] : [" · ", part])));
}

/** One short line on whether and how one can still register. */
export function availabilityText(event: PublicEventSummary): string {
  const r = event.registration;
  if (event.status === "cancelled") return t("availability.cancelled");
  if (r.mode === "none") return t("availability.none");
  if (!r.open) {
    if (r.opensAt && new Date(r.opensAt).getTime() > Date.now()) return t("availability.opens", { date: formatDateTime(r.opensAt) });
    return t("availability.closed");
  }
  if (r.placesLeft !== null && r.placesLeft <= 0) return r.waitlistOpen ? t("availability.waitlist") : t("availability.full");
  if (r.waitlistOpen) return t("availability.waitlist");
  const parts: string[] = [];
  if (r.mode === "approval") parts.push(t("availability.approval"));
  parts.push(r.placesLeft !== null ? t("availability.places_left", { count: r.placesLeft }) : t("availability.open"));
  return parts.join(" · ");
}

/** Audience codes from the catalogue; an unknown code is shown readably rather than hidden. */
export function audienceName(code: string): string {
  const key = `audience.${code}` as WebKey;
  const name = t(key);
  return name === key ? code.replace(/_/g, " ") : name;
}

/** A language spoken at an event: ours in their own names, any other in the page's language. */
export function languageName(code: string): string {
  if (isLocale(code)) return LOCALE_NAMES[code];
  try {
    return new Intl.DisplayNames([shownLocale()], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}
