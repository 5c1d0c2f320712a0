/**
 * The words the Worker, the emails and the frontend share: the locales and their names, the
 * staff's names for registration statuses, and the one placeholder formatter.
 *
 * Plain data and Intl, no imports of Worker code (type imports only), so the participant
 * pages can import it without carrying the Worker into their bundle
 * (frontend/test/module-graph.node.test.ts checks that). The status values themselves stay in
 * db/schema.ts, where SQL lists are built from them; the records below are keyed by their
 * type, so a new status without a label does not compile.
 */
import type { RegistrationStatus } from "../../../db/schema";
import { LOCALES, type Locale } from "./locales";

export { LOCALES, type Locale };
export const DEFAULT_LOCALE: Locale = "de";
/** Locales written right to left (`dir="rtl"` on pages and emails). */
export const RTL_LOCALES: readonly Locale[] = ["ar"];

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export function isRtl(locale: Locale): boolean {
  return RTL_LOCALES.includes(locale);
}

/**
 * BCP 47 tags for Intl formatting: dates as people in Germany read them in each language;
 * Western digits in Arabic too (the same figures as in times, counts and addresses elsewhere).
 */
export const INTL_LOCALES: Record<Locale, string> = {
  de: "de-DE",
  en: "en-GB",
  tr: "tr-TR",
  ar: "ar-u-nu-latn",
  uk: "uk-UA",
  ru: "ru-RU",
};

/** Each language in its own name (the language menu: these never change with the page language). */
export const LOCALE_NAMES: Record<Locale, string> = {
  de: "Deutsch",
  en: "English",
  tr: "Türkçe",
  ar: "العربية",
  uk: "Українська",
  ru: "Русский",
};

const displayNames = new Map<string, Intl.DisplayNames | null>();

/**
 * The name of a language in another one ("de" in "ar": "الألمانية"; in "de": "Deutsch"), from
 * the runtime's CLDR data (Intl.DisplayNames: workerd, Node and Chromium carry all six). A
 * language in itself is its LOCALE_NAMES entry; without Intl data, the language's own name.
 */
export function languageName(locale: Locale, inLocale: Locale): string {
  if (locale === inLocale) return LOCALE_NAMES[locale];
  let names = displayNames.get(inLocale);
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([INTL_LOCALES[inLocale], inLocale], { type: "language", fallback: "none" });
    } catch {
      names = null;
    }
    displayNames.set(inLocale, names);
  }
  return names?.of(locale) ?? LOCALE_NAMES[locale];
}

/** The languages staff tools speak (console, check-in, exports); they fall back to German. */
export type StaffLocale = "de" | "en";

/**
 * What staff call a registration status, everywhere they see one: the console lists, the
 * check-in page, the exports. One word per status ("abgesagt", whoever cancelled).
 */
export const REGISTRATION_STATUS_LABELS: Record<StaffLocale, Record<RegistrationStatus, string>> = {
  de: {
    held: "E-Mail unbestätigt",
    confirmed: "bestätigt",
    waitlisted: "Warteliste",
    offered: "Platz angeboten",
    pending_approval: "Bewerbung offen",
    rejected: "abgelehnt",
    cancelled: "abgesagt",
    expired: "abgelaufen",
  },
  en: {
    held: "email unconfirmed",
    confirmed: "confirmed",
    waitlisted: "waiting list",
    offered: "place offered",
    pending_approval: "application pending",
    rejected: "rejected",
    cancelled: "cancelled",
    expired: "expired",
  },
};

/** A status's label, for a table cell or a sentence's start: "Abgesagt". */
export function statusLabel(status: RegistrationStatus, locale: StaffLocale, { capitalised = false } = {}): string {
  const label = REGISTRATION_STATUS_LABELS[locale][status];
  return capitalised ? label.charAt(0).toLocaleUpperCase(locale) + label.slice(1) : label;
}

/** Replaces `{placeholder}`s; an unknown placeholder stays visible rather than vanishing. */
export function format(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

/**
 * Items as a list reads in the language: "Deutsch, Türkisch und Arabisch", "الألمانية والتركية"
 * (Intl.ListFormat). A comma join put a Latin comma into Arabic text and no "and" anywhere.
 */
export function listOf(items: readonly string[], locale: Locale): string {
  return new Intl.ListFormat(INTL_LOCALES[locale], { type: "conjunction" }).format(items);
}
