/**
 * Conditional GETs for what clients poll (the feeds): an ETag from a cheap version stamp,
 * `304 Not Modified` when the client already holds it, and a short public max-age.
 * https://www.rfc-editor.org/rfc/rfc9110#section-13.1.2 (If-None-Match: weak comparison).
 */
import type { Context } from "hono";

/** How long shared caches and clients may keep a feed without asking again. */
export const FEED_MAX_AGE_SECONDS = 300;

export function weakEtag(version: string): string {
  return `W/"${version.replace(/[^\w.-]/g, "-")}"`;
}

/** True when If-None-Match names the current ETag (or `*`), compared weakly. */
export function clientHolds(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  return header.split(",").some((tag) => tag.trim() === "*" || opaque(tag) === opaque(etag));
}

/** The caching headers of a polled answer; it varies with the language asked for. */
export function pollingHeaders(etag: string): Record<string, string> {
  return { ETag: etag, "Cache-Control": `public, max-age=${FEED_MAX_AGE_SECONDS}`, Vary: "Accept-Language" };
}

/** 304 with the caching headers when the client holds `etag`; otherwise null (answer in full). */
export function notModified(c: Context, etag: string): Response | null {
  if (!clientHolds(c.req.header("if-none-match"), etag)) return null;
  return new Response(null, { status: 304, headers: pollingHeaders(etag) });
}
