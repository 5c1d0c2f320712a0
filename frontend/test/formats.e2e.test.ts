/**
 * Formats through the real pages: choosing a workshop at the Fachtag (and switching it on
 * the manage page), and applying for a stand at the Markt der Möglichkeiten.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import deWeb from "../../workers/src/i18n/de/web";
import { managePath, rendered, startE2E, waitForMail, type E2E } from "./e2e";

let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E("formats");
});

afterAll(async () => {
  await e2e?.stop();
});

describe("formats in the browser", () => {
  it("a Fachtag participant chooses a workshop, sees it confirmed, and switches it on the manage page", async () => {
    const context = await e2e.browser.newContext({ locale: "de-DE", viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const email = `fachtag-${Date.now()}@example.org`;
    await page.goto(`${e2e.baseUrl}/event?slug=fachtag-gesundheit-fuer-alle`);
    await rendered(page);
    await page.getByLabel(deWeb["form.name"]).fill("Leyla Demir");
    await page.getByLabel(deWeb["form.email"]).fill(email);
    const workshops = page.getByRole("group", { name: deWeb["form.workshop_first"] });
    await workshops.getByRole("radio").first().check();
    await page.getByLabel(deWeb["form.consent"]).check();
    await page.getByRole("button", { name: deWeb["form.submit"] }).click();
    await page.locator('section[data-status="confirmed"]').waitFor();
    const chosen = page.locator(".workshop-places li");
    expect(await chosen.count()).toBe(1);
    expect(await chosen.first().getAttribute("data-status")).toBe("confirmed");
    const firstKey = await chosen.first().getAttribute("data-workshop");

    const mail = await waitForMail(e2e.baseUrl, email, (m) => /\/manage#/.test(m.text));
    await page.goto(`${e2e.baseUrl}${managePath(mail)}`);
    await rendered(page);
    await page.getByRole("heading", { name: deWeb["workshop.switch_heading"] }).waitFor();
    const select = page.getByLabel(deWeb["form.workshop_first"]);
    const other = await select.evaluate((el, current) => [...(el as HTMLSelectElement).options].map((o) => o.value).find((v) => v !== current)!, firstKey);
    await select.selectOption(other);
    await page.getByRole("button", { name: deWeb["workshop.switch_button"], exact: true }).click();
    // The page first says, in plain words, that the place held goes to someone else, and asks.
    await page.locator(".workshop-consequence").waitFor();
    expect(await page.locator(".workshop-consequence").innerText()).toContain(deWeb["workshop.confirm_free"].split("{")[0]!.trim());
    await page.getByRole("button", { name: deWeb["workshop.confirm_yes_switch"] }).click();
    await page.locator(`.workshop-places li[data-workshop="${other}"][data-status="confirmed"]`).waitFor();
    expect(await page.locator(".workshop-places li").count()).toBe(1);
    await context.close();
  });

  it("an organisation applies for a stand at the fair and is told it waits for approval", async () => {
    const context = await e2e.browser.newContext({ locale: "de-DE", viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${e2e.baseUrl}/event?slug=markt-der-moeglichkeiten`);
    await rendered(page);
    await page.getByLabel(deWeb["form.name"]).fill("Hülya Kaya");
    await page.getByLabel(deWeb["form.email"]).fill(`stand-${Date.now()}@example.org`);
    await page.getByRole("radio", { name: /Stand/ }).check();
    await page.getByLabel(deWeb["form.stand_organisation"]).fill("Elternverein Regenbogen e.V.");
    await page.getByLabel(deWeb["form.stand_description"]).fill("Hausaufgabenhilfe und Elterncafé auf Türkisch und Deutsch");
    await page.getByLabel(deWeb["form.stand_need_table"]).check();
    await page.getByLabel(deWeb["form.consent"]).check();
    const answer = page.waitForResponse((r) => r.url().includes("/registrations") && r.request().method() === "POST");
    await page.getByRole("button", { name: deWeb["form.submit"] }).click();
    const response = await answer;
    expect(response.status(), await response.text()).toBe(201);
    await page.locator('section[data-status="pending_approval"]').waitFor();
    await context.close();
  });
});
