/**
 * The organiser console in a real browser against a real `wrangler dev` with the demo seed:
 * an organiser signs in through the emailed link, creates an event with a required custom
 * question and one place, publishes it; two people register on the public page (the second
 * lands on the waiting list); the console lists both with their answers; raising the
 * capacity to 2 confirms the waitlisted one. A check-in helper sees no registrations of an
 * event they are not assigned to (a clear message in the console; 403/404 from the API).
 * The event form keeps its funding lines and partners (one per line) across a save and a reload.
 * axe-core checks the console pages for WCAG 2.1 AA violations along the way.
 *
 * Needs Debian's chromium (CHROMIUM_PATH to override) and a built frontend (`npm test`
 * builds it). E2E_URL runs against a server that is already running instead.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { axe, mailbox, startE2E, waitForMail, type E2E } from "./e2e";



let e2e: E2E;
let baseUrl = "";
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  e2e = await startE2E("console");
  baseUrl = e2e.baseUrl;
  browser = e2e.browser;
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await e2e?.stop();
});

/** A German-speaking browser; narrow (320 px) where asked, to prove the console works on a phone. */
async function newContext(width = 1280): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: "de-DE", viewport: { width, height: 900 }, timezoneId: "Europe/Berlin" });
  contexts.push(context);
  return context;
}


function apiRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith("/api/")) seen.push(`${request.method()} ${url.pathname}`);
  });
  return seen;
}


/** Signs in through the form and the emailed link; returns the page on /console/. */
async function signIn(context: BrowserContext, email: string): Promise<Page> {
  const page = await context.newPage();
  const seen = new Set((await mailbox(baseUrl, email)).map((message) => message.id));
  await page.goto(`${baseUrl}/console/sign-in`);
  await page.getByRole("heading", { level: 1, name: "Anmelden" }).waitFor();
  expect(await axe(page)).toEqual([]);
  await page.getByLabel("Ihre dienstliche E-Mail-Adresse").fill(email);
  await page.getByRole("button", { name: "Anmelde-Link schicken" }).click();
  await page.getByRole("heading", { name: "Bitte schauen Sie in Ihre E-Mails" }).waitFor();

  const link = await waitForMail(baseUrl, email, (message) => !seen.has(message.id) && /\/console\/sign-in#/.test(message.text));
  const token = /\/console\/sign-in#([A-Za-z0-9_-]+)/.exec(link.text)![1];
  const requests = apiRequests(page);
  await page.goto(`${baseUrl}/console/sign-in#${token}`);
  const button = page.getByRole("button", { name: "Anmelden" });
  await button.waitFor();
  // Opening the link changes nothing (mail scanners open links): only the button posts.
  expect(requests.filter((line) => !line.startsWith("GET "))).toEqual([]);
  await button.click();
  await page.waitForURL(`${baseUrl}/console/`);
  await page.getByRole("heading", { level: 1, name: "Veranstaltungen" }).waitFor();
  expect(requests.filter((line) => line === "POST /api/auth/verify")).toHaveLength(1);
  return page;
}

async function registerOnPublicPage(context: BrowserContext, slug: string, person: { name: string; email: string; school: string }, submit: string, outcome: string): Promise<void> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/event?slug=${encodeURIComponent(slug)}`);
  await page.getByLabel("Ihr Name").fill(person.name);
  await page.getByLabel("Ihre E-Mail-Adresse").fill(person.email);
  await page.getByLabel("An welcher Schule arbeiten Sie?").fill(person.school);
  await page.getByLabel(/Ich bin einverstanden/).check();
  await page.getByRole("button", { name: submit }).click();
  await page.locator(`[data-status="${outcome}"]`).waitFor();
  await page.close();
}

describe("organiser console", () => {
  let eventId = 0;

  it("an organiser creates and publishes an event, sees registrations with answers, and raising capacity confirms the waitlisted one", async () => {
    const context = await newContext();
    const page = await signIn(context, "organisation@example.org");
    expect(await axe(page)).toEqual([]);

    // A new event: first its kind (a workshop), then a short form with that kind's defaults,
    // one place and a required question of its own.
    await page.getByRole("link", { name: "Neue Veranstaltung" }).click();
    await page.getByRole("heading", { level: 1, name: "Neue Veranstaltung" }).waitFor();
    await page.getByRole("radio", { name: /^Workshop/ }).check();
    await page.getByRole("button", { name: "Weiter" }).click();
    await page.getByRole("heading", { level: 1, name: "Neue Veranstaltung: Workshop" }).waitFor();
    const title = `Konsole E2E ${Date.now()}`;
    const year = new Date().getFullYear() + 1;
    await page.getByLabel("Titel", { exact: false }).first().fill(title);
    // The preview of the public page follows what is typed.
    await page.getByRole("complementary", { name: "So sieht es öffentlich aus" }).getByText(title).waitFor();
    await page.getByLabel("Kurzbeschreibung").first().fill("Ein Workshop, angelegt im Browser-Test.");
    const session = page.getByRole("group", { name: "Termin 1" });
    await session.getByLabel("Beginn").fill(`${year}-07-01T10:00`);
    await session.getByLabel("Ende").fill(`${year}-07-01T13:00`);
    await page.getByLabel("Name des Ortes").fill("Integrationszentrum, Raum 2");
    await page.getByLabel("Wie viele Plätze gibt es?").fill("1");

    // Sending it without the question's text first: the problem is shown at the field.
    await page.getByRole("button", { name: "Frage hinzufügen" }).click();
    const question = page.getByRole("group", { name: "Frage 1" });
    await question.getByLabel("Pflichtfrage").check();
    await page.getByRole("button", { name: "Als Entwurf speichern" }).click();
    const summary = page.locator(".error-summary");
    await summary.waitFor();
    expect(await summary.evaluate((element) => element === document.activeElement)).toBe(true);
    await summary.getByRole("link", { name: /Frage 1/ }).click();
    const questionText = question.getByLabel("Fragetext", { exact: false }).first();
    await expect.poll(() => questionText.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await questionText.getAttribute("aria-invalid")).toBe("true");
    expect(await axe(page)).toEqual([]);

    await questionText.fill("An welcher Schule arbeiten Sie?");
    await page.getByRole("button", { name: "Als Entwurf speichern" }).click();
    await page.waitForURL(/\/console\/event\?id=\d+&created=1$/);
    eventId = Number(new URL(page.url()).searchParams.get("id"));
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    await page.getByText("noch nicht öffentlich", { exact: false }).first().waitFor();
    // The Berlin wall-clock time was sent as UTC (summer time: two hours ahead).
    expect(await page.locator(".details time").first().getAttribute("datetime")).toBe(`${year}-07-01T08:00:00.000Z`);

    // Publish (asks once more, in a dialog).
    await page.getByRole("button", { name: "Veröffentlichen" }).click();
    const dialog = page.getByRole("dialog", { name: "Veranstaltung veröffentlichen?" });
    await dialog.getByRole("button", { name: "Veröffentlichen" }).click();
    await page.locator(".badge-published").first().waitFor();
    const preview = page.getByRole("link", { name: /Öffentliche Seite ansehen/ });
    const slug = new URL(`${baseUrl}${await preview.getAttribute("href")}`).searchParams.get("slug")!;
    expect(await preview.getAttribute("target")).toBe("_blank");

    // Two registrations on the public page: the first takes the place, the second waits.
    const stamp = Date.now();
    await registerOnPublicPage(context, slug, { name: "Erste Person", email: `erste-${stamp}@example.org`, school: "Gesamtschule Nord" }, "Anmelden", "confirmed");
    await registerOnPublicPage(context, slug, { name: "Zweite Person", email: `zweite-${stamp}@example.org`, school: "Grundschule Süd" }, "Auf die Warteliste setzen", "waitlisted");

    // The console shows both, with their answers.
    await page.reload();
    const list = page.locator("#registrations-result");
    const first = list.locator("tr", { hasText: "Erste Person" });
    const second = list.locator("tr", { hasText: "Zweite Person" });
    await first.waitFor();
    await second.waitFor();
    expect(await first.getAttribute("data-status")).toBe("confirmed");
    expect(await second.getAttribute("data-status")).toBe("waitlisted");
    await first.getByText("Gesamtschule Nord").waitFor();
    await second.getByText("Grundschule Süd").waitFor();
    await first.getByText("An welcher Schule arbeiten Sie?").waitFor();
    await page.locator("#waitlist-heading ~ div ol.waitlist li", { hasText: "Zweite Person" }).getByText("Position 1").waitFor();
    expect(await axe(page)).toEqual([]);

    // Search narrows the list.
    await page.getByLabel("Suche nach Name oder E-Mail").fill("zweite");
    await page.getByRole("button", { name: "Anzeigen" }).click();
    await expect.poll(() => list.locator("tbody tr").count()).toBe(1);
    await page.getByLabel("Suche nach Name oder E-Mail").fill("");
    await page.getByRole("button", { name: "Anzeigen" }).click();
    await expect.poll(() => list.locator("tbody tr").count()).toBe(2);

    // The detail view: history and emails.
    await first.getByRole("button", { name: /Details/ }).click();
    const detail = page.getByRole("region", { name: "Anmeldung von Erste Person" });
    await detail.getByRole("heading", { name: "Verlauf" }).waitFor();
    // The history reads as a sentence, the count with its noun in the singular, by whom in brackets.
    expect(await detail.locator("ol.history li").first().innerText()).toMatch(/ Angemeldet \(bestätigt, 1 Platz\)\. \(Teilnehmende Person\)$/);
    await detail.getByRole("heading", { name: "E-Mails" }).waitFor();
    // The attendance record for the funder's file is one click away (nobody has attended yet: no dates, 0 hours).
    const record = detail.getByRole("link", { name: "Teilnahmenachweis mit Terminen und Stunden (PDF, für Fördergeber)" });
    const recordAnswer = await page.request.get(new URL((await record.getAttribute("href"))!, baseUrl).href);
    expect(recordAnswer.status()).toBe(200);
    expect(recordAnswer.headers()["content-type"]).toBe("application/pdf");
    await detail.getByRole("button", { name: "Details schließen" }).click();

    // At the door, the one confirmed person is counted in the singular.
    const door = await context.newPage();
    await door.goto(`${baseUrl}/console/checkin?event=${new URL(page.url()).searchParams.get("id")}`);
    await expect.poll(() => door.locator(".checkin-count").innerText()).toBe("0 von 1 Person eingecheckt (0 von 1 Anmeldung)");
    await door.close();

    // Raising the capacity to 2 confirms the waitlisted registration.
    await page.getByRole("spinbutton", { name: "Kapazität von Veranstaltung" }).fill("2");
    await page.getByRole("button", { name: "Ändern" }).click();
    const changed = page.getByRole("status").filter({ hasText: "Die Kapazität von Veranstaltung ist jetzt 2." });
    await changed.waitFor();
    // The message is where the action was (above the places table, not at the top of the page) and has the focus.
    await expect.poll(() => changed.evaluate((notice) => notice === document.activeElement)).toBe(true);
    expect(await changed.evaluate((notice) => [notice.closest("section")?.querySelector("h2")?.textContent, notice.parentElement?.nextElementSibling?.querySelector("caption")?.textContent])).toEqual(["Auf einen Blick", "Plätze"]);
    await expect.poll(() => list.locator("tr", { hasText: "Zweite Person" }).getAttribute("data-status"), { timeout: 15_000 }).toBe("confirmed");
    await page.locator('tr[data-pool="main"] [data-cell="taken"]', { hasText: "2 / 2" }).waitFor();
    await page.locator("#waitlist-heading ~ div").getByText("Niemand wartet.").waitFor();
  });

  it("a check-in helper sees no registrations of an event they are not assigned to", async () => {
    expect(eventId).toBeGreaterThan(0);
    // A phone-sized screen: the console works at 320 px.
    const context = await newContext(320);
    const page = await signIn(context, "einlass@example.org");
    await page.getByText("Sie sind als Einlass-Hilfe eingetragen", { exact: false }).waitFor();
    expect(await page.locator(`tr[data-event-id="${eventId}"]`).count()).toBe(0);
    // Nothing sticks out sideways: wide tables scroll inside their wrapper.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);

    await page.goto(`${baseUrl}/console/event?id=${eventId}`);
    const alert = page.getByRole("alert");
    await alert.getByText("gehört nicht zu Ihren Organisationen", { exact: false }).waitFor();
    expect(await page.locator("#registrations-result").count()).toBe(0);
    expect(await axe(page)).toEqual([]);

    const statuses = await page.evaluate(async (id) => {
      const get = (path: string) => fetch(path, { headers: { Accept: "application/json" } }).then((r) => r.status);
      return [await get(`/api/console/events/${id}`), await get(`/api/console/events/${id}/registrations`), await get(`/api/console/events/${id}/export.csv`)];
    }, eventId);
    for (const status of statuses) expect([403, 404]).toContain(status);
  });

  it("an organiser gives the event funding lines and partners in its form, and they are there after a reload", async () => {
    expect(eventId).toBeGreaterThan(0);
    const context = await newContext(390);
    const page = await signIn(context, "organisation@example.org");
    await page.goto(`${baseUrl}/console/edit?id=${eventId}`);
    await page.getByText("Weitere Einstellungen").click();
    const fundingLines = page.getByLabel("Förderlinien");
    const partners = page.getByLabel("Partner", { exact: true });
    await fundingLines.waitFor();
    expect(await fundingLines.inputValue()).toBe("");
    await fundingLines.fill("KOMM-AN NRW\n\n  ESF ");
    await partners.fill("Amt für Gleichstellung, Köln\nFlüchtlingsrat");
    expect(await axe(page)).toEqual([]);
    await page.getByRole("button", { name: "Speichern", exact: true }).click();
    await page.waitForURL(new RegExp(`/console/event\\?id=${eventId}&saved=1$`));

    // Sent and stored one per line, trimmed, empty lines left out; the form shows them again.
    await page.goto(`${baseUrl}/console/edit?id=${eventId}`);
    await page.getByText("Weitere Einstellungen").click();
    await expect.poll(() => page.getByLabel("Förderlinien").inputValue()).toBe("KOMM-AN NRW\nESF");
    expect(await page.getByLabel("Partner", { exact: true }).inputValue()).toBe("Amt für Gleichstellung, Köln\nFlüchtlingsrat");
    const stored = await page.evaluate(async (id) => (await (await fetch(`/api/console/events/${id}`, { headers: { Accept: "application/json" } })).json()) as { event: { fundingLines: string[]; partners: string[] } }, eventId);
    expect(stored.event.fundingLines).toEqual(["KOMM-AN NRW", "ESF"]);
    expect(stored.event.partners).toEqual(["Amt für Gleichstellung, Köln", "Flüchtlingsrat"]);
    // Nothing sticks out sideways on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
