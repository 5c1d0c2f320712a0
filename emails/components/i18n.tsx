/**
 * Text helpers shared by the email templates: catalogue look-up, plural forms and
 * date/time formatting for the reader's locale, in the organisation's time zone (Europe/Berlin
 * unless the organisation has another).
 */
import type { Locale } from "../../db/schema";
import { DEFAULT_LOCALE, translate, type Messages } from "../../workers/src/i18n";
import { isolate } from "../../workers/src/i18n/bidi";
import { dayKey, formatDay, formatTime } from "../../workers/src/i18n/dates";
import { INTL_LOCALES, isRtl, languageName, listOf } from "../../workers/src/i18n/vocabulary";
import { DEFAULT_TIME_ZONE } from "../../workers/src/lib/time-zone";
import arEmail from "../../workers/src/i18n/ar/email";
import deEmail, { type EmailKey } from "../../workers/src/i18n/de/email";
import enEmail from "../../workers/src/i18n/en/email";
import ruEmail from "../../workers/src/i18n/ru/email";
import trEmail from "../../workers/src/i18n/tr/email";
import ukEmail from "../../workers/src/i18n/uk/email";

export type { EmailKey };

/** One email catalogue per locale; a key missing in one falls back to German (see `translate`). */
export const emailCatalogues: Record<Locale, Messages> = {
  de: deEmail,
  en: enEmail,
  tr: trEmail,
  ar: arEmail,
  uk: ukEmail,
  ru: ruEmail,
};


export type Params = Record<string, string | number>;

export type EmailText = {
  locale: Locale;
  /** `lang` attribute and Intl locale. */
  lang: string;
  dir: "ltr" | "rtl";
  /** The catalogue text with its placeholders filled; a value of the other writing direction is isolated (bidi.ts). */
  t: (key: EmailKey, params?: Params) => string;
  /** A value on its own (a fact's value, a name) isolated as in `t`, for strings that are not in a sentence. */
  isolate: (value: string) => string;
  /** A language's name in the reader's language ("Deutsch" in an Arabic email: "الألمانية"). */
  languageName: (locale: Locale) => string;
  /** Items as a list reads in the reader's language ("Datum und Ort", "التاريخ والمكان"). */
  list: (items: readonly string[]) => string;
  /** A time of day on the 24-hour clock ("18:00"). */
  time: (iso: string) => string;
  /** Plural form by Intl.PluralRules: looks up `${base}.${category}`, then `${base}.other`. */
  plural: (base: string, count: number, params?: Params) => string;
  /** One session as "Montag, 15. März 2027, 10:00 bis 12:00 Uhr" (the weekday where the language reads it, dates.ts). */
  sessionWhen: (startsAt: string, endsAt: string) => string;
  /** A deadline as "Montag, 15. März 2027 um 10:00 Uhr". */
  deadline: (iso: string) => string;
  /** The Berlin day alone, as "Montag, 15. März 2027" (subjects, digest). */
  day: (iso: string) => string;
};

function lookup(locale: Locale, key: string): string | undefined {
  return emailCatalogues[locale]?.[key] ?? emailCatalogues[DEFAULT_LOCALE]?.[key];
}

export function emailText(locale: Locale, timeZone: string = DEFAULT_TIME_ZONE): EmailText {
  const intl = INTL_LOCALES[locale] ?? INTL_LOCALES[DEFAULT_LOCALE];
  const pluralRules = new Intl.PluralRules(intl);
  const rtl = isRtl(locale);

  const t = (key: EmailKey | string, params?: Params) =>
    translate(
      emailCatalogues,
      locale,
      key,
      params && Object.fromEntries(Object.entries(params).map(([name, value]) => [name, typeof value === "string" ? isolate(value, rtl) : value])),
    );
  const date = (d: Date) => formatDay(d, locale, timeZone);
  const time = (d: Date) => formatTime(d, locale, timeZone);

  return {
    locale,
    lang: locale,
    dir: rtl ? "rtl" : "ltr",
    t,
    isolate: (value) => isolate(value, rtl),
    languageName: (other) => languageName(other, locale),
    list: (items) => listOf(items, locale),
    time: (iso) => time(new Date(iso)),
    plural(base, count, params = {}) {
      const category = pluralRules.select(count);
      const key = lookup(locale, `${base}.${category}`) !== undefined ? `${base}.${category}` : `${base}.other`;
      return t(key, { count, ...params });
    },
    sessionWhen(startsAt, endsAt) {
      const start = new Date(startsAt);
      const end = new Date(endsAt);
      if (dayKey(start, timeZone) === dayKey(end, timeZone)) {
        return t("email.common.same_day", { date: date(start), start: time(start), end: time(end) });
      }
      return t("email.common.multi_day", {
        start: t("email.common.datetime", { date: date(start), time: time(start) }),
        end: t("email.common.datetime", { date: date(end), time: time(end) }),
      });
    },
    deadline(iso) {
      const d = new Date(iso);
      return t("email.common.deadline", { date: date(d), time: time(d) });
    },
    day(iso) {
      return date(new Date(iso));
    },
  };
}
