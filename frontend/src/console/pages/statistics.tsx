/**
 * /console/statistics: the figures for funders and the council (GET /api/console/statistics).
 * A period (year, quarter or a range of days), an organisation (when the user has several) and
 * a funding line; then the key figures, charts with their tables, the events with their
 * funding lines and partners (editable), the exports (XLSX with a sheet per view, CSV, the
 * year's review as PDF) and the signature list of a date for the funder's file. The query is
 * kept in the address, so a report can be
 * bookmarked or sent to a colleague.
 */
import { useEffect, useState } from "preact/hooks";
import type { StatisticsReport } from "../../../../workers/src/console-types";
import { ActionButton } from "../ui/action";
import { api, query } from "../ui/api";
import { CheckboxField, Form, SelectField, TextField, useForm } from "../ui/form";
import { LoadFailure, Loading, useLoad } from "../ui/load";
import { MessageArea, Notice } from "../ui/messages";
import { mountPage, PageHeading, useMe, useTitle } from "../ui/page";
import { Table } from "../ui/table";
import { formatTime } from "../ui/time";
import { BarChart } from "../statistics/charts";
import { overviewRows, sheetCsv, statisticsSheets } from "../statistics/sheets";
import { consoleLocale, counted, formatName, interpreterName, localeName, s } from "../strings";

type Mode = "year" | "quarter" | "range";
type Filter = { mode: Mode; year: string; quarter: string; from: string; to: string; organisationId: string; fundingLine: string };

const thisYear = new Date().getFullYear();

function filterFromAddress(): Filter {
  const p = new URLSearchParams(location.search);
  const mode: Mode = p.has("from") || p.has("to") ? "range" : p.has("quarter") ? "quarter" : "year";
  return {
    mode,
    year: p.get("year") ?? String(thisYear),
    quarter: p.get("quarter") ?? "1",
    from: p.get("from") ?? "",
    to: p.get("to") ?? "",
    organisationId: p.get("organisationId") ?? "",
    fundingLine: p.get("fundingLine") ?? "",
  };
}

/** The API's query of a filter ("?year=2026&fundingLine=ESF"). */
function queryOf(f: Filter): string {
  return query({
    year: f.mode === "range" ? undefined : f.year,
    quarter: f.mode === "quarter" ? f.quarter : undefined,
    from: f.mode === "range" ? f.from : undefined,
    to: f.mode === "range" ? f.to : undefined,
    organisationId: f.organisationId || undefined,
    fundingLine: f.fundingLine || undefined,
  });
}

const percent = (value: number | null) => (value === null ? "–" : `${Math.round(value * 100).toLocaleString(s("stats.intl_locale"))} %`);
const number = (value: number) => value.toLocaleString(s("stats.intl_locale"), { maximumFractionDigits: 2 });
const tags = (text: string) => text.split(",").map((t) => t.trim()).filter(Boolean);

function download(bytes: BlobPart, type: string, filename: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function fileStem(r: StatisticsReport): string {
  const line = r.fundingLine ? `-${r.fundingLine.replace(/[^\p{L}\p{N}]+/gu, "-").toLowerCase()}` : "";
  return `${s("stats.file_name")}-${r.period.from}-${r.period.to}${line}`;
}

function FilterForm({ filter, onApply, fundingLines }: { filter: Filter; onApply: (f: Filter) => Promise<void>; fundingLines: string[] }) {
  const me = useMe();
  const form = useForm({ labelFor: () => s("stats.period") });
  const [draft, setDraft] = useState(filter);
  const set = (key: keyof Filter) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const organisations = me.memberships.filter((m) => m.role === "organiser");
  const years = Array.from({ length: 7 }, (_, i) => String(thisYear + 1 - i));
  return (
    <Form form={form} class="stats-filter" submitLabel={s("stats.show")} busyLabel={s("common.loading")} onSubmit={() => onApply(draft)} aria-label={s("stats.filter")}>
      <div class="stats-filter-fields">
        <SelectField
          label={s("stats.period_kind")}
          value={draft.mode}
          onValue={(v) => set("mode")(v)}
          options={[
            { value: "year", label: s("stats.mode_year") },
            { value: "quarter", label: s("stats.mode_quarter") },
            { value: "range", label: s("stats.mode_range") },
          ]}
        />
        {draft.mode !== "range" ? <SelectField name="year" label={s("stats.year")} value={draft.year} onValue={set("year")} options={years.map((y) => ({ value: y, label: y }))} /> : null}
        {draft.mode === "quarter" ? (
          <SelectField name="quarter" label={s("stats.quarter")} value={draft.quarter} onValue={set("quarter")} options={["1", "2", "3", "4"].map((q) => ({ value: q, label: s("stats.quarter_n", { n: q }) }))} />
        ) : null}
        {draft.mode === "range" ? (
          <>
            <TextField name="from" label={s("stats.from")} type="date" required value={draft.from} onValue={set("from")} />
            <TextField name="to" label={s("stats.to")} type="date" required value={draft.to} onValue={set("to")} hint={s("stats.range_hint")} />
          </>
        ) : null}
        {me.isAdmin || organisations.length > 1 ? (
          <SelectField
            name="organisationId"
            label={s("stats.organisation")}
            value={draft.organisationId}
            onValue={set("organisationId")}
            options={[{ value: "", label: me.isAdmin ? s("stats.all_organisations") : s("stats.my_organisations") }, ...organisations.map((m) => ({ value: String(m.organisationId), label: m.organisationName }))]}
          />
        ) : null}
        <SelectField
          name="fundingLine"
          label={s("stats.funding_line")}
          value={draft.fundingLine}
          onValue={set("fundingLine")}
          options={[{ value: "", label: s("stats.all_funding_lines") }, ...[...new Set([...fundingLines, ...(draft.fundingLine ? [draft.fundingLine] : [])])].map((l) => ({ value: l, label: l }))]}
        />
      </div>
    </Form>
  );
}

function KeyFigures({ r }: { r: StatisticsReport }) {
  const t = r.totals;
  const cards: [string, string, string?][] = [
    [s("stats.events"), number(t.events), t.eventsCancelled ? s("stats.plus_cancelled", { n: t.eventsCancelled }) : undefined],
    [s("stats.dates_held"), number(t.datesHeld), t.datesPlanned ? s("stats.plus_planned", { n: t.datesPlanned }) : undefined],
    [s("stats.participants_distinct"), number(t.participants.distinct), s("stats.new_returning", { new: t.participants.new, returning: t.participants.returning })],
    [s("stats.registrations"), number(t.registrations), s("stats.confirmed_places", { confirmed: number(t.confirmed), places: counted("places", t.places) })],
    [s("stats.attendance_rate"), percent(t.attendance.rate), s("stats.attended_of", { attended: t.attendance.attendedPlaces, expected: t.attendance.expectedPlaces })],
    [s("stats.participant_hours"), number(t.participantHours), s("stats.programme_hours_n", { n: number(t.programmeHours) })],
    [s("stats.turned_away"), number(t.turnedAway.registrations), counted("places", t.turnedAway.places)],
    [s("stats.certificates"), number(t.certificates)],
  ];
  return (
    <ul class="stats-cards">
      {cards.map(([label, value, note]) => (
        <li key={label} class="stats-card">
          <span class="stats-card-value">{value}</span>
          <span class="stats-card-label">{label}</span>
          {note ? <span class="stats-card-note">{note}</span> : null}
        </li>
      ))}
    </ul>
  );
}

function monthLabel(month: string): string {
  const [year, m] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(year, m - 1, 15)).toLocaleDateString(s("stats.intl_locale"), { month: "short", year: "numeric", timeZone: "UTC" });
}

function Charts({ r }: { r: StatisticsReport }) {
  return (
    <div class="stats-charts">
      <BarChart title={s("stats.chart_months")} head={[s("stats.col_month"), s("stats.attended_places")]} bars={r.byMonth.map((m) => ({ label: monthLabel(m.month), value: m.attendedPlaces }))} />
      <BarChart title={s("stats.chart_formats")} head={[s("stats.col_format"), s("stats.events")]} bars={r.byFormat.map((f) => ({ label: formatName(f.format), value: f.events }))} />
      <BarChart title={s("stats.chart_languages")} head={[s("stats.col_language"), s("stats.confirmed")]} bars={r.languages.map((l) => ({ label: localeName(l.locale), value: l.registrations }))} />
      <BarChart
        title={s("stats.chart_interpreter")}
        head={[s("stats.col_language"), s("stats.col_hours")]}
        bars={r.needs.interpreter.map((i) => ({ label: interpreterName(i.language), value: i.hours }))}
        empty={s("stats.no_interpreter")}
      />
      <BarChart
        title={s("stats.chart_participants")}
        head={[s("stats.col_figure"), s("stats.col_value")]}
        bars={[
          { label: s("stats.participants_new"), value: r.totals.participants.new },
          { label: s("stats.participants_returning"), value: r.totals.participants.returning },
          { label: s("stats.participants_without_address"), value: r.totals.participants.withoutAddress },
        ]}
      />
    </div>
  );
}

function FiguresTable({ r }: { r: StatisticsReport }) {
  return (
    <Table caption={s("stats.all_figures")} head={[s("stats.col_figure"), s("stats.col_value")]}>
      {overviewRows(r).map(([key, value, kind]) => (
        <tr key={key}>
          <th scope="row">{s(key)}</th>
          <td class="number">{kind === "percent" ? percent(value) : value === null ? "–" : number(value)}</td>
        </tr>
      ))}
    </Table>
  );
}

function NeedsTable({ r }: { r: StatisticsReport }) {
  return (
    <Table caption={s("stats.sheet_needs")} head={[s("stats.col_need"), s("stats.col_registrations"), s("stats.col_hours_or_children")]}>
      {r.needs.interpreter.map((i) => (
        <tr key={i.language}>
          <th scope="row">{s("stats.need_interpreter_in", { language: interpreterName(i.language) })}</th>
          <td class="number">{i.registrations}</td>
          <td class="number">{s("stats.hours_n", { n: number(i.hours) })}</td>
        </tr>
      ))}
      <tr>
        <th scope="row">{s("stats.need_childcare")}</th>
        <td class="number">{r.needs.childcare.registrations}</td>
        <td class="number">{counted("children", r.needs.childcare.children)}</td>
      </tr>
      <tr>
        <th scope="row">{s("stats.need_accessibility")}</th>
        <td class="number">{r.needs.accessibility.registrations}</td>
        <td>–</td>
      </tr>
    </Table>
  );
}

function EventsTable({ r, reload }: { r: StatisticsReport; reload: () => Promise<void> }) {
  const zone = (organisationId: number) => r.organisations.find((o) => o.id === organisationId)?.timeZone;
  return (
    <Table
      caption={s("stats.sheet_events")}
      class="stats-events"
      head={[s("stats.col_event"), s("stats.col_first_date"), s("stats.confirmed"), s("stats.attendance_rate"), s("stats.participant_hours"), s("stats.turned_away"), s("stats.col_funding_lines"), s("common.actions")]}
    >
      {r.events.map((e) => (
        <tr key={e.id}>
          <th scope="row">
            <a href={`/console/event?id=${e.id}`}>{e.title}</a>
            <br />
            <span class="muted">{formatName(e.format)}{e.status === "cancelled" ? ` · ${s("stats.event_cancelled")}` : ""}</span>
          </th>
          <td>{formatTime(e.firstStartsAt, "date", zone(e.organisationId))}</td>
          <td class="number">{e.confirmed}</td>
          <td class="number">{percent(e.attendanceRate)}</td>
          <td class="number">{number(e.participantHours)}</td>
          <td class="number">{e.turnedAway}</td>
          <td>
            {e.fundingLines.join(", ") || "–"}
            {e.partners.length ? (
              <>
                <br />
                <span class="muted">{s("stats.with_partners", { partners: e.partners.join(", ") })}</span>
              </>
            ) : null}
          </td>
          <td>
            <ActionButton
              small
              aria-label={s("stats.edit_reporting_for", { title: e.title })}
              confirm={{
                title: s("stats.edit_reporting_for", { title: e.title }),
                text: s("stats.edit_reporting_text"),
                confirm: s("stats.save"),
                fields: [
                  { name: "fundingLines", label: s("stats.col_funding_lines"), type: "text", value: e.fundingLines.join(", "), hint: s("stats.comma_hint") },
                  { name: "partners", label: s("stats.col_partners"), type: "text", value: e.partners.join(", "), hint: s("stats.comma_hint") },
                ],
              }}
              onAction={async (values) => {
                await api.put(`/api/console/events/${e.id}/reporting`, { fundingLines: tags(values.fundingLines ?? ""), partners: tags(values.partners ?? "") });
                await reload();
                return s("stats.reporting_saved", { title: e.title });
              }}
            >
              {s("stats.edit_reporting")}
            </ActionButton>
          </td>
        </tr>
      ))}
    </Table>
  );
}

function Exports({ r, apiQuery }: { r: StatisticsReport; apiQuery: string }) {
  return (
    <MessageArea class="stats-exports">
      <div class="button-row">
        <ActionButton
          variant="primary"
          onAction={async () => {
            const { workbook } = await import("../statistics/xlsx");
            download(workbook(statisticsSheets(r), { title: s("stats.title"), createdAt: new Date() }), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", `${fileStem(r)}.xlsx`);
          }}
        >
          {s("stats.download_xlsx")}
        </ActionButton>
        <ActionButton
          onAction={async () => {
            download(sheetCsv(statisticsSheets(r)[1]!), "text/csv;charset=utf-8", `${fileStem(r)}-${s("stats.file_events")}.csv`);
          }}
        >
          {s("stats.download_csv")}
        </ActionButton>
      </div>
      <p>
        <a class="button button-secondary" href={`/api/console/statistics/review.pdf${apiQuery}`} download>
          {s("stats.download_review")}
        </a>
        {consoleLocale() === "en" ? (
          <>
            {" "}
            <a class="button button-secondary" href={`/api/console/statistics/review.pdf${apiQuery}${apiQuery ? "&" : "?"}locale=en`} download>
              {s("stats.download_review_en")}
            </a>
          </>
        ) : null}
      </p>
      <p class="hint">{s("stats.exports_hint")}</p>
    </MessageArea>
  );
}

/** The signature list of a date of an event in the report (the check-in's PDF, for the funder's file). */
function Evidence({ r }: { r: StatisticsReport }) {
  const withPeople = r.events.filter((e) => e.status === "published" && e.confirmed > 0);
  const [eventId, setEventId] = useState(String(withPeople[0]?.id ?? ""));
  const event = withPeople.find((e) => String(e.id) === eventId);
  const dates = event?.dates.filter((d) => !d.cancelled) ?? [];
  const [sessionId, setSessionId] = useState(String(dates[0]?.id ?? ""));
  const [times, setTimes] = useState(false);
  if (!event) return <p class="muted">{s("stats.evidence_none")}</p>;
  const zone = r.organisations.find((o) => o.id === event.organisationId)?.timeZone;
  const series = sessionId === "all";
  const session = dates.find((d) => String(d.id) === sessionId) ?? dates[0];
  const listHref = series
    ? `/api/console/events/${event.id}/signature-list.pdf${times ? "?times=1" : ""}`
    : session
      ? `/api/console/events/${event.id}/sessions/${session.id}/signature-list.pdf${times ? "?times=1" : ""}`
      : null;
  return (
    <div class="stats-evidence">
      <SelectField
        label={s("stats.evidence_event")}
        value={eventId}
        onValue={(v) => {
          setEventId(v);
          const next = withPeople.find((e) => String(e.id) === v);
          setSessionId(String(next?.dates.find((d) => !d.cancelled)?.id ?? ""));
        }}
        options={withPeople.map((e) => ({ value: String(e.id), label: `${e.title} (${formatTime(e.firstStartsAt, "date", zone)})` }))}
      />
      <SelectField
        label={s("stats.evidence_dates")}
        value={series ? "all" : String(session?.id ?? "")}
        onValue={setSessionId}
        options={[
          ...dates.map((d) => ({ value: String(d.id), label: formatTime(d.startsAt, "datetime", zone) })),
          { value: "all", label: s("stats.evidence_all_dates") },
        ]}
      />
      <CheckboxField label={s("stats.evidence_times")} checked={times} onChecked={setTimes} />
      {listHref ? (
        <p>
          <a class="button button-secondary" href={listHref} download>
            {s("stats.evidence_download_list")}
          </a>
        </p>
      ) : null}
      <p class="hint">{s("stats.evidence_list_hint")}</p>
    </div>
  );
}

function Report({ r, apiQuery, reload }: { r: StatisticsReport; apiQuery: string; reload: () => Promise<void> }) {
  const empty = r.events.length === 0;
  return (
    <>
      <p class="stats-scope">
        {s("stats.scope", { from: formatTime(`${r.period.from}T12:00:00Z`, "date"), to: formatTime(`${r.period.to}T12:00:00Z`, "date"), organisations: r.organisations.map((o) => o.name).join(", ") || "–" })}
        {r.fundingLine ? ` ${s("stats.scope_funding", { line: r.fundingLine })}` : ""}
      </p>
      {empty ? <Notice>{s("stats.empty")}</Notice> : null}
      <section aria-labelledby="key-figures">
        <h2 id="key-figures">{s("stats.key_figures")}</h2>
        <KeyFigures r={r} />
        <details class="stats-table">
          <summary>{s("stats.all_figures")}</summary>
          <FiguresTable r={r} />
        </details>
        <p class="hint">{s("stats.counting_hint")}</p>
      </section>
      {empty ? null : (
        <>
          <section aria-labelledby="charts">
            <h2 id="charts">{s("stats.charts")}</h2>
            <Charts r={r} />
          </section>
          <section aria-labelledby="needs">
            <h2 id="needs">{s("stats.sheet_needs")}</h2>
            <NeedsTable r={r} />
          </section>
          <MessageArea>
            <section aria-labelledby="events">
              <h2 id="events">{s("stats.sheet_events")}</h2>
              <EventsTable r={r} reload={reload} />
            </section>
          </MessageArea>
        </>
      )}
      <section aria-labelledby="exports">
        <h2 id="exports">{s("stats.exports")}</h2>
        <Exports r={r} apiQuery={apiQuery} />
      </section>
      {empty ? null : (
        <section aria-labelledby="evidence">
          <h2 id="evidence">{s("stats.evidence")}</h2>
          <Evidence r={r} />
        </section>
      )}
    </>
  );
}

/** The figures of a filter, the events named in the console's language (German is the council's and the default). */
const reportAddress = (filterQuery: string) => `/api/console/statistics${filterQuery}${filterQuery ? "&" : "?"}locale=${consoleLocale()}`;

function StatisticsPage() {
  useTitle(s("stats.title"));
  const [filter, setFilter] = useState(filterFromAddress);
  const apiQuery = queryOf(filter);
  const report = useLoad(() => api.get<{ statistics: StatisticsReport }>(reportAddress(apiQuery)), [apiQuery]);
  useEffect(() => {
    history.replaceState(null, "", `/console/statistics${apiQuery}`);
  }, [apiQuery]);
  return (
    <>
      <p>
        <a href="/console/">{s("common.back_to_events")}</a>
      </p>
      <PageHeading>{s("stats.title")}</PageHeading>
      <p>{s("stats.intro")}</p>
      <FilterForm
        filter={filter}
        fundingLines={report.data?.statistics.fundingLines ?? []}
        onApply={async (next) => {
          // Asked first, so a bad period is named at its field and the report on screen stays.
          const answer = await api.get<{ statistics: StatisticsReport }>(reportAddress(queryOf(next)));
          setFilter(next);
          report.set(answer);
        }}
      />
      <div aria-busy={report.loading ? "true" : "false"}>
        {report.error ? <LoadFailure error={report.error} /> : report.data ? <Report r={report.data.statistics} apiQuery={apiQuery} reload={report.reload} /> : <Loading />}
      </div>
    </>
  );
}

void mountPage(StatisticsPage);
