/**
 * The participant's journey in their own language, in a German browser on a phone:
 * - Arabic, conference with workshops: an unknown `?lang=` falls back to the browser's language,
 *   switching to Arabic keeps what was typed, the form, the
 *   confirmation page naming the workshop, the email opened as a file showing its inline QR
 *   code, the manage page opened from the email in a fresh (German) context still in Arabic,
 *   and a switch to a full workshop that explains the consequence and keeps the place held;
 *   there the place, the workshops' names and the email address keep their own direction
 *   (<bdi>), the address on one line.
 * - Ukrainian, "I lost my link": a link presetting Ukrainian (`?lang=uk`), a bad address refused in
 *   Ukrainian, the same answer for any address, the
 *   email with the manage link, which opens the manage page in the registration's language.
 * - Webmail: a reminder's hosted QR image loads when the email is shown on another origin.
 * - The organiser: the console's translation page says translation is not configured and takes
 *   a corrected Arabic title, which the Arabic event page then shows as the organiser's words.
 * Screenshots of the Arabic manage page's question and the Ukrainian lost-link answer go to
 * /tmp/zusammen-journey-*.png (SCREENSHOT_DIR to change).
 */
import type { Locator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import arWeb from "../../workers/src/i18n/ar/web";
import ukEmail from "../../workers/src/i18n/uk/email";
import ukWeb from "../../workers/src/i18n/uk/web";
import { asMailClientShowsIt, env, managePath, rendered, registerViaApi, signInToConsole, startE2E, waitForMail, type E2E, type MailboxMessage } from "./e2e";

const nodeFs = (await import(/* @vite-ignore */ "node:fs" as string)) as { writeFileSync(path: string, data: string): void; rmSync(path: string, options: { force: boolean }): void };

let e2e: E2E;
const SCREENSHOTS = (env.SCREENSHOT_DIR ?? "/tmp").replace(/\/$/, "");
const TWO_DAYS = 2 * 86_400_000;

beforeAll(async () => {
  e2e = await startE2E("participant-journey", {
    extraSql: [
      // Workshop B of the Fachtag is full: choosing it on the manage page must not cost the place held.
      `UPDATE capacity_pools SET capacity = 0 WHERE key = 'ws-zugang' AND event_id = (SELECT id FROM events WHERE slug = 'fachtag-gesundheit-fuer-alle');`,
      // The asylum-law workshop starts in two days, and its reminder (a bulk email: the QR code is the hosted image) is due 10 minutes after the start of the server
      // (after the registration below, which a reminder only reaches when it was made before the reminder's time).
      `UPDATE sessions SET starts_at = unixepoch() * 1000 + ${TWO_DAYS}, ends_at = unixepoch() * 1000 + ${TWO_DAYS} + 7200000 WHERE event_id = (SELECT id FROM events WHERE slug = 'asylrecht-workshop');`,
      `UPDATE events SET registration_closes_at = NULL, reminder_rules = json_array(json_object('kind', 'before', 'minutes', (${TWO_DAYS} - 600000) / 60000.0)) WHERE slug = 'asylrecht-workshop';`,
    ].join("\n"),
  });
});

afterAll(async () => {
  await e2e?.stop();
});

describe("a QR code in webmail", () => {
  it("the hosted image in a reminder loads when the email is shown on another origin", async () => {
    const email = `journey-webmail-${Date.now()}@example.org`;
    await registerViaApi(e2e.baseUrl, "asylrecht-workshop", { name: "Олена Приклад", email, locale: "uk" });
    const subjectStart = ukEmail["email.reminder.subject"].split("{")[0]!;
    // The scheduled jobs as the minutely cron runs them, with the clock past the reminder's time.
    expect(await e2e.runScheduled(Date.now() + 610_000)).toBe("ok");
    const mail: MailboxMessage | null = await waitForMail(e2e.baseUrl, email, (m) => m.subject.startsWith(subjectStart)).catch(() => null);
    expect(mail, "the reminder arrived").not.toBeNull();
    const hosted = /<img[^>]+src="([^"]+\/api\/checkin-qr\/[^"]+\.png)"/.exec(mail!.html);
    expect(hosted, "the reminder shows the hosted QR image").not.toBeNull();
    // PUBLIC_URL is fixed in the test config; the image lives at the same path on this server.
    const src = `${e2e.baseUrl}${new URL(hosted![1]!).pathname}`;
    const body = mail!.html.split(hosted![1]!).join(src);

    // A webmail on its own origin (another host name of this machine) shows the message's HTML
    // as it is. The test server listens on a loopback address, which Chromium lets another site
    // reach only with the person's permission (Local Network Access); a deployed server is
    // public, so the webmail gets that permission here.
    const server = new URL(e2e.baseUrl);
    const webmail = `http://${server.hostname === "localhost" ? "127.0.0.1" : "localhost"}:${server.port}`;
    const context = await e2e.browser.newContext({ viewport: { width: 390, height: 844 } });
    await context.grantPermissions(["local-network-access"], { origin: webmail });
    await context.route(`${webmail}/webmail/**`, (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body }));
    const page = await context.newPage();
    const failures: string[] = [];
    page.on("console", (message) => failures.push(message.text()));
    await page.goto(`${webmail}/webmail/message/1`);
    expect(new URL(page.url()).origin).not.toBe(new URL(src).origin);
    await page.waitForFunction((url) => [...document.images].some((img) => img.src === url && img.complete), src);
    const width = await page.evaluate((url) => [...document.images].find((img) => img.src === url)!.naturalWidth, src);
    expect(width, failures.join(" | ")).toBeGreaterThan(0);
    await context.close();
  });
});

describe("an Arabic participant at a conference with workshops", () => {
  it("follows an Arabic link, books a workshop, sees the QR code in the email, and keeps the place when the wanted workshop is full", async () => {
    const context = await e2e.browser.newContext({ locale: "de-DE", viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const email = `journey-ar-${Date.now()}@example.org`;
    // A language we do not offer in the link: the browser's language, no error.
    await page.goto(`${e2e.baseUrl}/event?slug=fachtag-gesundheit-fuer-alle&lang=xx`);
    await rendered(page);
    expect(await page.locator("html").getAttribute("lang")).toBe("de");
    // What was typed survives switching the page to Arabic.
    await page.locator("form.registration-form input[name=name]").fill("أمينة مثال");
    await page.getByLabel("Sprache / Language").selectOption("ar");
    await page.waitForFunction(() => document.documentElement.lang === "ar");
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
    await page.getByRole("heading", { level: 2, name: arWeb["event.register"] }).waitFor();
    expect(await page.getByLabel(arWeb["form.name"]).inputValue()).toBe("أمينة مثال");
    expect(await page.getByLabel(arWeb["form.locale"]).inputValue()).toBe("ar");

    await page.getByLabel(arWeb["form.email"]).fill(email);
    const workshops = page.getByRole("group", { name: arWeb["form.workshop_first"] });
    await workshops.locator('input[value="ws-dolmetschen"]').check();
    await page.getByLabel(arWeb["form.consent"]).check();
    await page.getByRole("button", { name: arWeb["form.submit"] }).click();
    await page.locator('section[data-status="confirmed"]').waitFor();
    await page.getByRole("heading", { name: arWeb["outcome.confirmed_title"] }).waitFor();
    const booked = page.locator('.workshop-places li[data-workshop="ws-dolmetschen"]');
    expect(await booked.getAttribute("data-status")).toBe("confirmed");
    // No machine translation here: the organiser's English name of the workshop, in its own language.
    expect(await booked.innerText()).toContain("Language mediation and interpreting");
    await context.close();

    // The confirmation email, opened as a file the way a mail client shows it: Arabic, the workshop named, the QR code loaded.
    const mail = await waitForMail(e2e.baseUrl, email, (m) => /\/manage#/.test(m.text));
    expect(mail.html).toContain('lang="ar"');
    expect(mail.html).toContain('dir="rtl"');
    expect(mail.text).toContain("Language mediation and interpreting");
    expect(mail.html).toContain('src="cid:checkin-qr"');
    const file = `/tmp/zusammen-journey-ar-${Date.now()}.html`;
    nodeFs.writeFileSync(file, asMailClientShowsIt(mail));
    const reader = await e2e.browser.newContext({ viewport: { width: 390, height: 844 } });
    const mailPage = await reader.newPage();
    await mailPage.goto(`file://${file}`);
    const qr = mailPage.locator("img[width='180']");
    await qr.waitFor();
    await mailPage.waitForFunction(() => [...document.images].some((img) => img.complete && img.naturalWidth > 0));
    expect(await qr.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    await reader.close();
    nodeFs.rmSync(file, { force: true });

    // The manage page from the email in a fresh German browser: Arabic, the language stored with the registration.
    const fresh = await e2e.browser.newContext({ locale: "de-DE", viewport: { width: 390, height: 844 } });
    const manage = await fresh.newPage();
    await manage.goto(`${e2e.baseUrl}${managePath(mail)}`);
    await rendered(manage);
    await manage.waitForFunction(() => document.documentElement.lang === "ar");
    expect(await manage.locator("html").getAttribute("dir")).toBe("rtl");
    await manage.getByRole("heading", { name: arWeb["workshop.switch_heading"] }).waitFor();

    // Choosing the full workshop explains the consequence and asks; confirming keeps the place held.
    await manage.getByLabel(arWeb["form.workshop_first"]).selectOption("ws-zugang");
    await manage.getByRole("button", { name: arWeb["workshop.switch_button"], exact: true }).click();
    const question = manage.locator(".workshop-consequence");
    await question.waitFor();
    const questionStart = arWeb["workshop.confirm_full"].split("{")[0]!.trim();
    expect(await question.innerText()).toContain(questionStart);
    await manage.screenshot({ path: `${SCREENSHOTS}/zusammen-journey-ar-keep-place.png`, fullPage: true });
    // German and English values in the Arabic page each keep their own direction (<bdi>), the Arabic sentences around them theirs.
    const direction = (locator: Locator) => locator.evaluate((element) => getComputedStyle(element).direction);
    const place = manage.locator(".event-card .event-place bdi.place");
    expect(await place.innerText()).toMatch(/^Rathaus Düsseldorf, Plenarsaal, Marktplatz 2, 40213 Düsseldorf$/);
    expect(await direction(place)).toBe("ltr");
    const status = manage.locator('.workshop-places li[data-workshop="ws-dolmetschen"]');
    expect(await direction(status)).toBe("rtl");
    expect(await direction(status.locator("bdi.workshop-name"))).toBe("ltr");
    expect(await status.locator("bdi.workshop-name").innerText()).toBe("Workshop A: Language mediation and interpreting in health care");
    // Each «…» of the question holds one name in its own <bdi>, in the catalogue's order of {wanted} and {current}.
    const names = { wanted: "Workshop B: Opening access – health care for newcomers", current: "Workshop A: Language mediation and interpreting in health care" };
    const placeholders = [...arWeb["workshop.confirm_full"].matchAll(/\{(wanted|current)\}/g)].map((match) => names[match[1] as keyof typeof names]);
    const named = question.locator("bdi.workshop-name");
    expect(await named.allInnerTexts()).toEqual(placeholders);
    for (const name of await named.all()) expect(await direction(name)).toBe("ltr");
    // The address reads left to right and stays on one line (not broken at "-" or before "@"): its text lies in one line box.
    const address = manage.locator("dd bdi.email");
    expect(await address.getAttribute("dir")).toBe("ltr");
    expect(await address.innerText()).toBe(email);
    expect(
      await address.evaluate((element) => {
        const range = document.createRange();
        range.selectNodeContents(element);
        return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
      }),
    ).toBe(1);
    await manage.getByRole("button", { name: arWeb["workshop.confirm_yes_wait"] }).click();
    await manage.locator('.workshop-places li[data-workshop="ws-zugang"][data-status="waitlisted"]').waitFor();
    expect(await manage.locator('.workshop-places li[data-workshop="ws-dolmetschen"]').getAttribute("data-status")).toBe("confirmed");
    await fresh.close();
  });
});

describe("a Ukrainian participant who lost the link", () => {
  it("asks on the Ukrainian page, gets one email with the manage link, which opens in Ukrainian", async () => {
    const email = `journey-uk-${Date.now()}@example.org`;
    await registerViaApi(e2e.baseUrl, "asylrecht-workshop", { name: "Олена Приклад", email, locale: "uk" });

    const context = await e2e.browser.newContext({ locale: "de-DE", viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${e2e.baseUrl}/lost-link?lang=uk`);
    await rendered(page);
    expect(await page.locator("html").getAttribute("lang")).toBe("uk");
    await page.getByRole("heading", { level: 1, name: ukWeb["lostlink.title"] }).waitFor();

    // Bad input: a clear message in Ukrainian, nothing sent.
    await page.getByLabel(ukWeb["lostlink.email"]).fill("not-an-address");
    await page.getByRole("button", { name: ukWeb["lostlink.submit"] }).click();
    await page.locator(".field-error:not([hidden])").first().waitFor();
    expect(await page.getByText(ukWeb["lostlink.sent"]).count()).toBe(0);

    await page.getByLabel(ukWeb["lostlink.email"]).fill(email);
    await page.getByRole("button", { name: ukWeb["lostlink.submit"] }).click();
    await page.getByText(ukWeb["lostlink.sent"]).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/zusammen-journey-uk-lost-link.png`, fullPage: true });
    // An unknown address gets the very same answer.
    await page.goto(`${e2e.baseUrl}/lost-link?lang=uk`);
    await rendered(page);
    await page.getByLabel(ukWeb["lostlink.email"]).fill(`nobody-${Date.now()}@example.org`);
    await page.getByRole("button", { name: ukWeb["lostlink.submit"] }).click();
    await page.getByText(ukWeb["lostlink.sent"]).waitFor();
    await context.close();

    const subjectStart = ukEmail["email.manage_links.subject"].split("{")[0]!;
    const mail = await waitForMail(e2e.baseUrl, email, (m) => m.subject.startsWith(subjectStart));
    expect(mail.html).toContain('lang="uk"');
    const fresh = await e2e.browser.newContext({ locale: "de-DE", viewport: { width: 390, height: 844 } });
    const manage = await fresh.newPage();
    await manage.goto(`${e2e.baseUrl}${managePath(mail)}`);
    await rendered(manage);
    await manage.waitForFunction(() => document.documentElement.lang === "uk");
    await manage.getByText(ukWeb["manage.status_confirmed"]).waitFor();
    await fresh.close();
  });
});

describe("an organiser reviews a translation", () => {
  it("the console says translation is not configured, takes a corrected Arabic title, and the Arabic page shows it unmarked", async () => {
    const context = await e2e.browser.newContext({ locale: "de-DE", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signInToConsole(page, e2e.baseUrl, "admin@example.org");
    const id = await page.evaluate(async () => {
      const { events } = (await (await fetch("/api/console/events")).json()) as { events: { id: number; slug: string }[] };
      return events.find((e) => e.slug === "asylrecht-workshop")!.id;
    });
    await page.goto(`${e2e.baseUrl}/console/translations?id=${id}`);
    await page.locator('[data-configured="false"]').waitFor();
    const title = page.locator('section[data-locale="ar"] li[data-field="title"]');
    expect(await title.locator("[data-status]").getAttribute("data-status")).toBe("missing");
    const reviewed = "ورشة عمل: قانون اللجوء";
    await title.locator("textarea").fill(reviewed);
    await title.getByRole("button").click();
    await page.locator('section[data-locale="ar"] li[data-field="title"] [data-status="reviewed"]').waitFor();
    await context.close();

    const reader = await e2e.browser.newContext({ locale: "de-DE", viewport: { width: 390, height: 844 } });
    const event = await reader.newPage();
    await event.goto(`${e2e.baseUrl}/event?slug=asylrecht-workshop&lang=ar`);
    await rendered(event);
    const h1 = event.locator("main h1");
    await event.waitForFunction((text) => document.querySelector("main h1")?.textContent?.includes(text), reviewed);
    // The organiser's own (reviewed) words: in Arabic, without a machine or fallback mark.
    expect(await h1.getAttribute("lang")).not.toBe("en");
    expect(await h1.getAttribute("lang")).not.toBe("de");
    expect(await h1.innerText()).not.toContain(arWeb["common.machine_translated"]);
    await reader.close();
  });
});
