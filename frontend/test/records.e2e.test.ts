/**
 * The console's attendance and certificates page in a real browser against `wrangler dev`
 * with the demo seed: an organiser signs in, opens the records of the qualification series,
 * and sees the page's headings (at 320 px, without sideways scrolling of the page).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { axe, signInToken, startE2E, type E2E } from "./e2e";




let e2e: E2E;
let baseUrl = "";

beforeAll(async () => {
  e2e = await startE2E("records");
  baseUrl = e2e.baseUrl;
});

afterAll(async () => {
  await e2e?.stop();
});

/** Signs in through POST /api/auth/login and the emailed link. */
async function signIn(page: Page, email: string): Promise<void> {
  const token = await signInToken(baseUrl, email);
  await page.goto(`${baseUrl}/console/sign-in#${token}`);
  await page.getByRole("button", { name: "Anmelden" }).click();
  await page.waitForURL(`${baseUrl}/console/`);
}

describe("console records page", () => {
  it("shows attendance per date and certificates", async () => {
    const context = await e2e.browser.newContext({ locale: "de-DE", viewport: { width: 320, height: 800 }, timezoneId: "Europe/Berlin" });
    try {
      const page = await context.newPage();
      await signIn(page, "organisation@example.org");
      const events = (await page.evaluate(async () => (await fetch("/api/console/events")).json())) as { events: { id: number; slug: string }[] };
      const event = events.events.find((e) => e.slug === "qualifizierungsreihe-migrantenorganisationen");
      expect(event).toBeDefined();

      await page.goto(`${baseUrl}/console/event?id=${event!.id}`);
      await page.getByRole("link", { name: "Anwesenheit und Bescheinigungen" }).click();
      await page.waitForURL(`${baseUrl}/console/records?id=${event!.id}`);

      await page.getByRole("heading", { level: 1, name: /^Anwesenheit und Bescheinigungen/ }).waitFor();
      await page.getByRole("heading", { level: 2, name: "Anwesenheit nach Termin" }).waitFor();
      await page.getByRole("heading", { level: 2, name: "Teilnahmebescheinigungen" }).waitFor();
      await page.getByRole("heading", { level: 3, name: "Anmeldungen und Bescheinigungen" }).waitFor();
      await page.getByRole("heading", { level: 3, name: /^Termin 1/ }).waitFor();
      expect(await page.getByRole("link", { name: /Unterschriftenliste \(PDF\)/ }).count()).toBeGreaterThan(0);
      // 320 px: the tables scroll in their wrappers, not the page.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      expect(await axe(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
