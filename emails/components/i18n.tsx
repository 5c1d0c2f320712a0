/**
 * Text helpers shared by the email templates: catalogue look-up, plural forms and
 * date/time formatting for the reader's locale, in the organisation's time zone (Europe/Berlin
 * unless the organisation has another).
 */
import type { Locale } from "../../db/schema";
import { DEFAULT_LOCALE, translate, type Messages } from "../../workers/src/i18n";
import { INTL_LOCALES, isRtl } from "../../workers/src/i18n/vocabulary";
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
  t: (key: EmailKey, params?: Params) => string;
  /** Plural form by Intl.PluralRules: looks up `${base}.${category}`, then `${base}.other`. */
  plural: (base: string, count: number, params?: Params) => string;
  /** One session as "Montag, 15. März 2027, 10:00 bis 12:00 Uhr". */
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
  const dateFormat = new Intl.DateTimeFormat(intl, {
    timeZone,
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
  });
  // The 24-hour clock in every language, as on timetables in Germany.
  const timeFormat = new Intl.DateTimeFormat(intl, { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const dayKey = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
  const pluralRules = new Intl.PluralRules(intl);

  const t = (key: EmailKey | string, params?: Params) => translate(emailCatalogues, locale, key, params);
  const date = (d: Date) => dateFormat.format(d);
  const time = (d: Date) => timeFormat.format(d);

  return {
    locale,
    lang: locale,
    dir: isRtl(locale) ? "rtl" : "ltr",
    t,
    plural(base, count, params = {}) {
      const category = pluralRules.select(count);
      const key = lookup(locale, `${base}.${category}`) !== undefined ? `${base}.${category}` : `${base}.other`;
      return t(key, { count, ...params });
    },
    sessionWhen(startsAt, endsAt) {
      const start = new Date(startsAt);
      const end = new Date(endsAt);
      if (dayKey.format(start) === dayKey.format(end)) {
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
