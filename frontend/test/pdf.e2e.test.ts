/**
 * Certificates and signature lists as a reader gets them: against a real `wrangler dev`
 * with the demo seed, four participants of the qualification series (names in Turkish,
 * Ukrainian, Arabic, and one mixing Latin and Arabic) register, are checked in for two of
 * the three dates, get their certificates, and `pdftotext -layout` (Debian's poppler-utils)
 * reads the PDFs back: every name in logical order, and every expected participant on the
 * signature list. The organiser signs in like a person: a sign-in link from the dev mailbox.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startE2E, waitForMail, type E2E } from "./e2e";

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

beforeAll(async () => {
  e2e = await startE2E("pdf");
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
    for (const person of PEOPLE) {
      for (const session of series.sessions.slice(0, 2)) {
        const found = (await (await organiser("GET", `/api/console/events/${series.id}/checkin/search?sessionId=${session.id}&q=${encodeURIComponent(person.name)}`)).json()) as {
          people: { registrationId: number; name: string }[];
        };
        const match = found.people.find((p) => p.name === person.name)!;
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
    expect(listText).toContain(`${report.expected.length} Anmeldungen`);

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

    // The verification page, reached from the code on the certificate.
    const code = /Prüfcode: ([0-9A-Z-]{19})/.exec(turkish)![1]!;
    const page = await e2e.browser.newPage();
    await page.goto(`${e2e.baseUrl}/verify/${code}`);
    await page.locator('[data-status="valid"]').waitFor();
    expect(await page.locator("dd").first().textContent()).toBe("Ğül Öztürk");
    await page.close();
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

    // The third date: nobody checked in yet.
    const dates = page.getByLabel("Termin");
    await dates.selectOption({ index: 2 });
    await page.getByLabel("Name suchen").fill("олена");
    await page.getByRole("button", { name: "Suchen" }).click();
    await page.getByRole("button", { name: "Олена Коваленко einchecken" }).click();
    const result = page.getByRole("alert");
    await result.getByText("Eingecheckt").waitFor();
    expect(await result.getAttribute("data-outcome")).toBe("checked_in");
    await result.getByText("Олена Коваленко").waitFor();
    await page.screenshot({ path: `${dir}/checkin-320.png`, fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

    // Again: already checked in, with the time.
    await page.getByRole("button", { name: "Олена Коваленко einchecken" }).click();
    await result.getByText(/Schon eingecheckt um \d\d:\d\d Uhr/).waitFor();
    await result.getByRole("button", { name: "Rückgängig" }).click();
    await result.getByText("Check-in zurückgenommen.").waitFor();
    await context.close();
  });
});
