/**
 * What participants submitted is where organisers work, in a real browser against the local
 * server with the demo seed: a stand application at the fair (organisation, description,
 * contact, needs) is in the registration's details and, with a column per field, in the CSV
 * the console downloads (parsed with both delimiters); the organiser approves it. A household
 * with children at the summer party shows them in the registrations table and the CSV.
 * Interpreter requests are summed by language, however people wrote it, per event and per date.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Papa from "papaparse";
import type { Page } from "playwright-core";
import { axe, registerViaApi, signInToConsole, startE2E, type E2E } from "./e2e";

let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E("console-submitted");
});

afterAll(async () => {
  await e2e?.stop();
});

async function eventIdOf(page: Page, slug: string): Promise<number> {
  const { events } = await page.evaluate(async () => (await fetch("/api/console/events")).json() as Promise<{ events: { id: number; slug: string }[] }>);
  return events.find((e) => e.slug === slug)!.id;
}

/** The CSV the page's download link gives, with the chosen delimiter, as records. */
async function downloadCsv(page: Page, delimiter: ";" | ","): Promise<string[][]> {
  await page.getByRole("radio", { name: delimiter === ";" ? /Semikolon/ : /Komma/ }).check();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "CSV herunterladen" }).click()]);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8").replace(/^\uFEFF/, "");
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe("everything submitted, visible where organisers work", () => {
  it("a stand application: in the details, approved, and in the CSV with each of its fields", async () => {
    const stamp = Date.now();
    await registerViaApi(e2e.baseUrl, "markt-der-moeglichkeiten", {
      name: "Ayşe Demir",
      email: `stand-${stamp}@example.org`,
      registrationType: "stands",
      locale: "de",
      exhibitor: { organisation: "Verein Brücke, e. V.", description: "Beratung; Sprachcafé", contact: "+49 211 123", needs: ["table", "power"] },
    });
    const context = await e2e.browser.newContext({ locale: "de-DE", viewport: { width: 1280, height: 900 }, timezoneId: "Europe/Berlin", acceptDownloads: true });
    try {
      const page = await context.newPage();
      await signInToConsole(page, e2e.baseUrl, "organisation@example.org");
      const id = await eventIdOf(page, "markt-der-moeglichkeiten");
      await page.goto(`${e2e.baseUrl}/console/event?id=${id}`);
      const row = page.locator("#registrations-result tr", { hasText: "Ayşe Demir" });
      await row.waitFor();
      await row.getByRole("button", { name: /Details/ }).click();
      const detail = page.getByRole("region", { name: "Anmeldung von Ayşe Demir" });
      await detail.getByText("Verein Brücke, e. V.").waitFor();
      await detail.getByText("Beratung; Sprachcafé").waitFor();
      await detail.getByText("+49 211 123").waitFor();
      await detail.getByText(/Tisch/).first().waitFor();
      await detail.getByText(/Strom/).first().waitFor();
      expect(await axe(page)).toEqual([]);
      await detail.getByRole("button", { name: "Details schließen" }).click();

      // Approve it (it waited for a decision).
      expect(await row.getAttribute("data-status")).toBe("pending_approval");
      await page.locator("li, tr", { hasText: "Ayşe Demir" }).getByRole("button", { name: /Annehmen/ }).first().click();
      await page.getByText("Die Bewerbung von Ayşe Demir ist angenommen.", { exact: false }).first().waitFor();
      await expect.poll(() => page.locator("#registrations-result tr", { hasText: "Ayşe Demir" }).getAttribute("data-status")).toBe("confirmed");

      for (const delimiter of [";", ","] as const) {
        const [header, ...records] = await downloadCsv(page, delimiter);
        const record = records.find((r) => r.includes("Ayşe Demir"))!;
        expect(record, delimiter).toBeDefined();
        const cell = (name: RegExp) => record[header!.findIndex((h) => name.test(h))];
        expect(cell(/^Stand: Organisation$/)).toBe("Verein Brücke, e. V.");
        expect(cell(/^Stand: Beschreibung$/)).toBe("Beratung; Sprachcafé");
        // A leading "+" would start a formula in a spreadsheet: the cell is kept as text.
        expect(cell(/^Stand: Kontakt$/)).toBe("'+49 211 123");
        expect([cell(/^Stand: Tisch$/), cell(/^Stand: Strom$/), cell(/^Stand: Stellwand$/)]).toEqual(["ja", "ja", "nein"]);
      }
    } finally {
      await context.close();
    }
  });

  it("a household with children: in the registrations table and in the CSV", async () => {
    const stamp = Date.now();
    await registerViaApi(e2e.baseUrl, "sommerfest-zertifikate", {
      name: "Olena Koval",
      email: `family-${stamp}@example.org`,
      places: 4,
      children: 2,
      locale: "de",
    });
    const context = await e2e.browser.newContext({ locale: "de-DE", viewport: { width: 1280, height: 900 }, timezoneId: "Europe/Berlin", acceptDownloads: true });
    try {
      const page = await context.newPage();
      await signInToConsole(page, e2e.baseUrl, "organisation@example.org");
      const id = await eventIdOf(page, "sommerfest-zertifikate");
      await page.goto(`${e2e.baseUrl}/console/event?id=${id}`);
      const row = page.locator("#registrations-result tr", { hasText: "Olena Koval" });
      await row.waitFor();
      await row.getByText("4 (davon 2 Kinder)").first().waitFor();
      const [header, ...records] = await downloadCsv(page, ";");
      const record = records.find((r) => r.includes("Olena Koval"))!;
      expect(record[header!.findIndex((h) => /Kinder/.test(h))]).toBe("2");
    } finally {
      await context.close();
    }
  });

  it("interpreter requests summed by language for planning, per event and per date, named in the console's words", async () => {
    const stamp = Date.now();
    for (const [i, interpreter] of ["Arabisch", "العربية", "Tamazight"].entries()) {
      await registerViaApi(e2e.baseUrl, "qualifizierungsreihe-migrantenorganisationen", { name: `Dolmetschbedarf ${i}`, email: `interpreter-${i}-${stamp}@example.org`, needs: { interpreter }, answers: { organisation: "Verein Brücke" }, locale: "de" });
    }
    const context = await e2e.browser.newContext({ locale: "de-DE", viewport: { width: 1280, height: 900 }, timezoneId: "Europe/Berlin" });
    try {
      const page = await context.newPage();
      await signInToConsole(page, e2e.baseUrl, "organisation@example.org");
      const id = await eventIdOf(page, "qualifizierungsreihe-migrantenorganisationen");
      await page.goto(`${e2e.baseUrl}/console/event?id=${id}`);
      const interpreting = page.getByRole("heading", { level: 4, name: "Dolmetschen" }).locator("xpath=following-sibling::ul[1]");
      await interpreting.waitFor();
      expect(await interpreting.locator("li").allInnerTexts()).toEqual(["Arabisch: 2", "Tamazight: 1"]);
      // Each date of the series expects all three (they registered before any date).
      const perDate = page.getByRole("table", { name: "Erwartet und Bedarfe je Termin" });
      const cells = await perDate.locator("tbody tr").evaluateAll((rows) => rows.map((row) => (row.children[2] as HTMLElement).innerText.trim()));
      expect(cells.length).toBeGreaterThan(1);
      for (const cell of cells) expect(cell).toBe("Arabisch: 2, Tamazight: 1");
    } finally {
      await context.close();
    }
  });
});
