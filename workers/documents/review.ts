/**
 * The year's review for the city's integration council: A4 portrait, a heading, the scope
 * (organisations, period, funding line), then per month the events held, each with its lines
 * (dates, format, partners, participants, attendance), then the totals as a two-column list,
 * and "Seite X von Y" at the foot. Every word comes from the API Worker
 * (domain/statistics/review.ts); this only flows it onto pages.
 */
import { PDFDocument } from "pdf-lib";
import type { ReviewContent } from "./contract";
import { A4, Flow, GREY, MARGIN, pageNumbers, WIDTH } from "./flow";
import { embedFonts } from "./fonts";
import { savePdf, setInfo } from "./pdf";
import { drawLine, fitLine, type FontSet } from "./text";

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

  pageNumbers(doc, fonts, input.footer, input.pageNumber);
  return savePdf(doc);
}
