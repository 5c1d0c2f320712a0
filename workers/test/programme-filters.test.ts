/**
 * The filters of the public list (GET /api/events) against the demo programme: each filter
 * alone and in combination finds exactly the events whose details (GET /api/events/{slug})
 * say they match; "places still free" follows sign-ups; malformed values are a 422 naming the
 * parameter, unknown ones find nothing; never a 5xx.
 */
import { SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { loadDemoProgramme, participant, register } from "./fixtures";

const BASE = "https://zusammen.test";
type Detail = {
  slug: string;
  title: string;
  format: string;
  audience: string[];
  languages: string[];
  status: string;
  sessions: { startsAt: string; endsAt: string; cancelled: boolean }[];
  registration: { mode: string; open: boolean; placesLeft: number | null };
};

let programme: Detail[] = [];

async function list(query: string): Promise<string[]> {
  const response = await SELF.fetch(`${BASE}/api/events${query}`);
  expect(response.status, query).toBe(200);
  return ((await response.json()) as { events: { slug: string }[] }).events.map((e) => e.slug).sort();
}

async function details(): Promise<Detail[]> {
  const { events } = (await (await SELF.fetch(`${BASE}/api/events`)).json()) as { events: { slug: string }[] };
  return Promise.all(events.map(async (e) => ((await (await SELF.fetch(`${BASE}/api/events/${e.slug}`)).json()) as { event: Detail }).event));
}

/** The slugs of the events whose details satisfy `test`: what the filter must find. */
const expected = (test: (event: Detail) => boolean) => programme.filter(test).map((e) => e.slug).sort();
const canStillJoin = (e: Detail) => e.status !== "cancelled" && (e.registration.mode === "none" || (e.registration.open && (e.registration.placesLeft ?? 0) > 0));
const berlinDay = (iso: string) => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(new Date(iso));

beforeAll(async () => {
  await loadDemoProgramme();
  programme = await details();
});

describe("each filter against the demo programme", () => {
  it("the demo programme is there to filter", () => {
    expect(programme.length).toBeGreaterThan(8);
  });

  it.each(["teachers", "parents", "professionals", "public"])("audience=%s", async (audience) => {
    const want = expected((e) => e.audience.includes(audience));
    expect(want.length).toBeGreaterThan(0);
    expect(want.length).toBeLessThan(programme.length);
    expect(await list(`?audience=${audience}`)).toEqual(want);
  });

  it.each(["series", "workshop", "exhibition", "online"])("format=%s", async (format) => {
    const want = expected((e) => e.format === format);
    expect(want.length).toBeGreaterThan(0);
    expect(await list(`?format=${format}`)).toEqual(want);
  });

  it.each(["ar", "tr", "en"])("language=%s (spoken at the event)", async (language) => {
    const want = expected((e) => e.languages.includes(language));
    expect(want.length).toBeGreaterThan(0);
    expect(want.length).toBeLessThan(programme.length);
    expect(await list(`?language=${language}`)).toEqual(want);
  });

  it("a date range finds the events with a date on those days (Berlin)", async () => {
    const first = programme.flatMap((e) => e.sessions.map((s) => berlinDay(s.startsAt))).sort()[0]!;
    const month = first.slice(0, 7);
    const from = `${month}-01`;
    const to = `${month}-28`;
    const want = expected((e) => e.sessions.some((s) => !s.cancelled && berlinDay(s.endsAt) >= from && berlinDay(s.startsAt) <= to));
    expect(want.length).toBeGreaterThan(0);
    expect(await list(`?from=${from}&to=${to}`)).toEqual(want);
    expect(await list(`?from=${first}&to=${first}`)).toEqual(expected((e) => e.sessions.some((s) => berlinDay(s.startsAt) === first)));
    const last = programme.flatMap((e) => e.sessions.map((s) => berlinDay(s.endsAt))).sort().at(-1)!;
    expect(await list(`?from=${last}`)).toEqual(expected((e) => e.sessions.some((s) => berlinDay(s.endsAt) >= last)));
  });

  it("a search over the titles ignores case and accents, every word counts", async () => {
    const fachtag = programme.find((e) => e.slug === "fachtag-gesundheit-fuer-alle")!;
    expect(fachtag.title).toMatch(/Gesundheit für alle/);
    expect(await list(`?q=${encodeURIComponent("GESUNDHEIT fur")}`)).toEqual(["fachtag-gesundheit-fuer-alle"]);
    expect(await list(`?q=${encodeURIComponent("gesundheit dolmetschen")}`)).toEqual([]);
    // English titles count too.
    expect(await list(`?q=exhibition`)).toEqual(["ausstellung-100-boote"]);
  });

  it("filters combine: parents, Arabic spoken, a series", async () => {
    const want = expected((e) => e.audience.includes("parents") && e.languages.includes("ar") && e.format === "series");
    expect(want).toHaveLength(1);
    expect(await list("?audience=parents&language=ar&format=series")).toEqual(want);
    expect(await list("?audience=teachers&format=series")).toEqual([]);
    const griffbereit = expected((e) => e.audience.includes("parents") && e.title.toLowerCase().includes("griffbereit") && canStillJoin(e));
    expect(griffbereit.length).toBeGreaterThan(0);
    expect(await list("?audience=parents&free=1&q=griffbereit")).toEqual(griffbereit);
  });

  it("the list offers as choices exactly what the programme has", async () => {
    const { facets } = (await (await SELF.fetch(`${BASE}/api/events?audience=teachers`)).json()) as { facets: { audiences: string[]; formats: string[]; languages: string[] } };
    expect(facets.audiences).toEqual([...new Set(programme.flatMap((e) => e.audience))].sort());
    expect([...facets.formats].sort()).toEqual([...new Set(programme.map((e) => e.format))].sort());
    expect(facets.languages).toEqual([...new Set(programme.flatMap((e) => e.languages))].sort());
  });
});

describe("places still free", () => {
  it("lists events one can still join (places free, or free entry) and drops one that fills up", async () => {
    const want = expected(canStillJoin);
    expect(want).toContain("ausstellung-100-boote");
    expect(await list("?free=1")).toEqual(want);

    const workshop = programme.find((e) => e.slug === "asylrecht-workshop")!;
    const places = workshop.registration.placesLeft!;
    expect(places).toBeGreaterThan(0);
    for (let i = 0; i < places; i++) expect((await register(workshop.slug, participant(1000 + i))).status).toBe(201);
    expect(await list("?free=1")).not.toContain("asylrecht-workshop");
    expect(await list("?free=0")).toContain("asylrecht-workshop");
    expect(await list("")).toContain("asylrecht-workshop");
  });
});

describe("bad and unknown filter values", () => {
  it("an unknown but well-formed value finds nothing", async () => {
    expect(await list("?audience=astronauts")).toEqual([]);
    expect(await list("?language=xx")).toEqual([]);
    expect(await list("?organisation=no-such-office")).toEqual([]);
  });

  it.each([
    ["?format=concert", "format"],
    ["?audience=%3Cscript%3E", "audience"],
    ["?language=arabic", "language"],
    ["?from=2027-02-30", "from"],
    ["?to=tomorrow", "to"],
    ["?from=2027-05-02&to=2027-05-01", "to"],
    ["?free=yes", "free"],
    [`?q=${"a".repeat(101)}`, "q"],
  ])("%s is a 422 naming %s, in the request's language", async (query, field) => {
    const response = await SELF.fetch(`${BASE}/api/events${query}&locale=en`);
    expect(response.status).toBe(422);
    const { error } = (await response.json()) as { error: { code: string; fields: Record<string, string> } };
    expect(error.code).toBe("validation_failed");
    expect(Object.keys(error.fields)).toEqual([field]);
    expect(error.fields[field]).toMatch(/^[A-Z]/);
  });

  it("parameters it does not know are ignored", async () => {
    expect(await list("?colour=blue&page=2")).toEqual(programme.map((e) => e.slug).sort());
  });
});
