/**
 * A participant's attendance record (A4 portrait): the organiser small at the top, the
 * heading, the facts (person, event, place), a table of the attended dates with their time
 * and hours, the total, then place and date with a line for the organiser's signature. Every
 * word comes from the API Worker (domain/certificates/attendance-record.ts).
 */
import { PDFDocument } from "pdf-lib";
import type { AttendanceRecordContent } from "./contract";
import { A4, Flow, GREY, MARGIN, pageNumbers, WIDTH } from "./flow";
import { embedFonts } from "./fonts";
import { savePdf, setInfo } from "./pdf";
import { drawLine, fitLine, wrapLines, type FontSet } from "./text";

/** Where the table's columns start: date, time, and hours (right-aligned at the edge). */
const TIME_X = MARGIN + 200;
const HOURS_RIGHT = A4[0] - MARGIN;

export async function renderAttendanceRecord(input: AttendanceRecordContent): Promise<Uint8Array<ArrayBuffer>> {
  const doc = await PDFDocument.create();
  const fonts: FontSet = await embedFonts(doc);
  setInfo(doc, input.info);

  const flow = new Flow(doc, MARGIN + 28);
  flow.text(input.organiser, 9.5, fonts.regular, { color: GREY, gapAfter: 10 });
  flow.text(input.heading, 20, fonts.bold, { gapAfter: 10 });
  for (const [label, value] of input.facts) {
    // A long place or title wraps under itself: an address is not cut off.
    wrapLines(value, 10.5, fonts.bold, WIDTH - 140).forEach((line, i) => {
      flow.need(16);
      flow.y -= i === 0 ? 16 : 14;
      if (i === 0) drawLine(flow.page, label, { x: MARGIN, y: flow.y, size: 10.5, font: fonts.regular, color: GREY });
      drawLine(flow.page, line, { x: MARGIN + 140, y: flow.y, size: 10.5, font: fonts.bold });
    });
  }
  flow.y -= 18;

  const row = (cells: [string, string, string], bold: boolean) => {
    flow.need(17);
    flow.y -= 17;
    const font = bold ? fonts.bold : fonts.regular;
    drawLine(flow.page, fitLine(cells[0], 10.5, font, TIME_X - MARGIN - 8), { x: MARGIN, y: flow.y, size: 10.5, font });
    drawLine(flow.page, fitLine(cells[1], 10.5, font, HOURS_RIGHT - TIME_X - 70), { x: TIME_X, y: flow.y, size: 10.5, font });
    drawLine(flow.page, cells[2], { x: HOURS_RIGHT, y: flow.y, size: 10.5, font, align: "right" });
  };
  const rule = () => flow.page.drawLine({ start: { x: MARGIN, y: flow.y - 5 }, end: { x: HOURS_RIGHT, y: flow.y - 5 }, thickness: 0.6, color: GREY });
  row(input.columns, true);
  rule();
  if (input.rows.length === 0) flow.text(input.empty, 10.5, fonts.regular, { gapAfter: 4 });
  for (const cells of input.rows) row(cells, false);
  rule();
  row([input.total[0], "", input.total[1]], true);

  flow.need(90);
  flow.y -= 50;
  drawLine(flow.page, input.issued, { x: MARGIN, y: flow.y, size: 10.5, font: fonts.regular });
  flow.page.drawLine({ start: { x: A4[0] / 2, y: flow.y }, end: { x: HOURS_RIGHT, y: flow.y }, thickness: 0.6, color: GREY });
  drawLine(flow.page, fitLine(input.signatureLabel, 8.5, fonts.regular, HOURS_RIGHT - A4[0] / 2), { x: A4[0] / 2, y: flow.y - 12, size: 8.5, font: fonts.regular, color: GREY });

  pageNumbers(doc, fonts, input.footer, input.pageNumber);
  return savePdf(doc);
}
