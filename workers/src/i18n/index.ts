/**
 * One set of catalogues for the Worker, the emails and the frontend.
 *
 * Each locale has a folder with one file per area (errors, web, email) so that the
 * frontend loads only its own strings of the chosen locale. German is the reference:
 * every other locale must have exactly its keys (checked by the type and by a test).
 * Placeholders are written `{name}`. The locale list and the formatter are in vocabulary.ts,
 * which the frontend shares.
 */
import { DEFAULT_LOCALE, format, isLocale, LOCALES, RTL_LOCALES, type Locale } from "./vocabulary";
import arErrors from "./ar/errors";
import deErrors from "./de/errors";
import enErrors from "./en/errors";
import ruErrors from "./ru/errors";
import trErrors from "./tr/errors";
import ukErrors from "./uk/errors";
import arCertificate from "./ar/certificate";
import deCertificate, { type CertificateKey } from "./de/certificate";
import enCertificate from "./en/certificate";
import ruCertificate from "./ru/certificate";
import trCertificate from "./tr/certificate";
import ukCertificate from "./uk/certificate";
import arReach from "./ar/reach";
import deReach, { type ReachKey } from "./de/reach";
import enReach from "./en/reach";
import ruReach from "./ru/reach";
import trReach from "./tr/reach";
import ukReach from "./uk/reach";

export { DEFAULT_LOCALE, format, isLocale, LOCALES, RTL_LOCALES, type Locale };

export type Messages = Record<string, string>;

/** Every locale has a complete catalogue (workers/test/i18n.test.ts); German stays the fallback for a missing key. */
export const errorCatalogues: Record<Locale, Messages> = {
  de: deErrors,
  en: enErrors,
  tr: trErrors,
  ar: arErrors,
  uk: ukErrors,
  ru: ruErrors,
};

/** Certificate texts: the PDF, eligibility reasons in the console, the verification page. */
export const certificateCatalogues: Record<Locale, Messages> = {
  de: deCertificate,
  en: enCertificate,
  tr: trCertificate,
  ar: arCertificate,
  uk: ukCertificate,
  ru: ruCertificate,
};

export function certificateText(locale: Locale, key: CertificateKey, params?: Record<string, string | number>): string {
  return translate(certificateCatalogues, locale, key, params);
}

/** Texts that leave the platform: the programme feeds and the poster (every locale at once on a poster). */
export const reachCatalogues: Record<Locale, Messages> = {
  de: deReach,
  en: enReach,
  tr: trReach,
  ar: arReach,
  uk: ukReach,
  ru: ruReach,
};

export function reachText(locale: Locale, key: ReachKey, params?: Record<string, string | number>): string {
  return translate(reachCatalogues, locale, key, params);
}

/** Looks a key up in the locale's catalogue, then German, then shows the key itself. */
export function translate(
  catalogues: Partial<Record<Locale, Messages>>,
  locale: Locale,
  key: string,
  params?: Record<string, string | number>,
): string {
  const template = catalogues[locale]?.[key] ?? catalogues[DEFAULT_LOCALE]?.[key] ?? key;
  return format(template, params);
}

export function errorMessage(locale: Locale, key: string, params?: Record<string, string | number>): string {
  return translate(errorCatalogues, locale, key, params);
}

/**
 * Picks the best locale from an explicit choice or an Accept-Language header
 * ("ar-EG,ar;q=0.9,en;q=0.8" → "ar").
 */
export function negotiateLocale(explicit: string | null | undefined, acceptLanguage: string | null | undefined): Locale {
  if (isLocale(explicit)) return explicit;
  if (acceptLanguage) {
    const ranked = acceptLanguage
      .split(",")
      .map((part) => {
        const [tag = "", ...params] = part.trim().split(";");
        const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
        return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1 };
      })
      .sort((a, b) => b.q - a.q);
    for (const { tag } of ranked) {
      const base = tag.split("-")[0];
      if (isLocale(base)) return base;
    }
  }
  return DEFAULT_LOCALE;
}
