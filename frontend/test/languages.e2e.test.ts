/**
 * Signing up in Arabic and in Ukrainian through the pages, the language chosen on the
 * page itself: the form preselects it as the language to write in, and the confirmation
 * email in the dev mailbox comes in that language (Arabic right to left). Screenshots of
 * the Arabic event and manage pages at 360 px go to /tmp/zusammen-rtl-*.png for a human
 * to look at (SCREENSHOT_DIR to change). And a title the organiser wrote in German only,
 * read through the shared link in Turkish as the translation job stored it, marked as such;
 * and the data page, which opens in the registration's language (Russian) in a German browser.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env, managePath, registerViaApi, rendered, startE2E, waitForMail, type E2E } from "./e2e";
import { catalogues as dataPageTexts } from "../src/privacy/strings";
import { textHash } from "../../workers/src/domain/events/texts";
import arEmail from "../../workers/src/i18n/ar/email";
import arWeb from "../../workers/src/i18n/ar/web";
import trWeb from "../../workers/src/i18n/tr/web";
import ukEmail from "../../workers/src/i18n/uk/email";
import ukWeb from "../../workers/src/i18n/uk/web";
import { format, languageName } from "../../workers/src/i18n/vocabulary";

const SCREENSHOTS = (env.SCREENSHOT_DIR ?? "/tmp").replace(/\/$/, "");
let e2e: E2E;

// The organiser's German title of the demo's asylum-law workshop (db/seed/demo.mjs), and the
// Turkish one the translation job would store for it (domain/events/translation.ts; there is no
// model locally). The hash ties it to that German text: if the seed's title changed, the
// translation would count as stale and the page would show the English title instead.
const GERMAN_TITLE = "Workshop Asylrecht: Der Umsturz in Syrien – Alles, was man jetzt in der Migrationsberatung wissen muss";
const TURKISH_TITLE = "İltica hukuku atölyesi: Suriye'deki devrim – göç danışmanlığında şimdi bilinmesi gereken her şey";
const machineTitle = `INSERT INTO event_translations (event_id, locale, field, text, status, source_locale, source_hash, updated_at)
  VALUES ((SELECT id FROM events WHERE slug = 'asylrecht-workshop'), 'tr', 'title', '${TURKISH_TITLE.replaceAll("'", "''")}', 'machine', 'de', '${textHash(GERMAN_TITLE)}', unixepoch() * 1000);`;

beforeAll(async () => {
  e2e = await startE2E("languages", { extraSql: machineTitle });
});

describe("a text the organiser wrote in German only", () => {
  it("reads in Turkish from the shared link, marked as automatically translated, in Turkish", async () => {
    const context = await e2e.browser.newContext({ locale: "de-DE", viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${e2e.baseUrl}/e/asylrecht-workshop?lang=tr`);
    await rendered(page);
    expect(await page.locator("html").getAttribute("lang")).toBe("tr");
    expect(await page.locator('meta[property="og:title"]').getAttribute("content")).toBe(TURKISH_TITLE);
    const title = page.locator("main h1");
    await expect.poll(() => title.innerText()).toBe(TURKISH_TITLE);
    // Read as Turkish by a screen reader: no other language on the way up from the heading.
    expect(await title.evaluate((element) => element.closest("[lang]")?.getAttribute("lang"))).toBe("tr");
    await page.getByText(trWeb["common.machine_translated"]).first().waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/zusammen-machine-translated-tr.png` });
    await context.close();
  });
});

describe("the data page", () => {
  it("opens from a participant's link in the language stored with the registration, whatever the browser says", async () => {
    const email = `data-ru-${Date.now()}@example.org`;
    const needs = { interpreter: "русский", childcare: { children: 2, ages: "3, 5" }, accessibility: "пандус" };
    const manage = await registerViaApi(e2e.baseUrl, "asylrecht-workshop", { name: "Мария Пример", email, locale: "ru", needs });
    const context = await e2e.browser.newContext({ locale: "de-DE", viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${e2e.baseUrl}/privacy-data#${manage.split("#")[1]}`);
    await page.waitForFunction(() => document.documentElement.lang === "ru");
    await page.getByRole("heading", { level: 1, name: dataPageTexts.ru.title }).waitFor();
    await page.getByText(dataPageTexts.ru.intro).waitFor();
    expect(await page.locator("main bdi[dir=ltr]").first().innerText()).toBe(email);
    // The email sent and the history in words, not the stored codes.
    await page.getByText(`${dataPageTexts.ru.mail_confirmed} (${dataPageTexts.ru.mail_status_sent})`).waitFor();
    await page.getByText(new RegExp(`: ${dataPageTexts.ru.did_created}$`)).waitFor();
    // What she asked for, in Russian words around what she wrote; not the stored keys.
    const ru = dataPageTexts.ru;
    const asked = page.locator("dt", { hasText: ru.needs }).locator("xpath=following-sibling::dd[1]");
    expect(await asked.innerText()).toBe(
      [ru.need_interpreter.replace("{language}", "русский"), ru.need_childcare_ages.replace("{children}", "2").replace("{ages}", "3, 5"), ru.need_accessibility.replace("{need}", "пандус")].join(" · "),
    );
    expect(await page.locator("main").innerText()).not.toMatch(/registration\.created|\(sent\)|interpreter|childcare|accessibility/);
    await page.screenshot({ path: `${SCREENSHOTS}/zusammen-data-page-ru.png` });
    await context.close();
  });
});

afterAll(async () => {
  await e2e?.stop();
});

describe.each([
  { locale: "ar", dir: "rtl", web: arWeb, email: arEmail, name: "أمينة مثال" },
  { locale: "uk", dir: "ltr", web: ukWeb, email: ukEmail, name: "Олена Приклад" },
] as const)("signing up in $locale", ({ locale, dir, web, email: mailTexts, name }) => {
  it("the page, the form's language and the confirmation email follow the language chosen on the page", async () => {
    // A German browser: the participant switches the language on the page.
    const context = await e2e.browser.newContext({ locale: "de-DE", viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    const email = `lang-${locale}-${Date.now()}@example.org`;
    await page.goto(`${e2e.baseUrl}/event?slug=asylrecht-workshop`);
    await rendered(page);
    await page.locator("form.registration-form").waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("de");

    await page.getByLabel("Sprache / Language").selectOption(locale);
    await page.waitForFunction((l) => document.documentElement.lang === l, locale);
    expect(await page.locator("html").getAttribute("dir")).toBe(dir);
    await page.locator("form.registration-form").waitFor();
    await page.getByRole("heading", { level: 2, name: web["event.register"] }).waitFor();
    // The event has no text in this language (and no machine translation here): the organiser's English, marked as such, with a note.
    const title = page.locator("main h1");
    expect(await title.getAttribute("lang")).toBe("en");
    expect(await title.getAttribute("dir")).toBe("ltr");
    await page.getByText(format(web["common.shown_in"], { language: languageName("en", locale) })).first().waitFor();
    // The language to write in starts as the page's language.
    expect(await page.getByLabel(web["form.locale"]).inputValue()).toBe(locale);

    await page.getByLabel(web["form.name"]).fill(name);
    await page.getByLabel(web["form.email"]).fill(email);
    await page.getByLabel(web["form.consent"]).check();
    if (locale === "ar") await page.screenshot({ path: `${SCREENSHOTS}/zusammen-rtl-event.png`, fullPage: true });
    await page.getByRole("button", { name: web["form.submit"] }).press("Enter");
    await page.locator('[data-status="confirmed"]').waitFor();
    await page.getByRole("heading", { name: web["outcome.confirmed_title"] }).waitFor();
    // The language survives the next page load (remembered in this browser).
    await page.goto(`${e2e.baseUrl}/`);
    await rendered(page);
    expect(await page.locator("html").getAttribute("lang")).toBe(locale);

    const mail = await waitForMail(e2e.baseUrl, email, (message) => /\/manage#/.test(message.text));
    const subjectStart = mailTexts["email.confirmed.subject"].split("{event}")[0]!;
    expect(mail.subject.startsWith(subjectStart), mail.subject).toBe(true);
    expect(mail.text).toContain(mailTexts["email.common.cancel_hint"]);
    expect(mail.html).toContain(`lang="${locale}"`);
    expect(mail.html).toContain(`dir="${dir}"`);

    // The manage page from the email, in the same language.
    await page.goto(`${e2e.baseUrl}${managePath(mail)}`);
    await page.locator('.status-text[data-status="confirmed"]').waitFor();
    await page.getByText(web["manage.status_confirmed"]).waitFor();
    const address = page.locator("dd bdi[dir=ltr]");
    expect(await address.innerText()).toBe(email);
    if (locale === "ar") await page.screenshot({ path: `${SCREENSHOTS}/zusammen-rtl-manage.png`, fullPage: true });
    await context.close();
  });
});
