/**
 * Fonts for the PDFs. pdf-lib's standard fonts are WinAnsi only, so names in Turkish,
 * Cyrillic, Greek or Arabic need embedded TrueType fonts: DejaVu Sans (Latin, Greek,
 * Cyrillic) and Noto Sans Arabic (shaped by fontkit), subsets made by
 * scripts/subset-fonts.sh (~540 KB, ~265 KB gzipped).
 *
 * They are Data modules of this Worker's bundle (wrangler.toml [[rules]]), not static
 * assets: Miniflare 4.20260426 serves one assets directory per instance (every Worker's
 * asset storage is the one service `assets:storage`), so a second Worker's assets binding
 * answers 500 under `npm start` and in the tests. Only this Worker carries them; the API
 * Worker's bundle stays without fonts.
 */
import fontkit from "@pdf-lib/fontkit";
import type { PDFDocument } from "pdf-lib";
import latin from "./fonts/DejaVuSans.ttf";
import latinBold from "./fonts/DejaVuSans-Bold.ttf";
import arabic from "./fonts/NotoSansArabic.ttf";
import arabicBold from "./fonts/NotoSansArabic-Bold.ttf";
import { hasArabic, type FontSet } from "./text";

// A Data module is an ArrayBuffer; the type checker knows `*.ttf` only from vite/client (a URL).
const bytes = (module: unknown) => module as ArrayBuffer;

/**
 * Embeds the fonts a document needs (subset: only the glyphs drawn end up in the file).
 * The Arabic fonts are embedded only when some text of the document has Arabic letters.
 */
export async function embedFonts(doc: PDFDocument, texts: string[]): Promise<FontSet> {
  doc.registerFontkit(fontkit);
  const arabicNeeded = texts.some(hasArabic);
  const embed = (bytes: ArrayBuffer | null) => (bytes ? doc.embedFont(bytes, { subset: true }) : Promise.resolve(null));
  const [l, lb, a, ab] = await Promise.all([
    embed(bytes(latin)),
    embed(bytes(latinBold)),
    embed(arabicNeeded ? bytes(arabic) : null),
    embed(arabicNeeded ? bytes(arabicBold) : null),
  ]);
  return { regular: { latin: l!, arabic: a }, bold: { latin: lb!, arabic: ab } };
}
