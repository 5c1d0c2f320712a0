/**
 * Event texts in every language: which texts an event has (its fields), what the organiser
 * wrote in each language, and what a reader of a locale is shown.
 *
 * The fallback chain, for a reader of `locale`:
 *   1. the organiser's own text in that language;
 *   2. a translation an organiser reviewed (or wrote) in the console;
 *   3. a machine translation made from the current source text (a stale one is not shown);
 *   4. the organiser's English, then German, then whatever language they wrote in.
 * Steps 3 and 4 carry a mark, so the pages can say "automatically translated" or "shown in
 * English" and set `lang` on the text.
 *
 * Plain functions over rows: no D1 here (translation.ts stores and makes translations).
 */
import type { StoredEventTranslation } from "../../../../db/rows";
import type { EventLocation, LocalizedText, Question } from "../../../../db/schema";
import { DEFAULT_LOCALE, LOCALES, type Locale } from "../../i18n/vocabulary";
import type { TextMark } from "../../api-types";

/** The languages shown when a text is missing in the reader's, in order (the design brief: English, then German). */
export const FALLBACK_LOCALES: readonly Locale[] = ["en", DEFAULT_LOCALE];

/** A translation as stored (event_translations), keyed by `${locale}:${field}`. */
export type StoredTranslation = Pick<StoredEventTranslation, "locale" | "field" | "text" | "status" | "sourceLocale" | "sourceHash">;
export type Translations = Map<string, StoredTranslation>;

export function translationMap(rows: readonly StoredTranslation[]): Translations {
  return new Map(rows.map((row) => [`${row.locale}:${row.field}`, row]));
}

/** What the reader sees of one text: the words, and a mark when they are not the organiser's in the reader's language. */
export type ShownText = { text: string; mark?: TextMark };

/**
 * A short, stable hash of a source text (53 bits, cyrb53): enough to notice that a source
 * changed since it was translated, and synchronous, so the pages' presentation stays plain.
 */
export function textHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** The language a machine translation is made from: German (what organisers must write), else English, else any. */
export function sourceLocaleOf(source: LocalizedText): Locale | null {
  if (source.de) return "de";
  if (source.en) return "en";
  return LOCALES.find((locale) => source[locale]) ?? null;
}

/**
 * The text of one field for a reader of `locale`, by the fallback chain above. Null when the
 * organiser wrote nothing at all for it.
 */
export function showText(field: string, source: LocalizedText | null | undefined, locale: Locale, translations: Translations = new Map()): ShownText | null {
  const own = source?.[locale];
  if (own) return { text: own };
  const translated = translations.get(`${locale}:${field}`);
  if (translated?.text && translated.status === "reviewed") return { text: translated.text };
  if (translated?.text && translated.status === "machine") {
    const from = source?.[translated.sourceLocale];
    if (from && textHash(from) === translated.sourceHash) return { text: translated.text, mark: { lang: locale, machine: true } };
  }
  for (const fallback of FALLBACK_LOCALES) {
    if (fallback === locale) continue;
    const text = source?.[fallback] ?? (fallback === "en" ? reviewedText(translations, "en", field) : null);
    if (text) return { text, mark: { lang: fallback, machine: false } };
  }
  const any = LOCALES.find((code) => source?.[code]);
  return any ? { text: source![any]!, mark: { lang: any, machine: false } } : null;
}

/** An English text an organiser reviewed counts as theirs when it stands in for a missing language. */
function reviewedText(translations: Translations, locale: Locale, field: string): string | null {
  const row = translations.get(`${locale}:${field}`);
  return row?.status === "reviewed" ? row.text : null;
}

/** The event's own texts, as the translation and the presentation see them. */
export type EventTextSources = {
  texts: Partial<Record<Locale, { title?: string; summary?: string; description?: string }>>;
  location: EventLocation | null;
  questions: Question[];
  sessions: { id: number; title: LocalizedText | null }[];
  pools: { key: string; kind: string; name: LocalizedText | null }[];
};

/** A text field of an event and what the organiser wrote for it, per language. */
export type EventTextField = { field: string; source: LocalizedText };

function byLocale(pick: (locale: Locale) => string | undefined): LocalizedText {
  const result: LocalizedText = {};
  for (const locale of LOCALES) {
    const value = pick(locale)?.trim();
    if (value) result[locale] = value;
  }
  return result;
}

/**
 * Every text of an event that a participant reads, by field name: "title", "summary",
 * "description", "location.name" (a place's name is written once, taken as German),
 * "location.accessibility", "session.<id>", "question.<id>", "question.<id>.option.<id>",
 * "pool.<key>" (workshops and stand types). Fields without any text are left out.
 */
export function eventTextFields(event: EventTextSources): EventTextField[] {
  const fields: EventTextField[] = [];
  const add = (field: string, source: LocalizedText | null | undefined) => {
    const clean = byLocale((locale) => source?.[locale]);
    if (Object.keys(clean).length > 0) fields.push({ field, source: clean });
  };
  for (const name of ["title", "summary", "description"] as const) add(name, byLocale((locale) => event.texts[locale]?.[name]));
  if (event.location) {
    add("location.name", { [DEFAULT_LOCALE]: event.location.name });
    add("location.accessibility", event.location.accessibility);
  }
  for (const session of event.sessions) add(`session.${session.id}`, session.title);
  for (const question of event.questions) {
    add(`question.${question.id}`, question.label);
    for (const option of question.options ?? []) add(`question.${question.id}.option.${option.id}`, option.label);
  }
  for (const pool of event.pools) if (pool.kind !== "event") add(`pool.${pool.key}`, pool.name);
  return fields;
}
