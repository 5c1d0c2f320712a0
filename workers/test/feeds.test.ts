/**
 * The programme feeds against the demo programme and events an organiser makes in the
 * console: the iCalendar feed parsed by a real parser (ical.js), a check written from the
 * rules of integreat-cms's external calendar importer (as the issue states them), and the
 * JSON feed with its ETag.
 */
import { env, SELF } from "cloudflare:test";
import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import type { Locale } from "../../db/schema";
import { textHash } from "../src/domain/events/texts";
import { posterContent } from "../src/domain/reach/poster";
import { loadProgrammeEvent } from "../src/domain/reach/programme";
import { buildCalendar } from "../src/lib/icalendar";
import { zonedToUtc } from "../src/lib/time-zone";
import { consoleFetch, createStaff, eventInput, loadDemoProgramme, rows, type StaffSession } from "./fixtures";
import { loadDocument, validatorFor, explain, type Document } from "./openapi-helpers";

const BASE = "https://zusammen.test";
const DAY = 86_400_000;
const JOIN_LINK = "https://meet.example.org/zusammen-seiteneinstieg";

let organiser: StaffSession;
let doc: Document;

beforeAll(async () => {
  await loadDemoProgramme();
  organiser = await createStaff({ role: "organiser", organisationId: 1 });
  doc = await loadDocument();
});

/** A wall time in Berlin, `days` from today. */
function berlin(days: number, hour: number, minute = 0): number {
  const day = new Date(Date.now() + days * DAY);
  return zonedToUtc({ year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate(), hour, minute }, "Europe/Berlin");
}

/** Creates and publishes an event through the console, as an organiser does. */
async function publish(overrides: Record<string, unknown>): Promise<{ id: number; slug: string; event: any }> {
  const created = await consoleFetch(organiser, "POST", "/api/console/events", eventInput(overrides));
  expect(created.status, await created.clone().text()).toBe(201);
  const { event } = (await created.json()) as { event: { id: number; slug: string } };
  const published = await consoleFetch(organiser, "POST", `/api/console/events/${event.id}/publish`, {});
  expect(published.status).toBe(200);
  return { id: event.id, slug: event.slug, event: ((await published.json()) as { event: unknown }).event };
}

const session = (startsAt: number, endsAt: number) => ({ startsAt: new Date(startsAt).toISOString(), endsAt: new Date(endsAt).toISOString() });

type Entry = { uid: string; summary: string; start: number; end: number; description: string; location: string | null; categories: string[]; status: string | null; component: ICAL.Component };

/** The feed's VEVENTs as ical.js reads them, with the feed's own VTIMEZONEs registered. */
function parse(text: string): { calendar: ICAL.Component; entries: Entry[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  const entries = calendar.getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toJSDate().getTime(),
      end: event.endDate.toJSDate().getTime(),
      description: event.description ?? "",
      location: event.location ?? null,
      categories: vevent.getAllProperties("categories").flatMap((p) => p.getValues() as string[]),
      status: (vevent.getFirstPropertyValue("status") as string | null) ?? null,
      component: vevent,
    };
  });
  return { calendar, entries };
}

async function feed(query = ""): Promise<{ response: Response; text: string }> {
  const response = await SELF.fetch(`${BASE}/api/feeds/calendar.ics${query}`);
  return { response, text: await response.text() };
}

async function publicEvent(slug: string): Promise<any> {
  return ((await (await SELF.fetch(`${BASE}/api/events/${slug}`)).json()) as { event: unknown }).event;
}

const ofEvent = (entries: Entry[], slug: string) => entries.filter((e) => e.uid.startsWith(`${slug}-`));

describe("the iCalendar writer's time zones", () => {
  it.each(["Europe/Berlin", "Australia/Lord_Howe", "America/Santiago", "Asia/Kolkata"])("%s: wall times with its VTIMEZONE read back as the same instants", (zone) => {
    // Every 5 h 17 min for two years (every time of day comes round): across each change of offset (Lord Howe moves by 30 minutes).
    const from = Date.UTC(2027, 0, 1);
    const sampled = Array.from({ length: Math.floor((2 * 365 * 24 * 60) / 317) }, (_, i) => from + i * 317 * 60_000);
    // And both occurrences of Berlin's repeated hour, and the minutes around its spring gap.
    const edges = ["2027-10-31T00:15:00Z", "2027-10-31T00:45:00Z", "2027-10-31T01:15:00Z", "2027-10-31T01:45:00Z", "2027-03-28T00:59:00Z", "2027-03-28T01:00:00Z"].map(Date.parse);
    const instants = [...sampled, ...edges].sort((a, b) => a - b);
    const text = buildCalendar(instants.map((at, i) => ({ uid: `t-${i}@test`, startsAt: at, endsAt: at + 3_600_000, summary: "Test", timeZone: zone })));
    const { entries } = parse(text);
    expect(entries.map((e) => e.start)).toEqual(instants);
    expect(entries.map((e) => e.end)).toEqual(instants.map((at) => at + 3_600_000));
  });
});

describe("the iCalendar feed", () => {
  it("parses with ical.js; every VEVENT has UID, SUMMARY, DTSTART and DTEND and no RRULE; each date of the programme is in it at its instant", async () => {
    const { response, text } = await feed();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/calendar/);
    const { entries } = parse(text);
    const { events } = (await (await SELF.fetch(`${BASE}/api/events`)).json()) as { events: { slug: string; sessions: { startsAt: string; endsAt: string }[] }[] };
    expect(events.length).toBeGreaterThan(8);
    for (const entry of entries) {
      for (const property of ["uid", "summary", "dtstart", "dtend"]) expect(entry.component.hasProperty(property), `${entry.uid} ${property}`).toBe(true);
      expect(entry.component.hasProperty("rrule"), entry.uid).toBe(false);
      expect(entry.component.hasProperty("exdate"), entry.uid).toBe(false);
    }
    expect(new Set(entries.map((e) => e.uid)).size).toBe(entries.length);
    for (const event of events) {
      const mine = ofEvent(entries, event.slug);
      expect(mine.map((e) => [e.start, e.end]), event.slug).toEqual(event.sessions.map((s) => [Date.parse(s.startsAt), Date.parse(s.endsAt)]));
    }
  });

  it("a series is one VEVENT per date, each with the event's title", async () => {
    const series = await publicEvent("griffbereit-elternprogramm");
    expect(series.sessions.length).toBe(8);
    const mine = ofEvent(parse((await feed()).text).entries, "griffbereit-elternprogramm");
    expect(mine).toHaveLength(8);
    for (const entry of mine) expect(entry.summary).toContain(series.title);
  });

  it("times are the organisation's wall times with a VTIMEZONE for Europe/Berlin", async () => {
    const { text } = await feed();
    const { calendar, entries } = parse(text);
    expect(calendar.getAllSubcomponents("vtimezone").map((z) => z.getFirstPropertyValue("tzid"))).toEqual(["Europe/Berlin"]);
    const workshop = ofEvent(entries, "asylrecht-workshop")[0]!;
    const start = workshop.component.getFirstProperty("dtstart")!;
    expect(start.getParameter("tzid")).toBe("Europe/Berlin");
    // 09:30 on the programme is 09:30 in the file, in summer and in winter.
    const wall = new Intl.DateTimeFormat("de-DE", { timeZone: "Europe/Berlin", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(workshop.start);
    expect((start.getFirstValue() as ICAL.Time).toString()).toContain(`T${wall}:00`);
  });

  it("UIDs stay the same after the organiser edits title, time and place", async () => {
    const first = berlin(20, 17);
    const { id, slug, event } = await publish({ sessions: [session(first, first + 2 * 3_600_000), session(first + 7 * DAY, first + 7 * DAY + 2 * 3_600_000)] });
    const before = ofEvent(parse((await feed()).text).entries, slug);
    expect(before).toHaveLength(2);
    const edited = eventInput({
      texts: { de: { title: "Elterncafé am Abend", summary: "Neu" } },
      location: { name: "Bürgerhaus Bilk", address: "Bachstraße 145, 40217 Düsseldorf" },
      sessions: event.sessions.map((s: { id: number; startsAt: string; endsAt: string }) => ({ id: s.id, startsAt: new Date(Date.parse(s.startsAt) + 3_600_000).toISOString(), endsAt: new Date(Date.parse(s.endsAt) + 3_600_000).toISOString() })),
    });
    const put = await consoleFetch(organiser, "PUT", `/api/console/events/${id}`, edited);
    expect(put.status, await put.clone().text()).toBe(200);
    const after = ofEvent(parse((await feed()).text).entries, slug);
    expect(after.map((e) => e.uid)).toEqual(before.map((e) => e.uid));
    expect(after.map((e) => e.summary)).toEqual(["Elterncafé am Abend", "Elterncafé am Abend"]);
    expect(after.map((e) => e.start)).toEqual(before.map((e) => e.start + 3_600_000));
    expect(after[0]!.location).toBe("Bürgerhaus Bilk, Bachstraße 145, 40217 Düsseldorf");
  });

  it("an exhibition over 45 days is listed in parts of at most 28 days that cover it, each with the whole period", async () => {
    const opens = berlin(10, 10);
    const closes = berlin(54, 18);
    const { slug } = await publish({ format: "exhibition", audience: ["public"], registrationMode: "none", pools: [], sessions: [session(opens, closes)] });
    const parts = ofEvent(parse((await feed()).text).entries, slug);
    expect(parts.length).toBe(2);
    expect(parts[0]!.start).toBe(opens);
    expect(parts.at(-1)!.end).toBe(closes);
    for (const part of parts) {
      expect(part.end - part.start, part.uid).toBeLessThanOrEqual(28 * DAY);
      expect(part.description).toMatch(/Zeitraum: .+ bis .+/);
      expect(part.description).toContain("Eintritt frei");
    }
    // The next part opens the day after the previous one closes, at the opening time; each closes at the closing time.
    const wall = (ms: number) => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin", dateStyle: "short", timeStyle: "short", hourCycle: "h23" }).format(ms);
    const [closedDay, closedAt] = wall(parts[0]!.end).split(", ");
    const [openedDay, openedAt] = wall(parts[1]!.start).split(", ");
    expect([closedAt, openedAt]).toEqual(["18:00", "10:00"]);
    expect((Date.parse(openedDay!) - Date.parse(closedDay!)) / DAY).toBe(1);
  });

  it("free-entry events are in it, and an online event without its join link", async () => {
    const { text } = await feed();
    expect(text).not.toContain("meet.example.org");
    const { entries } = parse(text);
    expect(ofEvent(entries, "ausstellung-100-boote")).toHaveLength(1);
    const online = ofEvent(entries, "info-lehrkraefte-seiteneinstieg")[0]!;
    expect(online.description).toContain("Online");
    expect(online.description).toContain("/e/info-lehrkraefte-seiteneinstieg");
    // The demo's online event has its join link stored: it is there to leak, and does not.
    expect((await rows(`SELECT online_url AS url FROM events WHERE slug = 'info-lehrkraefte-seiteneinstieg'`))[0]!.url).toBe(JOIN_LINK);
  });

  it("a cancelled event stays, marked cancelled, until its date has passed", async () => {
    const start = berlin(12, 18);
    const { id, slug } = await publish({ sessions: [session(start, start + 3_600_000)] });
    expect((await consoleFetch(organiser, "POST", `/api/console/events/${id}/cancel`, { reason: "Die Referentin ist erkrankt." })).status).toBe(200);
    const [entry] = ofEvent(parse((await feed()).text).entries, slug);
    expect(entry!.status).toBe("CANCELLED");
    expect(entry!.summary).toMatch(/^Abgesagt: /);
    expect(entry!.description).toContain("Die Referentin ist erkrankt.");

    const past = Date.now() - 2 * DAY;
    const { id: pastId, slug: pastSlug } = await publish({ sessions: [session(past, past + 3_600_000)] });
    await consoleFetch(organiser, "POST", `/api/console/events/${pastId}/cancel`, { reason: "Ausgefallen" });
    expect(ofEvent(parse((await feed()).text).entries, pastSlug)).toHaveLength(0);
  });

  it("per audience and per organisation; the language of the texts follows ?locale=", async () => {
    const teachers = parse((await feed("?audience=teachers")).text).entries;
    const slugs = new Set(teachers.map((e) => e.uid.replace(/-\d+(-\d+)?@.*$/, "")));
    expect([...slugs].sort()).toEqual(["info-lehrkraefte-seiteneinstieg", "markt-der-moeglichkeiten"]);
    for (const entry of teachers) expect(entry.categories).toContain("teachers");

    const own = parse((await feed("?organisation=ki-duesseldorf")).text);
    expect(own.entries.length).toBeGreaterThan(10);
    expect(own.calendar.getFirstPropertyValue("x-wr-calname")).toBe("Veranstaltungen: Kommunales Integrationszentrum Düsseldorf");
    expect(parse((await feed("?organisation=other-org")).text).entries).toHaveLength(0);

    const english = ofEvent(parse((await feed("?locale=en")).text).entries, "asylrecht-workshop")[0]!;
    expect(english.summary).toBe((await (await SELF.fetch(`${BASE}/api/events/asylrecht-workshop?locale=en`)).json() as any).event.title);
    expect(english.description).toContain("Registration: ");
  });

  it("a malformed filter is a 422 naming it, never a 5xx", async () => {
    for (const [query, field] of [["?format=concert", "format"], ["?from=2027-02-30", "from"], ["?audience=%3Cscript%3E", "audience"], ["?from=2027-05-02&to=2027-05-01", "to"]] as const) {
      const { response, text } = await feed(query);
      expect(response.status, query).toBe(422);
      expect(Object.keys(JSON.parse(text).error.fields), query).toEqual([field]);
    }
  });
});

/**
 * integreat-cms's external calendar importer, as the issue lists its rules (not its code): it
 * polls the URL and, per VEVENT, needs UID, SUMMARY, DTSTART and DTEND; it reads DESCRIPTION as
 * plain text and appends LOCATION to it; it keeps only events with its one filter category
 * (exact match); it rejects FREQ=DAILY and COUNT in an RRULE and never reads EXDATE; it takes
 * events of at most 28 days; and it deletes the events that are no longer in the feed.
 */
type Imported = { uid: string; title: string; content: string; start: number; end: number };

function importerRun(text: string, stored: Map<string, Imported>, filterCategory: string | null): { errors: string[]; stored: Map<string, Imported> } {
  const errors: string[] = [];
  const seen = new Set<string>();
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  for (const vevent of calendar.getAllSubcomponents("vevent")) {
    const missing = ["uid", "summary", "dtstart", "dtend"].filter((name) => !vevent.hasProperty(name));
    if (missing.length > 0) {
      errors.push(`missing ${missing.join(", ")}`);
      continue;
    }
    const uid = String(vevent.getFirstPropertyValue("uid"));
    seen.add(uid);
    const rule = vevent.getFirstPropertyValue("rrule") as ICAL.Recur | null;
    if (rule && (rule.freq === "DAILY" || rule.count)) {
      errors.push(`${uid}: unsupported recurrence`);
      continue;
    }
    const event = new ICAL.Event(vevent);
    const start = event.startDate.toJSDate().getTime();
    const end = event.endDate.toJSDate().getTime();
    const dayOf = (ms: number) => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(ms);
    const days = (Date.parse(dayOf(end - 1)) - Date.parse(dayOf(start))) / DAY + 1;
    if (days > 28) {
      errors.push(`${uid}: longer than 28 days`);
      continue;
    }
    const categories = vevent.getAllProperties("categories").flatMap((p) => p.getValues() as string[]);
    if (filterCategory && !categories.some((category) => category === filterCategory)) continue;
    const location = event.location ? `\n\n${event.location}` : "";
    stored.set(uid, { uid, title: event.summary, content: `${event.description ?? ""}${location}`, start, end });
  }
  for (const uid of [...stored.keys()]) if (!seen.has(uid)) stored.delete(uid);
  return { errors, stored };
}

describe("integreat-cms's external calendar importer (its rules from the issue)", () => {
  it("imports every date of the programme without an error, with the registration link and the address in the text", async () => {
    const { errors, stored } = importerRun((await feed()).text, new Map(), null);
    expect(errors).toEqual([]);
    const { events } = (await (await SELF.fetch(`${BASE}/api/events`)).json()) as { events: any[] };
    expect(stored.size).toBeGreaterThanOrEqual(events.reduce((sum, e) => sum + e.sessions.length, 0));
    const workshop = [...stored.values()].find((e) => e.uid.startsWith("asylrecht-workshop-"))!;
    expect(workshop.content).toContain("Anmeldung: http://localhost:8787/e/asylrecht-workshop");
    expect(workshop.content).toContain("Willi-Becker-Allee 10, 40227 Düsseldorf");
  });

  it("with a filter category, takes exactly the events of that audience", async () => {
    const { errors, stored } = importerRun((await feed()).text, new Map(), "parents");
    expect(errors).toEqual([]);
    const { events } = (await (await SELF.fetch(`${BASE}/api/events?audience=parents`)).json()) as { events: { slug: string; sessions: unknown[] }[] };
    expect(events.length).toBeGreaterThan(2);
    expect(stored.size).toBe(events.reduce((sum, e) => sum + e.sessions.length, 0));
  });

  it("a second poll after edits and a cancellation updates the same events and deletes nothing that is still to come", async () => {
    const start = berlin(30, 15);
    const { id, slug, event } = await publish({ sessions: [session(start, start + 3_600_000)] });
    const first = importerRun((await feed()).text, new Map(), null);
    const uid = [...first.stored.keys()].find((key) => key.startsWith(`${slug}-`))!;
    const count = first.stored.size;
    await consoleFetch(organiser, "PUT", `/api/console/events/${id}`, eventInput({ texts: { de: { title: "Neuer Titel" } }, sessions: [{ id: event.sessions[0].id, ...session(start, start + 3_600_000) }] }));
    await consoleFetch(organiser, "POST", `/api/console/events/${id}/cancel`, { reason: "Raum nicht verfügbar" });
    const second = importerRun((await feed()).text, first.stored, null);
    expect(second.errors).toEqual([]);
    expect(second.stored.size).toBe(count);
    expect(second.stored.get(uid)!.title).toBe("Abgesagt: Neuer Titel");
  });
});

describe("the JSON feed", () => {
  it("holds the events of the iCalendar feed, fits its documented schema, and never an online join link", async () => {
    const response = await SELF.fetch(`${BASE}/api/feeds/events.json`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain("meet.example.org");
    const body = JSON.parse(text);
    const schema = doc.paths["/api/feeds/events.json"]!.get!.responses!["200"]!.content!["application/json"]!.schema!;
    const fits = validatorFor(doc, schema)(body);
    expect(fits.valid, explain(fits.errors)).toBe(true);
    const calendar = parse((await feed()).text).entries;
    for (const event of body.events) {
      const sessions = ofEvent(calendar, event.id);
      expect(sessions.length, event.id).toBeGreaterThanOrEqual(event.sessions.length);
      expect(event.url).toBe(`http://localhost:8787/e/${event.id}`);
    }
    expect(body.events.find((e: { id: string }) => e.id === "ausstellung-100-boote").registration).toMatchObject({ mode: "none", url: null });
  });

  it("answers 304 to a matching If-None-Match, and a new ETag once an event changes", async () => {
    const first = await SELF.fetch(`${BASE}/api/feeds/events.json?audience=parents`);
    await first.arrayBuffer();
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^W\/".+"$/);
    expect(first.headers.get("cache-control")).toMatch(/^public, max-age=\d+$/);
    const again = await SELF.fetch(`${BASE}/api/feeds/events.json?audience=parents`, { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("etag")).toBe(etag);
    const ics = await SELF.fetch(`${BASE}/api/feeds/calendar.ics`, { headers: { "if-none-match": (await SELF.fetch(`${BASE}/api/feeds/calendar.ics`)).headers.get("etag")! } });
    expect(ics.status).toBe(304);

    const start = berlin(40, 10);
    await publish({ sessions: [session(start, start + 3_600_000)] });
    const changed = await SELF.fetch(`${BASE}/api/feeds/events.json?audience=parents`, { headers: { "if-none-match": etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
    await changed.arrayBuffer();
  });

  it("speak the event's translations: a machine translation that arrives after the publication is in both feeds, with a new ETag, and on the poster, marked", async () => {
    const german = { title: "Nähcafé für Frauen", summary: "Gemeinsam nähen und sprechen", description: "Bitte eigenen Stoff mitbringen." };
    const start = berlin(43, 16);
    const { id, slug } = await publish({ texts: { de: german }, sessions: [session(start, start + 7_200_000)] });
    const before = await SELF.fetch(`${BASE}/api/feeds/events.json?locale=uk`);
    const etag = before.headers.get("etag")!;
    expect(((await before.json()) as any).events.find((e: { id: string }) => e.id === slug).title).toBe(german.title);

    // What the translation job stores (domain/events/translation.ts) for the Ukrainian reader, over the
    // "missing" rows the publication left without a translation binding.
    const ukrainian = { title: "Кафе шиття для жінок", summary: "Шиємо й розмовляємо разом", description: "Будь ласка, принесіть власну тканину." };
    for (const field of ["title", "summary", "description"] as const) {
      await env.DB.prepare(
        `INSERT INTO event_translations (event_id, locale, field, text, status, source_locale, source_hash, updated_at) VALUES (?1, 'uk', ?2, ?3, 'machine', 'de', ?4, ?5)
         ON CONFLICT (event_id, locale, field) DO UPDATE SET text = excluded.text, status = excluded.status, source_hash = excluded.source_hash, updated_at = excluded.updated_at`,
      )
        .bind(id, field, ukrainian[field], textHash(german[field]), Date.now())
        .run();
    }
    const after = await SELF.fetch(`${BASE}/api/feeds/events.json?locale=uk`, { headers: { "if-none-match": etag } });
    expect(after.status).toBe(200);
    const json = ((await after.json()) as any).events.find((e: { id: string }) => e.id === slug);
    expect([json.title, json.summary, json.description]).toEqual([ukrainian.title, ukrainian.summary, ukrainian.description]);

    const [entry] = ofEvent(parse((await feed("?locale=uk")).text).entries, slug);
    expect(entry!.summary).toBe(ukrainian.title);
    expect(entry!.description).toContain(ukrainian.summary);
    // The German reader still reads the organiser's words.
    expect(ofEvent(parse((await feed()).text).entries, slug)[0]!.summary).toBe(german.title);

    // The poster prints what the page shows, and says so as the page does.
    const event = await loadProgrammeEvent(env, slug);
    const poster = (locale: Locale) => posterContent(env, event, locale, Date.now());
    expect([poster("uk").title, poster("uk").titleNote]).toEqual([ukrainian.title, "Перекладено автоматично"]);
    expect([poster("ar").title, poster("ar").titleNote]).toEqual([german.title, "متاح فقط باللغة: الألمانية"]);
    expect([poster("de").title, poster("de").titleNote]).toEqual([german.title, null]);
  });

  it("another language is another ETag", async () => {
    const de = await SELF.fetch(`${BASE}/api/feeds/events.json`);
    const ar = await SELF.fetch(`${BASE}/api/feeds/events.json?locale=ar`, { headers: { "if-none-match": de.headers.get("etag")! } });
    expect(ar.status).toBe(200);
    expect(((await ar.json()) as { locale: string }).locale).toBe("ar");
    await de.arrayBuffer();
  });
});
