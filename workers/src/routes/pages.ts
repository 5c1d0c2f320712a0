/**
 * Pages the Worker serves itself (not API): the short link `/e/{slug}`, which is the event
 * page with the event's title, summary and date in its HTML head (Open Graph for
 * messengers' previews, schema.org JSON-LD for search engines), and the embeddable event
 * list `/embed`, which only the sites in EMBED_ALLOWED_ORIGINS may frame. Both are the built
 * static pages (env.ASSETS), changed on the way through with HTMLRewriter.
 */
import { Hono, type Context } from "hono";
import type { AppBindings } from "../env";
import { embedPolicy } from "../domain/reach/embed";
import { loadProgrammeEvent } from "../domain/reach/programme";
import { jsonLdText, shareHead, type ShareHead } from "../domain/reach/share";
import { isLocale, isRtl, type Locale } from "../i18n/vocabulary";
import { NotFoundError } from "../lib/errors";

/**
 * The event page's policy, as frontend/public/_headers gives the static /event (Turnstile's
 * script and frame allowed for the registration form); workers/test/short-link.test.ts
 * holds the two to the same text.
 */
export const EVENT_PAGE_POLICY =
  "default-src 'self'; script-src 'self' https://challenges.cloudflare.com; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src 'self' https://challenges.cloudflare.com; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";

const PAGE_CACHE = "public, max-age=300";

/** `?lang=` of a shared link, else the request's language (Accept-Language, `?locale=`). */
function pageLocale(c: Context<AppBindings>): Locale {
  const lang = c.req.query("lang");
  return isLocale(lang) ? lang : c.var.locale;
}

const attribute = (value: string) => value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function headTags(head: ShareHead): string {
  const meta = (key: "name" | "property", name: string, content: string) => `<meta ${key}="${name}" content="${attribute(content)}" />`;
  return [
    meta("name", "description", head.description),
    `<link rel="canonical" href="${attribute(head.url)}" />`,
    meta("property", "og:type", "website"),
    meta("property", "og:title", head.title),
    meta("property", "og:description", head.description),
    meta("property", "og:url", head.url),
    meta("property", "og:site_name", head.siteName),
    meta("property", "og:locale", head.ogLocale),
    meta("name", "twitter:card", "summary"),
    `<script type="application/ld+json">${jsonLdText(head.jsonLd)}</script>`,
  ].join("\n    ");
}

/** A static page from the assets, or the 404 page with status 404. */
async function staticPage(c: Context<AppBindings>, path: string): Promise<Response> {
  const page = await c.env.ASSETS.fetch(new URL(path, c.req.url));
  if (!page.ok) throw new Error(`asset ${path} answered ${page.status}`);
  return page;
}

async function notFoundPage(c: Context<AppBindings>): Promise<Response> {
  const page = await staticPage(c, "/404");
  return new Response(page.body, { status: 404, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}

export const pageRoutes = new Hono<AppBindings>()
  .get("/e/:slug", async (c) => {
    const locale = pageLocale(c);
    let head: ShareHead;
    try {
      head = shareHead(c.env, await loadProgrammeEvent(c.env, c.req.param("slug")), locale, Date.now());
    } catch (error) {
      if (error instanceof NotFoundError) return notFoundPage(c);
      throw error;
    }
    const page = new HTMLRewriter()
      .on("html", { element: (html) => void html.setAttribute("lang", head.lang).setAttribute("dir", head.dir) })
      .on("title", { element: (title) => void title.setInnerContent(`${head.title} – zusammen`) })
      .on("head", { element: (element) => void element.append(`  ${headTags(head)}\n  `, { html: true }) })
      .transform(await staticPage(c, "/event"));
    return new Response(page.body, {
      status: 200,
      headers: { "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": EVENT_PAGE_POLICY, "Cache-Control": PAGE_CACHE, Vary: "Accept-Language" },
    });
  })
  .get("/embed", async (c) => {
    const locale = pageLocale(c);
    const page = new HTMLRewriter()
      .on("html", { element: (html) => void html.setAttribute("lang", locale).setAttribute("dir", isRtl(locale) ? "rtl" : "ltr") })
      .transform(await staticPage(c, "/embed"));
    return new Response(page.body, {
      status: 200,
      headers: { "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": embedPolicy(c.env), "Cache-Control": PAGE_CACHE, Vary: "Accept-Language" },
    });
  });
