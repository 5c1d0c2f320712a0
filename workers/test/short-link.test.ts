/**
 * The short link `/e/{slug}` as a messenger or a search engine reads it, without running
 * any JavaScript: Open Graph tags and schema.org Event JSON-LD with the event's name and
 * start date in the HTML head, then the event page as today. And the embed page's framing
 * policy from EMBED_ALLOWED_ORIGINS. (Needs the built frontend: `npm run build`.)
 */
/// <reference types="vite/client" />
import { createExecutionContext, env, SELF, waitOnExecutionContext } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import headersFile from "../../frontend/public/_headers?raw";
import { buildApp } from "../src/app";
import { EVENT_PAGE_POLICY } from "../src/routes/pages";
import { consoleFetch, createStaff, eventInput, loadDemoProgramme } from "./fixtures";

const BASE = "https://zusammen.test";

beforeAll(async () => {
  await loadDemoProgramme();
});

/** The content of `<meta property|name="key">` in raw HTML (attribute values as the page escapes them). */
function meta(html: string, key: string): string | null {
  const tag = new RegExp(`<meta (?:property|name)="${key.replace(/[.:]/g, "\\$&")}" content="([^"]*)"`).exec(html);
  return tag ? tag[1]!.replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&") : null;
}

function jsonLd(html: string): Record<string, any> {
  const scripts = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
  expect(scripts).toHaveLength(1);
  return JSON.parse(scripts[0]![1]!);
}

async function page(path: string, headers: Record<string, string> = {}): Promise<{ response: Response; html: string }> {
  const response = await SELF.fetch(`${BASE}${path}`, { headers });
  return { response, html: await response.text() };
}

describe("the short link", () => {
  it("carries the event's title, summary and date in og: tags and JSON-LD, then the event page as today", async () => {
    const event = ((await (await SELF.fetch(`${BASE}/api/events/asylrecht-workshop`)).json()) as any).event;
    const { response, html } = await page("/e/asylrecht-workshop");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(meta(html, "og:title")).toBe(event.title);
    expect(meta(html, "og:url")).toBe("http://localhost:8787/e/asylrecht-workshop");
    const description = meta(html, "og:description")!;
    expect(description).toContain(event.summary);
    const day = new Intl.DateTimeFormat("de-DE", { timeZone: "Europe/Berlin", day: "numeric", month: "long", year: "numeric" }).format(new Date(event.sessions[0].startsAt));
    expect(description).toContain(day);
    expect(meta(html, "description")).toBe(description);
    expect(html).toContain(`<title>${event.title} – zusammen</title>`);

    const data = jsonLd(html);
    expect(data["@context"]).toBe("https://schema.org");
    expect(data["@type"]).toBe("Event");
    expect(data.name).toBe(event.title);
    expect(Date.parse(data.startDate)).toBe(Date.parse(event.sessions[0].startsAt));
    expect(data.startDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$/);
    expect(data.location[0]).toMatchObject({ "@type": "Place", name: event.location.name, address: { streetAddress: event.location.address } });
    expect(data.eventStatus).toBe("https://schema.org/EventScheduled");

    // The event page itself, unchanged: its script, and no inline script but the JSON-LD data block.
    expect(html).toMatch(/<script type="module" crossorigin src="\/assets\/event-[\w-]+\.js"><\/script>/);
    expect(html.replace(/<script type="application\/ld\+json">[\s\S]*?<\/script>/, "").match(/<script\b(?![^>]*\bsrc=)[^>]*>/g)).toBeNull();
  });

  it("?lang= gives the head in that language, with the page's lang and dir", async () => {
    const english = ((await (await SELF.fetch(`${BASE}/api/events/asylrecht-workshop?locale=en`)).json()) as any).event;
    const { html } = await page("/e/asylrecht-workshop?lang=en");
    expect(meta(html, "og:title")).toBe(english.title);
    expect(meta(html, "og:locale")).toBe("en_GB");
    expect(html).toMatch(/<html lang="en" dir="ltr">/);
    expect(jsonLd(html).url).toBe("http://localhost:8787/e/asylrecht-workshop?lang=en");
    const { html: arabic } = await page("/e/asylrecht-workshop?lang=ar");
    expect(arabic).toMatch(/<html lang="ar" dir="rtl">/);
  });

  it("a series lists its dates; an online event's page never names the join link", async () => {
    const series = jsonLd((await page("/e/qualifizierungsreihe-migrantenorganisationen")).html);
    expect(series.subEvent).toHaveLength(3);
    const { html } = await page("/e/info-lehrkraefte-seiteneinstieg");
    expect(html).not.toContain("meet.example.org");
    const online = jsonLd(html);
    expect(online.eventAttendanceMode).toBe("https://schema.org/OnlineEventAttendanceMode");
    expect(online.location).toEqual([{ "@type": "VirtualLocation", url: "http://localhost:8787/e/info-lehrkraefte-seiteneinstieg" }]);
  });

  it("a title that tries to end the script block stays text", async () => {
    const organiser = await createStaff({ role: "organiser", organisationId: 1 });
    const title = `Lesung </script><script>alert("x")</script> & "Gespräch"`;
    const created = await consoleFetch(organiser, "POST", "/api/console/events", eventInput({ texts: { de: { title, summary: "<b>fett</b>" } } }));
    const { event } = (await created.json()) as { event: { id: number; slug: string } };
    expect((await consoleFetch(organiser, "POST", `/api/console/events/${event.id}/publish`, {})).status).toBe(200);
    const { html } = await page(`/e/${event.slug}`);
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<b>fett</b>");
    expect(jsonLd(html).name).toBe(title);
    expect(meta(html, "og:title")).toBe(title);
  });

  it("an unknown or unpublished event is the 404 page", async () => {
    const { response, html } = await page("/e/no-such-event");
    expect(response.status).toBe(404);
    expect(html).not.toContain("og:title");
    const organiser = await createStaff({ role: "organiser", organisationId: 1 });
    const draft = (await (await consoleFetch(organiser, "POST", "/api/console/events", eventInput({ texts: { de: { title: "Entwurf geheim" } } }))).json()) as { event: { slug: string } };
    const hidden = await page(`/e/${draft.event.slug}`);
    expect(hidden.response.status).toBe(404);
    expect(hidden.html).not.toContain("Entwurf geheim");
  });

  it("keeps the event page's policy: Turnstile allowed, no framing, no inline script", async () => {
    const { response } = await page("/e/asylrecht-workshop");
    const staticPolicy = /^\/event\n(?:\s+.*\n)*?\s+Content-Security-Policy: (.+)$/m.exec(headersFile)![1]!.trim();
    expect(response.headers.get("content-security-policy")).toBe(staticPolicy);
    expect(EVENT_PAGE_POLICY).toBe(staticPolicy);
    expect(response.headers.get("x-frame-options")).toBeTruthy();
    expect(response.headers.get("cache-control")).toMatch(/^public/);
  });
});

describe("the embed page's framing policy", () => {
  async function embed(allowed: string | undefined): Promise<Response> {
    const ctx = createExecutionContext();
    const response = await buildApp().fetch(new Request(`${BASE}/embed?audience=parents&lang=ar`), { ...env, EMBED_ALLOWED_ORIGINS: allowed }, ctx);
    await waitOnExecutionContext(ctx);
    return response;
  }

  it("without EMBED_ALLOWED_ORIGINS no site may frame it", async () => {
    const response = await embed(undefined);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(await response.text()).toMatch(/<html lang="ar" dir="rtl">/);
  });

  it("names exactly the valid origins of the list, and drops X-Frame-Options", async () => {
    const response = await embed("https://www.duesseldorf.de, https://*.partner.de  * https://evil.example/path javascript:alert(1)");
    const policy = response.headers.get("content-security-policy")!;
    expect(/frame-ancestors ([^;]+)/.exec(policy)![1]).toBe("https://www.duesseldorf.de https://*.partner.de");
    expect(policy).toContain("script-src 'self'");
    expect(response.headers.get("x-frame-options")).toBeNull();
    await response.arrayBuffer();
  });

  it("every other page still refuses framing", async () => {
    const ctx = createExecutionContext();
    const response = await buildApp().fetch(new Request(`${BASE}/e/asylrecht-workshop`), { ...env, EMBED_ALLOWED_ORIGINS: "https://www.duesseldorf.de" }, ctx);
    await waitOnExecutionContext(ctx);
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    await response.arrayBuffer();
  });
});
