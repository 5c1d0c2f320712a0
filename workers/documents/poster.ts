/**
 * An event's poster (A4 portrait) for a notice board, a Kita's door or a library's counter:
 * the organiser, the title large, the dates and the place, and at the foot a QR code to the
 * event's short link with the link printed beneath it and "sign up here" in every language,
 * each line in its own script (Arabic shaped, right to left). The words come from the API
 * Worker (domain/reach/poster.ts); this file decides only where they go.
 */
import { PDFDocument, rgb, type PDFFont } from "pdf-lib";
import type { PosterContent } from "./contract";
import { embedFonts } from "./fonts";
import { savePdf, setInfo } from "./pdf";
import { drawQr } from "./qr";
import { drawLine, wrapLines } from "./text";

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 48;
const ACCENT = rgb(0.03, 0.23, 0.4);
const GREY = rgb(0.3, 0.3, 0.3);
const RED = rgb(0.69, 0, 0.13);
const CALL_SIZE = 17;
const CALL_LEADING = 25;

export async function renderPoster(content: PosterContent): Promise<Uint8Array<ArrayBuffer>> {
  const doc = await PDFDocument.create();
  const fonts = await embedFonts(doc);
  setInfo(doc, content.info);
  const page = doc.addPage(A4);
  const [pageWidth, pageHeight] = A4;
  const centre = pageWidth / 2;
  const width = pageWidth - 2 * MARGIN;

  // The organiser on a band across the top.
  page.drawRectangle({ x: 0, y: pageHeight - 64, width: pageWidth, height: 64, color: ACCENT });
  drawLine(page, content.organiser, { x: centre, y: pageHeight - 39, size: 13, font: fonts.bold, align: "center", color: rgb(1, 1, 1) });

  let y = pageHeight - 64 - 52;
  const lines = (text: string, size: number, font: PDFFont, max: number, color = rgb(0, 0, 0), leading = 1.25) => {
    for (const line of wrapLines(text, size, font, width).slice(0, max)) {
      drawLine(page, line, { x: centre, y, size, font, align: "center", color });
      y -= size * leading;
    }
  };

  if (content.cancelled) {
    lines(content.cancelled.toLocaleUpperCase(), 30, fonts.bold, 1, RED);
    y -= 8;
  }
  // The title as large as four lines allow.
  const titleSize = [36, 30, 26, 22].find((size) => wrapLines(content.title, size, fonts.bold, width).length <= 4) ?? 22;
  lines(content.title, titleSize, fonts.bold, 5, ACCENT, 1.2);
  if (content.titleNote) lines(content.titleNote, 11, fonts.regular, 1, GREY);
  y -= 16;
  for (const date of content.dates) lines(date, 15, fonts.regular, 2);
  y -= 6;
  for (const part of content.place) lines(part, 13, fonts.regular, 2, GREY);
  if (content.note) {
    y -= 6;
    lines(content.note, 16, fonts.bold, 1, ACCENT);
  }

  // The foot: the call to scan in every language, the link above it, the code above that.
  const callTop = MARGIN + content.callToAction.length * CALL_LEADING;
  content.callToAction.forEach((call, i) => {
    drawLine(page, call.text, { x: centre, y: callTop - (i + 1) * CALL_LEADING + 6, size: CALL_SIZE, font: fonts.bold, align: "center" });
  });
  const linkY = callTop + 14;
  drawLine(page, content.link, { x: centre, y: linkY, size: 12, font: fonts.regular, align: "center", color: GREY });
  const qrBottom = linkY + 20;
  const qrSize = Math.max(130, Math.min(210, y - 24 - qrBottom));
  drawQr(page, content.qr, centre - qrSize / 2, qrBottom, qrSize);
  return savePdf(doc);
}
