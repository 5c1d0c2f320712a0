/**
 * The console's statistics page in a real browser against the local server with the demo seed.
 * The organiser opens it from the console's start page, sees this year's figures as the API
 * computes them (the figures themselves are worked out by hand in workers/test/statistics.test.ts),
 * the charts as images with a title, a description and a table, and downloads the spreadsheet
 * and the CSV: the XLSX is read back with a spreadsheet reader (sheet names, numbers as numbers,
 * dates as dates), the CSV with a CSV parser, the year's review PDF with pdftotext. A period ending before it starts is named at its
 * field and the report on screen stays. At 390 px, without sideways scrolling, no axe violation.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import Papa from "papaparse";
import readXlsxFile from "read-excel-file/node";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StatisticsReport } from "../../workers/src/console-types";
import { axe, horizontalOverflow, registerViaApi, signInToConsole, startE2E, tableRows, type E2E } from "./e2e";

let e2e: E2E;
let baseUrl = "";

beforeAll(async () => {
  e2e = await startE2E("statistics");
  baseUrl = e2e.baseUrl;
  // Someone on a list, so that the report has a participant and a date has a signature list.
  await registerViaApi(baseUrl, "asylrecht-workshop", { name: "Amal Haddad", email: `statistics-${Date.now()}@example.org`, locale: "ar" });
});

afterAll(async () => {
  await e2e?.stop();
});

async function apiReport(page: Page, query: string): Promise<StatisticsReport> {
  return page.evaluate(async (query) => ((await (await fetch(`/api/console/statistics${query}`)).json()) as { statistics: StatisticsReport }).statistics, query);
}

/** The PDF's text as pdftotext (Debian's poppler-utils) reads it. */
function pdfText(bytes: Buffer): string {
  const dir = mkdtempSync(`${tmpdir()}/review-`);
  try {
    writeFileSync(`${dir}/review.pdf`, bytes);
    return execFileSync("pdftotext", ["-enc", "UTF-8", `${dir}/review.pdf`, "-"], { encoding: "utf8" });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A download's bytes and the file name the browser suggests. */
async function downloaded(page: Page, button: string): Promise<{ body: Buffer; name: string }> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: button }).click()]);
  return { body: readFileSync((await download.path())!), name: download.suggestedFilename() };
}

describe("console statistics page", () => {
  it("shows the year's figures with charts and tables, and exports them as XLSX and CSV", async () => {
    const context = await e2e.browser.newContext({ locale: "de-DE", viewport: { width: 390, height: 900 }, timezoneId: "Europe/Berlin", acceptDownloads: true });
    try {
      const page = await context.newPage();
      await signInToConsole(page, baseUrl, "organisation@example.org");
      await page.getByRole("link", { name: "Statistik" }).click();
      await page.waitForURL(/\/console\/statistics/);
      await page.getByRole("heading", { level: 1, name: "Statistik" }).waitFor();
      // The demo's events lie in the coming year: a range of days from today.
      const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
      const [from, to] = [day(0), day(400)];
      await page.getByLabel("Zeitraum", { exact: true }).selectOption("range");
      await page.getByRole("textbox", { name: /^Von/ }).fill(from);
      await page.getByRole("textbox", { name: /^Bis/ }).fill(to);
      await page.getByRole("button", { name: "Anzeigen" }).click();
      await page.waitForURL(/from=/);
      const report = await apiReport(page, `?from=${from}&to=${to}`);
      expect(report.events.length).toBeGreaterThan(0);

      // The key figures and the events are the API's.
      const card = (label: string) => page.locator(".stats-card", { has: page.locator(".stats-card-label", { hasText: new RegExp(`^${label}$`) }) }).locator(".stats-card-value");
      await card("Anmeldungen").waitFor();
      expect(await card("Anmeldungen").innerText()).toBe(report.totals.registrations.toLocaleString("de-DE"));
      expect(await card("Veranstaltungen").innerText()).toBe(report.totals.events.toLocaleString("de-DE"));
      const events = page.getByRole("table", { name: "Veranstaltungen" });
      expect((await tableRows(events)).map((row) => row[0]!.split("\n")[0])).toEqual(report.events.map((e) => e.title));

      // Each chart is an image named by its title and described by its numbers, with the same numbers as a table.
      const formats = page.getByRole("img", { name: /^Veranstaltungen nach Format/ });
      await formats.waitFor();
      const described = await formats.evaluate((svg) => svg.querySelector("desc")?.textContent ?? "");
      for (const f of report.byFormat) expect(described).toContain(`: ${f.events}`);
      const figure = page.locator("figure", { has: formats });
      await figure.getByText(/: als Tabelle$/).click();
      const formatRows = await tableRows(figure.getByRole("table"));
      expect(formatRows.map((row) => Number(row[1]))).toEqual(report.byFormat.map((f) => f.events));
      // Every chart is titled and described (a chart without numbers says so instead).
      const charts = await page.locator("figure.stats-chart").evaluateAll((figures) =>
        figures.map((f) => { const svg = f.querySelector("svg[role=img]"); return svg ? Boolean(svg.querySelector("title")?.textContent && svg.querySelector("desc")?.textContent) : Boolean(f.querySelector("p")?.textContent); }),
      );
      expect(charts).toEqual([true, true, true, true, true]);

      expect(await horizontalOverflow(page)).toBe(0);
      expect(await axe(page)).toEqual([]);

      // XLSX: a sheet per view; numbers are numbers and dates are dates.
      const spreadsheet = await downloaded(page, "Tabelle (Excel, alle Blätter)");
      expect(spreadsheet.name).toBe(`statistik-${from}-${to}.xlsx`);
      const sheets = await readXlsxFile(spreadsheet.body);
      expect(sheets.map((sheet) => sheet.sheet)).toEqual(["Übersicht", "Veranstaltungen", "Termine", "Monate", "Formate", "Sprachen", "Bedarfe"]);
      const overview = new Map(sheets[0]!.data.map((row) => [row[0], row[1]]));
      expect(overview.get("Anmeldungen")).toBe(report.totals.registrations);
      expect(overview.get("Verschiedene Teilnehmende")).toBe(report.totals.participants.distinct);
      const [header, ...eventRows] = sheets[1]!.data;
      expect(header!.slice(0, 3)).toEqual(["Veranstaltung", "Format", "Erster Termin"]);
      expect(eventRows.map((row) => row[0])).toEqual(report.events.map((e) => e.title));
      expect(eventRows.map((row) => row[4])).toEqual(report.events.map((e) => e.registrations));
      for (const row of eventRows) expect(row[2]).toBeInstanceOf(Date);
      const dateRows = sheets[2]!.data.slice(1);
      expect(dateRows).toHaveLength(report.events.reduce((n, e) => n + e.dates.length, 0));
      for (const row of dateRows) expect(typeof row[3]).toBe("number");

      // CSV: the events sheet, one record per event, with a byte order mark for Excel.
      const eventsCsv = await downloaded(page, "Veranstaltungen als CSV");
      expect(eventsCsv.name).toBe(`statistik-${from}-${to}-veranstaltungen.csv`);
      const csv = eventsCsv.body.toString("utf8");
      expect(csv.startsWith("\uFEFF")).toBe(true);
      const records = Papa.parse<string[]>(csv.slice(1), { delimiter: ";", skipEmptyLines: true }).data;
      expect(records.slice(1).map((record) => record[0])).toEqual(report.events.map((e) => e.title));

      // The year's review: pdftotext reads each held event with its participants back.
      const review = page.getByRole("link", { name: "Jahresrückblick für den Integrationsrat (PDF)" });
      const answer = await page.request.get(new URL((await review.getAttribute("href"))!, baseUrl).href);
      expect(answer.headers()["content-type"]).toBe("application/pdf");
      const text = pdfText(await answer.body()).replace(/\s+/g, " ");
      expect(text).toContain(`Zeitraum: ${from.split("-").reverse().join(".")} bis ${to.split("-").reverse().join(".")}`);
      for (const e of report.events) expect(text).toContain(`${e.title.replace(/\s+/g, " ")} `);
      for (const e of report.events) expect(text).toContain(`Teilnehmende: ${e.places} (${e.confirmed} ${e.confirmed === 1 ? "Anmeldung" : "Anmeldungen"})`);

      // The signature list of a date, with columns for arrival and leaving when asked for.
      const listLink = page.getByRole("link", { name: "Unterschriftenliste (PDF)" });
      const listText = async () => pdfText(await (await page.request.get(new URL((await listLink.getAttribute("href"))!, baseUrl).href)).body());
      const plain = await listText();
      expect(plain).toContain("Amal Haddad");
      expect(plain).not.toContain("Ankunft");
      await page.getByRole("checkbox", { name: "Spalten für Ankunft und Gehen" }).check();
      await expect.poll(async () => (await listLink.getAttribute("href")) ?? "").toContain("times=1");
      const withTimes = await listText();
      expect(withTimes).toContain("Ankunft");
      expect(withTimes).toContain("Gehen");
      expect(withTimes).toContain("Unterschrift");
      expect(withTimes).toContain("Amal Haddad");
      // Every coming date of the event in one PDF.
      await page.getByLabel("Termine", { exact: true }).selectOption("all");
      await expect.poll(async () => (await listLink.getAttribute("href")) ?? "").toMatch(/\/events\/\d+\/signature-list\.pdf\?times=1$/);
      const series = await listText();
      expect(series).toContain("Amal Haddad");
      expect(series).toContain("Ankunft");

      // A period ending before it starts: named at its field; the report stays.
      await page.getByRole("textbox", { name: /^Von/ }).fill("2026-05-01");
      await page.getByRole("textbox", { name: /^Bis/ }).fill("2026-04-01");
      await page.getByRole("button", { name: "Anzeigen" }).click();
      await page.getByRole("alert").first().waitFor();
      expect(await page.getByRole("textbox", { name: /^Bis/ }).getAttribute("aria-invalid")).toBe("true");
      expect(await card("Anmeldungen").innerText()).toBe(report.totals.registrations.toLocaleString("de-DE"));

      // A period without events: an empty, clear report.
      await page.getByRole("textbox", { name: /^Von/ }).fill("2001-01-01");
      await page.getByRole("textbox", { name: /^Bis/ }).fill("2001-12-31");
      await page.getByRole("button", { name: "Anzeigen" }).click();
      await page.getByText("In diesem Zeitraum gab es keine Veranstaltungen. Alle Zahlen sind 0.").waitFor();
      expect(await card("Anmeldungen").innerText()).toBe("0");
      expect(page.url()).toContain("from=2001-01-01");
    } finally {
      await context.close();
    }
  });

  it("in English names the events as the organisers wrote them in English: the list, the event, the statistics, the spreadsheet and the English review", async () => {
    const context = await e2e.browser.newContext({ locale: "en-GB", viewport: { width: 1280, height: 900 }, timezoneId: "Europe/Berlin", acceptDownloads: true });
    try {
      const page = await context.newPage();
      await signInToConsole(page, baseUrl, "organisation@example.org");
      const asylumLaw = "Asylum law workshop: The upheaval in Syria – what migration advisers need to know now";
      // The console's list of events, and the event's own page (heading and window title).
      await page.getByRole("link", { name: asylumLaw }).click();
      await page.getByRole("heading", { level: 1, name: asylumLaw }).waitFor();
      expect(await page.title()).toContain(asylumLaw);
      expect(await page.locator("main").innerText()).not.toContain("Workshop Asylrecht");
      const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
      const range = `?from=${day(0)}&to=${day(400)}`;
      await page.goto(`${baseUrl}/console/statistics${range}`);
      await page.getByRole("heading", { level: 1, name: "Statistics" }).waitFor();
      const german = await apiReport(page, range);
      const english = await apiReport(page, `${range}&locale=en`);
      const events = page.getByRole("table", { name: "Events" });
      await events.waitFor();
      const shown = (await tableRows(events)).map((row) => row[0]!.split("\n")[0]);
      expect(shown).toEqual(english.events.map((e) => e.title));
      // The demo's events each have an English title; the German ones are not on the page.
      expect(shown).toContain(asylumLaw);
      for (const e of german.events) expect(shown).not.toContain(e.title);

      const spreadsheet = await downloaded(page, "Spreadsheet (Excel, every sheet)");
      expect(spreadsheet.name).toBe(`statistics-${day(0)}-${day(400)}.xlsx`);
      const sheets = await readXlsxFile(spreadsheet.body);
      expect(sheets[1]!.data.slice(1).map((row) => row[0])).toEqual(english.events.map((e) => e.title));
      expect((await downloaded(page, "Events as CSV")).name).toBe(`statistics-${day(0)}-${day(400)}-events.csv`);

      const review = page.getByRole("link", { name: "Year's review in English (PDF)" });
      const text = pdfText(await (await page.request.get(new URL((await review.getAttribute("href"))!, baseUrl).href)).body()).replace(/\s+/g, " ");
      expect(text).toContain("Asylum law workshop: The upheaval in Syria");
      // The council's review stays German, titles too.
      const councils = page.getByRole("link", { name: "Year's review for the integration council (PDF, in German)" });
      const councilText = pdfText(await (await page.request.get(new URL((await councils.getAttribute("href"))!, baseUrl).href)).body()).replace(/\s+/g, " ");
      expect(councilText).toContain("Workshop Asylrecht: Der Umsturz in Syrien");
      expect(councilText).not.toContain("Asylum law workshop");
    } finally {
      await context.close();
    }
  });
});
