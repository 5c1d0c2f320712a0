/**
 * A certificate's PDF: the words printed on it are decided here (German with the
 * participant's language beneath, the verification link and code, the dates and hours from
 * the certificate's stored facts); the documents Worker lays them out and returns the bytes
 * (workers/documents/certificate.ts, reached through the DOCUMENTS service binding).
 */
import type { Locale } from "../../../../db/schema";
import type { Env } from "../../env";
import { certificateText } from "../../i18n";
import type { CertificateKey } from "../../i18n/de/certificate";
import { verifyUrl } from "../../lib/tokens";
import type { Bilingual, CertificateContent } from "../../../documents/contract";
import { dateText } from "../documents/dates";
import type { CertificateFacts } from "./issue";

export type CertificateDocument = { code: string; facts: CertificateFacts; issuedAt: number };

function numberText(value: number, locale: Locale): string {
  return new Intl.NumberFormat(`${locale === "de" ? "de-DE" : locale}-u-nu-latn`, { maximumFractionDigits: 2 }).format(value);
}

/** Everything the certificate says, in German and (where different) the participant's language. */
export function certificateContent(env: Env, certificate: CertificateDocument): CertificateContent {
  const { facts, code } = certificate;
  const second: Locale | null = facts.locale !== "de" ? facts.locale : null;
  const url = verifyUrl(env, code);
  const units = Math.round(((facts.hours * 60) / 45) * 10) / 10;
  const t = (key: CertificateKey, locale: Locale) =>
    certificateText(locale, key, {
      hours: numberText(facts.hours, locale),
      units: numberText(units, locale),
      organiser: facts.organiser,
      date: dateText(certificate.issuedAt, locale),
      code,
      url,
    });
  const both = (key: CertificateKey): Bilingual => ({ de: t(key, "de"), translation: second ? t(key, second) : null });
  return {
    info: { title: `${t("certificate.title", "de")}: ${facts.eventTitle}`, subject: facts.name, author: facts.organiser, language: "de-DE", createdAt: certificate.issuedAt },
    organiser: facts.organiser,
    title: both("certificate.title"),
    intro: both("certificate.intro"),
    name: facts.name,
    tookPart: both("certificate.took_part"),
    eventTitle: facts.eventTitle,
    // "2026-05-12" → 12.05.2026
    dates: facts.dates.length > 0 ? { heading: both("certificate.dates"), days: facts.dates.map((day) => dateText(Date.parse(`${day}T12:00:00Z`), "de")) } : null,
    hours: both("certificate.hours"),
    organiserLine: both("certificate.organiser"),
    issued: t("certificate.issued", "de"),
    signer: facts.signer,
    verifyUrl: url,
    codeLine: t("certificate.code", "de"),
    verifyLine: t("certificate.verify", "de"),
  };
}

/** The certificate as PDF bytes, rendered by the documents Worker. */
export function renderCertificate(env: Env, certificate: CertificateDocument): Promise<Uint8Array<ArrayBuffer>> {
  return env.DOCUMENTS.certificate(certificateContent(env, certificate));
}
