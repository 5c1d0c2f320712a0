/**
 * The whole sign-up with the keyboard alone (Tab, Shift+Tab, Space, Enter and typing; no
 * clicks), with a visible focus on every stop; the error summary at the top links to each
 * field and is announced; and every participant page reflows at 320 CSS px (= a 640 px
 * window at 200 % zoom) and with text at 200 %, without horizontal scrolling.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { horizontalOverflow, registerViaApi, rendered, startE2E, type E2E } from "./e2e";

let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E("keyboard");
});

afterAll(async () => {
  await e2e?.stop();
});

type Focused = { tag: string; name: string; type: string; text: string; focusVisible: boolean; outline: string; shadow: string; background: string; inView: boolean };

/** What has the focus, and whether it is visibly marked (outline, ring or highlight). */
function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return { tag: "body", name: "", type: "", text: "", focusVisible: false, outline: "none", shadow: "none", background: "", inView: true };
    const style = getComputedStyle(element);
    const rect = element.getBoundingClientRect();
    return {
      tag: element.tagName.toLowerCase(),
      name: element.getAttribute("name") ?? "",
      type: element.getAttribute("type") ?? "",
      text: (element.textContent ?? "").trim().slice(0, 80),
      focusVisible: element.matches(":focus-visible") || element.matches('[tabindex="-1"]:focus'),
      outline: style.outlineStyle === "none" || style.outlineWidth === "0px" ? "none" : `${style.outlineWidth} ${style.outlineStyle} ${style.outlineColor}`,
      shadow: style.boxShadow,
      background: style.backgroundColor,
      inView: rect.bottom > 0 && rect.top < innerHeight && rect.right > 0 && rect.left < innerWidth,
    };
  });
}

function expectVisibleFocus(state: Focused): void {
  expect(state.tag, "something has the focus").not.toBe("body");
  expect(state.outline !== "none" || state.shadow !== "none", `focus style on ${state.tag} ${state.name || state.text}`).toBe(true);
}

/** Presses `key` until `want` accepts the focused element; every stop must show its focus. */
async function moveFocus(page: Page, key: "Tab" | "Shift+Tab", want: (state: Focused) => boolean, limit = 60): Promise<Focused> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key);
    const state = await focused(page);
    expectVisibleFocus(state);
    if (want(state)) return state;
  }
  throw new Error(`focus never reached the wanted element with ${key}`);
}

describe("keyboard-only sign-up", () => {
  it("from the event page through the error summary to the confirmation", async () => {
    const context = await e2e.browser.newContext({ locale: "de-DE", viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${e2e.baseUrl}/event?slug=asylrecht-workshop`);
    await rendered(page);
    await page.locator("form.registration-form").waitFor();

    // The first Tab reaches the skip link; Enter moves on to the content.
    const skip = await moveFocus(page, "Tab", (s) => s.tag === "a", 1);
    expect(skip.text).toBe("Zum Inhalt springen");
    expect(skip.inView).toBe(true);
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");

    // Submitting the empty form: the summary is an alert, takes the focus and links to each field.
    await moveFocus(page, "Tab", (s) => s.tag === "button" && s.type === "submit");
    await page.keyboard.press("Enter");
    const summary = page.locator(".error-summary");
    await summary.waitFor();
    expect(await summary.getAttribute("role")).toBe("alert");
    expect(await summary.evaluate((element) => element === document.activeElement)).toBe(true);
    expectVisibleFocus(await focused(page));
    const links = await summary.locator("a").evaluateAll((anchors) => anchors.map((a) => ({ href: a.getAttribute("href") ?? "", text: a.textContent ?? "" })));
    expect(links.map((link) => link.text)).toEqual([
      expect.stringContaining("Ihr Name"),
      expect.stringContaining("Ihre E-Mail-Adresse"),
      expect.stringContaining("Einwilligung zum Datenschutz"),
    ]);
    for (const link of links) expect(await page.locator(link.href).count()).toBe(1);
    // Each field says what is wrong, tied to it for screen readers.
    const name = page.locator('input[name="name"]');
    expect(await name.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await name.getAttribute("aria-describedby")) ?? "";
    expect(await page.locator(`#${describedBy.split(" ")[0]}`).innerText()).toBe("Bitte füllen Sie dieses Feld aus.");

    // The first summary link leads to the name field.
    await moveFocus(page, "Tab", (s) => s.tag === "a" && s.text.includes("Ihr Name"), 3);
    await page.keyboard.press("Enter");
    expect((await focused(page)).name).toBe("name");
    await page.keyboard.type("Kim Tastatur");

    await moveFocus(page, "Tab", (s) => s.name === "email", 3);
    const email = `keyboard-${Date.now()}@example.org`;
    await page.keyboard.type(email);
    // One step back and forth again: Shift+Tab works the other way.
    expect((await moveFocus(page, "Shift+Tab", (s) => s.name === "name", 3)).name).toBe("name");
    await moveFocus(page, "Tab", (s) => s.name === "email", 3);
    const language = await moveFocus(page, "Tab", (s) => s.name === "locale", 3);
    expect(language.tag).toBe("select");

    // The consent checkbox: Space ticks it.
    await moveFocus(page, "Tab", (s) => s.name === "consent");
    await page.keyboard.press("Space");
    expect(await page.locator('input[name="consent"]').isChecked()).toBe(true);

    // The submit button: Enter sends.
    await moveFocus(page, "Tab", (s) => s.tag === "button" && s.type === "submit");
    await page.keyboard.press("Enter");
    const outcome = page.locator('[data-status="confirmed"]');
    await outcome.waitFor();
    expect(await outcome.getAttribute("role")).toBe("status");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Sie sind angemeldet");
    expectVisibleFocus(await focused(page));
    expect(await page.locator(".error-summary").count()).toBe(0);
    await context.close();
  });

  it("a language chosen with the keyboard re-renders the page and keeps the focus on the choice", async () => {
    const context = await e2e.browser.newContext({ locale: "de-DE", viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${e2e.baseUrl}/privacy`);
    await rendered(page);
    await moveFocus(page, "Tab", (s) => s.tag === "select" && s.name === "language");
    // Arrow keys change a focused select in Chromium without opening it.
    await page.keyboard.press("ArrowDown");
    await page.waitForFunction(() => document.documentElement.lang === "en");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("language");
    expect(await page.locator("h1").innerText()).toBe("Privacy notice");
    await context.close();
  });
});

describe("reflow: 320 CSS px wide and text at 200 %", () => {
  let manage = "";
  beforeAll(async () => {
    manage = await registerViaApi(e2e.baseUrl, "asylrecht-workshop", { name: "Reflow Test", email: `reflow-${Date.now()}@example.org`, locale: "de" });
  });

  const paths = () => ["/", "/event?slug=asylrecht-workshop", manage, "/privacy", "/accessibility", "/404"];

  it.each([
    ["German", "de-DE"],
    ["Arabic", "ar"],
  ])("%s: no horizontal scrolling on any page", async (_language, locale) => {
    // 320 CSS px is what a 640 px wide window shows at 200 % zoom (WCAG 1.4.10).
    const narrow = await e2e.browser.newContext({ locale, viewport: { width: 320, height: 640 } });
    const problems: string[] = [];
    for (const path of paths()) {
      const page = await narrow.newPage();
      await page.goto(`${e2e.baseUrl}${path}`);
      await rendered(page);
      if (path.startsWith("/event")) {
        await page.locator("form.registration-form button[type=submit]").press("Enter");
        await page.locator(".error-summary").waitFor();
      }
      const overflow = await horizontalOverflow(page);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (overflow > 0 || width > 320) problems.push(`${path} at 320 px: ${width} px wide`);
      // Text alone at 200 % (WCAG 1.4.4), on a small phone.
      await page.setViewportSize({ width: 360, height: 640 });
      await page.evaluate(() => document.documentElement.style.setProperty("font-size", "200%", "important"));
      const zoomed = await horizontalOverflow(page);
      if (zoomed > 0) problems.push(`${path} with 200 % text: ${zoomed} px too wide`);
      await page.close();
    }
    await narrow.close();
    expect(problems).toEqual([]);
  });
});
