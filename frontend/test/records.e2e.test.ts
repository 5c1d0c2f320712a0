/**
 * The console's attendance and certificates page in a real browser against `wrangler dev`
 * with the demo seed: an organiser signs in, opens the records of the qualification series,
 * and sees the page's headings (at 320 px, without sideways scrolling of the page).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { startE2E, type E2E } from "./e2e";

type Message = { to: string; subject: string; html: string; text: string; id?: number };
type AxeResult = { violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] };

// No Node types in the frontend's type config: reach fs without them.
const fs = (await import(/* @vite-ignore */ "node:fs" as string)) as { readFileSync(path: string, encoding: "utf8"): string };
const AXE_SOURCE = fs.readFileSync(decodeURIComponent(new URL("../../node_modules/axe-core/axe.min.js", import.meta.url).pathname), "utf8");

async function axe(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: { run(context: Document, options: unknown): Promise<unknown> } }).axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      resultTypes: ["violations"],
    }),
  )) as AxeResult;
  return result.violations.flatMap((v) => v.nodes.map((node) => `${v.id} (${v.impact}): ${v.help} at ${node.target.join(" ")}`));
}

let e2e: E2E;
let baseUrl = "";

beforeAll(async () => {
  e2e = await startE2E("records");
  baseUrl = e2e.baseUrl;
});

afterAll(async () => {
  await e2e?.stop();
});

async function mailbox(email: string): Promise<Message[]> {
  const response = await fetch(`${baseUrl}/api/dev/mailbox?to=${encodeURIComponent(email)}`);
  return response.ok ? ((await response.json()) as { messages: Message[] }).messages : [];
}

/** Signs in through POST /api/auth/login and the emailed link. */
async function signIn(page: Page, email: string): Promise<void> {
  const key = (m: Message) => (m.id !== undefined ? `id:${m.id}` : m.text);
  const seen = new Set((await mailbox(email)).map(key));
  await page.goto(`${baseUrl}/console/sign-in`);
  const status = await page.evaluate(
    async (address) => (await fetch("/api/auth/login", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ email: address }) })).status,
    email,
  );
  expect(status).toBe(202);
  let token = "";
  const deadline = Date.now() + 60_000;
  while (!token && Date.now() < deadline) {
    for (const message of await mailbox(email)) {
      const match = !seen.has(key(message)) && /\/console\/sign-in#([A-Za-z0-9_-]+)/.exec(message.text);
      if (match) token = match[1]!;
    }
    if (!token) await new Promise((resolve) => setTimeout(resolve, 500));
  }
  expect(token).not.toBe("");
  await page.goto(`${baseUrl}/console/sign-in#${token}`);
  await page.getByRole("button", { name: "Anmelden" }).click();
  await page.waitForURL(`${baseUrl}/console/`);
}

describe("console records page", () => {
  it("shows attendance per date and certificates", async () => {
    const context = await e2e.browser.newContext({ locale: "de-DE", viewport: { width: 320, height: 800 }, timezoneId: "Europe/Berlin" });
    try {
      const page = await context.newPage();
      await signIn(page, "organisation@example.org");
      const events = (await page.evaluate(async () => (await fetch("/api/console/events")).json())) as { events: { id: number; slug: string }[] };
      const event = events.events.find((e) => e.slug === "qualifizierungsreihe-migrantenorganisationen");
      expect(event).toBeDefined();

      await page.goto(`${baseUrl}/console/event?id=${event!.id}`);
      await page.getByRole("link", { name: "Anwesenheit und Bescheinigungen" }).click();
      await page.waitForURL(`${baseUrl}/console/records?id=${event!.id}`);

      await page.getByRole("heading", { level: 1, name: /^Anwesenheit und Bescheinigungen/ }).waitFor();
      await page.getByRole("heading", { level: 2, name: "Anwesenheit nach Termin" }).waitFor();
      await page.getByRole("heading", { level: 2, name: "Teilnahmebescheinigungen" }).waitFor();
      await page.getByRole("heading", { level: 3, name: "Anmeldungen und Bescheinigungen" }).waitFor();
      await page.getByRole("heading", { level: 3, name: /^Termin 1/ }).waitFor();
      expect(await page.getByRole("link", { name: /Unterschriftenliste \(PDF\)/ }).count()).toBeGreaterThan(0);
      // 320 px: the tables scroll in their wrappers, not the page.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      expect(await axe(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
