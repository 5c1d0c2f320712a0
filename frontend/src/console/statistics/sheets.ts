/**
 * The statistics as tables for a spreadsheet: one sheet per view (overview, events, dates,
 * months, formats, languages, needs), typed cells (numbers, dates in the organisation's
 * time zone, shares), the console's language. The XLSX file takes every sheet; a CSV file one.
 */
import type { StatisticsReport } from "../../../../workers/src/console-types";
import { toCsv } from "../../../../workers/src/lib/csv";
import { DEFAULT_TIME_ZONE, pad, wallTime } from "../../../../workers/src/lib/time-zone";
import { formatName, interpreterName, localeName, s, type StringKey } from "../strings";
import type { Cell, DateCell, Sheet } from "./xlsx";

/** An instant as the organisation's wall clock showed it. */
function wall(iso: string, zone: string, withTime: boolean): DateCell {
  const w = wallTime(Date.parse(iso), zone);
  return { date: { year: w.year, month: w.month, day: w.day, hour: withTime ? w.hour : 0, minute: withTime ? w.minute : 0 }, withTime };
}

const share = (value: number | null): Cell => (value === null ? null : { percent: value });

/** The figures of the overview, as label and value (the page's summary shows the same). */
export function overviewRows(r: StatisticsReport): [StringKey, number | null, "percent"?][] {
  const t = r.totals;
  return [
    ["stats.events", t.events],
    ["stats.events_cancelled", t.eventsCancelled],
    ["stats.dates_held", t.datesHeld],
    ["stats.dates_planned", t.datesPlanned],
    ["stats.dates_cancelled", t.datesCancelled],
    ["stats.dates_without_attendance", t.datesWithoutAttendance],
    ["stats.registrations", t.registrations],
    ["stats.confirmed", t.confirmed],
    ["stats.places", t.places],
    ["stats.children", t.children],
    ["stats.participants_distinct", t.participants.distinct],
    ["stats.participants_new", t.participants.new],
    ["stats.participants_returning", t.participants.returning],
    ["stats.participants_without_address", t.participants.withoutAddress],
    ["stats.expected_places", t.attendance.expectedPlaces],
    ["stats.attended_places", t.attendance.attendedPlaces],
    ["stats.attendance_rate", t.attendance.rate, "percent"],
    ["stats.no_shows", t.noShows],
    ["stats.programme_hours", t.programmeHours],
    ["stats.participant_hours", t.participantHours],
    ["stats.certificates", t.certificates],
    ["stats.turned_away", t.turnedAway.registrations],
    ["stats.turned_away_places", t.turnedAway.places],
    ["stats.cancellations", t.cancellations.registrations],
    ["stats.cancelled_places", t.cancellations.places],
    ["stats.childcare_registrations", r.needs.childcare.registrations],
    ["stats.childcare_children", r.needs.childcare.children],
    ["stats.accessibility_registrations", r.needs.accessibility.registrations],
  ];
}

export function statisticsSheets(r: StatisticsReport): Sheet[] {
  const zones = new Map(r.organisations.map((o) => [o.id, o.timeZone]));
  const names = new Map(r.organisations.map((o) => [o.id, o.name]));
  const zoneOf = (organisationId: number) => zones.get(organisationId) ?? DEFAULT_TIME_ZONE;
  const dateStatus = (d: StatisticsReport["events"][number]["dates"][number]) =>
    d.cancelled ? s("stats.date_cancelled") : d.held ? s("stats.date_held") : s("stats.date_planned");
  return [
    {
      name: s("stats.sheet_overview"),
      header: [s("stats.col_figure"), s("stats.col_value")],
      widths: [44, 14],
      rows: [
        [s("stats.period"), `${r.period.from} – ${r.period.to}`],
        [s("stats.organisations"), r.organisations.map((o) => o.name).join(", ")],
        [s("stats.funding_line"), r.fundingLine ?? s("stats.all_funding_lines")],
        ...overviewRows(r).map(([key, value, kind]): Cell[] => [s(key), kind === "percent" ? share(value) : value]),
      ],
    },
    {
      name: s("stats.sheet_events"),
      header: [
        s("stats.col_event"),
        s("stats.col_format"),
        s("stats.col_first_date"),
        s("stats.dates_held"),
        s("stats.registrations"),
        s("stats.confirmed"),
        s("stats.places"),
        s("stats.attended_places"),
        s("stats.attendance_rate"),
        s("stats.programme_hours"),
        s("stats.participant_hours"),
        s("stats.no_shows"),
        s("stats.cancellations"),
        s("stats.turned_away"),
        s("stats.turned_away_places"),
        s("stats.certificates"),
        s("stats.col_funding_lines"),
        s("stats.col_partners"),
        s("stats.col_organisation"),
        s("stats.col_status"),
      ],
      widths: [40, 14, 12],
      rows: r.events.map((e) => [
        e.title,
        formatName(e.format),
        wall(e.firstStartsAt, zoneOf(e.organisationId), false),
        e.dates.filter((d) => d.held).length,
        e.registrations,
        e.confirmed,
        e.places,
        e.attendedPlaces,
        share(e.attendanceRate),
        e.programmeHours,
        e.participantHours,
        e.noShows,
        e.cancelled,
        e.turnedAway,
        e.turnedAwayPlaces,
        e.certificates,
        e.fundingLines.join(", "),
        e.partners.join(", "),
        names.get(e.organisationId) ?? "",
        e.status === "cancelled" ? s("stats.event_cancelled") : "",
      ]),
    },
    {
      name: s("stats.sheet_dates"),
      header: [s("stats.col_event"), s("stats.col_starts"), s("stats.col_ends"), s("stats.col_hours"), s("stats.col_status"), s("stats.col_recorded"), s("stats.expected_places"), s("stats.attended_places"), s("stats.attendance_rate"), s("stats.no_shows")],
      widths: [40, 17, 17],
      rows: r.events.flatMap((e) =>
        e.dates.map((d) => [
          e.title,
          wall(d.startsAt, zoneOf(e.organisationId), true),
          wall(d.endsAt, zoneOf(e.organisationId), true),
          d.hours,
          dateStatus(d),
          d.held ? (d.recorded ? s("common.yes") : s("common.no")) : null,
          d.recorded ? d.expectedPlaces : null,
          d.recorded ? d.attendedPlaces : null,
          d.recorded ? share(d.expectedPlaces > 0 ? Math.round((d.attendedPlaces / d.expectedPlaces) * 1000) / 1000 : null) : null,
          d.recorded ? d.noShows : null,
        ]),
      ),
    },
    {
      name: s("stats.sheet_months"),
      header: [s("stats.col_month"), s("stats.events"), s("stats.dates_held"), s("stats.confirmed"), s("stats.attended_places"), s("stats.participant_hours")],
      rows: r.byMonth.map((m) => {
        const [year, month] = m.month.split("-").map(Number) as [number, number];
        return [{ date: { year, month, day: 1 } }, m.events, m.datesHeld, m.confirmed, m.attendedPlaces, m.participantHours];
      }),
    },
    {
      name: s("stats.sheet_formats"),
      header: [s("stats.col_format"), s("stats.events"), s("stats.dates_held"), s("stats.confirmed"), s("stats.attended_places"), s("stats.participant_hours")],
      rows: r.byFormat.map((f) => [formatName(f.format), f.events, f.datesHeld, f.confirmed, f.attendedPlaces, f.participantHours]),
    },
    {
      name: s("stats.sheet_languages"),
      header: [s("stats.col_language"), s("stats.confirmed"), s("stats.places")],
      rows: r.languages.map((l) => [localeName(l.locale), l.registrations, l.places]),
    },
    {
      name: s("stats.sheet_needs"),
      header: [s("stats.col_need"), s("stats.col_language"), s("stats.col_registrations"), s("stats.col_hours_or_children")],
      widths: [30, 24, 14, 18],
      rows: [
        ...r.needs.interpreter.map((i): Cell[] => [s("stats.need_interpreter"), interpreterName(i.language), i.registrations, i.hours]),
        [s("stats.need_childcare"), null, r.needs.childcare.registrations, r.needs.childcare.children],
        [s("stats.need_accessibility"), null, r.needs.accessibility.registrations, null],
      ],
    },
  ];
}

/** A cell as CSV text: dates as yyyy-mm-dd (hh:mm), shares as a decimal, numbers with a dot. */
function csvText(cell: Cell): string {
  if (cell === null) return "";
  if (typeof cell === "string") return cell;
  if (typeof cell === "number") return String(cell);
  if ("percent" in cell) return String(cell.percent);
  const d = cell.date;
  return `${d.year}-${pad(d.month)}-${pad(d.day)}${cell.withTime ? ` ${pad(d.hour ?? 0)}:${pad(d.minute ?? 0)}` : ""}`;
}

/** One sheet as CSV (RFC 4180, `;` for Excel in a German locale, formulas neutralised). */
export function sheetCsv(sheet: Sheet): string {
  return toCsv([sheet.header, ...sheet.rows.map((row) => row.map(csvText))], ";");
}
