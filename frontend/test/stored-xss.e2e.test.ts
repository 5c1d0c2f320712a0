/**
 * Stored markup stays text, in a real browser against the local server: an event whose title
 * and description (as an organiser could type them) and a registration whose name (as anyone
 * could type it) carry an `<img onerror>` and a `<script>` are shown on every page that shows
 * them, public and console, and in the confirmation email, as the characters typed. The test
 * fails when any of them makes an element or runs: a counter the payload would raise, the
 * elements it would create, and the literal text that must be there instead.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { managePath, registerViaApi, signInToConsole, startE2E, waitForMail, type E2E } from "./e2e";

/** Raises window.__xss if it ever becomes markup; the quote and the angle brackets try to leave an attribute and a tag. */
const PAYLOAD = `<img src=x onerror="window.__xss=(window.__xss||0)+1"><script>window.__xss=(window.__xss||0)+1</script>`;
const TITLE = `Lesung "${PAYLOAD}"`;
const NAME = `Amal ${PAYLOAD}`;
const sqlText = (text: string) => `'${text.replace(/'/g, "''")}'`;

let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E("stored-xss", {
    extraSql: `UPDATE events SET texts = json_set(texts, '$.de.title', ${sqlText(TITLE)}, '$.en.title', ${sqlText(TITLE)}, '$.de.summary', ${sqlText(PAYLOAD)}, '$.de.description', ${sqlText(`Absatz ${PAYLOAD}`)}) WHERE slug = 'lesung-rassismus';`,
  });
});

afterAll(async () => {
  await e2e?.stop();
});

/** The payload ran nowhere, made no element, and is on the page as the characters typed. */
async function expectInert(page: Page, where: string, literal = "<img src=x onerror="): Promise<void> {
  // First the characters typed, on the page as text: then the page has rendered the payload, and
  // the elements it would make would be there now.
  await expect.poll(() => page.evaluate(() => document.body.innerText), { message: where }).toContain(literal);
  const seen = await page.evaluate(() => ({
    ran: (window as unknown as { __xss?: number }).__xss ?? 0,
    images: document.querySelectorAll('img[src="x"]').length,
    // A script that would run (JSON-LD is data: checked on its own below).
    scripts: [...document.scripts].filter((s) => s.type !== "application/ld+json" && s.textContent?.includes("__xss")).length,
  }));
  expect({ where, ...seen }).toEqual({ where, ran: 0, images: 0, scripts: 0 });
}

describe("stored markup", () => {
  it("stays text on the public pages, the participant's pages, the email and the console", async () => {
    const email = `xss-${Date.now()}@example.org`;
    const manage = await registerViaApi(e2e.baseUrl, "lesung-rassismus", { name: NAME, email, places: 1, locale: "de" });
    const context = await e2e.browser.newContext({ locale: "de-DE", viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      const dialogs: string[] = [];
      page.on("dialog", (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });

      // Public: the programme, the event's page (its head carries the title too), the embed.
      for (const path of ["/", "/e/lesung-rassismus", "/embed"]) {
        await page.goto(`${e2e.baseUrl}${path}`);
        await expectInert(page, path);
      }
      await page.goto(`${e2e.baseUrl}/e/lesung-rassismus`);
      expect(await page.locator('meta[property="og:title"]').getAttribute("content")).toBe(TITLE);
      // The schema.org data holds the title as JSON, with no "<" that could end its script element.
      const jsonLd = (await page.locator('script[type="application/ld+json"]').textContent())!;
      expect(jsonLd).not.toContain("<");
      expect((JSON.parse(jsonLd) as { name: string }).name).toBe(TITLE);
      await expect.poll(() => page.getByRole("heading", { level: 1 }).innerText()).toBe(TITLE);

      // The participant's own pages: the manage page and the data page name them and the event.
      await page.goto(`${e2e.baseUrl}${manage}`);
      await page.getByRole("heading", { level: 1 }).waitFor();
      await expectInert(page, "manage");
      await page.goto(`${e2e.baseUrl}/privacy-data#${manage.split("#")[1]}`);
      await page.locator("section.card").first().waitFor();
      await expectInert(page, "data page");
      expect(await page.locator("main").innerText()).toContain(NAME);

      // The confirmation email, as a mail client shows its HTML.
      const confirmation = await waitForMail(e2e.baseUrl, email, (m) => /\/manage#/.test(m.text));
      await page.setContent(confirmation.html);
      await expectInert(page, "confirmation email");
      expect(confirmation.subject).toContain(TITLE);

      // The console: the list, the event with the registration and its details, the printable list, the door.
      await signInToConsole(page, e2e.baseUrl, "organisation@example.org");
      await expectInert(page, "console list");
      await page.getByRole("link", { name: TITLE }).click();
      const row = page.locator("#registrations-result tr", { hasText: "Amal" });
      await row.waitFor();
      await expectInert(page, "console event");
      await row.getByRole("button", { name: /Details/ }).click();
      await page.getByRole("heading", { name: "Verlauf" }).waitFor();
      await expectInert(page, "registration details");
      const printable = await page.getByRole("link", { name: /Druckliste/ }).getAttribute("href");
      await page.goto(new URL(printable!, e2e.baseUrl).href);
      await expectInert(page, "printable list");
      const eventId = new URL(page.url()).pathname.match(/events\/(\d+)/)?.[1];
      expect(eventId, "the printable list's address names the event").toBeTruthy();
      await page.goto(`${e2e.baseUrl}/console/checkin?event=${eventId}`);
      await page.getByLabel("Name suchen").fill("amal");
      await page.getByRole("search").getByText("Amal", { exact: false }).first().waitFor();
      await expectInert(page, "door");
      expect(dialogs).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
