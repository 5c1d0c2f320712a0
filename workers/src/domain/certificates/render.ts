/**
 * The certificate as PDF (A4 portrait): in German, with each line in the participant's
 * language beneath it where that differs; the name in any script; the organiser, the
 * signer's name and role, the date of issue; the public code with a QR code to the
 * verification page. Everything printed comes from the certificate's stored facts.
 */
import { PDFDocument, rgb } from "pdf-lib";
import type { Locale } from "../../../../db/schema";
import type { Env } from "../../env";
import { certificateText } from "../../i18n";
import type { CertificateKey } from "../../i18n/de/certificate";
import { verifyUrl } from "../../lib/tokens";
import { embedFonts, savePdf, type FontPair } from "../documents/fonts";
import { dateText } from "../documents/dates";
import { drawQr } from "../documents/qr";
import { drawLine, wrapLines } from "../documents/text";
import type { CertificateFacts } from "./issue";

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const GREY = rgb(0.38, 0.38, 0.38);
const ACCENT = rgb(0.11, 0.3, 0.52);

export type CertificateDocument = { code: string; facts: CertificateFacts; issuedAt: number };

function numberText(value: number, locale: Locale): string {
  return new Intl.NumberFormat(`${locale === "de" ? "de-DE" : locale}-u-nu-latn`, { maximumFractionDigits: 2 }).format(value);
}

/** "2026-05-12" → 12.05.2026 */
function dayOf(isoDay: string, locale: Locale): string {
  return dateText(Date.parse(`${isoDay}T12:00:00Z`), locale);
}

export async function renderCertificate(env: Env, certificate: CertificateDocument): Promise<Uint8Array<ArrayBuffer>> {
  const { facts, code } = certificate;
  const second: Locale | null = facts.locale !== "de" ? facts.locale : null;
  const url = verifyUrl(env, code);
  const units = Math.round(((facts.hours * 60) / 45) * 10) / 10;
  const params = (locale: Locale) => ({
    hours: numberText(facts.hours, locale),
    units: numberText(units, locale),
    organiser: facts.organiser,
    date: dateText(certificate.issuedAt, locale),
    code,
    url,
  });
  const t = (key: CertificateKey, locale: Locale) => certificateText(locale, key, params(locale));
  const keys: CertificateKey[] = ["certificate.title", "certificate.intro", "certificate.took_part", "certificate.dates", "certificate.hours", "certificate.organiser"];
  const texts = [facts.name, facts.eventTitle, facts.organiser, facts.signer?.name ?? "", facts.signer?.role ?? "", ...(second ? keys.map((k) => t(k, second)) : [])];

  const doc = await PDFDocument.create();
  const fonts = await embedFonts(env, doc, texts);
  doc.setTitle(`${t("certificate.title", "de")}: ${facts.eventTitle}`);
  doc.setSubject(facts.name);
  doc.setAuthor(facts.organiser);
  doc.setCreator("zusammen");
  doc.setProducer("zusammen (pdf-lib)");
  doc.setLanguage("de-DE");
  doc.setCreationDate(new Date(certificate.issuedAt));
  doc.setModificationDate(new Date(certificate.issuedAt));

  const page = doc.addPage(A4);
  const centre = A4[0] / 2;
  const width = A4[0] - 2 * MARGIN;
  page.drawRectangle({ x: 24, y: 24, width: A4[0] - 48, height: A4[1] - 48, borderColor: ACCENT, borderWidth: 1.2 });

  let y = A4[1] - 88;
  /** A centred paragraph (wrapped), then its translation in grey beneath. */
  const paragraph = (key: CertificateKey, size: number, font: FontPair, gap = 8) => {
    for (const line of wrapLines(t(key, "de"), size, font, width)) {
      drawLine(page, line, { x: centre, y, size, fonts: font, align: "center", color: key === "certificate.title" ? ACCENT : undefined });
      y -= size * 1.3;
    }
    if (second) {
      const small = Math.max(8.5, size * 0.7);
      for (const line of wrapLines(t(key, second), small, fonts.regular, width)) {
        drawLine(page, line, { x: centre, y, size: small, fonts: fonts.regular, align: "center", color: GREY });
        y -= small * 1.3;
      }
    }
    y -= gap;
  };
  const emphasis = (text: string, size: number, maxLines: number) => {
    for (const line of wrapLines(text, size, fonts.bold, width).slice(0, maxLines)) {
      drawLine(page, line, { x: centre, y, size, fonts: fonts.bold, align: "center" });
      y -= size * 1.3;
    }
    y -= 10;
  };

  drawLine(page, facts.organiser, { x: centre, y: A4[1] - 60, size: 10, fonts: fonts.regular, align: "center", color: GREY });
  y -= 20;
  paragraph("certificate.title", 28, fonts.bold, 26);
  paragraph("certificate.intro", 12, fonts.regular, 12);
  emphasis(facts.name, 24, 2);
  paragraph("certificate.took_part", 12, fonts.regular, 10);
  emphasis(facts.eventTitle, 16, 3);
  y -= 6;
  if (facts.dates.length > 0) {
    paragraph("certificate.dates", 11, fonts.regular, 3);
    for (const line of wrapLines(facts.dates.map((d) => dayOf(d, "de")).join(", "), 11, fonts.regular, width)) {
      drawLine(page, line, { x: centre, y, size: 11, fonts: fonts.regular, align: "center" });
      y -= 14.5;
    }
    y -= 12;
  }
  paragraph("certificate.hours", 11, fonts.regular, 6);
  paragraph("certificate.organiser", 11, fonts.regular, 6);

  // Foot: signature on the left, the code and its QR code on the right.
  const footY = 150;
  drawLine(page, t("certificate.issued", "de"), { x: MARGIN, y: footY + 48, size: 10, fonts: fonts.regular });
  page.drawLine({ start: { x: MARGIN, y: footY + 10 }, end: { x: MARGIN + 220, y: footY + 10 }, thickness: 0.8, color: rgb(0, 0, 0) });
  if (facts.signer) {
    drawLine(page, facts.signer.name, { x: MARGIN, y: footY - 4, size: 10.5, fonts: fonts.bold });
    drawLine(page, facts.signer.role, { x: MARGIN, y: footY - 18, size: 9.5, fonts: fonts.regular, color: GREY });
  }
  const qrSize = 92;
  const qrX = A4[0] - MARGIN - qrSize;
  drawQr(page, url, qrX, footY - 24, qrSize);
  drawLine(page, t("certificate.code", "de"), { x: A4[0] - MARGIN, y: footY - 40, size: 9, fonts: fonts.regular, align: "right" });
  drawLine(page, t("certificate.verify", "de"), { x: A4[0] - MARGIN, y: 64, size: 8, fonts: fonts.regular, align: "right", color: GREY });
  return savePdf(doc);
}
