/**
 * One journey per format not walked elsewhere, each in Arabic or Ukrainian on a phone (390 px)
 * in a German browser: from the event list to the form, the confirmation page, the email as a
 * mail client shows it, the manage page from the email in a fresh browser, and a cancellation.
 * - Ukrainian, series: the form and its dates, confirmed, the email's QR code, cancelled.
 * - Arabic, fair visitor: coming as a visitor (not a stand), confirmed, QR code, cancelled.
 * - Ukrainian, household with children: places and children entered, shown on the manage page.
 * - Arabic, online session with email confirmation: the confirmation email first, the link
 *   followed and the address confirmed, then the join link (never a QR code), cancelled.
 * Each page: `lang` and `dir`, labels from that language's catalogue, and no German or English
 * catalogue string outside the organiser's own (marked) texts. Workshops (languages.e2e) and
 * conferences (participant-journey.e2e) have their own journeys.
 * Screenshots go to /tmp/zusammen-format-*.png (SCREENSHOT_DIR to change).
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import arEmail from "../../workers/src/i18n/ar/email";
import arWeb from "../../workers/src/i18n/ar/web";
import deEmail from "../../workers/src/i18n/de/email";
import deWeb from "../../workers/src/i18n/de/web";
import enEmail from "../../workers/src/i18n/en/email";
import enWeb from "../../workers/src/i18n/en/web";
import ukEmail from "../../workers/src/i18n/uk/email";
import ukWeb from "../../workers/src/i18n/uk/web";
import { asMailClientShowsIt, env, managePath, rendered, startE2E, waitForMail, type E2E, type MailboxMessage } from "./e2e";

type Web = Record<keyof typeof deWeb, string>;
type Email = Record<keyof typeof deEmail, string>;
type Language = { locale: "ar" | "uk"; dir: "rtl" | "ltr"; web: Web; email: Email };
const AR: Language = { locale: "ar", dir: "rtl", web: arWeb, email: arEmail };
const UK: Language = { locale: "uk", dir: "ltr", web: ukWeb, email: ukEmail };

const SCREENSHOTS = (env.SCREENSHOT_DIR ?? "/tmp").replace(/\/$/, "");
const PHONE = { width: 390, height: 844 };
let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E("format-journeys", {
    // The series without the email step, so that only the online session walks it.
    extraSql: `UPDATE events SET email_confirmation = 0 WHERE slug = 'qualifizierungsreihe-migrantenorganisationen';`,
  });
});

afterAll(async () => {
  await e2e?.stop();
});

/**
 * German and English catalogue texts that differ from the language's own: the pieces between
 * placeholders long enough not to match by chance (a word such as "Name" is no leak).
 */
function foreignPieces(own: Record<string, string>, ...others: Record<string, string>[]): string[] {
  const pieces = new Set<string>();
  for (const other of others)
    for (const [key, text] of Object.entries(other)) {
      if (own[key] === text) continue;
      // A language may quote the German name on purpose ("Комунальний інтеграційний центр (Kommunales Integrationszentrum)").
      for (const piece of text.split(/\{[^}]+\}/)) if (piece.trim().length >= 12 && !own[key]?.includes(piece.trim())) pieces.add(piece.trim());
    }
  return [...pieces];
}

/**
 * The page's own words: the text of `main` without the organiser's data (names, places, titles:
 * each isolated in a <bdi>) and without texts that carry another language (marked as shown in it).
 */
async function ownText(page: Page, selector = "main"): Promise<string> {
  return page.evaluate((root) => {
    const lang = document.documentElement.lang;
    const parts: string[] = [];
    const walk = (node: Node) => {
      if (node instanceof HTMLElement && ((node.lang && node.lang !== lang) || node.localName === "bdi")) return;
      if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? "");
      for (const child of node.childNodes) walk(child);
    };
    walk(document.querySelector(root)!);
    return parts.join(" ");
  }, selector);
}

async function expectNoForeignCatalogueText(page: Page, language: Language, selector = "main"): Promise<void> {
  const text = await ownText(page, selector);
  const leaked = foreignPieces(language.web, deWeb, enWeb).filter((piece) => text.includes(piece));
  expect(leaked, `German or English on the ${language.locale} page`).toEqual([]);
}

async function expectPageIn(page: Page, language: Language): Promise<void> {
  await page.waitForFunction((l) => document.documentElement.lang === l, language.locale);
  expect(await page.locator("html").getAttribute("dir")).toBe(language.dir);
}

/** From the programme (a link presetting the language, shared by the centre) to the event's form. */
async function openFromList(browser: Browser, slug: string, language: Language): Promise<Page> {
  const context = await browser.newContext({ locale: "de-DE", viewport: PHONE });
  const page = await context.newPage();
  await page.goto(`${e2e.baseUrl}/?lang=${language.locale}`);
  await rendered(page);
  await expectPageIn(page, language);
  await page.locator(`main a[href="/e/${slug}"]`).first().click();
  await rendered(page);
  await page.locator("form.registration-form").waitFor();
  await expectPageIn(page, language);
  return page;
}

/** The control a catalogue text labels, as the form shows it (with the "required" mark where it has one). */
function field(page: Page, language: Language, key: keyof Web) {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return page.getByLabel(new RegExp(`^${escape(language.web[key])}(\\s*${escape(language.web["form.required"])})?$`));
}

/** The labels every form has, each in the language's own words, and nothing German or English around them. */
async function expectFormIn(page: Page, language: Language): Promise<void> {
  const { web } = language;
  await page.getByRole("heading", { level: 2, name: web["event.register"] }).waitFor();
  for (const key of ["form.name", "form.email", "form.locale"] as const) await field(page, language, key).waitFor();
  expect(await field(page, language, "form.locale").inputValue()).toBe(language.locale);
  await page.getByRole("group", { name: web["form.needs_legend"] }).waitFor();
  await page.getByRole("button", { name: web["form.submit"] }).waitFor();
  await expectNoForeignCatalogueText(page, language);
}

async function fillPerson(page: Page, language: Language, name: string, email: string): Promise<void> {
  await field(page, language, "form.name").fill(name);
  await field(page, language, "form.email").fill(email);
}

async function submit(page: Page, language: Language, status: "confirmed" | "check_email"): Promise<void> {
  await field(page, language, "form.consent").check();
  await page.getByRole("button", { name: language.web["form.submit"] }).click();
  await page.locator(`section.outcome[data-status="${status}"]`).waitFor();
  await page.getByRole("heading", { name: language.web[`outcome.${status}_title`] }).waitFor();
  expect(await page.locator("section.outcome").innerText()).toContain(language.web[`outcome.${status}_text`]);
  await expectPageIn(page, language);
  await expectNoForeignCatalogueText(page, language);
}

/** The newest email whose subject starts as the catalogue's subject `key` does in that language. */
function mailWithSubject(email: string, language: Language, key: keyof Email): Promise<MailboxMessage> {
  const start = language.email[key].split("{")[0]!;
  return waitForMail(e2e.baseUrl, email, (m) => m.subject.startsWith(start));
}

/** The email shown the way a mail client shows it: its language and direction, nothing German or English, and the QR code loaded where there is one. */
async function readEmail(mail: MailboxMessage, language: Language, qr: boolean): Promise<void> {
  const foreign = foreignPieces(language.email, deEmail, enEmail).filter((piece) => mail.text.includes(piece));
  expect(foreign, `German or English in the ${language.locale} email "${mail.subject}"`).toEqual([]);
  const context = await e2e.browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  await page.setContent(asMailClientShowsIt(mail));
  expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([language.locale, language.dir]);
  if (qr) {
    expect(mail.html).toContain('src="cid:checkin-qr"');
    const image = page.locator("img[width='180']");
    await page.waitForFunction(() => [...document.images].some((img) => img.complete && img.naturalWidth > 0));
    expect(await image.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
  } else {
    expect(mail.html).not.toContain("cid:checkin-qr");
    expect(mail.html).not.toContain("/api/checkin-qr/");
  }
  await context.close();
}

/** The manage page from an email in a fresh German browser: in the registration's language. */
async function openManage(mail: MailboxMessage, language: Language): Promise<Page> {
  const context = await e2e.browser.newContext({ locale: "de-DE", viewport: PHONE });
  const page = await context.newPage();
  await page.goto(`${e2e.baseUrl}${managePath(mail)}`);
  await rendered(page);
  await expectPageIn(page, language);
  await page.locator(".status-text").waitFor();
  return page;
}

async function expectManageConfirmed(page: Page, language: Language): Promise<void> {
  await page.locator('.status-text[data-status="confirmed"]').waitFor();
  expect(await page.locator(".status-text").innerText()).toBe(language.web["manage.status_confirmed"]);
  await page.getByRole("heading", { name: language.web["manage.details"] }).waitFor();
  await expectNoForeignCatalogueText(page, language);
}

/** Cancels on the manage page (asked once, then done): the cancelled state, and the email saying so. */
async function cancel(page: Page, language: Language, email: string): Promise<void> {
  const { web } = language;
  await page.getByRole("button", { name: web["manage.action_cancel"] }).click();
  await page.getByText(web["manage.cancel_question"]).waitFor();
  await page.getByRole("button", { name: web["manage.cancel_yes"] }).click();
  await page.locator('.status-text[data-status="cancelled"]').waitFor();
  expect(await page.locator(".status-text").innerText()).toBe(web["manage.status_cancelled"]);
  await page.getByRole("status").filter({ hasText: web["manage.done_cancel"] }).waitFor();
  expect(await page.getByRole("button", { name: web["manage.action_cancel"] }).count()).toBe(0);
  await expectPageIn(page, language);
  await expectNoForeignCatalogueText(page, language);
  const mail = await mailWithSubject(email, language, "email.cancelled.subject");
  expect(mail.html).toContain(`lang="${language.locale}"`);
}

/**
 * An event on site, once confirmed: the confirmation email with its QR code, the manage page
 * from it in a fresh browser with the code to show at the entrance, what `look` checks there,
 * a screenshot, and the cancellation.
 */
async function confirmedOnSiteThenCancelled(email: string, language: Language, screenshot: string, look: (manage: Page) => Promise<void> = async () => {}): Promise<void> {
  const mail = await mailWithSubject(email, language, "email.confirmed.subject");
  await readEmail(mail, language, true);
  const manage = await openManage(mail, language);
  await expectManageConfirmed(manage, language);
  const code = manage.locator(".check-in-code img");
  await code.evaluate((img: HTMLImageElement) => img.decode());
  expect(await code.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await look(manage);
  await manage.screenshot({ path: `${SCREENSHOTS}/zusammen-format-${screenshot}.png`, fullPage: true });
  await cancel(manage, language, email);
  await manage.context().close();
}

describe("a Ukrainian participant of a series", () => {
  it("registers once for all dates, sees the QR code in the email, and cancels on the manage page", async () => {
    const email = `format-series-${Date.now()}@example.org`;
    const page = await openFromList(e2e.browser, "qualifizierungsreihe-migrantenorganisationen", UK);
    // One registration for the three dates, listed on the form's page.
    expect(await page.locator("main ul.sessions > li.session").count()).toBe(3);
    await expectFormIn(page, UK);
    await fillPerson(page, UK, "Олена Приклад", email);
    // The event's own required question (the organiser's English, marked as such).
    await page.locator('input[name="q:organisation"]').fill("Українська громада Дюссельдорф e.V.");
    await submit(page, UK, "confirmed");
    await page.context().close();

    await confirmedOnSiteThenCancelled(email, UK, "series-uk", async (manage) => {
      expect(await manage.locator(".event-card ul.sessions > li.session").count()).toBe(3);
    });
  });
});

describe("an Arabic visitor of a fair", () => {
  it("comes as a visitor (not a stand), is confirmed, sees the QR code in the email, and cancels", async () => {
    const email = `format-fair-${Date.now()}@example.org`;
    const page = await openFromList(e2e.browser, "markt-der-moeglichkeiten", AR);
    await expectFormIn(page, AR);
    const kind = page.getByRole("group", { name: AR.web["form.kind_legend"] });
    expect(await kind.getByRole("radio", { name: AR.web["form.kind_visit"] }).isChecked()).toBe(true);
    // The stand's details stay hidden for a visitor.
    expect(await field(page, AR, "form.stand_organisation").isVisible()).toBe(false);
    await fillPerson(page, AR, "أمينة مثال", email);
    await page.locator('input[name="q:school"]').fill("Städtische Gesamtschule Düsseldorf");
    await submit(page, AR, "confirmed");
    await page.context().close();

    await confirmedOnSiteThenCancelled(email, AR, "fair-ar");
  });
});

describe("a Ukrainian household with children", () => {
  it("books places for the family, says how many are children, sees both on the manage page, and cancels", async () => {
    const email = `format-household-${Date.now()}@example.org`;
    const page = await openFromList(e2e.browser, "sommerfest-zertifikate", UK);
    await expectFormIn(page, UK);
    // The event's five languages as a Ukrainian list reads: commas, then "і" before the last.
    const languages = page.locator("h2", { hasText: UK.web["event.languages"] }).locator("xpath=following-sibling::p[1]");
    expect(await languages.innerText()).toBe("німецька, турецька, арабська, українська і російська");
    await fillPerson(page, UK, "Олена Приклад", email);
    await field(page, UK, "form.places").fill("3");
    await field(page, UK, "form.children_in_household").fill("2");
    await submit(page, UK, "confirmed");
    expect(await page.locator("section.outcome").innerText()).toContain(UK.web["outcome.places"].replace("{count}", "3"));
    await page.context().close();

    await confirmedOnSiteThenCancelled(email, UK, "household-uk", async (manage) => {
      const detail = (label: string) => manage.locator("dl.details dt", { hasText: label }).locator("xpath=following-sibling::dd[1]");
      expect(await detail(UK.web["manage.places"]).innerText()).toBe("3");
      expect(await detail(UK.web["manage.children"]).innerText()).toBe("2");
    });
  });
});

describe("an Arabic participant of an online session with email confirmation", () => {
  it("confirms the address from the email, gets the join link (no QR code), and cancels", async () => {
    const email = `format-online-${Date.now()}@example.org`;
    const page = await openFromList(e2e.browser, "info-lehrkraefte-seiteneinstieg", AR);
    await expectFormIn(page, AR);
    await page.getByText(AR.web["event.email_confirmation_note"]).waitFor();
    await fillPerson(page, AR, "أمينة مثال", email);
    await submit(page, AR, "check_email");
    await page.context().close();

    // First the email asking to confirm the address: Arabic, no QR code, the link to follow.
    const ask = await mailWithSubject(email, AR, "email.confirm_email.subject");
    await readEmail(ask, AR, false);
    const manage = await openManage(ask, AR);
    await manage.locator('.status-text[data-status="check_email"]').waitFor();
    await manage.getByText(AR.web["manage.online_later"]).waitFor();
    await expectNoForeignCatalogueText(manage, AR);
    await manage.getByRole("button", { name: AR.web["manage.action_confirm"] }).click();
    await manage.getByRole("status").filter({ hasText: AR.web["manage.done_confirm"] }).waitFor();
    await expectManageConfirmed(manage, AR);
    // Online: how to join, never a code for an entrance.
    const join = manage.getByRole("link", { name: AR.web["manage.online_link"] });
    expect(await join.getAttribute("href")).toBe("https://meet.example.org/zusammen-seiteneinstieg");
    expect(await manage.locator(".check-in-code").count()).toBe(0);
    expect(await manage.getByText(AR.web["manage.qr_hint"]).count()).toBe(0);
    await manage.screenshot({ path: `${SCREENSHOTS}/zusammen-format-online-ar.png`, fullPage: true });

    // Then the confirmation: Arabic, the join link, no QR code.
    const confirmed = await mailWithSubject(email, AR, "email.confirmed.subject");
    expect(confirmed.text).toContain("https://meet.example.org/zusammen-seiteneinstieg");
    await readEmail(confirmed, AR, false);

    await cancel(manage, AR, email);
    await manage.context().close();
  });
});
