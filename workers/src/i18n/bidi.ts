/**
 * Mixed-direction text: a German title or address inside an Arabic sentence (or an Arabic
 * name inside a German one). Without isolation the Unicode bidi algorithm lets the inserted
 * text and its neighbours mix: "Workshop Asylrecht: Der Umsturz" in an Arabic line shows its
 * colon at the wrong end, a German address's postcode jumps before the street.
 *
 * Pages isolate with `<bdi>` / `dir="auto"`; where only a string can go (an email subject,
 * an `<option>`, the plain-text email, a sentence with the value inside) the value is put
 * between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE (U+2068 … U+2069), which browsers
 * and mail clients apply the same way (https://www.w3.org/International/questions/qa-bidi-unicode-controls).
 * Only where it is needed: a value with letters of the other direction than its surroundings.
 *
 * Shared by the Worker, the emails and the pages (no imports).
 */
export const FSI = "\u2068";
export const PDI = "\u2069";

/** Letters written right to left (Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms). */
const RTL_LETTERS = /[\u0590-\u07FF\u0860-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC]/;
/** Letters written left to right: Latin, Greek, Cyrillic, as in the platform's languages and names. */
const LTR_LETTERS = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u052F]/;

/** Does `value` need isolating inside text of the given direction? */
export function needsIsolation(value: string, surroundingRtl: boolean): boolean {
  return surroundingRtl ? LTR_LETTERS.test(value) : RTL_LETTERS.test(value);
}

/** `value` between FSI and PDI where its letters run against the surrounding direction; unchanged otherwise. */
export function isolate(value: string, surroundingRtl: boolean): string {
  return needsIsolation(value, surroundingRtl) ? `${FSI}${value}${PDI}` : value;
}
