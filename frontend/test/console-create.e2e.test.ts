/**
 * Every kind of event can be made from scratch in the console and published, in a real
 * browser against the local server: the organiser chooses the kind (workshop, series,
 * conference with parallel workshops, fair with stands, free entry, online session,
 * application with selection), fills what that kind needs on top of its defaults, and
 * publishes at once; the public page then shows the event. On a 390 px phone, so the short
 * form is proven there too.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { axe, horizontalOverflow, signInToConsole, startE2E, type E2E } from "./e2e";

let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E("console-create");
});

afterAll(async () => {
  await e2e?.stop();
});

type KindCase = { kind: RegExp; heading: string; dates: number; fill?: (page: Page) => Promise<void>; publicText: string };

const year = new Date().getFullYear() + 1;
const KINDS: KindCase[] = [
  { kind: /^Workshop/, heading: "Workshop", dates: 1, publicText: "Anmelden" },
  { kind: /^Veranstaltungsreihe/, heading: "Veranstaltungsreihe", dates: 3, publicText: "Anmelden" },
  {
    kind: /^Fachtag mit Workshops/,
    heading: "Fachtag mit Workshops",
    dates: 1,
    fill: async (page) => {
      await page.getByRole("group", { name: "Workshop 1" }).getByLabel("Name des Workshops").fill("Sprache im Beruf");
      await page.getByRole("group", { name: "Workshop 2" }).getByLabel("Name des Workshops").fill("Anerkennung von Abschlüssen");
    },
    publicText: "Sprache im Beruf",
  },
  { kind: /^Markt mit Ständen/, heading: "Markt mit Ständen", dates: 1, publicText: "Stand" },
  { kind: /^Freier Eintritt/, heading: "Freier Eintritt", dates: 1, publicText: "brauchen Sie keine Anmeldung" },
  {
    kind: /^Online-Veranstaltung/,
    heading: "Online-Veranstaltung",
    dates: 1,
    fill: async (page) => {
      await page.getByLabel("Link zur Online-Veranstaltung").fill("https://video.example.org/raum-7");
    },
    publicText: "Online",
  },
  { kind: /^Mit Bewerbung und Auswahl/, heading: "Mit Bewerbung und Auswahl", dates: 2, publicText: "Bewerb" },
];

describe("an event of each kind, made from scratch and published", () => {
  it.each(KINDS)("$heading", async ({ kind, heading, dates, fill, publicText }) => {
    const context = await e2e.browser.newContext({ locale: "de-DE", viewport: { width: 390, height: 844 }, timezoneId: "Europe/Berlin" });
    try {
      const page = await context.newPage();
      await signInToConsole(page, e2e.baseUrl, "organisation@example.org");
      await page.getByRole("link", { name: "Neue Veranstaltung" }).click();
      await page.getByRole("heading", { level: 1, name: "Neue Veranstaltung" }).waitFor();
      await page.getByRole("radio", { name: kind }).check();
      await page.getByRole("button", { name: "Weiter" }).click();
      await page.getByRole("heading", { level: 1, name: `Neue Veranstaltung: ${heading}` }).waitFor();

      const title = `${heading} im Test ${Date.now()}`;
      await page.getByLabel("Titel", { exact: false }).first().fill(title);
      for (let i = 0; i < dates; i++) {
        const date = page.getByRole("group", { name: `Termin ${i + 1}`, exact: true });
        const day = String(10 + i).padStart(2, "0");
        await date.getByLabel("Beginn").fill(`${year}-06-${day}T10:00`);
        await date.getByLabel("Ende").fill(`${year}-06-${day}T12:00`);
      }
      await fill?.(page);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      expect(await axe(page)).toEqual([]);

      await page.getByRole("button", { name: "Speichern und veröffentlichen" }).click();
      await page.waitForURL(/\/console\/event\?id=\d+&published=1$/);
      await page.getByRole("heading", { level: 1, name: title }).waitFor();
      await page.locator(".badge-published").first().waitFor();

      // The public page has it, with what this kind means for participants.
      const slug = new URL(`${e2e.baseUrl}${await page.getByRole("link", { name: /Öffentliche Seite ansehen/ }).getAttribute("href")}`).searchParams.get("slug")!;
      const visitor = await context.newPage();
      await visitor.goto(`${e2e.baseUrl}/event?slug=${encodeURIComponent(slug)}`);
      await visitor.getByRole("heading", { level: 1, name: title }).waitFor();
      await expect.poll(() => visitor.locator("main").innerText()).toContain(publicText);
    } finally {
      await context.close();
    }
  });
});
