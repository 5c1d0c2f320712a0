/**
 * Text flowing down A4 portrait pages (the year's review, the attendance record): a new page
 * when the next block does not fit, and "Seite X von Y" with the small print at every foot.
 */
import { rgb, type PDFDocument, type PDFFont, type PDFPage } from "pdf-lib";
import { drawLine, fitLine, wrapLines, type FontSet } from "./text";

export const A4: [number, number] = [595.28, 841.89];
export const MARGIN = 48;
export const WIDTH = A4[0] - 2 * MARGIN;
export const GREY = rgb(0.35, 0.35, 0.35);

/** Text flowing down pages: a new page when the next block does not fit. */
export class Flow {
  page: PDFPage;
  y: number;
  constructor(
    private readonly doc: PDFDocument,
    private readonly bottom: number,
  ) {
    this.page = doc.addPage(A4);
    this.y = A4[1] - MARGIN;
  }
  /** Room for `height` points, on a new page if need be. */
  need(height: number): void {
    if (this.y - height < this.bottom) {
      this.page = this.doc.addPage(A4);
      this.y = A4[1] - MARGIN;
    }
  }
  text(text: string, size: number, font: PDFFont, options: { indent?: number; gapAfter?: number; color?: ReturnType<typeof rgb> } = {}): void {
    const indent = options.indent ?? 0;
    for (const line of wrapLines(text, size, font, WIDTH - indent)) {
      this.need(size * 1.4);
      this.y -= size * 1.4;
      drawLine(this.page, line, { x: MARGIN + indent, y: this.y, size, font, color: options.color });
    }
    this.y -= options.gapAfter ?? 0;
  }
}

/** The page's number ("Seite {page} von {pages}", in the document's language) and the small print at the foot of every page. */
export function pageNumbers(doc: PDFDocument, fonts: FontSet, footer: string, pageNumber: string): void {
  const pages = doc.getPages();
  pages.forEach((p, i) => {
    drawLine(p, pageNumber.replace("{page}", String(i + 1)).replace("{pages}", String(pages.length)), { x: A4[0] - MARGIN, y: MARGIN - 8, size: 9, font: fonts.regular, align: "right", color: GREY });
    drawLine(p, fitLine(footer, 7.5, fonts.regular, WIDTH - 90), { x: MARGIN, y: MARGIN - 8, size: 7.5, font: fonts.regular, color: GREY });
  });
}
