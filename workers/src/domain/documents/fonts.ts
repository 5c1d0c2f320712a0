/**
 * Fonts for the PDFs. pdf-lib's standard fonts are WinAnsi only, so names in Turkish,
 * Cyrillic, Greek or Arabic need embedded TrueType fonts: DejaVu Sans (Latin, Greek,
 * Cyrillic) and Noto Sans Arabic (shaped by fontkit). They are served as static assets
 * (frontend/public/fonts, subsets made by scripts/subset-fonts.sh) and fetched through the
 * ASSETS binding, so ~550 KB of fonts stay out of the Worker bundle (../shared/STACK.md).
 */
import fontkit from "@pdf-lib/fontkit";
import type { PDFDocument, PDFFont } from "pdf-lib";
import type { Env } from "../../env";
import { hasArabic } from "./text";

const FILES = {
  latin: "/fonts/DejaVuSans.ttf",
  latinBold: "/fonts/DejaVuSans-Bold.ttf",
  arabic: "/fonts/NotoSansArabic.ttf",
  arabicBold: "/fonts/NotoSansArabic-Bold.ttf",
} as const;

/** A font per script of one weight: runs of Arabic use `arabic`, everything else `latin`. */
export type FontPair = { latin: PDFFont; arabic: PDFFont | null };
export type FontSet = { regular: FontPair; bold: FontPair };

// Font files never change within a deployment: one fetch per isolate, not per document. The
// bytes are kept, not the promise: a promise of one request awaited by another is resolved
// across request contexts, which workerd refuses.
const bytesCache = new Map<string, Uint8Array>();

async function fontBytes(env: Env, path: string): Promise<Uint8Array> {
  const cached = bytesCache.get(path);
  if (cached) return cached;
  const response = await env.ASSETS.fetch(new Request(`https://assets.invalid${path}`));
  if (!response.ok) throw new Error(`font ${path} is not among the static assets (${response.status}); run npm run build`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  bytesCache.set(path, bytes);
  return bytes;
}

/**
 * Embeds the fonts a document needs (subset: only the glyphs drawn end up in the file).
 * The Arabic fonts are embedded only when some text of the document has Arabic letters.
 */
export async function embedFonts(env: Env, doc: PDFDocument, texts: string[]): Promise<FontSet> {
  doc.registerFontkit(fontkit);
  const arabicNeeded = texts.some(hasArabic);
  const [latin, latinBold, arabic, arabicBold] = await Promise.all([
    fontBytes(env, FILES.latin),
    fontBytes(env, FILES.latinBold),
    arabicNeeded ? fontBytes(env, FILES.arabic) : null,
    arabicNeeded ? fontBytes(env, FILES.arabicBold) : null,
  ]);
  const embed = (bytes: Uint8Array | null) => (bytes ? doc.embedFont(bytes, { subset: true }) : Promise.resolve(null));
  const [l, lb, a, ab] = await Promise.all([embed(latin), embed(latinBold), embed(arabic), embed(arabicBold)]);
  return { regular: { latin: l!, arabic: a }, bold: { latin: lb!, arabic: ab } };
}

/**
 * Saves a document, one at a time per isolate. pdf-lib writes font subsets through fontkit's
 * stream shim, whose process.nextTick queue is module-wide: two documents saved at once run
 * each other's callbacks in the other request's context, and workerd cancels a request as
 * hung (seen with 4 concurrent downloads in scripts/bench-certificates.mjs). Waiting is done
 * with each request's own timer (a promise handed between requests would cross contexts);
 * a save that never finished (its request was cancelled) is given up after 15 s.
 */
let savingSince = 0;
export async function savePdf(doc: PDFDocument): Promise<Uint8Array<ArrayBuffer>> {
  while (savingSince !== 0 && Date.now() - savingSince < 15_000) await new Promise((resolve) => setTimeout(resolve, 2));
  savingSince = Date.now() || 1;
  try {
    return (await doc.save({ useObjectStreams: true })) as Uint8Array<ArrayBuffer>;
  } finally {
    savingSince = 0;
  }
}
