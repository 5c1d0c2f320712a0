/** Pieces shared by the event list, the event page and the manage page. */
import type { PublicContact, PublicEventSummary, PublicSession, TextMark } from "../../workers/src/api-types";
import { h, type Attrs, type Child } from "./dom";
import { chosenLocale, isLocale, isRtl, shownLocale, t, type Locale, type WebKey } from "./i18n";
import { isolate } from "../../workers/src/i18n/bidi";
import { formatDay, formatTime } from "../../workers/src/i18n/dates";
import { INTL_LOCALES, languageName } from "../../workers/src/i18n/vocabulary";
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

/**
 * A deadline as it reads after "bis" in every language: "Donnerstag, 3. Dezember 2026, 18:00 Uhr",
 * in Russian "3 декабря 2026 г. (четверг) в 18:00" (the weekday after the date: dates.ts).
 */
export function formatDateTime(iso: string): string {
  const instant = new Date(iso);
  return t("common.deadline", { date: formatDay(instant, shownLocale(), DEFAULT_TIME_ZONE), time: formatTime(instant, shownLocale(), DEFAULT_TIME_ZONE) });
}

/** A time of day on the 24-hour clock ("13:30"). */
export function formatClock(iso: string): string {
  return formatTime(new Date(iso), shownLocale(), DEFAULT_TIME_ZONE);
}

/**
 * Attributes for a text written by organisers: none for their own words in the page's
 * language; `lang` (and `dir`) for a text shown in another language; and a mark a test or a
 * style can find for a machine translation or a fallback.
 */
export function textAttrs(mark: TextMark | undefined): Attrs {
  if (!mark) {
    const lang = chosenLocale();
    return lang === shownLocale() ? {} : { lang, dir: isRtl(lang) ? "rtl" : "ltr" };
  }
  const attrs: Attrs = { "data-translation": mark.machine ? "machine" : "fallback" };
  if (mark.lang !== shownLocale()) Object.assign(attrs, { lang: mark.lang, dir: isRtl(mark.lang) ? "rtl" : "ltr" });
  return attrs;
}

/**
 * One line saying how the organiser's texts near it came about, in the page's language:
 * "Automatically translated" for machine translations, "Only available in English" for each
 * language a text is shown in for lack of a translation. Nothing where all are their own words.
 */
export function textNote(marks: readonly (TextMark | undefined)[]): HTMLElement | null {
  const present = marks.filter((mark): mark is TextMark => Boolean(mark));
  const parts: string[] = [];
  if (present.some((mark) => mark.machine)) parts.push(t("common.machine_translated"));
  for (const lang of new Set(present.filter((mark) => !mark.machine && mark.lang !== shownLocale()).map((mark) => mark.lang))) {
    parts.push(t("common.shown_in", { language: languageName(lang, shownLocale()) }));
  }
  return parts.length > 0 ? h("p", { class: "translation-note" }, parts.join(" · ")) : null;
}

/** The marks of an event's texts that a note should speak of (the place's name is a name, not a text to read). */
export function eventMarks(event: PublicEventSummary & { marks: PublicEventSummary["marks"] & { description?: TextMark } }): (TextMark | undefined)[] {
  return [event.marks.title, event.marks.summary, event.marks.description, event.marks.accessibility, ...event.sessions.map((s) => s.mark)];
}

/** A language's name in the page's language ("Deutsch" on an Arabic page: "الألمانية"); other codes by the browser's Intl. */
export function languageLabel(code: string): string {
  // The runtime's name for the page's own language too, so in running text it is written as the
  // others are ("німецька, …, українська", not the menu's "Українська").
  try {
    return new Intl.DisplayNames([INTL_LOCALES[shownLocale()], shownLocale()], { type: "language" }).of(code) ?? code;
  } catch {
    return isLocale(code) ? languageName(code, shownLocale()) : code;
  }
}

/** An organiser's or participant's value inside a string (an <option>, a sentence): isolated where it runs the other way (bidi.ts). */
export function isolated(value: string): string {
  return isolate(value, isRtl(shownLocale()));
}

/** Whom to ask about the event: name, email and phone where given. */
export function contactBlock(contact: PublicContact | null | undefined): HTMLElement | null {
  if (!contact?.name) return null;
  return h(
    "section",
    { class: "contact", "aria-labelledby": "contact-heading" },
    h("h2", { id: "contact-heading" }, t("event.contact_heading")),
    h(
      "p",
      null,
      h("bdi", null, contact.name),
      contact.email ? [h("br"), `${t("event.contact_email")}: `, h("a", { href: `mailto:${contact.email}`, dir: "ltr", class: "email" }, contact.email)] : null,
      contact.phone ? [h("br"), `${t("event.contact_phone")}: `, h("a", { href: `tel:${contact.phone.replace(/[^\d+]/g, "")}`, dir: "ltr" }, contact.phone)] : null,
    ),
  );
}

export function formatName(event: PublicEventSummary): string {
  return t(`format.${event.format}` as WebKey);
}

export function sessionList(sessions: PublicSession[], limit = Infinity): HTMLElement {
  const shown = sessions.slice(0, limit);
  const list = h(
    "ul",
    { class: "sessions" },
    shown.map((session) =>
      h(
        "li",
        { class: session.cancelled ? "session cancelled" : "session" },
        h("time", { datetime: session.startsAt }, formatSessionTime(session)),
        session.title ? [" · ", h("bdi", textAttrs(session.mark), session.title)] : null,
        session.cancelled ? [" ", h("strong", null, t("event.session_cancelled"))] : null,
      ),
    ),
  );
  if (sessions.length > shown.length) {
    list.append(h("li", { class: "more" }, t("list.more_dates", { count: sessions.length - shown.length })));
  }
  return list;
}

/** A place's name: translated where it is, with the organiser's name (as signs show it) beside it. */
export function placeName(event: PublicEventSummary): Child {
  const location = event.location;
  if (!location) return null;
  return [
    h("bdi", textAttrs(event.marks.location), location.name),
    location.originalName ? [" (", h("bdi", { lang: "de", dir: "ltr" }, location.originalName), ")"] : null,
  ];
}

/**
 * Where: the place's name and address, or "online", as a line for a card. Name and address
 * together are one isolated run (<bdi>, its direction from the name), so that on an Arabic page
 * "Rathaus Düsseldorf, Plenarsaal, Marktplatz 2" keeps its commas between its parts and a
 * German street and postcode keep their order.
 */
export function placeLine(event: PublicEventSummary): HTMLElement | null {
  const parts: Child[] = [];
  if (event.location) parts.push(h("bdi", { class: "place" }, placeName(event), event.location.address ? [", ", h("bdi", { lang: "de" }, event.location.address)] : null));
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
