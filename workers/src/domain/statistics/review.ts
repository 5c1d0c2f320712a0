/**
 * The year's review ("Rückblick") for the city's integration council, as a PDF: per month the
 * events held with their dates, format, partners, participants and attendance, then the
 * period's totals, in German (the council's language). The figures are the statistics report's
 * (./figures.ts), so the review and the console page never disagree; the documents Worker lays
 * it out (workers/documents/review.ts).
 */
import type { StatisticsEvent, StatisticsReport } from "../../console-types";
import type { Env } from "../../env";
import type { ReviewContent } from "../../../documents/contract";
import web from "../../i18n/de/web";
import { DEFAULT_TIME_ZONE, wallTime } from "../../lib/time-zone";
import { dateText, timeText } from "../documents/dates";

const MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"];
const number = (value: number) => value.toLocaleString("de-DE", { maximumFractionDigits: 1 });
const percent = (value: number | null) => (value === null ? "–" : `${Math.round(value * 100)} %`);
const day = (iso: string) => dateText(Date.parse(iso));

function periodText(r: StatisticsReport): string {
  const [from, to] = [r.period.from, r.period.to].map((d) => d.split("-").reverse().join("."));
  return `Zeitraum: ${from} bis ${to}`;
}

/** The lines under an event's title. */
function eventLines(e: StatisticsEvent): string[] {
  const held = e.dates.filter((d) => d.held);
  const dates = e.dates.filter((d) => !d.cancelled).map((d) => day(d.startsAt));
  const lines = [
    `${web[`format.${e.format}`]} · ${dates.length === 1 ? `Termin ${dates[0]}` : `${dates.length} Termine: ${dates.join(", ")}`}${e.status === "cancelled" ? " · abgesagt" : ""}`,
    `Teilnehmende: ${e.places} (${e.confirmed} Anmeldungen) · anwesend: ${e.attendedPlaces} an ${held.length} ${held.length === 1 ? "Termin" : "Terminen"} · Anwesenheitsquote: ${percent(e.attendanceRate)}`,
  ];
  if (e.partners.length) lines.push(`Partner: ${e.partners.join(", ")}`);
  if (e.fundingLines.length) lines.push(`Förderung: ${e.fundingLines.join(", ")}`);
  return lines;
}

export function reviewContent(r: StatisticsReport, now: number): ReviewContent {
  const author = r.organisations.map((o) => o.name).join(", ") || "zusammen";
  const zones = new Map(r.organisations.map((o) => [o.id, o.timeZone]));
  // The month of the first date on the organisation's wall clock, as the figures count it.
  const months = new Map<string, StatisticsEvent[]>();
  for (const e of r.events) {
    const first = wallTime(Date.parse(e.firstStartsAt), zones.get(e.organisationId) ?? DEFAULT_TIME_ZONE);
    const key = `${first.year}-${String(first.month).padStart(2, "0")}`;
    months.set(key, [...(months.get(key) ?? []), e]);
  }
  const year = r.period.from.slice(0, 4) === r.period.to.slice(0, 4) ? r.period.from.slice(0, 4) : `${r.period.from.slice(0, 4)}–${r.period.to.slice(0, 4)}`;
  const t = r.totals;
  return {
    info: { title: `Rückblick ${year}`, subject: periodText(r), author, language: "de-DE", createdAt: now },
    heading: `Rückblick ${year}`,
    subtitle: [author, periodText(r), ...(r.fundingLine ? [`Förderlinie: ${r.fundingLine}`] : [])],
    months: [...months].sort(([a], [b]) => a.localeCompare(b)).map(([key, events]) => {
      const [y, m] = key.split("-").map(Number) as [number, number];
      return { heading: `${MONTHS[m - 1]} ${y}`, events: events.map((e) => ({ title: e.title, lines: eventLines(e) })) };
    }),
    empty: "In diesem Zeitraum gab es keine Veranstaltungen.",
    totalsHeading: "Summen des Zeitraums",
    totals: [
      ["Veranstaltungen", number(t.events)],
      ["davon abgesagt", number(t.eventsCancelled)],
      ["Durchgeführte Termine", number(t.datesHeld)],
      ["Anmeldungen", number(t.registrations)],
      ["Bestätigte Plätze", number(t.places)],
      ["Verschiedene Teilnehmende", number(t.participants.distinct)],
      ["davon neu / wiederkehrend", `${number(t.participants.new)} / ${number(t.participants.returning)}`],
      ["Anwesende (Plätze, alle Termine)", number(t.attendance.attendedPlaces)],
      ["Anwesenheitsquote", percent(t.attendance.rate)],
      ["Teilnahmestunden", number(t.participantHours)],
      ["Ausgestellte Teilnahmebescheinigungen", number(t.certificates)],
      ["Auf der Warteliste ohne Platz geblieben", number(t.turnedAway.registrations)],
      ["Absagen", number(t.cancellations.registrations)],
      ["Nicht erschienen", number(t.noShows)],
      ["Dolmetschstunden", number(r.needs.interpreter.reduce((sum, i) => sum + i.hours, 0))],
      ["Anmeldungen mit Kinderbetreuung", number(r.needs.childcare.registrations)],
    ],
    footer: `Erstellt am ${dateText(now)}, ${timeText(now)} Uhr, mit zusammen · Zahlen ohne personenbezogene Daten`,
  };
}

/** The review as PDF bytes and a file name. */
export async function reviewPdf(env: Env, report: StatisticsReport, now: number): Promise<{ bytes: Uint8Array<ArrayBuffer>; filename: string }> {
  const bytes = await env.DOCUMENTS.review(reviewContent(report, now));
  return { bytes, filename: `rueckblick-${report.period.from}-${report.period.to}.pdf` };
}
