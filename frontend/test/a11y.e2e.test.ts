/**
 * axe-core (WCAG 2.0/2.1, levels A and AA) in Chromium over every participant page, in
 * German and in Arabic (right to left): zero violations. The event page is checked also
 * with the error summary showing, the manage page with a real registration.
 *
 * axe is injected through the DevTools protocol (page.evaluate), which the pages' strict
 * CSP (script-src 'self') does not apply to; the pages run with their real CSP.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { axe, registerViaApi, rendered, startE2E, type E2E } from "./e2e";



let e2e: E2E;
/** A registration per language: the manage page opens in the language stored with the registration. */
const manage: Record<string, string> = {};

beforeAll(async () => {
  e2e = await startE2E("a11y");
  for (const locale of ["de", "ar"] as const) {
    manage[locale] = await registerViaApi(e2e.baseUrl, "asylrecht-workshop", { name: "Axe Prüfung", email: `a11y-${locale}-${Date.now()}@example.org`, locale });
  }
});

afterAll(async () => {
  await e2e?.stop();
});


const PAGES: { name: string; path: (locale: string) => string; ready?: (page: Page) => Promise<void> }[] = [
  { name: "event list", path: () => "/", ready: (page) => page.locator(".event-card").first().waitFor() },
  { name: "event page", path: () => "/event?slug=asylrecht-workshop", ready: (page) => page.locator("form.registration-form").waitFor() },
  {
    name: "event page with the error summary",
    path: () => "/event?slug=asylrecht-workshop",
    ready: async (page) => {
      await page.locator("form.registration-form button[type=submit]").press("Enter");
      await page.locator(".error-summary").waitFor();
      await page.locator(".field-error:not([hidden])").first().waitFor();
    },
  },
  { name: "manage page", path: (locale) => manage[locale]!, ready: (page) => page.locator(".status-text").waitFor() },
  { name: "privacy notice", path: () => "/privacy" },
  { name: "accessibility statement", path: () => "/accessibility" },
  { name: "not found", path: () => "/404" },
];

describe.each([
  ["German", "de-DE", "ltr"],
  ["Arabic", "ar", "rtl"],
] as const)("axe in %s", (_language, locale, dir) => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await e2e.browser.newContext({ locale, viewport: { width: 1024, height: 900 } });
  });
  afterAll(async () => {
    await context?.close();
  });

  it.each(PAGES)("$name: zero violations", async ({ path, ready }) => {
    const page = await context.newPage();
    try {
      await page.goto(`${e2e.baseUrl}${path(locale.slice(0, 2))}`);
      await rendered(page);
      await ready?.(page);
      expect(await page.locator("html").getAttribute("dir")).toBe(dir);
      expect(await page.locator("html").getAttribute("lang")).toBe(locale.slice(0, 2));
      // Footer: the privacy notice and the accessibility statement on every page.
      expect(await page.locator('footer a[href="/privacy"]').count()).toBe(1);
      expect(await page.locator('footer a[href="/accessibility"]').count()).toBe(1);
      expect(await axe(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe("the check itself", () => {
  it("axe runs in the page and finds a planted violation", async () => {
    const context = await e2e.browser.newContext({ locale: "de-DE" });
    const page = await context.newPage();
    await page.goto(`${e2e.baseUrl}/privacy`);
    await rendered(page);
    await page.evaluate(() => document.querySelector("main")?.append(Object.assign(document.createElement("img"), { src: "/favicon.svg" })));
    const violations = await axe(page);
    expect(violations.some((line) => line.startsWith("image-alt"))).toBe(true);
    await context.close();
  });
});

describe("accessibility statement", () => {
  it("names the feedback contact and the conciliation bodies", async () => {
    const context = await e2e.browser.newContext({ locale: "de-DE" });
    const page = await context.newPage();
    await page.goto(`${e2e.baseUrl}/accessibility`);
    await page.getByRole("heading", { level: 1, name: "Erklärung zur Barrierefreiheit" }).waitFor();
    expect(await page.locator('a[href="mailto:integration@example.org"]').count()).toBe(1);
    const text = await page.locator("main").innerText();
    expect(text).toContain("Schlichtungsstelle BGG");
    expect(text).toContain("Ombudsstelle für barrierefreie Informationstechnik");
    await context.close();
  });
});
