/**
 * Text in PDFs in any of our scripts, in the right order, and copied out as written.
 *
 * fontkit shapes Arabic and lays a run of Arabic out right to left, but it lays out a whole
 * string in ONE direction, so a name mixing scripts ("Amira محمد") would come out wrong. So a
 * line is split into directional runs (Arabic letters: right to left; other letters and
 * digits: left to right; spaces and punctuation take the direction of their neighbours),
 * each run is drawn on its own, and the runs are placed in visual order:
 * the paragraph direction is that of the first strong letter (Unicode bidi rules P2–P3), and
 * in a right-to-left line the runs are reversed (rule L2 for two levels). Each run keeps
 * its characters in logical order, so text extraction (pdftotext, screen readers) reads it
 * back as written.
 *
 * Copying Arabic out: a PDF font maps each glyph to the characters it stands for, one map
 * per glyph. The font (DejaVu Sans, ./fonts.ts) has one glyph per letter and joining form
 * (the presentation forms), so each maps to its letter; a font that draws ب ت ن ي in their
 * joined forms with one shared dotless glyph (Noto Sans Arabic does) copies "بأن" as "نأن".
 * A ligature (لا, لأ) is one glyph for two letters; readers reverse a right-to-left run
 * character by character to get from the drawn (visual) order to the written one, so a
 * ligature's letters are mapped in drawn order too, and come out as written.
 */
import { rgb, type PDFFont, type PDFPage, type RGB } from "pdf-lib";

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
/** Letters and digits of left-to-right scripts (everything strong that is not Arabic or Hebrew). */
const STRONG_LTR = /[\p{L}\p{N}]/u;

/** One font of each weight that covers every script we print (Latin, Greek, Cyrillic, Arabic). */
export type FontSet = { regular: PDFFont; bold: PDFFont };

export function hasArabic(text: string): boolean {
  return ARABIC.test(text);
}

type Direction = "ltr" | "rtl";
export type Run = { text: string; direction: Direction };

function classOf(ch: string): Direction | "neutral" {
  if (ARABIC.test(ch) || /[\u0590-\u05FF]/.test(ch)) return "rtl";
  if (STRONG_LTR.test(ch)) return "ltr";
  return "neutral";
}

/** Control characters and line breaks would draw as boxes; a PDF line is one line. */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]+/g, " ").trim();
}

/** The direction of a paragraph: that of its first strong character (left to right without one). */
export function paragraphDirection(text: string): Direction {
  for (const ch of text) {
    const kind = classOf(ch);
    if (kind !== "neutral") return kind;
  }
  return "ltr";
}

/** The line's runs in visual order (left to right on the page), each run's text in logical order. */
export function visualRuns(text: string, base: Direction = paragraphDirection(text)): Run[] {
  const chars = [...oneLine(text)];
  const kinds = chars.map(classOf);
  // Neutrals between two strong characters of the same direction take it; others the paragraph's.
  const resolved: Direction[] = kinds.map((kind, i) => {
    if (kind !== "neutral") return kind;
    let before: Direction | null = null;
    for (let j = i - 1; j >= 0 && before === null; j--) if (kinds[j] !== "neutral") before = kinds[j] as Direction;
    let after: Direction | null = null;
    for (let j = i + 1; j < kinds.length && after === null; j++) if (kinds[j] !== "neutral") after = kinds[j] as Direction;
    return before !== null && before === after ? before : base;
  });
  const runs: Run[] = [];
  chars.forEach((ch, i) => {
    const last = runs.at(-1);
    if (last && last.direction === resolved[i]) last.text += ch;
    else runs.push({ text: ch, direction: resolved[i]! });
  });
  return base === "rtl" ? runs.reverse() : runs;
}

/** Paired brackets face the other way in right-to-left text (bidi rule L4); fontkit does not mirror them. */
const MIRRORED: Record<string, string> = { "(": ")", ")": "(", "[": "]", "]": "[", "{": "}", "}": "{", "<": ">", ">": "<", "«": "»", "»": "«" };

function glyphText(run: Run): string {
  return run.direction === "rtl" ? run.text.replace(/[()[\]{}<>«»]/g, (ch) => MIRRORED[ch]!) : run.text;
}

type Glyph = { codePoints: number[] };
type Layout = { layout(text: string): { glyphs: Glyph[] } };
/** Ligature glyphs whose letters are already mapped in drawn order (a glyph is shared by every use in a document). */
const visuallyMapped = new WeakSet<Glyph>();

/**
 * Maps the ligatures of a right-to-left run to their letters in drawn order (see the module
 * comment). pdf-lib keeps the font's glyphs (fontkit's, one object per glyph) and writes the
 * map from their `codePoints` when the document is saved.
 */
function mapLigaturesInDrawnOrder(font: PDFFont, text: string): void {
  const shaper = (font as unknown as { embedder?: { font?: Layout } }).embedder?.font;
  for (const glyph of shaper?.layout(text).glyphs ?? []) {
    if (glyph.codePoints.length > 1 && !visuallyMapped.has(glyph)) {
      glyph.codePoints.reverse();
      visuallyMapped.add(glyph);
    }
  }
}

/** The width of a line at a size, as drawLine draws it. */
export function widthOf(text: string, size: number, font: PDFFont): number {
  return visualRuns(text).reduce((sum, run) => sum + font.widthOfTextAtSize(run.text, size), 0);
}

export type LineOptions = {
  x: number;
  y: number;
  size: number;
  font: PDFFont;
  color?: RGB;
  /** x is the left edge, the centre or the right edge of the line. */
  align?: "left" | "center" | "right";
};

/** Draws one line of mixed-script text; returns its width. */
export function drawLine(page: PDFPage, text: string, options: LineOptions): number {
  const { size, font, color = rgb(0, 0, 0), align = "left" } = options;
  const runs = visualRuns(text);
  const widths = runs.map((run) => font.widthOfTextAtSize(run.text, size));
  const total = widths.reduce((a, b) => a + b, 0);
  let x = align === "center" ? options.x - total / 2 : align === "right" ? options.x - total : options.x;
  runs.forEach((run, i) => {
    const glyphs = glyphText(run);
    if (run.direction === "rtl" && hasArabic(run.text)) mapLigaturesInDrawnOrder(font, glyphs);
    page.drawText(glyphs, { x, y: options.y, size, font, color });
    x += widths[i]!;
  });
  return total;
}

/** Splits text into lines no wider than maxWidth (at spaces; a single over-long word is cut). */
export function wrapLines(text: string, size: number, font: PDFFont, maxWidth: number): string[] {
  const words = oneLine(text).split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (widthOf(candidate, size, font) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    while (widthOf(line, size, font) > maxWidth && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && widthOf(line.slice(0, cut), size, font) > maxWidth) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Shortens a line with "…" to fit maxWidth (table cells). */
export function fitLine(text: string, size: number, font: PDFFont, maxWidth: number): string {
  const clean = oneLine(text);
  if (widthOf(clean, size, font) <= maxWidth) return clean;
  const chars = [...clean];
  while (chars.length > 1 && widthOf(`${chars.join("")}…`, size, font) > maxWidth) chars.pop();
  return `${chars.join("")}…`;
}
