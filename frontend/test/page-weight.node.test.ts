/**
 * Page weight of the participant pages in the built frontend (frontend/dist; `npm test`
 * builds it first): at most 50 KB of JavaScript gzipped per page, and no request to any
 * other host. The weight of a page is its module script, everything that script imports
 * statically or dynamically (found in the HTML's modulepreload links and in the JS), with
 * only one language catalogue counted at a time: a page loads only the chosen locale's
 * web-<locale>-*.js. Each page is measured with its heaviest locale.
 */
import { describe, expect, it } from "vitest";
import { fs, gzipSize, read, ROOT } from "./node";

export const PARTICIPANT_PAGES = ["index", "event", "manage", "privacy", "accessibility", "404", "embed"] as const;
export const JS_BUDGET_GZIP = 50 * 1024;

const DIST = "frontend/dist";
const LOCALE_CHUNK = /^assets\/web-([a-z]{2})-[\w-]+\.js$/;

/** Asset paths ("assets/x.js") referenced by a built HTML page. */
function htmlReferences(html: string): { scripts: string[]; preloads: string[]; styles: string[] } {
  const attr = (tag: RegExp) => [...html.matchAll(tag)].map((match) => match[1]!.replace(/^\//, ""));
  return {
    scripts: attr(/<script\b[^>]*type="module"[^>]*\bsrc="([^"]+)"/g),
    preloads: attr(/<link\b[^>]*rel="modulepreload"[^>]*\bhref="([^"]+)"/g),
    styles: attr(/<link\b[^>]*rel="stylesheet"[^>]*\bhref="([^"]+)"/g),
  };
}

/** Relative imports of a built chunk: `import … from"./x.js"`, `import"./x.js"`, `import(\`./x.js\`)`. */
function chunkImports(path: string): string[] {
  const code = read(`${DIST}/${path}`);
  const found = new Set<string>();
  for (const match of code.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*["'`](\.{1,2}\/[^"'`]+?\.js)["'`]/g)) {
    found.add(new URL(match[1]!, `https://x/${path}`).pathname.slice(1));
  }
  return [...found];
}

export type PageWeight = { page: string; locale: string; jsGzip: number; jsFiles: string[]; cssGzip: number; html: number };

/** The page's JavaScript per locale (shared chunks plus that locale's catalogue), the heaviest first. */
export function pageWeights(page: string): PageWeight[] {
  const htmlText = read(`${DIST}/${page}.html`);
  const refs = htmlReferences(htmlText);
  const seen = new Set<string>();
  const queue = [...refs.scripts, ...refs.preloads];
  while (queue.length > 0) {
    const next = queue.shift()!;
    if (seen.has(next)) continue;
    seen.add(next);
    queue.push(...chunkImports(next));
  }
  const shared = [...seen].filter((path) => !LOCALE_CHUNK.test(path));
  const locales = [...seen].filter((path) => LOCALE_CHUNK.test(path));
  const size = (path: string) => gzipSize(fs.readFileSync(`${ROOT}${DIST}/${path}`));
  const sharedSize = shared.reduce((sum, path) => sum + size(path), 0);
  const cssGzip = refs.styles.reduce((sum, path) => sum + size(path), 0);
  const html = new TextEncoder().encode(htmlText).length;
  const options = locales.length > 0 ? locales : [null];
  return options
    .map((chunk) => ({
      page,
      locale: chunk ? LOCALE_CHUNK.exec(chunk)![1]! : "-",
      jsGzip: sharedSize + (chunk ? size(chunk) : 0),
      jsFiles: chunk ? [...shared, chunk] : shared,
      cssGzip,
      html,
    }))
    .sort((a, b) => b.jsGzip - a.jsGzip);
}

/** Absolute URLs that would make the browser ask another host; XML namespace names are not requests. */
const NAMESPACES = /^https?:\/\/www\.w3\.org\/(2000\/svg|1999\/xhtml|1998\/Math\/MathML|1999\/xlink|XML\/1998\/namespace|2000\/xmlns\/?)$/;
/** The namespaces of the spreadsheet the statistics page writes (Office Open XML, Dublin Core): names, not requests. */
const OOXML_NAMESPACES = /^http:\/\/(schemas\.openxmlformats\.org\/[\w/.-]+|purl\.org\/dc\/(elements\/1\.1|terms)\/|www\.w3\.org\/2001\/XMLSchema-instance)$/;
function foreignUrls(text: string): string[] {
  const urls = [...text.matchAll(/(?<![\\\w])(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}[^\s"'`)<>]*/gi)].map((match) => match[0]);
  return urls.filter((url) => !NAMESPACES.test(url) && !OOXML_NAMESPACES.test(url) && /^(https?:)?\/\//i.test(url) && !/^\/\/\s/.test(url));
}

describe("participant pages are light", () => {
  it("the built frontend is there (npm test builds it)", () => {
    expect(fs.existsSync(`${ROOT}${DIST}/index.html`)).toBe(true);
  });

  it.each(PARTICIPANT_PAGES)("%s: at most 50 KB of JavaScript gzipped, in every locale", (page) => {
    const weights = pageWeights(page);
    expect(weights.length).toBeGreaterThan(0);
    const heaviest = weights[0]!;
    // Six catalogues exist; every page can load any of them.
    expect(weights.map((w) => w.locale).sort()).toEqual(["ar", "de", "en", "ru", "tr", "uk"]);
    expect(heaviest.jsGzip, `${page} in ${heaviest.locale}: ${heaviest.jsFiles.join(", ")}`).toBeLessThanOrEqual(JS_BUDGET_GZIP);
  });

  it("no HTML, CSS or JavaScript asks another host for anything", () => {
    const files = fs
      .readdirSync(`${ROOT}${DIST}`, { recursive: true })
      .filter((name) => /\.(html|css|js)$/.test(name));
    expect(files.length).toBeGreaterThan(5);
    const offenders = files.flatMap((name) => foreignUrls(read(`${DIST}/${name}`)).map((url) => `${name}: ${url}`));
    expect(offenders).toEqual([]);
  });

  it("the check itself finds what it should", () => {
    expect(foreignUrls('<script src="https://cdn.example.com/x.js"></script>')).toEqual(["https://cdn.example.com/x.js"]);
    expect(foreignUrls('@import url(//fonts.example.net/a.css);')).toEqual(["//fonts.example.net/a.css"]);
    expect(foreignUrls('createElementNS("http://www.w3.org/2000/svg","svg")')).toEqual([]);
  });
});
