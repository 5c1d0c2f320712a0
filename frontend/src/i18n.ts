/**
 * The page texts: `t(key, params)` over the chosen locale's web catalogue.
 *
 * Which language a page opens in, first match wins:
 *   1. `?lang=ar` in the address: an emailed link (always in the email's language) or a link
 *      the centre shares; an unknown value is ignored;
 *   2. the page's own subject: the manage and data pages switch to the language stored with
 *      the registration (layout.ts `showInLocale`), whatever the browser says;
 *   3. a language that came with a link earlier in this tab (so following links stays in it);
 *   4. the language chosen in the menu on an earlier visit (remembered in this browser);
 *   5. the first of the browser's languages that we offer; else German.
 *
 * Only the chosen locale's catalogue is downloaded (import.meta.glob makes one chunk per
 * catalogue). A locale without a web.ts yet shows German, and then the page says so by
 * its `lang`, so screen readers pronounce it right.
 */
import type { Locale } from "../../workers/src/api-types";
import type { WebKey } from "../../workers/src/i18n/de/web";
import { DEFAULT_LOCALE, format, isLocale, isRtl, listOf, LOCALE_NAMES, LOCALES } from "../../workers/src/i18n/vocabulary";

export type { Locale, WebKey };
export { isLocale, isRtl, LOCALE_NAMES, LOCALES };

const STORAGE_KEY = "zusammen.locale";
/** The address parameter that presets the language: `/event?slug=…&lang=ar`. */
export const LANG_PARAM = "lang";

type Catalogue = Record<WebKey, string>;
const catalogues = import.meta.glob<Catalogue>("../../workers/src/i18n/*/web.ts", { import: "default" });
const catalogueOf = (locale: Locale) => catalogues[`../../workers/src/i18n/${locale}/web.ts`];

let chosen: Locale = DEFAULT_LOCALE;
let shown: Locale = DEFAULT_LOCALE;
let messages: Partial<Catalogue> = {};

/** The language the address names (`?lang=`), if it is one we offer. */
export function linkLocale(): Locale | null {
  const value = new URLSearchParams(location.search).get(LANG_PARAM);
  return isLocale(value) ? value : null;
}

function storedLocale(storage: () => Storage): Locale | null {
  try {
    const stored = storage().getItem(STORAGE_KEY);
    return isLocale(stored) ? stored : null;
  } catch {
    // Storage may be blocked; then the browser's languages decide.
    return null;
  }
}

/** The language a page opens in (see the order above; the page's own subject comes later). */
export function initialLocale(): Locale {
  const fromLink = linkLocale();
  if (fromLink) {
    try {
      sessionStorage.setItem(STORAGE_KEY, fromLink);
    } catch {
      // Not kept for the next page; this one still uses it.
    }
    return fromLink;
  }
  const remembered = storedLocale(() => sessionStorage) ?? storedLocale(() => localStorage);
  if (remembered) return remembered;
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
      sessionStorage.setItem(STORAGE_KEY, locale);
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

/** Items as a list reads in the page's language ("A, B und C", "A وB"). */
export function list(items: readonly string[]): string {
  return listOf(items, shown);
}

/** Replaces `{placeholder}`s; an unknown one stays visible rather than vanishing. */
export function t(key: WebKey, params: Record<string, string | number> = {}): string {
  return format(messages[key] ?? key, params);
}

/**
 * `t` for a sentence with values from data in it (a workshop's name, a place, a reason):
 * the catalogue text around them stays text, each value goes in as the node given (a `<bdi>`),
 * so a German name in an Arabic sentence keeps its own direction and its neighbours theirs.
 * Building the sentence as one string would let the bidi algorithm mix them. A node used
 * twice in the text ("{current}" in workshop.confirm_full) is copied; an unknown placeholder
 * stays visible, as in `t`.
 */
export function tNodes(key: WebKey, params: Record<string, string | number | Node>): (string | Node)[] {
  const used = new Set<string>();
  return (messages[key] ?? key).split(/(\{\w+\})/).flatMap((part, index): (string | Node)[] => {
    if (index % 2 === 0) return part ? [part] : [];
    const name = part.slice(1, -1);
    const value = params[name];
    if (value === undefined) return [part];
    if (typeof value !== "object") return [String(value)];
    const node = used.has(name) ? value.cloneNode(true) : value;
    used.add(name);
    return [node];
  });
}
