/**
 * Exports: a CSV file that Excel opens correctly and that runs no formula, checked by
 * reading it back with a real CSV parser (Papa Parse); and the printable list.
 */
import { env } from "cloudflare:test";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { csvField, neutraliseFormula, toCsv } from "../src/lib/csv";
import { consoleFetch, createEvent, createStaff, participant, register, rows } from "./fixtures";

const DANGEROUS = ["=cmd|' /C calc'!A0", "+1+1", "@SUM(1)", "-2", "\tTab voran", "\rCR voran"];
const TRICKY = [
  "Jürgen Müller-Lüdenscheidt",
  "فاطمة الزهراء",
  "Smith, John",
  'Der "Chef"',
  "Zeile eins\nZeile zwei",
  "Олександра Коваленко; Київ",
  "Çağrı Öztürk",
  "a\r\nb",
];

function parse(text: string, delimiter: string): string[][] {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const result = Papa.parse<string[]>(text.slice(1), { delimiter, newline: "\r\n", skipEmptyLines: false });
  expect(result.errors).toEqual([]);
  // The document ends with CRLF: Papa Parse reports the empty line after it.
  const data = result.data;
  if (data.length > 0 && data.at(-1)!.length === 1 && data.at(-1)![0] === "") data.pop();
  return data;
}

describe("CSV writing (RFC 4180, formula injection)", () => {
  it("neutralises every cell that a spreadsheet would run, and nothing else", () => {
    for (const value of DANGEROUS) expect(neutraliseFormula(value)).toBe(`'${value}`);
    for (const value of [...TRICKY, "", "1", "Anna", "a=b", "x+1", " =1+1"]) expect(neutraliseFormula(value)).toBe(value);
  });

  it("quotes exactly the fields that need it, doubling quotes", () => {
    expect(csvField("plain", ";")).toBe("plain");
    expect(csvField("a;b", ";")).toBe('"a;b"');
    expect(csvField("a;b", ",")).toBe("a;b");
    expect(csvField("a,b", ",")).toBe('"a,b"');
    expect(csvField('say "hi"', ";")).toBe('"say ""hi"""');
    expect(csvField("two\nlines", ";")).toBe('"two\nlines"');
    expect(csvField('=HYPERLINK("x")', ";")).toBe(`"'=HYPERLINK(""x"")"`);
  });

  it("round-trips through Papa Parse with either delimiter", () => {
    const records = [["Name", "Notiz"], ...TRICKY.map((value, i) => [value, String(i)]), ...DANGEROUS.map((value) => [value, "x"])];
    for (const delimiter of [";", ","] as const) {
      const text = toCsv(records, delimiter);
      expect(text.endsWith("\r\n")).toBe(true);
      const back = parse(text, delimiter);
      expect(back.slice(0, TRICKY.length + 1)).toEqual(records.slice(0, TRICKY.length + 1));
      expect(back.slice(TRICKY.length + 1).map((r) => r[0])).toEqual(DANGEROUS.map((value) => `'${value}`));
    }
  });
});

describe("GET /api/console/events/{id}/export.csv", () => {
  async function eventWithTrickyNames() {
    const { slug, eventId } = await createEvent({
      capacity: 3,
      maxPlaces: 3,
      questions: [
        { id: "role", type: "single_choice", required: false, label: { de: "Funktion; Rolle", en: "Role" }, options: [{ id: "t", label: { de: "Lehrkraft" } }] },
        { id: "note", type: "long_text", required: false, label: { de: "Anmerkung" } },
        { id: "photo", type: "checkbox", required: false, label: { de: "Fotos erlaubt" } },
      ],
    });
    const names = [...TRICKY.filter((n) => !/[\r\n]/.test(n)), ...DANGEROUS.filter((n) => !/^[\t\r]/.test(n))];
    // Names are single-line (the form refuses line breaks), answers to long questions are not.
    for (const [i, name] of names.entries()) {
      const response = await register(
        slug,
        participant(i + 1, {
          name,
          email: `csv${i}-${eventId}@example.org`,
          places: i === 0 ? 2 : 1,
          answers: { role: "t", note: i === 1 ? "Zeile eins\nZeile zwei, mit \"Zitat\"" : i === 2 ? "=1+2" : "", photo: i % 2 === 0 },
          needs: i === 0 ? { interpreter: "ar", childcare: { children: 2, ages: "3, 5" } } : undefined,
          locale: i === 1 ? "ar" : "de",
        }),
      );
      expect(response.status).toBe(201);
    }
    return { slug, eventId, names };
  }

  it("opens in Excel: BOM, ';', CRLF, German headers, neutralised names, every other value intact", async () => {
    const { slug, eventId, names } = await eventWithTrickyNames();
    const staff = await createStaff({ role: "organiser", organisationId: 1 });
    const response = await consoleFetch(staff, "GET", `/api/console/events/${eventId}/export.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${slug}-anmeldungen.csv"`);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const decoded = new TextDecoder().decode(bytes); // decoders drop the BOM (checked on the bytes above)
    const text = decoded.startsWith("\uFEFF") ? decoded : `\uFEFF${decoded}`;
    expect(text.split("\r\n")[0]).toBe('\uFEFFStatus;Position;Name;E-Mail;Sprache;Plätze;Angemeldet am;"Funktion; Rolle";Anmerkung;Fotos erlaubt;Bedarf');

    const [header, ...records] = parse(text, ";");
    expect(header).toHaveLength(11);
    const byName = new Map(records.map((r) => [r[2]!, r]));
    for (const name of names) {
      const expected = /^[=+\-@]/.test(name) ? `'${name}` : name;
      expect(byName.has(expected), `name ${JSON.stringify(name)}`).toBe(true);
    }
    const first = byName.get(names[0]!)!;
    expect(first.slice(0, 6)).toEqual(["Bestätigt", "", names[0], `csv0-${eventId}@example.org`, "Deutsch", "2"]);
    expect(first[6]).toMatch(/^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}$/);
    expect(first.slice(7)).toEqual(["Lehrkraft", "", "ja", "Dolmetschen: ar; Kinderbetreuung: 2 (Alter: 3, 5)"]);
    const second = byName.get(names[1]!)!;
    expect(second[4]).toBe("Arabisch");
    expect(second[8]).toBe('Zeile eins\nZeile zwei, mit "Zitat"');
    expect(second[9]).toBe("nein");
    expect(byName.get(names[2]!)![8]).toBe("'=1+2");
    // Capacity 3: the household of 2 and one more are confirmed, the rest wait in order.
    const waiting = records.filter((r) => r[0] === "Warteliste").map((r) => Number(r[1]));
    expect(waiting).toEqual(waiting.map((_, i) => i + 1));
    // No cell of the file starts a formula.
    for (const record of records) for (const cell of record) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it("',' as delimiter and a status filter", async () => {
    const { eventId } = await eventWithTrickyNames();
    // Control characters never pass the form; one written some other way is still neutralised.
    await env.DB.prepare(`UPDATE registrations SET name = ?2 WHERE event_id = ?1 AND status = 'confirmed' AND places = 1`).bind(eventId, "\t=1+1").run();
    const staff = await createStaff({ role: "organiser", organisationId: 1 });
    const response = await consoleFetch(staff, "GET", `/api/console/events/${eventId}/export.csv?delimiter=${encodeURIComponent(",")}&status=confirmed`);
    const text = await response.text();
    const [header, ...records] = parse(text.startsWith("\uFEFF") ? text : `\uFEFF${text}`, ",");
    expect(header![7]).toBe("Funktion; Rolle");
    expect(records.map((r) => r[0])).toEqual(["Bestätigt", "Bestätigt"]);
    expect(records.map((r) => r[2])).toContain("'\t=1+1");
  });

  it("bad input and access", async () => {
    const { eventId } = await createEvent();
    const staff = await createStaff({ role: "organiser", organisationId: 1 });
    const bad = await consoleFetch(staff, "GET", `/api/console/events/${eventId}/export.csv?delimiter=tab&status=everyone`);
    expect(bad.status).toBe(422);
    expect(Object.keys(((await bad.json()) as any).error.fields).sort()).toEqual(["delimiter", "status.0"]);
    const other = await createStaff({ role: "organiser", organisationId: 2 });
    expect((await consoleFetch(other, "GET", `/api/console/events/${eventId}/export.csv`)).status).toBe(404);
    const helper = await createStaff({ role: "checkin_helper", organisationId: 1, assignedEventIds: [eventId] });
    expect((await consoleFetch(helper, "GET", `/api/console/events/${eventId}/export.csv`)).status).toBe(403);
  });
});

describe("GET /api/console/events/{id}/print", () => {
  it("a plain HTML list without scripts, styled from the same origin, names escaped", async () => {
    const { slug, eventId } = await createEvent({ capacity: 1 });
    await register(slug, participant(1, { name: "<script>alert(1)</script> Ünal", email: `print1-${eventId}@example.org` }));
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
    expect(html).not.toMatch(/<script|style=|<style/i);
    expect(html).not.toContain("Wartende Person"); // default: confirmed only
    expect(html).toContain("Unterschrift");
    const all = await (await consoleFetch(staff, "GET", `/api/console/events/${eventId}/print?status=confirmed,waitlisted`)).text();
    expect(all).toContain("Wartende Person");
    expect((await consoleFetch(staff, "GET", `/api/console/events/${eventId}/print?status=nope`)).status).toBe(422);
  });
});
