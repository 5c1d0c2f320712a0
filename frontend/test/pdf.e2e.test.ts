/**
 * Certificates and signature lists as a reader gets them: against a real `wrangler dev`
 * with the demo seed, four participants of the qualification series (names in Turkish,
 * Ukrainian, Arabic, and one mixing Latin and Arabic) register, are checked in for two of
 * the three dates (recorded afterwards by the organiser: the series is moved so that its
 * first two dates were two weeks and one week ago and the third starts in half an hour,
 * because nobody checks in before a date's window and certificates count only ended dates),
 * get their certificates, and `pdftotext -layout` (Debian's poppler-utils)
 * reads the PDFs back: every name in logical order, every expected participant on the
 * signature list, and on an attendance record the dates attended with their hours and total. The organiser signs in like a person: a sign-in link from the dev mailbox.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { horizontalOverflow, startE2E, waitForMail, type E2E } from "./e2e";

type Process = { execFileSync(file: string, args: string[], options?: { encoding: "utf8" }): string };
type Fs = { mkdtempSync(prefix: string): string; writeFileSync(path: string, data: Uint8Array): void; rmSync(path: string, options: { recursive: boolean; force: boolean }): void };
type Os = { tmpdir(): string };

let e2e: E2E;
let dir = "";
let fs: Fs;
let child: Process;

const SERIES = "qualifizierungsreihe-migrantenorganisationen";
const PEOPLE = [
  { name: "Ğül Öztürk", email: "gul.pdf@example.org", locale: "tr" },
  { name: "Олена Коваленко", email: "olena.pdf@example.org", locale: "uk" },
  { name: "محمد الأحمد", email: "mohammed.pdf@example.org", locale: "ar" },
  { name: "Amira محمد", email: "amira.pdf@example.org", locale: "de" },
];

/** The series' dates: two weeks ago, a week ago, and in half an hour (each keeps its length). */
const extraSql = `
CREATE TABLE e2e_dates AS SELECT id, row_number() OVER (ORDER BY starts_at) AS n, ends_at - starts_at AS length_ms,
  CAST(unixepoch('subsec') * 1000 AS INTEGER) + 30 * 60000 AS third_at
  FROM sessions WHERE event_id = (SELECT id FROM events WHERE slug = '${SERIES}');
UPDATE sessions SET
  starts_at = (SELECT third_at - (3 - n) * 7 * 86400000 FROM e2e_dates WHERE e2e_dates.id = sessions.id),
  ends_at = (SELECT third_at - (3 - n) * 7 * 86400000 + length_ms FROM e2e_dates WHERE e2e_dates.id = sessions.id)
  WHERE id IN (SELECT id FROM e2e_dates);
UPDATE events SET allow_late_registration = 1 WHERE slug = '${SERIES}';
DROP TABLE e2e_dates;
`;

beforeAll(async () => {
  e2e = await startE2E("pdf", { extraSql });
  fs = (await import(/* @vite-ignore */ "node:fs" as string)) as Fs;
  child = (await import(/* @vite-ignore */ "node:child_process" as string)) as Process;
  const os = (await import(/* @vite-ignore */ "node:os" as string)) as Os;
  dir = fs.mkdtempSync(`${os.tmpdir()}/zusammen-pdf-`);
});

afterAll(async () => {
  await e2e?.stop();
  // PDF_TEST_KEEP=1 keeps the PDFs and the check-in screenshot to look at.
  if (dir && !(globalThis as unknown as { process: { env: Record<string, string | undefined> } }).process.env.PDF_TEST_KEEP) fs.rmSync(dir, { recursive: true, force: true });
  else if (dir) console.log(`PDFs and screenshots kept in ${dir}`);
});

type Organiser = ((method: string, path: string, body?: unknown) => Promise<Response>) & { cookie: string };

/** A signed-in organiser: cookie and CSRF token for the console API. */
async function signIn(email: string): Promise<Organiser> {
  const { baseUrl } = e2e;
  const origin = { origin: baseUrl, "content-type": "application/json" };
  const requested = await fetch(`${baseUrl}/api/auth/login`, { method: "POST", headers: origin, body: JSON.stringify({ email }) });
  expect(requested.status).toBe(202);
  const mail = await waitForMail(baseUrl, email, (m) => /\/console\/sign-in#[A-Za-z0-9_-]{43}/.test(m.text));
  const token = /\/console\/sign-in#([A-Za-z0-9_-]{43})/.exec(mail.text)![1];
  const verified = await fetch(`${baseUrl}/api/auth/verify`, { method: "POST", headers: origin, body: JSON.stringify({ token }) });
  expect(verified.status).toBe(200);
  const cookie = verified.headers.get("set-cookie")!.split(";")[0]!;
  const { csrfToken } = (await (await fetch(`${baseUrl}/api/auth/me`, { headers: { cookie } })).json()) as { csrfToken: string };
  const call = (method: string, path: string, body?: unknown) =>
    fetch(`${baseUrl}${path}`, {
      method,
      headers: { cookie, origin: baseUrl, "x-csrf-token": csrfToken, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return Object.assign(call, { cookie });
}

/** Registers, confirms the address (the series asks for it) and returns the manage token. */
async function registerAndConfirm(person: (typeof PEOPLE)[number]): Promise<string> {
  const { baseUrl } = e2e;
  const response = await fetch(`${baseUrl}/api/events/${SERIES}/registrations`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ ...person, consent: true, answers: { organisation: "Verein Brücke e. V." } }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  const mail = await waitForMail(baseUrl, person.email, (m) => /\/manage#/.test(m.text));
  const token = /\/manage#([A-Za-z0-9_-]{43})/.exec(mail.text)![1]!;
  const confirmed = await fetch(`${baseUrl}/api/registrations/${token}/confirm`, { method: "POST" });
  expect(confirmed.status).toBe(200);
  return token;
}

function pdfText(name: string, bytes: ArrayBuffer): string {
  const path = `${dir}/${name}.pdf`;
  fs.writeFileSync(path, new Uint8Array(bytes));
  // poppler marks right-to-left runs with invisible embedding controls (U+202B … U+202C);
  // the characters between them are what is compared, in logical order.
  return child.execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", path, "-"], { encoding: "utf8" }).replace(/[\u202A-\u202E\u2066-\u2069]/g, "");
}

let organiser: Organiser;
let seriesId = 0;

describe("PDFs in every script", () => {
  it("certificates and the signature list carry the names, readable and in logical order", async () => {
    organiser = await signIn("organisation@example.org");
    const tokens = new Map<string, string>();
    for (const person of PEOPLE) tokens.set(person.email, await registerAndConfirm(person));

    const { events } = (await (await organiser("GET", "/api/console/checkin/events")).json()) as { events: { id: number; title: string; sessions: { id: number }[] }[] };
    const series = events.find((e) => e.title.startsWith("Qualifizierungsreihe"))!;
    expect(series.sessions).toHaveLength(3);
    seriesId = series.id;

    // Two of three dates each, by name search (as at the door without a QR code).
    const registrationIds = new Map<string, number>();
    for (const person of PEOPLE) {
      for (const session of series.sessions.slice(0, 2)) {
        const found = (await (await organiser("GET", `/api/console/events/${series.id}/checkin/search?sessionId=${session.id}&q=${encodeURIComponent(person.name)}`)).json()) as {
          people: { registrationId: number; name: string }[];
        };
        const match = found.people.find((p) => p.name === person.name)!;
        registrationIds.set(person.email, match.registrationId);
        const scanned = await organiser("POST", `/api/console/events/${series.id}/checkin/scan`, { registrationId: match.registrationId, sessionId: session.id });
        expect(((await scanned.json()) as { outcome: string }).outcome).toBe("checked_in");
      }
    }

    // The signature list of the first date: every expected participant, page numbers.
    const report = (await (await organiser("GET", `/api/console/events/${series.id}/attendance`)).json()) as { expected: { name: string }[] };
    expect(report.expected.map((p) => p.name)).toEqual(expect.arrayContaining(PEOPLE.map((p) => p.name)));
    const list = await organiser("GET", `/api/console/events/${series.id}/sessions/${series.sessions[0]!.id}/signature-list.pdf`);
    expect(list.status).toBe(200);
    const listText = pdfText("signature-list", await list.arrayBuffer());
    for (const { name } of report.expected) expect(listText, name).toContain(name);
    expect(listText).toMatch(/Seite 1 von \d+/);
    expect(listText).toContain("Qualifizierungsreihe für Migrantenorganisationen");
    expect(listText).toContain(`${report.expected.length} ${report.expected.length === 1 ? "Anmeldung" : "Anmeldungen"}`);

    // Certificates: rule "at least 2 of 3 dates".
    const issued = (await (await organiser("POST", `/api/console/events/${series.id}/certificates/issue`, {})).json()) as { issued: number };
    expect(issued.issued).toBeGreaterThanOrEqual(PEOPLE.length);
    for (const person of PEOPLE) {
      const response = await fetch(`${e2e.baseUrl}/api/registrations/${tokens.get(person.email)}/certificate.pdf`);
      expect(response.status).toBe(200);
      const text = pdfText(`certificate-${person.locale}`, await response.arrayBuffer());
      expect(text, text).toContain(person.name);
      expect(text).toContain("Teilnahmebescheinigung");
      expect(text).toContain("Dr. Selin Aydın");
      expect(text).toMatch(/Prüfcode: [0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/);
    }
    // The participant's language alongside the German.
    const turkish = pdfText("tr-again", await (await fetch(`${e2e.baseUrl}/api/registrations/${tokens.get(PEOPLE[0]!.email)}/certificate.pdf`)).arrayBuffer());
    expect(turkish).toContain("Katılım belgesi");
    const arabic = pdfText("ar-again", await (await fetch(`${e2e.baseUrl}/api/registrations/${tokens.get(PEOPLE[2]!.email)}/certificate.pdf`)).arrayBuffer());
    expect(arabic).toContain("شهادة حضور");

    // The attendance record for the funder's file: the two ended dates attended, their hours, the total.
    const { event } = (await (await organiser("GET", `/api/console/events/${series.id}`)).json()) as { event: { sessions: { startsAt: string; endsAt: string }[] } };
    const attendedDates = event.sessions.slice(0, 2);
    const hours = (s: { startsAt: string; endsAt: string }) => (Date.parse(s.endsAt) - Date.parse(s.startsAt)) / 3_600_000;
    const germanHours = (value: number) => value.toLocaleString("de-DE", { maximumFractionDigits: 2 });
    const record = await organiser("GET", `/api/console/registrations/${registrationIds.get(PEOPLE[1]!.email)}/attendance.pdf`);
    expect(record.status).toBe(200);
    const recordText = pdfText("attendance-record", await record.arrayBuffer());
    expect(recordText).toContain("Teilnahmenachweis");
    expect(recordText).toContain(PEOPLE[1]!.name);
    for (const date of attendedDates) {
      const day = new Intl.DateTimeFormat("de-DE", { timeZone: "Europe/Berlin", day: "2-digit", month: "2-digit", year: "numeric" }).format(Date.parse(date.startsAt));
      expect(recordText).toMatch(new RegExp(`${day.replace(/\./g, "\\.")}.*\\s${germanHours(hours(date))}\\n`));
    }
    // The third date has not ended: it is not on the record (one row per date: day, then its time).
    expect(recordText.match(/\d{2}\.\d{2}\.\d{4}\s+\d{2}:\d{2}–\d{2}:\d{2} Uhr/g)).toHaveLength(2);
    expect(recordText).toMatch(new RegExp(`Stunden insgesamt\\s+${germanHours(hours(attendedDates[0]!) + hours(attendedDates[1]!))}\\n`));

    // The verification page, reached from the code on the certificate.
    const code = /Prüfcode: ([0-9A-Z-]{19})/.exec(turkish)![1]!;
    const page = await e2e.browser.newPage();
    await page.goto(`${e2e.baseUrl}/verify/${code}`);
    await page.locator('[data-status="valid"]').waitFor();
    expect(await page.locator("dd").first().textContent()).toBe("Ğül Öztürk");
    await page.close();

    // On a phone in the page's language, the attended dates and the issue day are written as
    // readers of that language write them (month in words, Western digits), not as ISO dates.
    expect(attendedDates).toHaveLength(2);
    const berlinDay = (ms: number) => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(ms).split("-").map(Number) as [number, number, number];
    const { certificate } = (await (await fetch(`${e2e.baseUrl}/api/certificates/${code}`)).json()) as { certificate: { issuedAt: string } };
    const written: Record<string, { months: string[]; write: (d: number, month: string, y: number) => string; and: string; dates: string; issued: string; dir: string }> = {
      de: { months: ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"], write: (d, m, y) => `${d}. ${m} ${y}`, and: " und ", dates: "Termine", issued: "Ausgestellt am", dir: "ltr" },
      uk: { months: ["січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня", "вересня", "жовтня", "листопада", "грудня"], write: (d, m, y) => `${d} ${m} ${y} р.`, and: " і ", dates: "Дати", issued: "Видано", dir: "ltr" },
      ar: { months: ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"], write: (d, m, y) => `${d} ${m} ${y}`, and: " و", dates: "المواعيد", issued: "تاريخ الإصدار", dir: "rtl" },
    };
    for (const [lang, words] of Object.entries(written)) {
      const phone = await e2e.browser.newContext({ locale: "de-DE", viewport: { width: 390, height: 800 }, timezoneId: "Europe/Berlin" });
      const verification = await phone.newPage();
      await verification.goto(`${e2e.baseUrl}/verify/${code}?lang=${lang}`);
      await verification.locator('[data-status="valid"]').waitFor();
      expect(await verification.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([lang, words.dir]);
      const fact = async (label: string) => (await verification.locator("dt", { hasText: label }).locator("xpath=following-sibling::dd[1]").innerText()).trim();
      // Each date as the person reads it; noon in Berlin is that date's day there.
      const expected = attendedDates.map((date) => {
        const [y, m, d] = berlinDay(Date.parse(date.startsAt));
        return words.write(d, words.months[m - 1]!, y);
      });
      // Two dates, joined as the language joins a list ("… und …", "… і …", "… و…").
      expect((await fact(words.dates)).replace(/\u200f/g, "")).toBe(expected.join(words.and));
      const issuedOn = (await fact(words.issued)).replace(/\u200f/g, "");
      const [y, m, d] = berlinDay(Date.parse(certificate.issuedAt));
      expect(issuedOn).toBe(words.write(d, words.months[m - 1]!, y));
      expect(await horizontalOverflow(verification)).toBe(0);
      await verification.screenshot({ path: `${dir}/verify-${lang}.png`, fullPage: true });
      await phone.close();
    }
  });
});

describe("the check-in page", () => {
  it("works on a 320 px phone: choose the date, find by name, check in, see it clearly, undo", async () => {
    expect(seriesId, "runs after the PDF test, which registers the people").toBeGreaterThan(0);
    const context = await e2e.browser.newContext({ locale: "de-DE", viewport: { width: 320, height: 640 } });
    const [name, value] = organiser.cookie.split("=") as [string, string];
    await context.addCookies([{ name, value, url: e2e.baseUrl }]);
    const page = await context.newPage();
    await page.goto(`${e2e.baseUrl}/console/checkin?event=${seriesId}`);
    await page.getByRole("heading", { level: 1, name: "Check-in" }).waitFor();

    // The third date (its check-in is open now): nobody checked in yet. The name is found as it is typed.
    const dates = page.getByLabel("Termin");
    await dates.selectOption({ index: 2 });
    await page.getByLabel("Name suchen").fill("olena");
    // In the search results (the list of who has not arrived yet has her too).
    await page.getByRole("search").getByRole("button", { name: "Олена Коваленко einchecken" }).click();
    const result = page.getByRole("alert").and(page.locator(".checkin-result"));
    await result.getByText("Eingecheckt").waitFor();
    expect(await result.getAttribute("data-outcome")).toBe("checked_in");
    await result.getByText("Олена Коваленко", { exact: true }).waitFor();
    await page.screenshot({ path: `${dir}/checkin-320.png`, fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

    // The row now offers the undo instead; undoing from the result takes it back.
    await page.getByRole("button", { name: "Check-in von Олена Коваленко zurücknehmen" }).first().waitFor();
    await result.getByRole("button", { name: /Rückgängig/ }).click();
    await result.getByText("Check-in zurückgenommen.").waitFor();
    await page.getByRole("button", { name: "Олена Коваленко einchecken" }).first().waitFor();
    await context.close();
  });

  it("keeps working offline: the page reloads, two check-ins wait on the phone and are recorded once back online", async () => {
    expect(seriesId).toBeGreaterThan(0);
    const context = await e2e.browser.newContext({ locale: "de-DE", viewport: { width: 390, height: 800 } });
    const [name, value] = organiser.cookie.split("=") as [string, string];
    await context.addCookies([{ name, value, url: e2e.baseUrl }]);
    const page = await context.newPage();
    await page.goto(`${e2e.baseUrl}/console/checkin?event=${seriesId}`);
    await page.getByRole("heading", { level: 1, name: "Check-in" }).waitFor();
    await page.getByLabel("Termin").selectOption({ index: 2 });
    await page.getByRole("button", { name: "Ğül Öztürk einchecken" }).first().waitFor();
    const connection = page.locator(".connection");
    await expect.poll(() => connection.getAttribute("data-online")).toBe("true");
    // The service worker has the page once it controls it.
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null);

    await context.setOffline(true);
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Check-in" }).waitFor();
    await expect.poll(() => connection.getAttribute("data-online")).toBe("false");
    await page.getByLabel("Name suchen").fill("gul");
    await page.getByRole("button", { name: "Ğül Öztürk einchecken" }).first().click();
    const result = page.locator(".checkin-result");
    await result.getByText("Offline gespeichert", { exact: false }).waitFor();
    await expect.poll(() => connection.getAttribute("data-waiting")).toBe("1");
    // A second one, from the list of who has not arrived yet.
    await page.getByRole("list", { name: /noch nicht da/i }).getByRole("button", { name: "Amira محمد einchecken" }).click();
    await result.getByText("Amira محمد", { exact: true }).waitFor();
    await expect.poll(() => connection.getAttribute("data-waiting")).toBe("2");
    await connection.getByText("2 Check-ins warten auf die Verbindung", { exact: false }).waitFor();
    await page.screenshot({ path: `${dir}/checkin-offline-390.png`, fullPage: true });

    await context.setOffline(false);
    await expect.poll(() => connection.getAttribute("data-waiting"), { timeout: 45_000 }).toBe("0");
    await expect.poll(() => connection.getAttribute("data-online")).toBe("true");
    // Recorded once, on the server.
    const thirdId = await thirdSessionId();
    const list = (await (await organiser("GET", `/api/console/events/${seriesId}/checkin/search?sessionId=${thirdId}&q=${encodeURIComponent("Ğül")}`)).json()) as {
      people: { name: string; checkedInPlaces: number | null }[];
    };
    expect(list.people.find((p) => p.name === "Ğül Öztürk")?.checkedInPlaces).toBe(1);
    const amira = (await (await organiser("GET", `/api/console/events/${seriesId}/checkin/search?sessionId=${thirdId}&q=amira`)).json()) as {
      people: { name: string; checkedInPlaces: number | null }[];
    };
    expect(amira.people.find((p) => p.name === "Amira محمد")?.checkedInPlaces).toBe(1);
    // Exactly once each: the third date's attendance lists the two offline check-ins one time, not afterwards.
    const report = (await (await organiser("GET", `/api/console/events/${seriesId}/attendance`)).json()) as { sessions: { id: number; attended: { name: string; afterwards: boolean }[] }[] };
    const third = report.sessions.find((session) => session.id === thirdId)!;
    expect(third.attended.map((p) => p.name).sort()).toEqual(["Amira محمد", "Ğül Öztürk"]);
    expect(third.attended.every((p) => !p.afterwards)).toBe(true);
    await context.close();
  });
});

async function thirdSessionId(): Promise<number> {
  const { events } = (await (await organiser("GET", "/api/console/checkin/events")).json()) as { events: { id: number; sessions: { id: number }[] }[] };
  return events.find((e) => e.id === seriesId)!.sessions[2]!.id;
}
