/**
 * The year's review for the city's integration council: A4 portrait, a heading, the scope
 * (organisations, period, funding line), then per month the events held, each with its lines
 * (dates, format, partners, participants, attendance), then the totals as a two-column list,
 * and "Seite X von Y" at the foot. Every word comes from the API Worker
 * (domain/statistics/review.ts); this only flows it onto pages.
 */
import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import type { ReviewContent } from "./contract";
import { embedFonts } from "./fonts";
import { savePdf, setInfo } from "./pdf";
import { drawLine, fitLine, wrapLines, type FontSet } from "./text";

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 48;
const WIDTH = A4[0] - 2 * MARGIN;
const GREY = rgb(0.35, 0.35, 0.35);

/** Text flowing down pages: a new page when the next block does not fit. */
class Flow {
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

export async function renderReview(input: ReviewContent): Promise<Uint8Array<ArrayBuffer>> {
  const doc = await PDFDocument.create();
  const fonts: FontSet = await embedFonts(doc);
  setInfo(doc, input.info);

  const flow = new Flow(doc, MARGIN + 28);
  flow.text(input.heading, 20, fonts.bold, { gapAfter: 4 });
  for (const line of input.subtitle) flow.text(line, 10.5, fonts.regular, { color: GREY });
  flow.y -= 12;
  if (input.months.length === 0) flow.text(input.empty, 11, fonts.regular, { gapAfter: 12 });
  for (const month of input.months) {
    flow.need(60); // a month's heading stays with its first event
    flow.text(month.heading, 14, fonts.bold, { gapAfter: 4 });
    for (const event of month.events) {
      flow.need(14 * (1 + event.lines.length) + 8);
      flow.text(event.title, 11, fonts.bold);
      for (const line of event.lines) flow.text(line, 9.5, fonts.regular, { indent: 12 });
      flow.y -= 7;
    }
    flow.y -= 6;
  }
  flow.need(40);
  flow.text(input.totalsHeading, 14, fonts.bold, { gapAfter: 4 });
  for (const [label, value] of input.totals) {
    flow.need(15);
    flow.y -= 15;
    drawLine(flow.page, fitLine(label, 10.5, fonts.regular, WIDTH - 110), { x: MARGIN, y: flow.y, size: 10.5, font: fonts.regular });
    drawLine(flow.page, value, { x: A4[0] - MARGIN, y: flow.y, size: 10.5, font: fonts.bold, align: "right" });
  }

  const pages = doc.getPages();
  pages.forEach((p, i) => {
    drawLine(p, `Seite ${i + 1} von ${pages.length}`, { x: A4[0] - MARGIN, y: MARGIN - 8, size: 9, font: fonts.regular, align: "right", color: GREY });
    drawLine(p, fitLine(input.footer, 7.5, fonts.regular, WIDTH - 90), { x: MARGIN, y: MARGIN - 8, size: 7.5, font: fonts.regular, color: GREY });
  });
  return savePdf(doc);
}
