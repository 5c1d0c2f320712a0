/**
 * The programme where people already look, in Chromium against the real local server with
 * the demo programme:
 *   - the event list's filters on a phone (German and Arabic): each change reloads the list,
 *     the count is announced, the URL holds the filters and, shared, shows the same list;
 *   - the embeddable list in an iframe on another origin (a second tiny server): it renders
 *     on a site in EMBED_ALLOWED_ORIGINS and is refused on one that is not; /embed.js sizes
 *     its frame; axe-core finds no violation in the embed;
 *   - the short link's HTML as a messenger fetches it (no JavaScript);
 *   - the poster PDF: pdftotext reads the title and "sign up here" in the six languages, and
 *     its QR code (rendered by pdftoppm, decoded by jsQR) is the short link.
 */
import jsQR from "jsqr";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axe, startE2E, type E2E } from "./e2e";

type Server = { listen(port: number, host: string, done: () => void): void; address(): { port: number }; close(): void };
type Http = { createServer(handler: (req: { url?: string }, res: { writeHead(status: number, headers: Record<string, string>): void; end(body: string): void }) => void): Server };
type Process = { execFileSync(file: string, args: string[], options?: { encoding?: "utf8" }): string | Uint8Array };
type Fs = { mkdtempSync(prefix: string): string; writeFileSync(path: string, data: Uint8Array): void; readFileSync(path: string): Uint8Array; readdirSync(path: string): string[]; rmSync(path: string, options: { recursive: boolean; force: boolean }): void };

let e2e: E2E;
const hosts: { allowed: string; refused: string; servers: Server[] } = { allowed: "", refused: "", servers: [] };
let page: (body: string) => string = () => "";
let fs: Fs;
let child: Process;
let dir = "";

/** A tiny site on its own port (another origin than the app) that shows whatever body it was given for `?page=`. */
async function site(pages: Map<string, string>): Promise<{ origin: string; server: Server }> {
  const http = (await import(/* @vite-ignore */ "node:http" as string)) as Http;
  const server = http.createServer((req, res) => {
    const body = pages.get(new URL(req.url ?? "/", "http://x").searchParams.get("page") ?? "") ?? "";
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Partnerseite</title></head><body><h1>Partnerseite</h1>${body}</body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { origin: `http://127.0.0.1:${server.address().port}`, server };
}

const pagesOfSites = new Map<string, string>();

beforeAll(async () => {
  const allowed = await site(pagesOfSites);
  const refused = await site(pagesOfSites);
  Object.assign(hosts, { allowed: allowed.origin, refused: refused.origin, servers: [allowed.server, refused.server] });
  e2e = await startE2E("reach", { vars: { EMBED_ALLOWED_ORIGINS: `${allowed.origin} https://www.duesseldorf.de` } });
  let counter = 0;
  page = (body) => {
    const key = String(++counter);
    pagesOfSites.set(key, body);
    return `?page=${key}`;
  };
  fs = (await import(/* @vite-ignore */ "node:fs" as string)) as Fs;
  child = (await import(/* @vite-ignore */ "node:child_process" as string)) as Process;
  const os = (await import(/* @vite-ignore */ "node:os" as string)) as { tmpdir(): string };
  dir = fs.mkdtempSync(`${os.tmpdir()}/zusammen-reach-`);
});

afterAll(async () => {
  await e2e?.stop();
  for (const server of hosts.servers) server.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function cardTitles(p: Page): Promise<string[]> {
  return p.locator(".event-card h2").allInnerTexts();
}

/** What the API says the list holds for a query: the oracle for what the page shows. */
async function apiTitles(query: string, locale: string): Promise<string[]> {
  const response = await fetch(`${e2e.baseUrl}/api/events?${query}&locale=${locale}`);
  return ((await response.json()) as { events: { title: string }[] }).events.map((e) => e.title);
}

describe.each([
  ["German", "de-DE", "de", "Für wen", "Gefundene Veranstaltungen: "],
  ["Arabic", "ar", "ar", "لمن", "الفعاليات التي تم العثور عليها: "],
] as const)("the event list's filters in %s, on a phone", (_language, browserLocale, locale, audienceLabel, countText) => {
  it("a filter reloads the list, the count is announced, and the link in the address bar shows the same list", async () => {
    const context = await e2e.browser.newContext({ locale: browserLocale, viewport: { width: 390, height: 844 } });
    const p = await context.newPage();
    try {
      await p.goto(`${e2e.baseUrl}/`);
      await p.locator(".event-card").first().waitFor();
      const all = await cardTitles(p);
      expect(all).toEqual(await apiTitles("", locale));
      const status = p.locator(".result-count[role=status]");
      await expect.poll(() => status.textContent()).toBe(`${countText}${all.length}`);

      await p.locator("summary").click();
      expect(await p.locator('label[for="filter-audience"]').textContent()).toBe(audienceLabel);
      await p.locator("#filter-audience").selectOption("parents");
      await p.waitForURL(/\?audience=parents$/);
      const parents = await apiTitles("audience=parents", locale);
      expect(parents.length).toBeGreaterThan(0);
      expect(parents.length).toBeLessThan(all.length);
      await expect.poll(() => status.textContent()).toBe(`${countText}${parents.length}`);
      expect(await cardTitles(p)).toEqual(parents);

      await p.locator("#filter-language").selectOption("ar");
      await p.locator("#filter-free").check();
      await p.waitForURL(/audience=parents&language=ar&free=1$/);
      const narrower = await apiTitles("audience=parents&language=ar&free=1", locale);
      await expect.poll(() => status.textContent()).toBe(`${countText}${narrower.length}`);
      expect(await cardTitles(p)).toEqual(narrower);
      await p.screenshot({ path: `${dir}/filters-${locale}.png`, fullPage: true });
      // The same selection as a calendar to subscribe to.
      const feed = await p.locator(".subscribe a").getAttribute("href");
      expect(feed).toBe(`/api/feeds/calendar.ics?audience=parents&language=ar&free=1&locale=${locale}`);
      const ics = (await (await fetch(`${e2e.baseUrl}${feed}`)).text()).replace(/\r\n /g, "");
      const events = new Set([...ics.matchAll(/^UID:(.+)-\d+@/gm)].map((m) => m[1]));
      expect(events.size).toBe(narrower.length);

      // The shared link: another person opens it and sees the same filters and the same list.
      const shared = p.url();
      const other = await context.newPage();
      await other.goto(shared);
      await other.locator(".event-card").first().waitFor();
      expect(await cardTitles(other)).toEqual(narrower);
      expect(await other.locator("#filter-audience").inputValue()).toBe("parents");
      expect(await other.locator("#filter-free").isChecked()).toBe(true);
      expect(await other.locator("details.more-filters").getAttribute("open")).not.toBeNull();

      // A search that finds nothing says so; reset brings everything back.
      await other.locator("#filter-q").fill("zzzz");
      await expect.poll(() => other.locator(".result-count[role=status]").textContent()).toBe(`${countText}0`);
      await other.locator(".results").getByRole("button").click();
      await other.waitForURL(`${e2e.baseUrl}/`);
      await expect.poll(() => cardTitles(other)).toEqual(all);
      expect(await axe(other)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe("the embeddable list on other sites", () => {
  it("renders in an iframe on a site in EMBED_ALLOWED_ORIGINS, in the language asked for", async () => {
    const p = await e2e.browser.newPage({ viewport: { width: 390, height: 844 } });
    try {
      await p.goto(`${hosts.allowed}/${page(`<iframe title="Veranstaltungen" src="${e2e.baseUrl}/embed?audience=parents&lang=ar" style="width:100%;height:600px;border:0"></iframe>`)}`);
      const frame = p.frameLocator("iframe");
      await frame.locator(".event-card").first().waitFor();
      expect(await frame.locator("html").getAttribute("dir")).toBe("rtl");
      expect(await frame.locator("h1").textContent()).toBe("الفعاليات");
      // The link's own text, without the hidden "(opens in a new tab)".
      const titles = await frame.locator(".event-card h2 a").evaluateAll((links) => links.map((a) => a.firstChild?.textContent ?? ""));
      expect(titles).toEqual(await apiTitles("audience=parents", "ar"));
      // Events open in a new tab on their short link, in the language of the embed.
      const link = frame.locator(".event-card h2 a").first();
      expect(await link.getAttribute("target")).toBe("_blank");
      expect(await link.getAttribute("href")).toMatch(/^\/e\/[\w-]+\?lang=ar$/);
      await p.screenshot({ path: `${dir}/embed-allowed.png`, fullPage: true });
    } finally {
      await p.close();
    }
  });

  it("is refused in an iframe on a site that is not on the list", async () => {
    const p = await e2e.browser.newPage();
    const violations: string[] = [];
    p.on("console", (message) => {
      if (/frame-ancestors/.test(message.text())) violations.push(message.text());
    });
    try {
      await p.goto(`${hosts.refused}/${page(`<iframe title="Veranstaltungen" src="${e2e.baseUrl}/embed" style="width:100%;height:400px"></iframe>`)}`);
      await expect.poll(() => violations.length).toBeGreaterThan(0);
      const frame = p.frames().find((f) => f !== p.mainFrame())!;
      expect(frame.url()).not.toContain("/embed");
      expect(await frame.locator(".event-card").count()).toBe(0);
    } finally {
      await p.close();
    }
  });

  it("/embed.js puts the list on the page and sizes its frame to the list", async () => {
    const p = await e2e.browser.newPage({ viewport: { width: 390, height: 844 } });
    try {
      await p.goto(`${hosts.allowed}/${page(`<script src="${e2e.baseUrl}/embed.js" data-format="series" data-limit="2" data-lang="uk" data-title="Заходи"></script><p id="after">Danach</p>`)}`);
      const iframe = p.locator("iframe");
      expect(await iframe.getAttribute("title")).toBe("Заходи");
      await p.frameLocator("iframe").locator(".event-card").nth(1).waitFor();
      expect(await p.frameLocator("iframe").locator(".event-card").count()).toBe(2);
      // Sized to what it shows: the frame is as tall as the list inside it, and the page goes on below it.
      const inside = p.frames().find((f) => f.url().includes("/embed"))!;
      await expect
        .poll(async () => {
          const content = await inside.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
          return (await iframe.evaluate((frame: HTMLIFrameElement) => Math.round(frame.getBoundingClientRect().height))) - content;
        })
        .toBe(0);
      const frameBottom = await iframe.evaluate((frame: HTMLIFrameElement) => frame.getBoundingClientRect().bottom);
      expect(await p.locator("#after").evaluate((after) => after.getBoundingClientRect().top)).toBeGreaterThanOrEqual(frameBottom);
    } finally {
      await p.close();
    }
  });

  it.each([
    ["German", "de-DE", ""],
    ["Arabic", "ar", "?lang=ar&audience=parents"],
  ])("axe-core finds no violation in the embed (%s)", async (_language, locale, query) => {
    const context = await e2e.browser.newContext({ locale, bypassCSP: true, viewport: { width: 390, height: 844 } });
    const p = await context.newPage();
    try {
      await p.goto(`${e2e.baseUrl}/embed${query}`);
      await p.locator(".event-card").first().waitFor();
      expect(await axe(p)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe("the short link and the poster", () => {
  it("the short link's HTML, fetched as a messenger does (no JavaScript), carries og:title and the event's JSON-LD", async () => {
    const event = ((await (await fetch(`${e2e.baseUrl}/api/events/asylrecht-workshop`)).json()) as { event: { title: string; sessions: { startsAt: string }[] } }).event;
    const html = await (await fetch(`${e2e.baseUrl}/e/asylrecht-workshop`, { headers: { "user-agent": "WhatsApp/2.24" } })).text();
    expect(/<meta property="og:title" content="([^"]*)"/.exec(html)?.[1]).toBe(event.title.replace(/&/g, "&amp;"));
    const data = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]!);
    expect(data).toMatchObject({ "@type": "Event", name: event.title });
    expect(Date.parse(data.startDate)).toBe(Date.parse(event.sessions[0]!.startsAt));
  });

  it("the poster holds the title and 'sign up here' in six languages; its QR code is the short link", async () => {
    const slug = "asylrecht-workshop";
    const response = await fetch(`${e2e.baseUrl}/api/events/${slug}/poster.pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const pdf = `${dir}/poster.pdf`;
    fs.writeFileSync(pdf, new Uint8Array(await response.arrayBuffer()));

    const text = String(child.execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }))
      // pdftotext marks right-to-left runs with embedding controls.
      .replace(/[\u202a-\u202e\u2066-\u2069]/g, "");
    const title = ((await (await fetch(`${e2e.baseUrl}/api/events/${slug}`)).json()) as { event: { title: string } }).event.title;
    expect(text.replace(/\s+/g, " ")).toContain(title);
    const lines = text.split("\n").map((line) => line.trim());
    for (const signUp of ["Hier anmelden", "Sign up here", "Buradan kaydolun", "سجل هنا", "Зареєструйтеся тут", "Зарегистрируйтесь здесь"]) expect(lines, signUp).toContain(signUp);

    // The QR code: the page as a grey image (PGM, no decoder needed), read by jsQR.
    child.execFileSync("pdftoppm", ["-r", "150", "-gray", "-singlefile", pdf, `${dir}/poster`]);
    const image = fs.readFileSync(`${dir}/poster.pgm`);
    const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(new TextDecoder("latin1").decode(image.subarray(0, 40)))!;
    const [width, height] = [Number(header[1]), Number(header[2])];
    const grey = image.subarray(header[0].length);
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let i = 0; i < width * height; i++) rgba.set([grey[i]!, grey[i]!, grey[i]!, 255], i * 4);
    const code = jsQR(rgba, width, height);
    const ogUrl = /<meta property="og:url" content="([^"]*)"/.exec(await (await fetch(`${e2e.baseUrl}/e/${slug}`)).text())![1];
    expect(code?.data).toBe(ogUrl);
    expect(lines.join(" ")).toContain(ogUrl!.replace(/^https?:\/\//, ""));
  });
});
