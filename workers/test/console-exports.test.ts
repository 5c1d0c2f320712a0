/**
 * Exports: a CSV file that Excel opens correctly and that runs no formula whichever delimiter
 * splits it, checked by reading it back with a real CSV parser (Papa Parse) with BOTH
 * delimiters; every field a participant submitted comes back (answers, needs, children, a
 * stand application, workshops, attendance per date), headers in the console's language;
 * and the printable list.
 */
import { env } from "cloudflare:test";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { csvField, neutraliseFormula, toCsv } from "../src/lib/csv";
import { statusLabel } from "../src/i18n/vocabulary";
import { consoleFetch, createEvent, createStaff, eventInput, participant, register, rows } from "./fixtures";

const FORMULA = /^\s*[=+\-@\t\r]/;
const DANGEROUS = ["=cmd|' /C calc'!A0", "+1+1", "@SUM(1)", "-2", "\tTab voran", "\rCR voran", " =1+1", "  @x"];
const HIDDEN = ["a;=HYPERLINK(\"http://x\")", "b,=1+1", "c; -2", "Müller,@SUM(1)"];
const TRICKY = ["Jürgen Müller-Lüdenscheidt", "فاطمة الزهراء", "Smith, John", 'Der "Chef"', "Zeile eins\nZeile zwei", "Олександра Коваленко; Київ", "Çağrı Öztürk", "a\r\nb", "trailing "];

function parse(text: string, delimiter: string, { strict = true } = {}): string[][] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const result = Papa.parse<string[]>(body, { delimiter, newline: "\r\n", skipEmptyLines: false });
  // Read with the wrong delimiter, a quoted field runs on into the next one (as in Excel): that is not an error of the file.
  if (strict) expect(result.errors).toEqual([]);
  // The document ends with CRLF: Papa Parse reports the empty line after it.
  const data = result.data;
  if (data.length > 0 && data.at(-1)!.length === 1 && data.at(-1)![0] === "") data.pop();
  return data;
}

/** No cell, however the file is split, starts a formula. */
function expectNoFormula(records: string[][]): void {
  for (const record of records) for (const cell of record) expect(cell, JSON.stringify(cell)).not.toMatch(FORMULA);
}

describe("CSV writing (RFC 4180, formula injection, both delimiters)", () => {
  it("neutralises every cell a spreadsheet would run, also after either delimiter inside it, and nothing else", () => {
    for (const value of DANGEROUS) expect(neutraliseFormula(value)).toMatch(/^\s*'/);
    expect(neutraliseFormula(" =1+1")).toBe(" '=1+1");
    expect(neutraliseFormula("a;=HYPERLINK(x)")).toBe("a;'=HYPERLINK(x)");
    expect(neutraliseFormula("b, -2")).toBe("b, '-2");
    for (const value of [...TRICKY, "", "1", "Anna", "a=b", "x+1", "Müller-Lüdenscheidt", "2-3"]) expect(neutraliseFormula(value)).toBe(value);
  });

  it("quotes a field holding either delimiter, a quote, a line break or white space at its ends, whatever the file's delimiter", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a;b")).toBe('"a;b"');
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField(" lead")).toBe('" lead"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField(";=HYPERLINK(1)")).toBe(`";'=HYPERLINK(1)"`);
  });

  it("round-trips through Papa Parse with its own delimiter, and a file read with the other delimiter starts no formula", () => {
    const values = [...TRICKY, ...DANGEROUS, ...HIDDEN];
    const records = [["Name", "Notiz"], ...values.map((value, i) => [value, String(i)])];
    for (const delimiter of [";", ","] as const) {
      const text = toCsv(records, delimiter);
      expect(text.endsWith("\r\n")).toBe(true);
      const back = parse(text, delimiter);
      expect(back.length).toBe(records.length);
      expect(back.map((r) => r.length)).toEqual(records.map(() => 2));
      expect(back.map((r) => r[0])).toEqual(records.map((r) => neutraliseFormula(r[0]!)));
      expectNoFormula(back);
      // German Excel opens a ","-file with ";" (and the other way round): the quotes keep every cell whole.
      const other = parse(text, delimiter === ";" ? "," : ";", { strict: false });
      expectNoFormula(other);
    }
  });
});

type Staff = Awaited<ReturnType<typeof createStaff>>;
const json = async (response: Response) => ({ status: response.status, body: (await response.json()) as any });

async function createAndPublish(staff: Staff, overrides: Record<string, unknown>): Promise<{ id: number; slug: string; sessions: { id: number }[]; pools: any[] }> {
  const created = await json(await consoleFetch(staff, "POST", "/api/console/events", eventInput(overrides)));
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const published = await json(await consoleFetch(staff, "POST", `/api/console/events/${created.body.event.id}/publish`));
  expect(published.status).toBe(200);
  return published.body.event;
}

async function csv(staff: Staff, eventId: number, query = ""): Promise<{ text: string; records: string[][]; filename: string }> {
  const response = await consoleFetch(staff, "GET", `/api/console/events/${eventId}/export.csv${query}`);
  expect(response.status).toBe(200);
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder().decode(bytes);
  const delimiter = new URLSearchParams(query).get("delimiter") ?? ";";
  return { text, records: parse(text, delimiter), filename: /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")![1]! };
}

/** The rows of a CSV as objects keyed by header. */
const asObjects = ([header, ...records]: string[][]) => records.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])));

describe("GET /api/console/events/{id}/export.csv", () => {
  it("a fair: visitors and a stand application with every field, children, needs, answers and attendance per date", async () => {
    const staff = await createStaff({ role: "organiser", organisationId: 1 });
    const start = Date.now() + 40 * 60_000;
    const event = await createAndPublish(staff, {
      format: "fair",
      texts: { de: { title: "Markt der Möglichkeiten" } },
      countChildren: true,
      maxPlacesPerRegistration: 4,
      questions: [
        { id: "role", type: "single_choice", required: false, label: { de: "Funktion; Rolle", en: "Role" }, options: [{ id: "t", label: { de: "Lehrkraft", en: "Teacher" } }] },
        { id: "note", type: "long_text", required: false, label: { de: "Anmerkung", en: "Note" } },
        { id: "photo", type: "checkbox", required: false, label: { de: "Fotos erlaubt", en: "Photos allowed" } },
      ],
      sessions: [{ startsAt: new Date(start).toISOString(), endsAt: new Date(start + 3 * 3_600_000).toISOString() }],
      pools: [
        { kind: "event", key: "main", capacity: 50 },
        { kind: "registration_type", key: "stands", name: { de: "Stände", en: "Stands" }, capacity: 10 },
      ],
    });
    const visitor = await register(
      event.slug,
      participant(1, {
        name: "=HYPERLINK(\"http://evil\";\"Klick\")",
        email: `visitor-${event.id}@example.org`,
        places: 3,
        children: 2,
        answers: { role: "t", note: "Zeile eins\nZeile zwei, mit \"Zitat\"; und =1+1", photo: true },
        needs: { interpreter: "ar", childcare: { children: 2, ages: "3, 5" }, accessibility: "Rollstuhl; stufenlos" },
      }),
    );
    expect(visitor.status).toBe(201);
    const stand = await register(
      event.slug,
      participant(2, {
        name: "Ayşe Demir",
        email: `stand-${event.id}@example.org`,
        registrationType: "stands",
        exhibitor: { organisation: "Verein Brücke, e. V.", description: "Beratung; Sprachcafé\n=SUM(1)", contact: "+49 211 123", needs: ["table", "power"] },
      }),
    );
    expect(stand.status, await stand.clone().text()).toBe(201);
    const [visitorRow] = await rows(`SELECT id FROM registrations WHERE email = ?1`, `visitor-${event.id}@example.org`);
    const checkedIn = await json(await consoleFetch(staff, "POST", `/api/console/events/${event.id}/checkin/scan`, { registrationId: visitorRow!.id, sessionId: event.sessions[0]!.id, places: 3 }));
    expect(checkedIn.body.outcome).toBe("checked_in");

    for (const delimiter of [";", ","]) {
      const { records, filename } = await csv(staff, event.id, `?delimiter=${encodeURIComponent(delimiter)}`);
      expect(filename).toBe(`${event.slug}-anmeldungen.csv`);
      expectNoFormula(records);
      const header = records[0]!;
      expect(header).toEqual([
        "Status", "Position", "Name", "E-Mail", "Sprache", "Plätze", "davon Kinder", "Angemeldet am", "Kontingent",
        "Funktion; Rolle", "Anmerkung", "Fotos erlaubt",
        "Dolmetschen", "Kinderbetreuung (Kinder)", "Alter der Kinder", "Barrierefreiheit",
        "Stand: Organisation", "Stand: Beschreibung", "Stand: Kontakt", "Stand: Tisch", "Stand: Strom", "Stand: Stellwand",
        expect.stringMatching(/^Anwesend \d\d\.\d\d\.\d{4}$/),
      ]);
      const [v, s] = [asObjects(records).find((r) => r["E-Mail"] === `visitor-${event.id}@example.org`)!, asObjects(records).find((r) => r["E-Mail"] === `stand-${event.id}@example.org`)!];
      expect(v).toMatchObject({
        Status: "Bestätigt",
        Name: `'=HYPERLINK("http://evil";"Klick")`,
        Sprache: "Deutsch",
        Plätze: "3",
        "davon Kinder": "2",
        Kontingent: "Veranstaltung",
        "Funktion; Rolle": "Lehrkraft",
        // "; und =1+1": split at ";", the cell starts with " und", no formula.
        Anmerkung: "Zeile eins\nZeile zwei, mit \"Zitat\"; und =1+1",
        "Fotos erlaubt": "ja",
        Dolmetschen: "ar",
        "Kinderbetreuung (Kinder)": "2",
        "Alter der Kinder": "3, 5",
        Barrierefreiheit: "Rollstuhl; stufenlos",
        "Stand: Organisation": "",
      });
      expect(v["Angemeldet am"]).toMatch(/^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}$/);
      expect(v[header.at(-1)!]).toBe("3");
      expect(s).toMatchObject({
        Status: statusLabel("pending_approval", "de", { capitalised: true }),
        Kontingent: "Stände",
        "Stand: Organisation": "Verein Brücke, e. V.",
        "Stand: Beschreibung": "Beratung; Sprachcafé\n'=SUM(1)",
        "Stand: Kontakt": "'+49 211 123",
        "Stand: Tisch": "ja",
        "Stand: Strom": "ja",
        "Stand: Stellwand": "nein",
      });
      expect(s[header.at(-1)!]).toBe("");
    }

    // In English: headers and values in the console's language.
    const english = await csv(staff, event.id, "?locale=en");
    expect(english.filename).toBe(`${event.slug}-registrations.csv`);
    const en = asObjects(english.records).find((r) => r.Email === `visitor-${event.id}@example.org`)!;
    expect(en).toMatchObject({ Status: "Confirmed", Language: "German", "of them children": "2", Role: "Teacher", "Photos allowed": "yes", "Places group": "Event" });
    expect(english.records[0]!.at(-1)).toMatch(/^Attended \d\d\/\d\d\/\d{4}$/);
  });

  it("a conference: the workshop chosen per slot, with its status where it is not confirmed", async () => {
    const staff = await createStaff({ role: "organiser", organisationId: 1 });
    const event = await createAndPublish(staff, {
      format: "conference",
      texts: { de: { title: "Fachtag Gesundheit" } },
      pools: [
        { kind: "event", key: "main", capacity: 20 },
        { kind: "workshop", key: "a1", slot: "A", name: { de: "Gesund essen" }, capacity: 1 },
        { kind: "workshop", key: "a2", slot: "A", name: { de: "Bewegung" }, capacity: 5 },
        { kind: "workshop", key: "b1", slot: "B", name: { de: "Schlaf" }, capacity: 5 },
      ],
    });
    for (const n of [1, 2]) {
      const response = await register(
        event.slug,
        participant(n, { email: `conf${n}-${event.id}@example.org`, workshops: [{ slot: "A", first: "a1", second: "a2" }, { slot: "B", first: "b1" }] }),
      );
      expect(response.status, await response.clone().text()).toBe(201);
    }
    const { records } = await csv(staff, event.id);
    const header = records[0]!;
    expect(header).toContain("Workshop A");
    expect(header).toContain("Workshop B");
    expect(header).not.toContain("Kontingent");
    const byEmail = Object.fromEntries(asObjects(records).map((r) => [r["E-Mail"], r]));
    expect(byEmail[`conf1-${event.id}@example.org`]).toMatchObject({ "Workshop A": "Gesund essen", "Workshop B": "Schlaf" });
    // The second person waits for "Gesund essen" and holds "Bewegung" meanwhile.
    expect(byEmail[`conf2-${event.id}@example.org`]!["Workshop A"]).toMatch(/^Gesund essen \(Warteliste 1\), Bewegung$/);
  });

  it("a status filter; bad input and access", async () => {
    const { slug, eventId } = await createEvent({ capacity: 1 });
    await register(slug, participant(1, { email: `f1-${eventId}@example.org` }));
    await register(slug, participant(2, { email: `f2-${eventId}@example.org` }));
    const staff = await createStaff({ role: "organiser", organisationId: 1 });
    const confirmed = await csv(staff, eventId, "?status=confirmed");
    expect(confirmed.records.slice(1).map((r) => r[0])).toEqual(["Bestätigt"]);
    const bad = await consoleFetch(staff, "GET", `/api/console/events/${eventId}/export.csv?delimiter=tab&status=everyone&locale=fr`);
    expect(bad.status).toBe(422);
    expect(Object.keys(((await bad.json()) as any).error.fields).sort()).toEqual(["delimiter", "locale", "status.0"]);
    const other = await createStaff({ role: "organiser", organisationId: 2 });
    expect((await consoleFetch(other, "GET", `/api/console/events/${eventId}/export.csv`)).status).toBe(404);
    const helper = await createStaff({ role: "checkin_helper", organisationId: 1, assignedEventIds: [eventId] });
    expect((await consoleFetch(helper, "GET", `/api/console/events/${eventId}/export.csv`)).status).toBe(403);
  });
});

describe("GET /api/console/events/{id}/print", () => {
  it("a plain HTML list without scripts, styled from the same origin, names escaped, with children and needs", async () => {
    const { slug, eventId } = await createEvent({ capacity: 3, maxPlaces: 3 });
    await env.DB.prepare(`UPDATE events SET count_children = 1 WHERE id = ?1`).bind(eventId).run();
    await register(slug, participant(1, { name: "<script>alert(1)</script> Ünal", email: `print1-${eventId}@example.org`, places: 3, children: 2, needs: { interpreter: "tr" } }));
    await register(slug, participant(2, { name: "Wartende Person", email: `print2-${eventId}@example.org` }));
    const [event] = await rows(`SELECT texts FROM events WHERE id = ?1`, eventId);
    const title = JSON.parse(event!.texts as string).de.title as string;
    const staff = await createStaff({ role: "organiser", organisationId: 1 });
    const response = await consoleFetch(staff, "GET", `/api/console/events/${eventId}/print`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(response.headers.get("content-security-policy")).toContain("style-src 'self'");
    const html = await response.text();
    expect(html).toContain(`<h1>${title}</h1>`);
    expect(html).toContain('<link rel="stylesheet" href="/print.css">');
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; Ünal");
    expect(html).toContain("3 (davon Kinder: 2)");
    expect(html).toContain("Dolmetschen: tr");
    expect(html).not.toMatch(/<script|style=|<style/i);
    expect(html).not.toContain("Wartende Person"); // default: confirmed only
    expect(html).toContain("Unterschrift");
    const all = await (await consoleFetch(staff, "GET", `/api/console/events/${eventId}/print?status=confirmed,waitlisted&locale=en`)).text();
    expect(all).toContain("Wartende Person");
    expect(all).toContain("Signature");
    expect((await consoleFetch(staff, "GET", `/api/console/events/${eventId}/print?status=nope`)).status).toBe(422);
  });
});
