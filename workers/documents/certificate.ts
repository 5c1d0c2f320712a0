/**
 * The certificate as PDF (A4 portrait): every paragraph in German with the participant's
 * language beneath it in grey where that differs; the name in any script; the organiser, the
 * signer's name and role, the date of issue; the public code with a QR code to the
 * verification page. The words come from the API Worker (domain/certificates/document.ts);
 * this file decides only where they go.
 */
import { PDFDocument, rgb } from "pdf-lib";
import type { Bilingual, CertificateContent } from "./contract";
import { embedFonts } from "./fonts";
import { savePdf, setInfo } from "./pdf";
import { drawQr } from "./qr";
import type { PDFFont } from "pdf-lib";
import { drawLine, wrapLines } from "./text";

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const GREY = rgb(0.38, 0.38, 0.38);
const ACCENT = rgb(0.11, 0.3, 0.52);

export async function renderCertificate(content: CertificateContent): Promise<Uint8Array<ArrayBuffer>> {
  const doc = await PDFDocument.create();
  const fonts = await embedFonts(doc);
  setInfo(doc, content.info);

  const page = doc.addPage(A4);
  const centre = A4[0] / 2;
  const width = A4[0] - 2 * MARGIN;
  page.drawRectangle({ x: 24, y: 24, width: A4[0] - 48, height: A4[1] - 48, borderColor: ACCENT, borderWidth: 1.2 });

  let y = A4[1] - 88;
  /** A centred paragraph (wrapped), then its translation in grey beneath. */
  const paragraph = (text: Bilingual, size: number, font: PDFFont, gap = 8, color = rgb(0, 0, 0)) => {
    for (const line of wrapLines(text.de, size, font, width)) {
      drawLine(page, line, { x: centre, y, size, font: font, align: "center", color });
      y -= size * 1.3;
    }
    if (text.translation) {
      const small = Math.max(8.5, size * 0.7);
      for (const line of wrapLines(text.translation, small, fonts.regular, width)) {
        drawLine(page, line, { x: centre, y, size: small, font: fonts.regular, align: "center", color: GREY });
        y -= small * 1.3;
      }
    }
    y -= gap;
  };
  const emphasis = (text: string, size: number, maxLines: number) => {
    for (const line of wrapLines(text, size, fonts.bold, width).slice(0, maxLines)) {
      drawLine(page, line, { x: centre, y, size, font: fonts.bold, align: "center" });
      y -= size * 1.3;
    }
    y -= 10;
  };

  drawLine(page, content.organiser, { x: centre, y: A4[1] - 60, size: 10, font: fonts.regular, align: "center", color: GREY });
  y -= 20;
  paragraph(content.title, 28, fonts.bold, 26, ACCENT);
  paragraph(content.intro, 12, fonts.regular, 12);
  emphasis(content.name, 24, 2);
  paragraph(content.tookPart, 12, fonts.regular, 10);
  emphasis(content.eventTitle, 16, 3);
  y -= 6;
  if (content.dates && content.dates.days.length > 0) {
    paragraph(content.dates.heading, 11, fonts.regular, 3);
    for (const line of wrapLines(content.dates.days.join(", "), 11, fonts.regular, width)) {
      drawLine(page, line, { x: centre, y, size: 11, font: fonts.regular, align: "center" });
      y -= 14.5;
    }
    y -= 12;
  }
  paragraph(content.hours, 11, fonts.regular, 6);
  paragraph(content.organiserLine, 11, fonts.regular, 6);

  // Foot: signature on the left, the code and its QR code on the right.
  const footY = 150;
  drawLine(page, content.issued, { x: MARGIN, y: footY + 48, size: 10, font: fonts.regular });
  page.drawLine({ start: { x: MARGIN, y: footY + 10 }, end: { x: MARGIN + 220, y: footY + 10 }, thickness: 0.8, color: rgb(0, 0, 0) });
  if (content.signer) {
    drawLine(page, content.signer.name, { x: MARGIN, y: footY - 4, size: 10.5, font: fonts.bold });
    drawLine(page, content.signer.role, { x: MARGIN, y: footY - 18, size: 9.5, font: fonts.regular, color: GREY });
  }
  const qrSize = 92;
  drawQr(page, content.verifyUrl, A4[0] - MARGIN - qrSize, footY - 24, qrSize);
  drawLine(page, content.codeLine, { x: A4[0] - MARGIN, y: footY - 40, size: 9, font: fonts.regular, align: "right" });
  drawLine(page, content.verifyLine, { x: A4[0] - MARGIN, y: 64, size: 8, font: fonts.regular, align: "right", color: GREY });
  return savePdf(doc);
}
