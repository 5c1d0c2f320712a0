/**
 * A participant's whole way through the pages, in a real browser against a real
 * `wrangler dev` with the demo seed: list → event → form (first with errors) → confirmed →
 * email → manage link → cancel.
 *
 * Needs Debian's chromium (CHROMIUM_PATH to override) and a built frontend
 * (`npm test` builds it). E2E_URL runs against a server that
 * is already running instead of starting one.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { managePath as manageLinkIn, startE2E, waitForMail, type E2E } from "./e2e";

let e2e: E2E;
let baseUrl = "";
let context: BrowserContext;

beforeAll(async () => {
  e2e = await startE2E("signup");
  baseUrl = e2e.baseUrl;
  // An English-speaking phone: the page picks English from navigator.languages.
  context = await e2e.browser.newContext({ locale: "en-GB", viewport: { width: 360, height: 740 } });
});

afterAll(async () => {
  await context?.close();
  await e2e?.stop();
});

function apiRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).pathname.startsWith("/api/")) seen.push(`${request.method()} ${new URL(request.url()).pathname}`);
  });
  return seen;
}

describe("participant signup", () => {
  it("registers for the asylum-law workshop, then cancels through the emailed link", async () => {
    const page = await context.newPage();
    const email = `e2e-${Date.now()}@example.org`;

    // The list, in English.
    await page.goto(`${baseUrl}/`);
    await page.getByRole("heading", { level: 1, name: "Events" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    await page.locator('a[href="/e/asylrecht-workshop"]').click();

    // The event page with its form.
    await page.getByRole("heading", { level: 1, name: /Asylum law workshop/ }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Register" }).waitFor();

    // Sending without the required fields: the server's errors are shown, summary focused.
    await page.getByRole("button", { name: "Register" }).press("Enter");
    const summary = page.getByRole("alert");
    await summary.waitFor();
    expect(await summary.evaluate((element) => element === document.activeElement)).toBe(true);
    await summary.getByRole("link", { name: /Your name/ }).waitFor();
    await summary.getByRole("link", { name: /Your email address/ }).waitFor();
    expect(await page.getByLabel("Your name").getAttribute("aria-invalid")).toBe("true");
    // The summary link takes the keyboard to the field.
    await summary.getByRole("link", { name: /Your name/ }).press("Enter");
    expect(await page.getByLabel("Your name").evaluate((element) => element === document.activeElement)).toBe(true);

    // Filling in by label and keyboard.
    await page.getByLabel("Your name").fill("Amina Beispiel");
    await page.getByLabel("Your email address").fill(email);
    expect(await page.getByLabel("Which language should we write to you in?").inputValue()).toBe("en");
    await page.getByLabel("Which advice centre do you work for?").fill("Beratungsstelle Nord");
    await page.getByLabel("I need interpreting into this language").fill("Arabic");
    await page.getByLabel(/I agree that my details are stored/).focus();
    await page.keyboard.press("Space");
    await page.getByRole("button", { name: "Register" }).focus();
    await page.keyboard.press("Enter");

    const outcome = page.locator('[data-status="confirmed"]');
    await outcome.waitFor();
    await outcome.getByRole("heading", { name: "You are registered" }).waitFor();
    expect(await page.getByRole("alert").count()).toBe(0);

    // The email's manage link; opening it only reads.
    const managePath = manageLinkIn(await waitForMail(baseUrl, email, (m) => /\/manage#/.test(m.text)));
    const managePage = await context.newPage();
    const requests = apiRequests(managePage);
    await managePage.goto(`${baseUrl}${managePath}`);
    await managePage.locator('.status-text[data-status="confirmed"]').waitFor();
    await managePage.getByText("Your place is confirmed.").waitFor();
    await managePage.getByText("Amina Beispiel").waitFor();
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.every((line) => line.startsWith("GET "))).toBe(true);

    // Cancelling asks once more, inline.
    await managePage.getByRole("button", { name: "Cancel my registration" }).click();
    await managePage.getByRole("button", { name: "Yes, cancel" }).click();
    await managePage.locator('.status-text[data-status="cancelled"]').waitFor();
    await managePage.getByText("Your registration is cancelled.").waitFor();
    expect(requests.filter((line) => line.startsWith("POST "))).toHaveLength(1);
    expect(await managePage.getByRole("button", { name: "Cancel my registration" }).count()).toBe(0);
  });

  /**
   * The answer to a sign-up is lost on the way (the server stored it). Sending again as it
   * was is the same request: the person sees the registration they made. Correcting the form
   * first is a new request with a new key: the server answers it ("check your email", the
   * address is registered already) instead of refusing a key sent with other details.
   */
  it("after a lost answer, sending again gives the first answer; a changed form is a new request", async () => {
    for (const change of [false, true]) {
      const page = await context.newPage();
      const keys: string[] = [];
      let loseAnswer = true;
      await page.route("**/api/events/*/registrations", async (route) => {
        keys.push(route.request().headers()["idempotency-key"] ?? "");
        const response = await route.fetch();
        if (loseAnswer) {
          loseAnswer = false;
          await route.abort("connectionreset");
        } else await route.fulfill({ response });
      });
      await page.goto(`${baseUrl}/event?slug=asylrecht-workshop`);
      await page.getByLabel("Your name").fill("Amina Beispiel");
      await page.getByLabel("Your email address").fill(`lost-${change}-${Date.now()}@example.org`);
      await page.getByLabel("Which advice centre do you work for?").fill("Beratungsstelle Nord");
      await page.getByLabel(/I agree that my details are stored/).check();
      await page.getByRole("button", { name: "Register" }).click();
      await page.getByRole("alert").filter({ hasText: "connection" }).waitFor();

      if (change) await page.getByLabel("Your name").fill("Amina Beispiel-Nord");
      await page.getByRole("button", { name: "Register" }).click();
      const outcome = page.locator(change ? '[data-status="check_email"]' : '[data-status="confirmed"]');
      await outcome.waitFor();
      expect(await page.getByRole("alert").count()).toBe(0);
      expect(keys).toHaveLength(2);
      expect(keys[0] === keys[1]).toBe(!change);
      await page.close();
    }
  });
});
