/**
 * Statistics for funders and the council (issue 15): the figures of the seeded programme
 * (statistics-programme.ts) against numbers worked out by hand from it; the same figures
 * after retention has anonymised every registration; access; empty and bad periods.
 */
import { env, SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import type { ConsoleEvent, StatisticsReport } from "../src/console-types";
import { runRetention } from "../src/domain/privacy/retention";
import { textHash } from "../src/domain/events/texts";
import { reviewContent } from "../src/domain/statistics/review";
import { titledIn } from "../src/domain/statistics/titles";
import { attendanceRecordContent } from "../src/domain/certificates/attendance-record";
import { wallTime } from "../src/lib/time-zone";
import { consoleFetch, context, createEvent, createStaff, participant, register, rows, type StaffSession } from "./fixtures";
import { ORG, OTHER_ORG, PEOPLE, seedProgramme, Y, type Programme } from "./statistics-programme";

let programme: Programme;

beforeAll(async () => {
  programme = await seedProgramme();
}, 60_000);

async function report(staff: StaffSession, query: string): Promise<StatisticsReport> {
  const response = await consoleFetch(staff, "GET", `/api/console/statistics${query}`);
  expect(response.status, await response.clone().text()).toBe(200);
  return ((await response.json()) as { statistics: StatisticsReport }).statistics;
}

const rangeQuery = () => `?from=${programme.range.from}&to=${programme.range.to}`;
const eventRow = (r: StatisticsReport, id: number) => r.events.find((e) => e.id === id)!;

describe("statistics of a seeded programme", () => {
  it("equal the figures worked out by hand", async () => {
    const r = await report(programme.organiser, rangeQuery());
    expect(r.organisations.map((o) => o.id)).toEqual([ORG]);
    expect(r.totals).toEqual({
      events: 5, // W, S, H, X, P (not the draft, not C, not O before, not N after)
      eventsCancelled: 1, // C
      datesHeld: 5, // W, S ×2, H, X
      datesPlanned: 1, // P
      datesCancelled: 2, // S's third date, C's date
      datesWithoutAttendance: 2, // H and X: nobody checked in
      registrations: 10, // W 4, S 3 + walk-in, H 1, P 1
      confirmed: 8, // W 2, S 4, H 1, P 1
      places: 10, // 2 + 4 + 3 + 1
      children: 2, // G's household
      participants: { distinct: 6, new: 4, returning: 1, withoutAddress: 1 }, // A B E F G + walk-in; E came in Y-1
      attendance: { expectedPlaces: 10, attendedPlaces: 7, rate: 0.7 }, // W 1 of 2; S (4 + 2) of (4 + 4)
      noShows: 3, // B at W; F and the walk-in at S's second date
      programmeHours: 17, // 3 + 2 + 2 + 2 + 8
      participantHours: 15, // W 1 × 3 h; S 4 × 2 h + 2 × 2 h
      certificates: 2, // A and E
      turnedAway: { registrations: 2, places: 2 }, // C waited, D waited and cancelled
      cancellations: { registrations: 1, places: 1 }, // D
    });
    expect(r.languages).toEqual([
      { locale: "de", registrations: 4, places: 4 }, // B (W), A (S), walk-in (S), A (P)
      { locale: "ar", registrations: 1, places: 3 }, // G
      { locale: "en", registrations: 1, places: 1 },
      { locale: "tr", registrations: 1, places: 1 },
      { locale: "uk", registrations: 1, places: 1 },
    ]);
    expect(r.needs).toEqual({
      interpreter: [
        { language: "uk", registrations: 1, hours: 4 }, // S: two held dates of 2 h
        { language: "tr", registrations: 1, hours: 3 }, // W
        { language: "fa", registrations: 1, hours: 2 }, // H ("Farsi")
        { language: "prs", registrations: 1, hours: 0 }, // P ("Dari"), not held yet
      ],
      childcare: { registrations: 1, children: 2 },
      accessibility: { registrations: 1 },
    });
    const p = wallTime(Date.parse(eventRow(r, programme.events.P).firstStartsAt), "Europe/Berlin");
    const pMonth = `${p.year}-${String(p.month).padStart(2, "0")}`;
    expect(r.byMonth.map((m) => [m.month, m.events, m.datesHeld, m.confirmed, m.attendedPlaces, m.participantHours])).toEqual([
      [`${Y}-03`, 1, 1, 2, 1, 3],
      [`${Y}-05`, 1, 2, 4, 6, 12],
      [`${Y}-09`, 1, 1, 1, 0, 0],
      [`${Y}-10`, 1, 1, 0, 0, 0],
      [pMonth, 1, 0, 1, 0, 0],
    ]);
    expect(r.byFormat.map((f) => [f.format, f.events, f.datesHeld])).toEqual([
      ["workshop", 2, 1],
      ["exhibition", 1, 1],
      ["reading", 1, 1],
      ["series", 1, 2],
    ]);
    const series = eventRow(r, programme.events.S);
    expect(series).toMatchObject({ registrations: 4, confirmed: 4, attendedPlaces: 6, attendanceRate: 0.75, noShows: 2, certificates: 2, fundingLines: ["ESF"] });
    expect(series.dates.map((d) => [d.held, d.cancelled, d.recorded, d.attendedPlaces, d.noShows])).toEqual([
      [true, false, true, 4, 0],
      [true, false, true, 2, 2],
      [false, true, false, 0, 0],
    ]);
    expect(eventRow(r, programme.events.W)).toMatchObject({ turnedAway: 2, turnedAwayPlaces: 2, cancelled: 1, attendanceRate: 0.5, partners: ["Flüchtlingsrat"] });
    expect(r.events.map((e) => e.id)).not.toContain(programme.events.Draft);
    expect(r.fundingLines).toEqual(["ESF", "KOMM-AN"]);
  });

  it("the year's review lists, per month, each event with its dates, participants and attendance, then the totals", async () => {
    const r = await report(programme.organiser, rangeQuery());
    const content = reviewContent(r, Date.now());
    const listed = content.months.flatMap((m) => m.events.map((e) => ({ month: m.heading, title: e.title, lines: e.lines.join("\n") })));
    expect(listed.map((e) => e.title)).toEqual(r.events.map((e) => e.title));
    for (const [i, e] of r.events.entries()) {
      const month = wallTime(Date.parse(e.firstStartsAt), r.organisations[0]!.timeZone).month;
      expect(listed[i]!.month).toMatch(new RegExp(`^${["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"][month - 1]} `));
      expect(listed[i]!.lines).toContain(`Teilnehmende: ${e.places} (${e.confirmed} ${e.confirmed === 1 ? "Anmeldung" : "Anmeldungen"}) · anwesend: ${e.attendedPlaces}`);
    }
    expect(content.totals).toContainEqual(["Veranstaltungen", "5"]);
    expect(content.totals).toContainEqual(["Verschiedene Teilnehmende", "6"]);
    expect(content.totals).toContainEqual(["Anwesenheitsquote", "70 %"]);

    const pdf = await consoleFetch(programme.organiser, "GET", `/api/console/statistics/review.pdf${rangeQuery()}`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5))).toBe("%PDF-");
    expect((await consoleFetch(programme.organiser, "GET", `/api/console/statistics/review.pdf?from=${Y}-05-01&to=${Y}-04-01`)).status).toBe(422);
  });

  it("the year's review in English holds English headings, words and numbers, with the same figures", async () => {
    const r = await report(programme.organiser, rangeQuery());
    const now = Date.now();
    const german = reviewContent(r, now, "de");
    const english = reviewContent(r, now, "en");
    expect(english.info.language).toBe("en-GB");
    expect(english.heading).toMatch(/^Review \d{4}/);
    expect(english.subtitle).toContainEqual(expect.stringMatching(/^Period: \d{2}\/\d{2}\/\d{4} to \d{2}\/\d{2}\/\d{4}$/));
    expect(english.totalsHeading).toBe("Totals for the period");
    expect(english.empty).toBe("There were no events in this period.");
    for (const [i, month] of english.months.entries()) {
      const number = Number(german.months[i]!.heading.split(" ")[1]);
      expect(month.heading).toMatch(/^(January|February|March|April|May|June|July|August|September|October|November|December) \d{4}$/);
      expect(Number(month.heading.split(" ")[1])).toBe(number);
    }
    const lines = english.months.flatMap((m) => m.events.flatMap((e) => e.lines)).join("\n");
    for (const e of r.events) expect(lines).toContain(`Participants: ${e.places} (${e.confirmed} registration`);
    expect(lines).toContain("Partners: Flüchtlingsrat");
    expect(lines).not.toMatch(/Teilnehmende|Anmeldungen|Termin|Partner:|Förderung/);
    // The same figures as the German review, row for row, under English labels.
    expect(english.totals.map(([, value]) => value)).toEqual(german.totals.map(([, value]) => value.replace(" %", "%")));
    expect(english.totals).toContainEqual(["Events", "5"]);
    expect(english.totals).toContainEqual(["Distinct participants", "6"]);
    expect(english.totals).toContainEqual(["Attendance rate", "70%"]);
    expect(english.pageNumber).toBe("Page {page} of {pages}");
    expect(english.footer).toMatch(/^Made on \d{2}\/\d{2}\/\d{4} at \d{2}:\d{2} with zusammen/);

    // Titles: the organiser's own English, an English text a person reviewed, else the German (never a machine's unread).
    const [own, reviewed, machine, untouched] = r.events;
    await env.DB.prepare(`UPDATE events SET texts = json_set(texts, '$.en', json_object('title', 'Reading: new voices')) WHERE id = ?1`).bind(own!.id).run();
    for (const [event, status, text] of [[reviewed!, "reviewed", "Parents' evening, reviewed"], [machine!, "machine", "Machine words"]] as const) {
      await env.DB.prepare(
        `INSERT INTO event_translations (event_id, locale, field, text, status, source_locale, source_hash, updated_at) VALUES (?1, 'en', 'title', ?2, ?3, 'de', ?4, ?5)
         ON CONFLICT (event_id, locale, field) DO UPDATE SET text = excluded.text, status = excluded.status, source_hash = excluded.source_hash, updated_at = excluded.updated_at`,
      )
        .bind(event.id, text, status, textHash(event.title), Date.now())
        .run();
    }
    const titled = reviewContent(await titledIn(env, r, "en"), now, "en");
    const titles = titled.months.flatMap((m) => m.events.map((e) => e.title));
    expect(titles).toEqual(expect.arrayContaining(["Reading: new voices", "Parents' evening, reviewed", machine!.title, untouched!.title]));
    expect(titles).not.toContain("Machine words");
    expect(titles).not.toContain(own!.title);
    // The German review keeps the organiser's German titles.
    expect(reviewContent(await titledIn(env, r, "de"), now, "de").months.flatMap((m) => m.events.map((e) => e.title))).toContain(own!.title);
    // The console's figures in English name the events as the English review does; in German as the council's.
    const inEnglish = await report(programme.organiser, `${rangeQuery()}&locale=en`);
    expect(inEnglish.events.map((e) => e.title)).toEqual(r.events.map((e) => (e.id === own!.id ? "Reading: new voices" : e.id === reviewed!.id ? "Parents' evening, reviewed" : e.title)));
    expect(inEnglish.totals).toEqual(r.totals);
    expect((await report(programme.organiser, rangeQuery())).events.map((e) => e.title)).toEqual(r.events.map((e) => e.title));

    const pdf = await consoleFetch(programme.organiser, "GET", `/api/console/statistics/review.pdf${rangeQuery()}&locale=en`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-disposition")).toBe(`attachment; filename="review-${programme.range.from}-${programme.range.to}.pdf"`);
    expect(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5))).toBe("%PDF-");
    // German stays the default; a language the console does not speak is a clear 422 naming the field.
    const byDefault = await consoleFetch(programme.organiser, "GET", `/api/console/statistics/review.pdf${rangeQuery()}`);
    expect(byDefault.headers.get("content-disposition")).toContain(`filename="rueckblick-`);
    await byDefault.arrayBuffer();
    const unknown = await consoleFetch(programme.organiser, "GET", `/api/console/statistics/review.pdf${rangeQuery()}&locale=fr`);
    expect(unknown.status).toBe(422);
    expect(((await unknown.json()) as { error: { fields: Record<string, unknown> } }).error.fields).toHaveProperty("locale");
  });

  it("a participant's attendance record lists each attended date with its hours and the total, for the funder's file", async () => {
    // From the seed: A came to both held dates of S (17–19, 2 h each; the third was cancelled), F to the first only; A to W (18–21).
    const record = async (registrationId: number) => attendanceRecordContent(env, Number((await rows(`SELECT event_id AS eventId FROM registrations WHERE id = ?1`, registrationId))[0]!.eventId), registrationId, Date.now());
    const a = await record(programme.registrations.SA!);
    expect(a.heading).toBe("Teilnahmenachweis");
    expect(a.facts).toContainEqual(["Veranstaltung", eventRow(await report(programme.organiser, rangeQuery()), programme.events.S).title]);
    expect(a.rows.map(([date, time, hours]) => [date.slice(-10), time, hours])).toEqual([
      [`05.05.${Y}`, "17:00–19:00 Uhr", "2"],
      [`09.06.${Y}`, "17:00–19:00 Uhr", "2"],
    ]);
    expect(a.total).toEqual(["Stunden insgesamt", "4"]);
    const f = await record(programme.registrations.SF!);
    expect(f.rows.map(([date, , hours]) => [date.slice(-10), hours])).toEqual([[`05.05.${Y}`, "2"]]);
    expect(f.total[1]).toBe("2");
    expect((await record(programme.registrations.WA!)).total[1]).toBe("3");
    // B's workshop was cancelled: no date, zero hours, said in words.
    const b = await record(programme.registrations.WB!);
    expect(b.rows).toEqual([]);
    expect(b.total[1]).toBe("0");

    const pdf = await consoleFetch(programme.organiser, "GET", `/api/console/registrations/${programme.registrations.SA}/attendance.pdf`);
    expect(pdf.status, await pdf.clone().text()).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.headers.get("content-disposition")).toBe(`attachment; filename="teilnahmenachweis-${programme.registrations.SA}.pdf"`);
    expect(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5))).toBe("%PDF-");
    // Another organisation's organiser and an anonymous caller get nothing.
    const stranger = await createStaff({ role: "organiser", organisationId: OTHER_ORG });
    expect([403, 404]).toContain((await consoleFetch(stranger, "GET", `/api/console/registrations/${programme.registrations.SA}/attendance.pdf`)).status);
    expect((await SELF.fetch(`https://zusammen.test/api/console/registrations/${programme.registrations.SA}/attendance.pdf`)).status).toBe(401);
  });

  it("a year counts the events whose first date lies in it; a funding line only its events", async () => {
    const year = await report(programme.organiser, `?year=${Y}`);
    expect(year.period).toEqual({ from: `${Y}-01-01`, to: `${Y}-12-31` });
    expect(year.totals).toMatchObject({ events: 4, datesPlanned: 0, registrations: 9, confirmed: 7, participants: { distinct: 6, returning: 1 } });
    const esf = await report(programme.organiser, `?year=${Y}&fundingLine=ESF`);
    expect(esf.events.map((e) => e.id)).toEqual([programme.events.S]);
    expect(esf.totals).toMatchObject({ events: 1, registrations: 4, confirmed: 4, participantHours: 12, certificates: 2, participants: { distinct: 4, new: 2, returning: 1, withoutAddress: 1 } }); // A, E, F and the walk-in; E came before
    const q2 = await report(programme.organiser, `?year=${Y}&quarter=2`);
    expect(q2.period).toEqual({ from: `${Y}-04-01`, to: `${Y}-06-30` });
    expect(q2.events.map((e) => e.id)).toEqual([programme.events.C, programme.events.S]);
  });

  it("stay exactly the same once retention has anonymised the registrations", async () => {
    const before = await report(programme.organiser, rangeQuery());
    const beforeYear = await report(programme.organiser, `?year=${Y}&fundingLine=ESF`);
    const result = await runRetention(context(), { force: true });
    expect(result).toMatchObject({ more: false });
    // W, C, S, H and O are over (30 days kept); P and N are not.
    const anonymised = await rows(
      `SELECT r.event_id AS eventId, r.name, r.email, r.needs FROM registrations r WHERE r.event_id IN (?1, ?2, ?3, ?4, ?5)`,
      programme.events.W,
      programme.events.C,
      programme.events.S,
      programme.events.H,
      programme.events.O,
    );
    expect(anonymised.length).toBe(11); // W 4, C 1, S 3 + walk-in, H 1, O 1
    expect(anonymised.every((row) => row.name === "" && row.email === "" && row.needs === "{}")).toBe(true);
    expect(await rows(`SELECT 1 FROM registrations WHERE email_normalized IN (${Object.values(PEOPLE).map(() => "?").join(", ")}) AND event_id = ?8`, ...Object.values(PEOPLE), programme.events.W)).toEqual([]);

    const after = await report(programme.organiser, rangeQuery());
    const afterYear = await report(programme.organiser, `?year=${Y}&fundingLine=ESF`);
    expect({ ...after, generatedAt: "" }).toEqual({ ...before, generatedAt: "" });
    expect({ ...afterYear, generatedAt: "" }).toEqual({ ...beforeYear, generatedAt: "" });

    // Eleven years on: every registration anonymised (P's too), the certificates deleted; the figures stay.
    const later = await runRetention(context(Date.now() + 11 * 365.25 * 86_400_000), { force: true });
    expect(later).toMatchObject({ certificatesDeleted: 2 });
    expect(await rows(`SELECT 1 FROM certificates WHERE event_id = ?1`, programme.events.S)).toEqual([]);
    expect(await rows(`SELECT 1 FROM registrations WHERE event_id = ?1 AND anonymised_at IS NULL`, programme.events.P)).toEqual([]);
    expect({ ...(await report(programme.organiser, rangeQuery())), generatedAt: "" }).toEqual({ ...before, generatedAt: "" });
  });

  it("an erasure on request unlinks the participant key from the address, one random key for the person's registrations", async () => {
    const email = "zora.erasure@example.org";
    const ids: number[] = [];
    for (const n of [1, 2]) {
      const event = await createEvent();
      expect((await register(event.slug, participant(n, { email }))).status).toBe(201);
      const [row] = await rows(`SELECT id, stat_participant_key AS k FROM registrations WHERE event_id = ?1`, event.eventId);
      expect(String(row!.k)).toMatch(/^[A-Za-z0-9_-]{43}$/);
      ids.push(Number(row!.id));
    }
    const organiser = await createStaff({ role: "organiser", organisationId: 1 });
    expect((await consoleFetch(organiser, "POST", "/api/console/people/erase", { email })).status).toBe(200);
    const keys = await rows(`SELECT stat_participant_key AS k, email FROM registrations WHERE id IN (?1, ?2)`, ids[0], ids[1]);
    expect(keys.map((k) => k.email)).toEqual(["", ""]);
    expect(String(keys[0]!.k)).toMatch(/^erased:/);
    expect(keys[1]!.k).toBe(keys[0]!.k);
  });
});

describe("who sees which figures", () => {
  it("organisers see their organisations' figures only; another organisation asked for is not found", async () => {
    const own = await report(programme.organiser, `?year=${Y}`);
    expect(own.events.map((e) => e.id)).not.toContain(programme.events.Other);
    expect((await consoleFetch(programme.organiser, "GET", `/api/console/statistics?year=${Y}&organisationId=${OTHER_ORG}`)).status).toBe(404);
    const stranger = await createStaff({ role: "organiser", organisationId: 2 });
    const theirs = await report(stranger, `?year=${Y}`);
    expect(theirs.totals.events).toBe(0);
    expect(JSON.stringify(theirs)).not.toContain("Qualifizierungsreihe");
  });

  it("administrators see every organisation, or the one they ask for", async () => {
    const admin = await createStaff({ isAdmin: true });
    const all = await report(admin, `?year=${Y}`);
    expect(all.organisations.map((o) => o.id)).toEqual(expect.arrayContaining([ORG, OTHER_ORG]));
    expect(all.events.map((e) => e.id)).toEqual(expect.arrayContaining([programme.events.S, programme.events.Other]));
    const other = await report(admin, `?year=${Y}&organisationId=${OTHER_ORG}`);
    expect(other.events.map((e) => e.id)).toEqual([programme.events.Other]);
    expect(other.totals).toMatchObject({ events: 1, confirmed: 1, attendance: { attendedPlaces: 1, expectedPlaces: 1, rate: 1 } });
  });

  it("check-in helpers and anonymous callers get nothing", async () => {
    const helper = await createStaff({ role: "checkin_helper", organisationId: ORG, assignedEventIds: [programme.events.S] });
    expect((await consoleFetch(helper, "GET", `/api/console/statistics?year=${Y}`)).status).toBe(403);
    expect((await consoleFetch(null, "GET", `/api/console/statistics?year=${Y}`)).status).toBe(401);
  });
});

describe("periods", () => {
  it("a period without events is an empty, clear report", async () => {
    const r = await report(programme.organiser, "?year=2001");
    expect(r.events).toEqual([]);
    expect(r.totals).toMatchObject({ events: 0, registrations: 0, participants: { distinct: 0 }, attendance: { rate: null }, programmeHours: 0 });
    expect(r.languages).toEqual([]);
  });

  it("an end before the start, a range over five years, a day that does not exist: 422 naming the field, in the caller's language", async () => {
    const cases: [string, string, RegExp][] = [
      ["?from=2026-05-01&to=2026-04-30", "to", /Ende liegt vor dem Beginn/],
      ["?from=2020-01-01&to=2025-01-01", "to", /höchstens 5 Jahren/],
      ["?from=2026-02-30&to=2026-03-01", "from", /falsche Format/],
      ["?from=2026-02-01", "to", /Bitte füllen/],
      ["?quarter=2", "year", /Bitte füllen/],
      ["?year=26", "year", /falsche Format/],
    ];
    for (const [query, field, message] of cases) {
      const response = await consoleFetch(programme.organiser, "GET", `/api/console/statistics${query}`);
      expect(response.status, query).toBe(422);
      const { error } = (await response.json()) as { error: { fields: Record<string, string> } };
      expect(Object.keys(error.fields), query).toEqual([field]);
      expect(error.fields[field], query).toMatch(message);
    }
    const english = await consoleFetch(programme.organiser, "GET", `/api/console/statistics?from=2026-05-01&to=2026-04-30`, undefined, { "accept-language": "en" });
    expect(((await english.json()) as { error: { fields: Record<string, string> } }).error.fields.to).toMatch(/end is before the start/);
    // Exactly five years is allowed.
    expect((await consoleFetch(programme.organiser, "GET", `/api/console/statistics?from=2020-01-01&to=2024-12-31`)).status).toBe(200);
  });
});

describe("an event's funding lines and partners", () => {
  it("are set by its organisers, tidied, and filter the figures", async () => {
    const response = await consoleFetch(programme.organiser, "PUT", `/api/console/events/${programme.events.H}/reporting`, {
      fundingLines: [" Stiftung  Lesen ", "Stiftung Lesen", "ESF"],
      partners: ["Stadtbüchereien"],
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ fundingLines: ["Stiftung Lesen", "ESF"], partners: ["Stadtbüchereien"] });
    const esf = await report(programme.organiser, `?year=${Y}&fundingLine=ESF`);
    expect(esf.events.map((e) => e.id).sort()).toEqual([programme.events.S, programme.events.H].sort());
    const [audit] = await rows(`SELECT actor FROM audit_log WHERE action = 'event.reporting_changed' AND event_id = ?1`, programme.events.H);
    expect(audit!.actor).toBe(`user:${programme.organiser.userId}`);
    const bad = await consoleFetch(programme.organiser, "PUT", `/api/console/events/${programme.events.H}/reporting`, { fundingLines: ["x".repeat(81)], partners: [] });
    expect(bad.status).toBe(422);
    // Saving the event form without them keeps them.
    const { event } = (await (await consoleFetch(programme.organiser, "GET", `/api/console/events/${programme.events.H}`)).json()) as { event: ConsoleEvent };
    const form = {
      organisationId: event.organisationId,
      format: event.format,
      texts: event.texts,
      audience: event.audience,
      languages: event.languages,
      location: event.location,
      onlineUrl: event.onlineUrl,
      registrationMode: event.registrationMode,
      registrationOpensAt: event.registrationOpensAt,
      registrationClosesAt: event.registrationClosesAt,
      maxPlacesPerRegistration: event.maxPlacesPerRegistration,
      emailConfirmation: event.emailConfirmation,
      holdMinutes: event.holdMinutes,
      waitlistEnabled: event.waitlistEnabled,
      waitlistMode: event.waitlistMode,
      offerHours: event.offerHours,
      questions: event.questions,
      reminderRules: event.reminderRules,
      sessions: event.sessions.map(({ id, startsAt, endsAt, title, cancelled }) => ({ id, startsAt, endsAt, title, cancelled })),
      pools: event.pools.map(({ id, kind, key, slot, name, capacity }) => ({ id, kind, key, slot, name, capacity })),
    };
    const saved = await consoleFetch(programme.organiser, "PUT", `/api/console/events/${programme.events.H}`, form);
    expect(saved.status, await saved.clone().text()).toBe(200);
    expect(((await saved.json()) as { event: ConsoleEvent }).event).toMatchObject({ fundingLines: ["Stiftung Lesen", "ESF"], partners: ["Stadtbüchereien"] });
  });
});
