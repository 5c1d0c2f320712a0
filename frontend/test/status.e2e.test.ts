/**
 * The administrators' status page (/console/status) in a real browser: an email the outbox
 * gave up on after days of provider errors, and a scheduled job whose last run failed. The
 * administrator sees both, sends the email again with one click, and it arrives.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { axe, mailbox, signInToConsole, startE2E, tableRows, type E2E } from "./e2e";

const HOUR = 3_600_000;
const now = Date.now();
const RECIPIENT = "wieder.senden@example.org";

// A sign-in link given up after 72 hours of 503s, and a failed run of the waitlist job.
const extraSql = `
INSERT INTO outbox (id, template, to_address, locale, data, status, attempts, last_error, created_at, updated_at)
VALUES ('given-up-1', 'login_link', '${RECIPIENT}', 'de', '{"nonce":"status-page-test-nonce"}', 'failed', 151,
        'gave up after 151 attempts in 72 hours: 503 application_error: stub 503 for ${RECIPIENT}', ${now - 73 * HOUR}, ${now - HOUR});
INSERT INTO job_runs (job, last_run_at, last_result, outcome, last_error, duration_ms, last_ok_at)
VALUES ('waitlists', ${now - 60_000}, NULL, 'error', 'D1_ERROR: overloaded', 12, ${now - 2 * HOUR}),
       ('holds', ${now - 60_000}, '0', 'ok', NULL, 3, ${now - 60_000}),
       ('minutely', ${now - 60_000}, '{"jobs":8,"failed":["waitlists"]}', 'error', 'failed: waitlists', 40, ${now - 2 * HOUR});
`;

let e2e: E2E;
let baseUrl = "";

beforeAll(async () => {
  // No minutely run: it would replace the planted failure of the waitlist job with a success.
  e2e = await startE2E("status", { extraSql, crons: false });
  baseUrl = e2e.baseUrl;
});

afterAll(async () => {
  await e2e?.stop();
});

describe("console status page", () => {
  it("shows a given-up email and a failing job; 'send again' sends the email", async () => {
    const context = await e2e.browser.newContext({ locale: "de-DE", viewport: { width: 390, height: 900 }, timezoneId: "Europe/Berlin" });
    try {
      const page = await context.newPage();
      await signInToConsole(page, baseUrl, "admin@example.org");
      await page.goto(`${baseUrl}/console/status`);
      await page.getByRole("heading", { level: 1, name: "Betrieb" }).waitFor();

      const hints = page.locator("ul.notice-error li");
      await hints.first().waitFor();
      const hintTexts = await hints.allInnerTexts();
      expect(hintTexts).toContainEqual(expect.stringMatching(/^1 E-Mails wurden aufgegeben\./));
      expect(hintTexts).toContainEqual(expect.stringMatching(/^Die Aufgabe „waitlists“ ist bei ihrem letzten Lauf mit einem Fehler abgebrochen/));

      const failures = page.getByRole("table", { name: "Aufgegebene und wiederholte E-Mails" });
      const [row] = await tableRows(failures);
      expect([row![0], row![1], row![3]]).toEqual(["Anmeldelink zur Konsole", "fehlgeschlagen", "151"]);
      expect(row![5]).toBe("gave up after 151 attempts in 72 hours: 503 application_error: stub 503 for [email]");

      const jobs = Object.fromEntries((await tableRows(page.getByRole("table", { name: "Geplante Aufgaben" }))).map((r) => [r[0], r.slice(2)]));
      expect(jobs.waitlists).toEqual(["12 ms", "Fehler", "D1_ERROR: overloaded"]);
      expect(jobs.holds).toEqual(["3 ms", "in Ordnung", "0"]);

      expect(await mailbox(baseUrl, RECIPIENT)).toEqual([]);
      await failures.getByRole("button", { name: /^Erneut senden\s*: Anmeldelink zur Konsole/ }).click();
      await page.getByRole("status").filter({ hasText: "Erneut in die Warteschlange gestellt." }).waitFor();
      // The queue consumer delivers it (here into the dev mailbox): the email arrives.
      await expect.poll(async () => (await mailbox(baseUrl, RECIPIENT)).length, { timeout: 30_000 }).toBe(1);
      // Reloaded, the page lists it no more, and the outbox counts it as sent.
      await page.getByRole("button", { name: "Neu laden" }).click();
      await page.getByText("Keine Fehler.").waitFor();
      expect(await page.getByRole("table", { name: "Aufgegebene und wiederholte E-Mails" }).count()).toBe(0);
      expect(await tableRows(page.getByRole("table", { name: "E-Mails", exact: true }))).toEqual([["gesendet", "2"]]);

      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expect(await axe(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
