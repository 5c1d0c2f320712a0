/**
 * The page texts: `t(key, params)` over the chosen locale's web catalogue.
 *
 * Only the chosen locale's catalogue is downloaded (import.meta.glob makes one chunk per
 * catalogue). A locale without a web.ts yet shows German, and then the page says so by
 * its `lang`, so screen readers pronounce it right.
 */
import type { Locale } from "../../workers/src/api-types";
import type { WebKey } from "../../workers/src/i18n/de/web";
import { DEFAULT_LOCALE, format, isLocale, isRtl, LOCALE_NAMES, LOCALES } from "../../workers/src/i18n/vocabulary";

export type { Locale, WebKey };
export { isLocale, isRtl, LOCALE_NAMES, LOCALES };

const STORAGE_KEY = "zusammen.locale";

type Catalogue = Record<WebKey, string>;
const catalogues = import.meta.glob<Catalogue>("../../workers/src/i18n/*/web.ts", { import: "default" });
const catalogueOf = (locale: Locale) => catalogues[`../../workers/src/i18n/${locale}/web.ts`];

let chosen: Locale = DEFAULT_LOCALE;
let shown: Locale = DEFAULT_LOCALE;
let messages: Partial<Catalogue> = {};

/**
 * The language a link asks for (`?lang=ar` on a shared short link or an embedded list), else
 * the remembered choice, else the first of the browser's languages that we offer.
 */
export function initialLocale(): Locale {
  const asked = new URLSearchParams(location.search).get("lang");
  if (isLocale(asked)) return asked;
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // Storage may be blocked; then the browser's languages decide.
  }
  const preferred = navigator.languages?.length ? navigator.languages : [navigator.language];
  for (const tag of preferred) {
    const base = tag?.toLowerCase().split("-")[0];
    if (isLocale(base)) return base;
  }
  return DEFAULT_LOCALE;
}

/** Loads the catalogue of `locale` (or German) and sets `<html lang dir>`. */
export async function useLocale(locale: Locale, remember = false): Promise<void> {
  const load = catalogueOf(locale) ?? catalogueOf(DEFAULT_LOCALE);
  if (!load) throw new Error("German web catalogue missing");
  messages = await load();
  chosen = locale;
  shown = catalogueOf(locale) ? locale : DEFAULT_LOCALE;
  if (remember) {
    try {
      localStorage.setItem(STORAGE_KEY, locale);
    } catch {
      // Not remembered, still used for this page.
    }
  }
  document.documentElement.lang = shown;
  document.documentElement.dir = isRtl(shown) ? "rtl" : "ltr";
}

/** The language the participant chose (sent to the API, preselected in forms). */
export function chosenLocale(): Locale {
  return chosen;
}

/** The language the page texts are actually shown in (for Intl formatting). */
export function shownLocale(): Locale {
  return shown;
}

/** Replaces `{placeholder}`s; an unknown one stays visible rather than vanishing. */
export function t(key: WebKey, params: Record<string, string | number> = {}): string {
  return format(messages[key] ?? key, params);
}
