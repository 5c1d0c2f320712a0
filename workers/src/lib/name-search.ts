/**
 * Finding a person by name across scripts and spellings, at the door and in the console:
 * "Kuznetsova" (or the German "Kusnezowa") finds «Кузнецова», "mueller" finds "Müller",
 * "Mohammed" and "Muhammad" find «محمد», "gul ozturk" finds "Ğül Öztürk".
 *
 * Both the name and the query are brought to one Latin key: Cyrillic and Arabic letters are
 * transliterated, German umlauts folded (ü, ue → u), accents dropped, and the letters whose
 * spelling varies between transliterations are merged (z, s, c, ts → s; w → v; y, j → i;
 * h, g → g; doubled letters once). A query word matches when it is part of the name's key.
 * Arabic script writes no short vowels, so where the name or the query is Arabic, the
 * comparison is of the consonants alone (محمد → m h m d, like "Mohammed" without vowels).
 *
 * No Worker code here: the check-in page uses the same module offline (a test checks that
 * it bundles nothing else).
 */

const CYRILLIC: Record<string, string> = {
  а: "a", б: "b", в: "v", г: "g", ґ: "g", д: "d", е: "e", ё: "e", є: "ye", ж: "zh", з: "z", и: "i", і: "i", ї: "yi", й: "y",
  к: "k", л: "l", м: "m", н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", х: "kh", ц: "ts", ч: "ch",
  ш: "sh", щ: "shch", ъ: "", ы: "y", ь: "", э: "e", ю: "yu", я: "ya",
};

const ARABIC: Record<string, string> = {
  ا: "a", أ: "a", إ: "i", آ: "a", ٱ: "a", ء: "", ئ: "", ؤ: "", ب: "b", ت: "t", ث: "th", ج: "j", ح: "h", خ: "kh", د: "d",
  ذ: "dh", ر: "r", ز: "z", س: "s", ش: "sh", ص: "s", ض: "d", ط: "t", ظ: "z", ع: "", غ: "gh", ف: "f", ق: "q", ك: "k",
  ل: "l", م: "m", ن: "n", ه: "h", ة: "a", و: "w", ي: "y", ى: "a", ـ: "",
  // Persian and Urdu letters in names of people from Afghanistan and Iran.
  پ: "p", چ: "ch", ژ: "zh", گ: "g", ک: "k", ی: "y",
};

const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;

/** Spellings that vary between transliterations (and German and English habits), merged; order matters. */
const FOLDS: [RegExp, string][] = [
  [/tsch/g, "ch"], // German for ч
  [/sch/g, "sh"], // German for ш
  [/shch/g, "sh"],
  [/zh|dj|dzh/g, "j"],
  [/kh|gh/g, "h"],
  [/ph/g, "f"],
  [/x/g, "ks"],
  [/ck|q/g, "k"],
  [/ts|tz|[zcß]/g, "s"],
  [/w/g, "v"],
  [/[yj]/g, "i"],
  [/h/g, "g"],
];

/** A name or query in one Latin key: transliterated, umlauts folded, accents dropped, lower case. */
export function latinKey(text: string): string {
  let value = text.normalize("NFC").toLocaleLowerCase("de");
  value = [...value].map((ch) => CYRILLIC[ch] ?? ARABIC[ch] ?? ch).join("");
  // German umlauts and their spelled-out forms are one letter: Müller, Mueller, Muller.
  value = value.replace(/ä|ae/g, "a").replace(/ö|oe/g, "o").replace(/ü|ue/g, "u").replace(/ß/g, "ss");
  value = value.normalize("NFKD").replace(/\p{M}/gu, "").replace(/ı/g, "i");
  value = value.replace(/[^\p{L}\p{N}\s]/gu, " ");
  for (const [pattern, replacement] of FOLDS) value = value.replace(pattern, replacement);
  // Doubled letters once: Mohammed, Muhamad; Anna, Ana.
  return value.replace(/(\p{L})\1+/gu, "$1").replace(/\s+/g, " ").trim();
}

/** The consonants of a key, without spaces (for Arabic script, whose short vowels are not written: «عبد الله», "Abdullah"). */
export function consonants(key: string): string {
  return key.replace(/[aeiou\s]/g, "").replace(/(\p{L})\1+/gu, "$1");
}

export type NameKey = { key: string; skeleton: string; arabic: boolean };

/** What a name is compared by; compute once per name for a list. */
export function nameKey(name: string): NameKey {
  const key = latinKey(name);
  return { key, skeleton: consonants(key), arabic: ARABIC_SCRIPT.test(name) };
}

/**
 * A test for names: every word of the query must be part of the name (in its Latin key, or
 * by its consonants where either side is written in Arabic script). An empty query matches
 * nothing.
 */
export function nameMatcher(query: string): (name: NameKey) => boolean {
  const words = query
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => ({ key: latinKey(word), skeleton: consonants(latinKey(word)), arabic: ARABIC_SCRIPT.test(word) }))
    .filter((word) => word.key.length > 0);
  if (words.length === 0) return () => false;
  return (name) =>
    words.every((word) => {
      if (name.key.includes(word.key)) return true;
      // Consonants alone only for Arabic script, and only with two or more of them (no "a" finding everyone).
      return (name.arabic || word.arabic) && word.skeleton.length >= 2 && name.skeleton.includes(word.skeleton);
    });
}

/** Whether `name` is found by `query`. */
export function nameMatches(name: string, query: string): boolean {
  return nameMatcher(query)(nameKey(name));
}
