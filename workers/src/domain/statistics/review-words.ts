/**
 * The words of the year's review (./review.ts), in the console's languages: German for the
 * council, English for organisers who chose it. One catalogue per language, side by side,
 * so that a heading added in one is missed in the other by the type checker.
 */
import type { EventFormat } from "../../../../db/schema";
import de from "../../i18n/de/web";
import en from "../../i18n/en/web";

/** The languages the review is written in: the console's (frontend/src/console/strings.ts). */
export const REVIEW_LOCALES = ["de", "en"] as const;
export type ReviewLocale = (typeof REVIEW_LOCALES)[number];

export type ReviewWords = {
  /** BCP 47 tag for the PDF's language and for numbers and dates. */
  tag: string;
  /** A whole percentage, as the language writes it ("70 %", "70%"). */
  percent: (value: number) => string;
  months: readonly string[];
  title: (year: string) => string;
  period: (from: string, to: string) => string;
  fundingLine: (line: string) => string;
  format: (format: EventFormat) => string;
  oneDate: (date: string) => string;
  dates: (count: number, list: string) => string;
  cancelled: string;
  attendance: (e: { places: number; confirmed: number; attended: number; held: number; rate: string }) => string;
  partners: string;
  funding: string;
  empty: string;
  totalsHeading: string;
  totals: {
    events: string;
    eventsCancelled: string;
    datesHeld: string;
    registrations: string;
    places: string;
    participants: string;
    newReturning: string;
    attended: string;
    rate: string;
    participantHours: string;
    certificates: string;
    turnedAway: string;
    cancellations: string;
    noShows: string;
    interpreterHours: string;
    childcare: string;
  };
  footer: (date: string, time: string) => string;
  /** At the foot of every page, with {page} and {pages}. */
  pageNumber: string;
  filename: string;
};

export const REVIEW_WORDS: Record<ReviewLocale, ReviewWords> = {
  de: {
    tag: "de-DE",
    percent: (value) => `${value} %`,
    months: ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
    title: (year) => `Rückblick ${year}`,
    period: (from, to) => `Zeitraum: ${from} bis ${to}`,
    fundingLine: (line) => `Förderlinie: ${line}`,
    format: (format) => de[`format.${format}`],
    oneDate: (date) => `Termin ${date}`,
    dates: (count, list) => `${count} Termine: ${list}`,
    cancelled: "abgesagt",
    attendance: (e) =>
      `Teilnehmende: ${e.places} (${e.confirmed} ${e.confirmed === 1 ? "Anmeldung" : "Anmeldungen"}) · anwesend: ${e.attended} an ${e.held} ${e.held === 1 ? "Termin" : "Terminen"} · Anwesenheitsquote: ${e.rate}`,
    partners: "Partner",
    funding: "Förderung",
    empty: "In diesem Zeitraum gab es keine Veranstaltungen.",
    totalsHeading: "Summen des Zeitraums",
    totals: {
      events: "Veranstaltungen",
      eventsCancelled: "davon abgesagt",
      datesHeld: "Durchgeführte Termine",
      registrations: "Anmeldungen",
      places: "Bestätigte Plätze",
      participants: "Verschiedene Teilnehmende",
      newReturning: "davon neu / wiederkehrend",
      attended: "Anwesende (Plätze, alle Termine)",
      rate: "Anwesenheitsquote",
      participantHours: "Teilnahmestunden",
      certificates: "Ausgestellte Teilnahmebescheinigungen",
      turnedAway: "Auf der Warteliste ohne Platz geblieben",
      cancellations: "Absagen",
      noShows: "Nicht erschienen",
      interpreterHours: "Dolmetschstunden",
      childcare: "Anmeldungen mit Kinderbetreuung",
    },
    footer: (date, time) => `Erstellt am ${date}, ${time} Uhr, mit zusammen · Zahlen ohne personenbezogene Daten`,
    pageNumber: "Seite {page} von {pages}",
    filename: "rueckblick",
  },
  en: {
    tag: "en-GB",
    percent: (value) => `${value}%`,
    months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    title: (year) => `Review ${year}`,
    period: (from, to) => `Period: ${from} to ${to}`,
    fundingLine: (line) => `Funding line: ${line}`,
    format: (format) => en[`format.${format}`],
    oneDate: (date) => `Date ${date}`,
    dates: (count, list) => `${count} dates: ${list}`,
    cancelled: "cancelled",
    attendance: (e) =>
      `Participants: ${e.places} (${e.confirmed} ${e.confirmed === 1 ? "registration" : "registrations"}) · present: ${e.attended} on ${e.held} ${e.held === 1 ? "date" : "dates"} · attendance rate: ${e.rate}`,
    partners: "Partners",
    funding: "Funding",
    empty: "There were no events in this period.",
    totalsHeading: "Totals for the period",
    totals: {
      events: "Events",
      eventsCancelled: "of which cancelled",
      datesHeld: "Dates held",
      registrations: "Registrations",
      places: "Confirmed places",
      participants: "Distinct participants",
      newReturning: "of which new / returning",
      attended: "Present (places, all dates)",
      rate: "Attendance rate",
      participantHours: "Participant hours",
      certificates: "Certificates of attendance issued",
      turnedAway: "Left on the waiting list without a place",
      cancellations: "Cancellations",
      noShows: "No-shows",
      interpreterHours: "Interpreter hours",
      childcare: "Registrations with childcare",
    },
    footer: (date, time) => `Made on ${date} at ${time} with zusammen · figures without personal data`,
    pageNumber: "Page {page} of {pages}",
    filename: "review",
  },
};
