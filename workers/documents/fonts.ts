/**
 * Fonts for the PDFs. pdf-lib's standard fonts are WinAnsi only, so names in Turkish,
 * Cyrillic, Greek or Arabic need embedded TrueType fonts: DejaVu Sans, regular and bold,
 * with Latin, Greek, Cyrillic and Arabic (shaped by fontkit), subsets made by
 * scripts/subset-fonts.sh (~330 KB, ~175 KB gzipped). One family for every script: its
 * Arabic has a glyph for each letter and joining form, so copying a certificate's Arabic
 * out gives the right letters (./text.ts).
 *
 * They are Data modules of this Worker's bundle (wrangler.toml [[rules]]), not static
 * assets: Miniflare 4.20260426 serves one assets directory per instance (every Worker's
 * asset storage is the one service `assets:storage`), so a second Worker's assets binding
 * answers 500 under `npm start` and in the tests. Only this Worker carries them; the API
 * Worker's bundle stays without fonts.
 */
import fontkit from "@pdf-lib/fontkit";
import type { PDFDocument } from "pdf-lib";
import regular from "./fonts/DejaVuSans.ttf";
import bold from "./fonts/DejaVuSans-Bold.ttf";
import type { FontSet } from "./text";

// A Data module is an ArrayBuffer; the type checker knows `*.ttf` only from vite/client (a URL).
const bytes = (module: unknown) => module as ArrayBuffer;

/** Embeds the fonts of a document (subset: only the glyphs drawn end up in the file). */
export async function embedFonts(doc: PDFDocument): Promise<FontSet> {
  doc.registerFontkit(fontkit);
  const [r, b] = await Promise.all([doc.embedFont(bytes(regular), { subset: true }), doc.embedFont(bytes(bold), { subset: true })]);
  return { regular: r, bold: b };
}
