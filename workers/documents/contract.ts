/**
 * What the API Worker sends the documents Worker: a document's content, every word of it
 * decided (who gets a certificate, in which languages, which rows a signature list has,
 * the links and codes printed). The documents Worker only lays it out and returns the PDF's
 * bytes. Types only: importing this file bundles nothing.
 */

/** The PDF's metadata (what a reader's "document properties" show). */
export type DocumentInfo = {
  title: string;
  subject?: string;
  author: string;
  /** BCP 47, e.g. "de-DE". */
  language: string;
  /** Creation and modification date, epoch ms. */
  createdAt: number;
};

/** A printed paragraph: German, and beneath it the participant's language where that differs. */
export type Bilingual = { de: string; translation: string | null };

export type CertificateContent = {
  info: DocumentInfo;
  /** Small, above everything. */
  organiser: string;
  title: Bilingual;
  intro: Bilingual;
  name: string;
  tookPart: Bilingual;
  eventTitle: string;
  /** The dates attended ("12.05.2026"), under their heading; none: the block is left out. */
  dates: { heading: Bilingual; days: string[] } | null;
  hours: Bilingual;
  organiserLine: Bilingual;
  /** "Ausgestellt am …", above the signature line. */
  issued: string;
  signer: { name: string; role: string } | null;
  /** The verification URL, drawn as a QR code; `codeLine` ("Prüfcode: …") and `verifyLine` ("Echtheit prüfen: …") are printed beneath it. */
  verifyUrl: string;
  codeLine: string;
  verifyLine: string;
};

export type SignatureListContent = {
  info: DocumentInfo;
  /** "Teilnahmeliste mit Unterschrift" */
  heading: string;
  eventTitle: string;
  /** Label and value, one line each (date, place, organiser). */
  facts: [label: string, value: string][];
  /** Empty columns for the time of arrival and of leaving, beside the signature. */
  timeColumns?: boolean;
  /** One row each, in this order; a few empty rows for walk-ins follow. `note`: small print under the name (children, stand, needs). */
  participants: { name: string; places: number; note?: string }[];
  /** The small print at the foot of every page (counts, when the list was made). */
  footer: string;
};

/** An event's poster (A4): what it says in the poster's language, and the call to scan in every language. */
export type PosterContent = {
  info: DocumentInfo;
  /** Small, at the top. */
  organiser: string;
  title: string;
  /** Small beneath the title where it is not the organiser's own words in the poster's language: "Automatically translated", "Only available in German". */
  titleNote: string | null;
  /** "Abgesagt", across the poster, when the event is cancelled. */
  cancelled: string | null;
  /** One line per date (a few), then "Weitere Termine: N" where there are more. */
  dates: string[];
  /** The place's name and address, or "Online". */
  place: string[];
  /** "Eintritt frei" for free-entry events. */
  note: string | null;
  /** The QR code's value: the event's short link. */
  qr: string;
  /** The short link as printed beneath the code (without "https://"). */
  link: string;
  /** "Sign up here" in each language, each line in its own language and script. */
  callToAction: { locale: string; text: string }[];
};

/** The year's review for the council: per month the events held, then the totals. */
export type ReviewContent = {
  info: DocumentInfo;
  /** "Rückblick 2026" */
  heading: string;
  /** Organisations, period and funding line, one line each. */
  subtitle: string[];
  /** In order; a month without events is left out. */
  months: { heading: string; events: { title: string; lines: string[] }[] }[];
  /** Printed instead of the months when there are none ("Keine Veranstaltungen …"). */
  empty: string;
  totalsHeading: string;
  totals: [label: string, value: string][];
  /** The small print at the foot of every page. */
  footer: string;
  /** "Seite {page} von {pages}" */
  pageNumber: string;
};

/** One participant's attendance for the funder's file: each attended date with its hours, and the total. */
export type AttendanceRecordContent = {
  info: DocumentInfo;
  /** Small, above everything. */
  organiser: string;
  /** "Teilnahmenachweis" */
  heading: string;
  /** Label and value, one line each (participant, event, place). */
  facts: [label: string, value: string][];
  /** The table's column heads: date, time, hours. */
  columns: [date: string, time: string, hours: string];
  /** One row per attended date, in order; none: `empty` is printed instead. */
  rows: [date: string, time: string, hours: string][];
  empty: string;
  /** "Stunden insgesamt", "7,5" */
  total: [label: string, value: string];
  /** Place and date, above the signature line, and what the line is for. */
  issued: string;
  signatureLabel: string;
  footer: string;
  /** "Seite {page} von {pages}" */
  pageNumber: string;
};

/** The RPC methods of the documents Worker (workers/documents/index.ts). */
export interface DocumentRenderer {
  certificate(content: CertificateContent): Promise<Uint8Array<ArrayBuffer>>;
  signatureList(content: SignatureListContent): Promise<Uint8Array<ArrayBuffer>>;
  poster(content: PosterContent): Promise<Uint8Array<ArrayBuffer>>;
  /** Several lists in one PDF (the coming dates of a series). */
  signatureLists(contents: SignatureListContent[]): Promise<Uint8Array<ArrayBuffer>>;
  review(content: ReviewContent): Promise<Uint8Array<ArrayBuffer>>;
  attendanceRecord(content: AttendanceRecordContent): Promise<Uint8Array<ArrayBuffer>>;
}
