/**
 * The figures for funders and the council, for a period and optionally a funding line, from
 * what anonymisation keeps (events, dates, pools, statuses, places, languages, check-ins and
 * the statistics facts of ./facts.ts), so a report on a past year gives the same numbers
 * before and after the personal data of its registrations is gone.
 *
 * What counts where:
 * - An event counts in the period in which its first date (not cancelled; else its first
 *   date at all) falls, in its organisation's time zone, with all its dates: a series from
 *   November to February belongs to the year it began. So every table adds up to its totals.
 * - Drafts never count; a cancelled event counts only as cancelled.
 * - Registrations are day registrations in the event's own pool (not workshop choices, not
 *   stand applications), of any status; participants, places, languages and needs are those
 *   of confirmed registrations.
 * - A date is held once it has ended and was not cancelled. Attendance, no-shows and
 *   participant hours (attended places × the date's hours) come from held dates at which
 *   someone was checked in ("recorded"); a held date without check-ins is counted apart,
 *   because it does not mean nobody came.
 * - Turned away: registrations on a waitlist that never got a place, still waiting or gone
 *   (cancelled while waiting): the demand beyond capacity. Interpreter hours: per language asked for at an event, the hours of its held
 *   dates (one interpreter serves everyone of that language at a date).
 * - Distinct participants by the pseudonymous key; those without an address (walk-ins) count
 *   each as one. Returning: confirmed at an event of the same organisations with a date
 *   before the period (whatever its funding line).
 *
 * Two scans of the period's registrations (one grouped, one for the distinct people) and
 * one of its dates with their check-ins, in one batch.
 */
import type { EventFormat } from "../../../../db/schema";
import type { StatisticsDate, StatisticsEvent, StatisticsFigures, StatisticsReport } from "../../console-types";
import type { Env } from "../../env";
import { NotFoundError } from "../../lib/errors";
import { wallTime } from "../../lib/time-zone";
import { managedOrganisationIds, type Staff } from "../auth/access";
import { periodBounds, periodOf, type Period } from "./period";

const HOUR_MS = 3_600_000;

type Organisation = StatisticsReport["organisations"][number];

/** What a report cost D1: statements run and rows read (meta.rows_read), for the Server-Timing header and the benchmark. */
export type QueryCost = { queries: number; rowsRead: number };
const count = (cost: QueryCost | undefined, results: D1Result[]) => {
  if (!cost) return;
  cost.queries += results.length;
  for (const result of results) cost.rowsRead += result.meta?.rows_read ?? 0;
};

/** The organisations a report covers: the one asked for (404 outside the caller's reach), else all the caller organises (administrators: all). */
export async function reportOrganisations(env: Env, staff: Staff, organisationId: number | null, cost?: QueryCost): Promise<Organisation[]> {
  const managed = managedOrganisationIds(staff);
  if (organisationId !== null && managed !== null && !managed.includes(organisationId)) throw new NotFoundError();
  const scope = organisationId !== null ? [organisationId] : managed;
  const answer = await env.DB.prepare(
    `SELECT id, name, time_zone AS timeZone FROM organisations ${scope === null ? "" : "WHERE id IN (SELECT value FROM json_each(?1))"} ORDER BY name`,
  )
    .bind(...(scope === null ? [] : [JSON.stringify(scope)]))
    .all<Organisation>();
  count(cost, [answer]);
  const { results } = answer;
  if (organisationId !== null && results.length === 0) throw new NotFoundError();
  return results;
}

/** The events of the report: `ev` every one of the organisations (not drafts), `inp` those whose first date is in the period (and funding line). */
const SCOPE_SQL = `WITH bounds AS (
    SELECT value ->> 'id' AS org, value ->> 'start' AS start_ms, value ->> 'end' AS end_ms FROM json_each(?1)
  ),
  inp AS (
    SELECT e.id, e.status, e.format, e.organisation_id AS org, e.first_at FROM (
      SELECT e.*, COALESCE(
          (SELECT MIN(s.starts_at) FROM sessions s WHERE s.event_id = e.id AND s.cancelled_at IS NULL),
          (SELECT MIN(s.starts_at) FROM sessions s WHERE s.event_id = e.id)) AS first_at
      FROM events e JOIN bounds b ON b.org = e.organisation_id
      WHERE e.status <> 'draft' AND (?2 IS NULL OR EXISTS (SELECT 1 FROM json_each(e.funding_lines) f WHERE f.value = ?2))
    ) e JOIN bounds b ON b.org = e.organisation_id
    WHERE e.first_at >= b.start_ms AND e.first_at < b.end_ms
  )`;

/** Still waiting, or gave up waiting: never had a place (an offer that ran out was a place offered). */
const TURNED_AWAY = `(r.status = 'waitlisted' OR (r.status = 'cancelled' AND r.cancelled_from = 'waitlisted'))`;

/** Day registrations of the period's published events, in their event pool. */
const DAY_REGISTRATIONS = `inp JOIN registrations r ON r.event_id = inp.id AND r.parent_id IS NULL
  JOIN capacity_pools p ON p.id = r.pool_id AND p.kind = 'event'`;

type EventRow = { id: number; org: number; status: "published" | "cancelled"; format: EventFormat; firstAt: number; title: string | null; slug: string; fundingLines: string; partners: string };
type DateRow = { id: number; eventId: number; startsAt: number; endsAt: number; cancelledAt: number | null; checkins: number; attended: number; attendedConfirmed: number };
type GroupRow = {
  eventId: number;
  locale: string;
  interpreter: string | null;
  confirmed: number;
  n: number;
  places: number;
  children: number;
  cancelled: number;
  cancelledPlaces: number;
  turnedAway: number;
  turnedAwayPlaces: number;
  certificates: number;
  childcare: number;
  childcareChildren: number;
  accessibility: number;
};
type PeopleRow = { keyed: number; returningPeople: number; withoutAddress: number };

/** The statements of a report, in one batch: its events, their dates with check-ins, the grouped registrations, the people. */
function reportStatements(env: Env, bounds: string, fundingLine: string | null): D1PreparedStatement[] {
  const db = env.DB;
  const bind = (sql: string) => db.prepare(sql).bind(bounds, fundingLine);
  return [
    bind(
      `${SCOPE_SQL}
       SELECT inp.id, inp.org, inp.status, inp.format, inp.first_at AS firstAt, e.texts ->> '$.de.title' AS title, e.slug,
              e.funding_lines AS fundingLines, e.partners
       FROM inp JOIN events e ON e.id = inp.id ORDER BY inp.first_at, inp.id`,
    ),
    bind(
      `${SCOPE_SQL}
       SELECT s.id, s.event_id AS eventId, s.starts_at AS startsAt, s.ends_at AS endsAt, s.cancelled_at AS cancelledAt,
              COUNT(a.id) AS checkins, COALESCE(SUM(a.places), 0) AS attended, COALESCE(SUM(r.status = 'confirmed'), 0) AS attendedConfirmed
       FROM inp JOIN sessions s ON s.event_id = inp.id
         LEFT JOIN attendance a ON a.session_id = s.id
         LEFT JOIN registrations r ON r.id = a.registration_id
       GROUP BY s.id ORDER BY s.starts_at, s.id`,
    ),
    bind(
      `${SCOPE_SQL}
       SELECT r.event_id AS eventId, r.locale, r.stat_interpreter AS interpreter, r.status = 'confirmed' AS confirmed,
              COUNT(*) AS n, SUM(r.places) AS places, SUM(r.children) AS children,
              SUM(r.status = 'cancelled') AS cancelled, SUM(CASE WHEN r.status = 'cancelled' THEN r.places ELSE 0 END) AS cancelledPlaces,
              SUM(${TURNED_AWAY}) AS turnedAway, SUM(CASE WHEN ${TURNED_AWAY} THEN r.places ELSE 0 END) AS turnedAwayPlaces,
              SUM(r.stat_certified_at IS NOT NULL) AS certificates,
              SUM(r.stat_childcare_children > 0) AS childcare, SUM(r.stat_childcare_children) AS childcareChildren,
              SUM(r.stat_accessibility) AS accessibility
       FROM ${DAY_REGISTRATIONS}
       WHERE inp.status = 'published'
       GROUP BY r.event_id, r.locale, r.stat_interpreter, r.status = 'confirmed'`,
    ),
    bind(
      `${SCOPE_SQL},
       people AS (
         SELECT DISTINCT r.stat_participant_key AS k FROM ${DAY_REGISTRATIONS}
         WHERE inp.status = 'published' AND r.status = 'confirmed' AND r.stat_participant_key IS NOT NULL
       )
       SELECT
         (SELECT COUNT(*) FROM people) AS keyed,
         (SELECT COUNT(*) FROM people WHERE EXISTS (
            SELECT 1 FROM registrations r2
              JOIN events e2 ON e2.id = r2.event_id AND e2.status = 'published'
              JOIN bounds b2 ON b2.org = e2.organisation_id
            WHERE r2.stat_participant_key = people.k AND r2.parent_id IS NULL AND r2.status = 'confirmed'
              AND EXISTS (SELECT 1 FROM sessions s2 WHERE s2.event_id = e2.id AND s2.cancelled_at IS NULL AND s2.starts_at < b2.start_ms))) AS returningPeople,
         (SELECT COUNT(*) FROM ${DAY_REGISTRATIONS}
          WHERE inp.status = 'published' AND r.status = 'confirmed' AND r.stat_participant_key IS NULL) AS withoutAddress`,
    ),
  ];
}

type Share = { events: number; datesHeld: number; confirmed: number; attendedPlaces: number; participantHours: number };
const noShare = (): Share => ({ events: 0, datesHeld: 0, confirmed: 0, attendedPlaces: 0, participantHours: 0 });

/** Adds an event to its format's or month's row. */
function addUp(share: Share, event: StatisticsEvent, datesHeld: number): void {
  share.events += 1;
  share.datesHeld += datesHeld;
  share.confirmed += event.confirmed;
  share.attendedPlaces += event.attendedPlaces;
  share.participantHours = round(share.participantHours + event.participantHours);
}

const hoursOf = (d: { startsAt: number; endsAt: number }) => Math.max(0, d.endsAt - d.startsAt) / HOUR_MS;
/** Hours and rates to two decimals, as the tables show them. */
const round = (n: number) => Math.round(n * 100) / 100;
const rate = (attended: number, expected: number) => (expected > 0 ? Math.round((attended / expected) * 1000) / 1000 : null);

function emptyFigures(): StatisticsFigures {
  return {
    events: 0,
    eventsCancelled: 0,
    datesHeld: 0,
    datesPlanned: 0,
    datesCancelled: 0,
    datesWithoutAttendance: 0,
    registrations: 0,
    confirmed: 0,
    places: 0,
    children: 0,
    participants: { distinct: 0, new: 0, returning: 0, withoutAddress: 0 },
    attendance: { expectedPlaces: 0, attendedPlaces: 0, rate: null },
    noShows: 0,
    programmeHours: 0,
    participantHours: 0,
    certificates: 0,
    turnedAway: { registrations: 0, places: 0 },
    cancellations: { registrations: 0, places: 0 },
  };
}

/** The report for the caller: their organisations (or the one asked for), the period of the query, a funding line. */
export async function statisticsReport(env: Env, staff: Staff, query: Record<string, string | undefined>, now: number, cost?: QueryCost): Promise<StatisticsReport> {
  const organisationId = query.organisationId !== undefined ? Number(query.organisationId) : null;
  const organisations = await reportOrganisations(env, staff, organisationId, cost);
  // The period is read in the zone of the organisation (the first one's for a report across several).
  const period = periodOf(query, now, organisations[0]?.timeZone ?? "Europe/Berlin");
  return computeReport(env, organisations, period, query.fundingLine ?? null, now, cost);
}

/** The figures of a period for the given organisations (already authorised). */
export async function computeReport(env: Env, organisations: Organisation[], period: Period, fundingLine: string | null, now: number, cost?: QueryCost): Promise<StatisticsReport> {
  const zones = new Map(organisations.map((o) => [o.id, o.timeZone]));
  const bounds = JSON.stringify(organisations.map((o) => ({ id: o.id, ...periodBounds(period, o.timeZone) })));
  const batch = await env.DB.batch([
    ...reportStatements(env, bounds, fundingLine),
    env.DB.prepare(
      `SELECT DISTINCT f.value AS line FROM events e, json_each(e.funding_lines) f
       WHERE e.organisation_id IN (SELECT value ->> 'id' FROM json_each(?1)) ORDER BY f.value`,
    ).bind(bounds),
  ]);
  count(cost, batch);
  const [eventResult, dateResult, groupResult, peopleResult, linesResult] = batch;
  const eventRows = (eventResult?.results ?? []) as EventRow[];
  const dateRows = (dateResult?.results ?? []) as DateRow[];
  const groups = (groupResult?.results ?? []) as GroupRow[];
  const people = (peopleResult?.results[0] ?? { keyed: 0, returningPeople: 0, withoutAddress: 0 }) as PeopleRow;

  const events = new Map<number, StatisticsEvent>();
  for (const row of eventRows) {
    events.set(row.id, {
      id: row.id,
      organisationId: row.org,
      title: row.title ?? row.slug,
      format: row.format,
      status: row.status,
      fundingLines: JSON.parse(row.fundingLines) as string[],
      partners: JSON.parse(row.partners) as string[],
      firstStartsAt: new Date(row.firstAt).toISOString(),
      dates: [],
      registrations: 0,
      confirmed: 0,
      places: 0,
      children: 0,
      attendedPlaces: 0,
      attendanceRate: null,
      programmeHours: 0,
      participantHours: 0,
      noShows: 0,
      cancelled: 0,
      turnedAway: 0,
      turnedAwayPlaces: 0,
      certificates: 0,
    });
  }

  const languages = new Map<string, { locale: string; registrations: number; places: number }>();
  const interpreterAsked = new Map<string, { registrations: number; events: Set<number> }>();
  const needs = { childcare: { registrations: 0, children: 0 }, accessibility: { registrations: 0 } };
  for (const g of groups) {
    const event = events.get(g.eventId);
    if (!event) continue;
    event.registrations += g.n;
    event.cancelled += g.cancelled;
    event.turnedAway += g.turnedAway;
    event.turnedAwayPlaces += g.turnedAwayPlaces;
    event.certificates += g.certificates;
    if (!g.confirmed) continue;
    event.confirmed += g.n;
    event.places += g.places;
    event.children += g.children;
    const language = languages.get(g.locale) ?? { locale: g.locale, registrations: 0, places: 0 };
    language.registrations += g.n;
    language.places += g.places;
    languages.set(g.locale, language);
    if (g.interpreter) {
      const asked = interpreterAsked.get(g.interpreter) ?? { registrations: 0, events: new Set<number>() };
      asked.registrations += g.n;
      asked.events.add(g.eventId);
      interpreterAsked.set(g.interpreter, asked);
    }
    needs.childcare.registrations += g.childcare;
    needs.childcare.children += g.childcareChildren;
    needs.accessibility.registrations += g.accessibility;
  }

  const totals = emptyFigures();
  for (const d of dateRows) {
    const event = events.get(d.eventId);
    if (!event) continue;
    const cancelled = d.cancelledAt !== null || event.status === "cancelled";
    const held = !cancelled && d.endsAt <= now;
    const recorded = held && d.checkins > 0;
    const date: StatisticsDate = {
      id: d.id,
      startsAt: new Date(d.startsAt).toISOString(),
      endsAt: new Date(d.endsAt).toISOString(),
      cancelled,
      held,
      hours: round(hoursOf(d)),
      recorded,
      expectedPlaces: event.places,
      attendedPlaces: recorded ? d.attended : 0,
      noShows: recorded ? Math.max(0, event.confirmed - d.attendedConfirmed) : 0,
    };
    event.dates.push(date);
    if (cancelled) totals.datesCancelled += 1;
    else if (held) totals.datesHeld += 1;
    else totals.datesPlanned += 1;
    if (held) {
      event.programmeHours += hoursOf(d);
      if (!recorded) totals.datesWithoutAttendance += 1;
    }
    if (recorded) {
      event.attendedPlaces += d.attended;
      event.participantHours += d.attended * hoursOf(d);
      event.noShows += date.noShows;
      totals.attendance.expectedPlaces += event.places;
    }
  }

  const byFormat = new Map<EventFormat, StatisticsReport["byFormat"][number]>();
  const byMonth = new Map<string, StatisticsReport["byMonth"][number]>();
  for (const event of events.values()) {
    if (event.status === "cancelled") {
      totals.eventsCancelled += 1;
      continue;
    }
    const recordedExpected = event.dates.filter((d) => d.recorded).reduce((sum, d) => sum + d.expectedPlaces, 0);
    event.attendanceRate = rate(event.attendedPlaces, recordedExpected);
    event.programmeHours = round(event.programmeHours);
    event.participantHours = round(event.participantHours);
    const datesHeld = event.dates.filter((d) => d.held).length;
    totals.events += 1;
    totals.registrations += event.registrations;
    totals.confirmed += event.confirmed;
    totals.places += event.places;
    totals.children += event.children;
    totals.attendance.attendedPlaces += event.attendedPlaces;
    totals.noShows += event.noShows;
    totals.programmeHours += event.programmeHours;
    totals.participantHours += event.participantHours;
    totals.certificates += event.certificates;
    totals.turnedAway.registrations += event.turnedAway;
    totals.turnedAway.places += event.turnedAwayPlaces;
    totals.cancellations.registrations += event.cancelled;
    // Cancelled places are summed from the groups below (they are not kept per event).
    const zone = zones.get(event.organisationId) ?? "Europe/Berlin";
    const first = wallTime(Date.parse(event.firstStartsAt), zone);
    const month = `${first.year}-${String(first.month).padStart(2, "0")}`;
    addUp(byFormat.get(event.format) ?? byFormat.set(event.format, { format: event.format, ...noShare() }).get(event.format)!, event, datesHeld);
    addUp(byMonth.get(month) ?? byMonth.set(month, { month, ...noShare() }).get(month)!, event, datesHeld);
  }
  totals.cancellations.places = groups.filter((g) => events.get(g.eventId)?.status === "published").reduce((sum, g) => sum + g.cancelledPlaces, 0);
  totals.programmeHours = round(totals.programmeHours);
  totals.participantHours = round(totals.participantHours);
  totals.attendance.rate = rate(totals.attendance.attendedPlaces, totals.attendance.expectedPlaces);
  totals.participants = {
    distinct: people.keyed + people.withoutAddress,
    new: people.keyed - people.returningPeople,
    returning: people.returningPeople,
    withoutAddress: people.withoutAddress,
  };

  const heldHours = (eventId: number) => events.get(eventId)?.programmeHours ?? 0;
  return {
    period,
    organisations,
    fundingLine,
    generatedAt: new Date(now).toISOString(),
    totals,
    byFormat: [...byFormat.values()].sort((a, b) => b.events - a.events || a.format.localeCompare(b.format)),
    byMonth: [...byMonth.values()].sort((a, b) => a.month.localeCompare(b.month)),
    languages: [...languages.values()].sort((a, b) => b.registrations - a.registrations || a.locale.localeCompare(b.locale)),
    needs: {
      interpreter: [...interpreterAsked]
        .map(([language, asked]) => ({ language, registrations: asked.registrations, hours: round([...asked.events].reduce((sum, id) => sum + heldHours(id), 0)) }))
        .sort((a, b) => b.hours - a.hours || b.registrations - a.registrations || a.language.localeCompare(b.language)),
      ...needs,
    },
    events: [...events.values()],
    fundingLines: ((linesResult?.results ?? []) as { line: string }[]).map((r) => r.line),
  };
}
