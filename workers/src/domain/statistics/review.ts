/**
 * The year's review ("Rückblick") for the city's integration council, as a PDF: per month the
 * events held with their dates, format, partners, participants and attendance, then the
 * period's totals, in German (the council's language) or in English for organisers who chose
 * it (./review-words.ts). The figures are the statistics report's (./figures.ts), so the
 * review and the console page never disagree; the documents Worker lays it out
 * (workers/documents/review.ts).
 */
import type { StatisticsEvent, StatisticsReport } from "../../console-types";
import type { Env } from "../../env";
import type { ReviewContent } from "../../../documents/contract";
import { DEFAULT_TIME_ZONE, wallTime } from "../../lib/time-zone";
import { REVIEW_WORDS, type ReviewLocale, type ReviewWords } from "./review-words";
import { titledIn } from "./titles";

/** How the review writes numbers, percentages and dates in one language (documents print Berlin time). */
function writer(words: ReviewWords) {
  const numbers = new Intl.NumberFormat(`${words.tag}-u-nu-latn`, { maximumFractionDigits: 1 });
  const dates = (timeZone: string) => new Intl.DateTimeFormat(`${words.tag}-u-nu-latn`, { timeZone, day: "2-digit", month: "2-digit", year: "numeric" });
  const berlinDate = dates("Europe/Berlin");
  const calendarDay = dates("UTC");
  const time = new Intl.DateTimeFormat(`${words.tag}-u-nu-latn`, { timeZone: "Europe/Berlin", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  return {
    number: (value: number) => numbers.format(value),
    percent: (value: number | null) => (value === null ? "–" : words.percent(Math.round(value * 100))),
    /** An instant's Berlin day. */
    date: (ms: number) => berlinDate.format(ms),
    /** A day of the calendar, yyyy-mm-dd. */
    day: (text: string) => calendarDay.format(Date.parse(`${text}T00:00:00Z`)),
    time: (ms: number) => time.format(ms),
  };
}
type Writer = ReturnType<typeof writer>;

/** The lines under an event's title. */
function eventLines(e: StatisticsEvent, words: ReviewWords, write: Writer): string[] {
  const held = e.dates.filter((d) => d.held);
  const dates = e.dates.filter((d) => !d.cancelled).map((d) => write.date(Date.parse(d.startsAt)));
  const lines = [
    `${words.format(e.format)} · ${dates.length === 1 ? words.oneDate(dates[0]!) : words.dates(dates.length, dates.join(", "))}${e.status === "cancelled" ? ` · ${words.cancelled}` : ""}`,
    words.attendance({ places: e.places, confirmed: e.confirmed, attended: e.attendedPlaces, held: held.length, rate: write.percent(e.attendanceRate) }),
  ];
  if (e.partners.length) lines.push(`${words.partners}: ${e.partners.join(", ")}`);
  if (e.fundingLines.length) lines.push(`${words.funding}: ${e.fundingLines.join(", ")}`);
  return lines;
}

/** The review of a report whose titles are already in the review's language (./titles.ts). */
export function reviewContent(r: StatisticsReport, now: number, locale: ReviewLocale = "de"): ReviewContent {
  const words = REVIEW_WORDS[locale];
  const write = writer(words);
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
  const period = words.period(write.day(r.period.from), write.day(r.period.to));
  const t = r.totals;
  const n = write.number;
  const label = words.totals;
  return {
    info: { title: words.title(year), subject: period, author, language: words.tag, createdAt: now },
    heading: words.title(year),
    subtitle: [author, period, ...(r.fundingLine ? [words.fundingLine(r.fundingLine)] : [])],
    months: [...months].sort(([a], [b]) => a.localeCompare(b)).map(([key, events]) => {
      const [y, m] = key.split("-").map(Number) as [number, number];
      return { heading: `${words.months[m - 1]} ${y}`, events: events.map((e) => ({ title: e.title, lines: eventLines(e, words, write) })) };
    }),
    empty: words.empty,
    totalsHeading: words.totalsHeading,
    totals: [
      [label.events, n(t.events)],
      [label.eventsCancelled, n(t.eventsCancelled)],
      [label.datesHeld, n(t.datesHeld)],
      [label.registrations, n(t.registrations)],
      [label.places, n(t.places)],
      [label.participants, n(t.participants.distinct)],
      [label.newReturning, `${n(t.participants.new)} / ${n(t.participants.returning)}`],
      [label.attended, n(t.attendance.attendedPlaces)],
      [label.rate, write.percent(t.attendance.rate)],
      [label.participantHours, n(t.participantHours)],
      [label.certificates, n(t.certificates)],
      [label.turnedAway, n(t.turnedAway.registrations)],
      [label.cancellations, n(t.cancellations.registrations)],
      [label.noShows, n(t.noShows)],
      [label.interpreterHours, n(r.needs.interpreter.reduce((sum, i) => sum + i.hours, 0))],
      [label.childcare, n(r.needs.childcare.registrations)],
    ],
    footer: words.footer(write.date(now), write.time(now)),
    pageNumber: words.pageNumber,
  };
}

/** The review as PDF bytes and a file name. */
export async function reviewPdf(env: Env, report: StatisticsReport, now: number, locale: ReviewLocale = "de"): Promise<{ bytes: Uint8Array<ArrayBuffer>; filename: string }> {
  const bytes = await env.DOCUMENTS.review(reviewContent(await titledIn(env, report, locale), now, locale));
  return { bytes, filename: `${REVIEW_WORDS[locale].filename}-${report.period.from}-${report.period.to}.pdf` };
}
