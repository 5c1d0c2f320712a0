/**
 * Shared pieces of the browser tests: the real local server (scripts/local-server.mjs: both
 * Workers, queue, cron) with the demo seed on a port the system picks (or E2E_URL), Debian's Chromium, the dev mailbox, and a registration made through
 * the API whose manage token is read from the emailed link.
 */
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import { inject } from "vitest";

type LocalServer = { url: string; stop(): Promise<void> | void; runScheduled(time?: number): Promise<string> };
type LocalServerModule = {
  startLocalServer(options: {
    persistTo: string;
    vars?: Record<string, string>;
    extraSql?: string;
    crons?: boolean;
    prepared?: { buildDir: string; migratedDatabase: string } | null;
  }): Promise<LocalServer>;
  BROWSER_TEST_VARS: Record<string, string>;
};
export type MailboxMessage = { id: number; to: string; subject: string; html: string; text: string; attachments: unknown[] };

// No Node types in the frontend's type config: reach process.env without them.
export const env = (globalThis as unknown as { process: { env: Record<string, string | undefined> } }).process.env;

export type E2E = {
  baseUrl: string;
  browser: Browser;
  /** Runs the scheduled jobs now, with the clock at `time` (the local server only). */
  runScheduled(time?: number): Promise<string>;
  stop(): Promise<void>;
};

/** `extraSql` runs after the demo seed (a state the UI cannot make, such as an email given up after days). */
/** `crons: false` for a test that plants the scheduled jobs' state itself (the minutely run would overwrite it). */
/** `vars` set variables beyond the browser tests' own (e.g. EMBED_ALLOWED_ORIGINS). */
export async function startE2E(name: string, options: { extraSql?: string; crons?: boolean; vars?: Record<string, string> } = {}): Promise<E2E> {
  let server: LocalServer | null = null;
  let persistTo: string | null = null;
  let baseUrl: string;
  if (env.E2E_URL) {
    baseUrl = env.E2E_URL.replace(/\/$/, "");
  } else {
    const modulePath = "../../scripts/local-server.mjs";
    const { startLocalServer, BROWSER_TEST_VARS } = (await import(/* @vite-ignore */ modulePath)) as LocalServerModule;
    // Port 0: the system gives a free port, so other servers on the machine never collide.
    persistTo = `.wrangler/e2e/${name}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
    // The bundles and the migrated database of frontend/test/global-setup.ts.
    const prepared = inject("localServers") ?? undefined;
    server = await startLocalServer({ persistTo, vars: { ...BROWSER_TEST_VARS, ...options.vars }, extraSql: options.extraSql, crons: options.crons, prepared });
    baseUrl = server.url.replace(/\/$/, "");
  }
  const browser = await chromium.launch({
    executablePath: env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  return {
    baseUrl,
    browser,
    runScheduled(time) {
      if (!server) throw new Error("runScheduled needs the local server (not E2E_URL)");
      return server.runScheduled(time);
    },
    async stop() {
      await browser.close();
      await server?.stop();
      if (persistTo) {
        const fs = (await import(/* @vite-ignore */ "node:fs" as string)) as { rmSync(path: string, options: { recursive: boolean; force: boolean }): void };
        fs.rmSync(persistTo, { recursive: true, force: true });
      }
    },
  };
}

/** The dev mailbox of one address, newest first. */
export async function mailbox(baseUrl: string, email: string): Promise<MailboxMessage[]> {
  const response = await fetch(`${baseUrl}/api/dev/mailbox?to=${encodeURIComponent(email)}`);
  return response.ok ? ((await response.json()) as { messages: MailboxMessage[] }).messages : [];
}

type Attachment = { filename: string; contentType: string; content: string; contentId?: string };

/** The email's HTML as a mail client shows it: `cid:` references resolved to the message's inline parts. */
export function asMailClientShowsIt(message: MailboxMessage): string {
  const inline = new Map((message.attachments as Attachment[]).filter((a) => a.contentId).map((a) => [a.contentId!, a]));
  return message.html.replace(/src="cid:([^"]+)"/g, (whole, id: string) => {
    const part = inline.get(id);
    return part ? `src="data:${part.contentType};base64,${part.content}"` : whole;
  });
}

/** Waits for the queue consumer to deliver a message to `email` that `match` accepts. */
export async function waitForMail(baseUrl: string, email: string, match: (message: MailboxMessage) => boolean = () => true): Promise<MailboxMessage> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const found = (await mailbox(baseUrl, email)).find(match);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`no matching email arrived for ${email}`);
}

/** Asks for a console sign-in link and returns the token of the new email (not one of earlier requests). */
export async function signInToken(baseUrl: string, email: string): Promise<string> {
  const seen = new Set((await mailbox(baseUrl, email)).map((m) => m.id));
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({ email }),
  });
  if (response.status !== 202) throw new Error(`sign-in request failed: ${response.status}`);
  const message = await waitForMail(baseUrl, email, (m) => !seen.has(m.id) && /\/console\/sign-in#/.test(m.text));
  return /\/console\/sign-in#([A-Za-z0-9_-]+)/.exec(message.text)![1]!;
}

/** The `/manage#TOKEN` path from a message's plain text. */
export function managePath(message: MailboxMessage): string {
  const match = /\/manage#[A-Za-z0-9._~%-]+/.exec(message.text);
  if (!match) throw new Error(`no manage link in "${message.subject}"`);
  return match[0];
}

/** Registers through the API and returns the manage path from the confirmation email. */
export async function registerViaApi(baseUrl: string, slug: string, body: Record<string, unknown>): Promise<string> {
  const response = await fetch(`${baseUrl}/api/events/${slug}/registrations`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ consent: true, ...body }),
  });
  if (response.status !== 201) throw new Error(`registration failed: ${response.status} ${await response.text()}`);
  return managePath(await waitForMail(baseUrl, String(body.email), (message) => /\/manage#/.test(message.text)));
}

type AxeResult = { violations: { id: string; impact: string | null; help: string; nodes: { target: string[]; failureSummary?: string }[] }[] };
let axeSource: string | null = null;

/** WCAG 2.1 A and AA violations on the page, by axe-core, one line each (none: []). */
export async function axe(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) {
    if (axeSource === null) {
      const { fs, ROOT } = await import("./node");
      axeSource = fs.readFileSync(`${ROOT}node_modules/axe-core/axe.min.js`, "utf8");
    }
    await page.evaluate(axeSource);
  }
  const result = (await page.evaluate(
    (tags) => (window as unknown as { axe: { run(context: Document, options: unknown): Promise<unknown> } }).axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] }),
    ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"],
  )) as AxeResult;
  return result.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id} (${violation.impact}): ${violation.help} at ${node.target.join(" ")}${node.failureSummary ? ` – ${node.failureSummary.replace(/\s+/g, " ")}` : ""}`),
  );
}

/** Waits until a page has rendered its content (a heading, no loading note). */
export async function rendered(page: Page): Promise<void> {
  await page.locator("main h1").first().waitFor();
  await page.waitForFunction(() => document.querySelector("main .loading") === null);
}

/** How wide the page is beyond the viewport (0 = no horizontal scrolling). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Signs a staff member in to the console through POST /api/auth/login and the emailed link. */
export async function signInToConsole(page: Page, baseUrl: string, email: string): Promise<void> {
  const token = await signInToken(baseUrl, email);
  await page.goto(`${baseUrl}/console/sign-in#${token}`);
  // The console speaks German or, in an English browser, English.
  await page.getByRole("button", { name: /^(Anmelden|Sign in)$/ }).click();
  await page.waitForURL(`${baseUrl}/console/`);
}

/** The body rows of a table as the cells' visible text. */
export async function tableRows(table: Locator): Promise<string[][]> {
  return table.locator("tbody tr").evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => (cell as HTMLElement).innerText.trim())));
}
