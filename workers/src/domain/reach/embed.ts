/**
 * Who may show the embeddable event list (`/embed`) in a frame: the sites named in
 * `EMBED_ALLOWED_ORIGINS` (the city's website, partners), as CSP `frame-ancestors`. Nobody
 * else, and nobody at all while it is unset: every other page keeps `frame-ancestors 'none'`.
 */
import type { Env } from "../../env";

/** An origin a CSP host-source can name: scheme, host (a leading "*." for subdomains), optional port; no path. */
const ORIGIN = /^https?:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/;

/** The allowed origins, from a list separated by spaces or commas; anything else (a bare "*", a path) is left out. */
export function allowedFramers(env: Pick<Env, "EMBED_ALLOWED_ORIGINS">): string[] {
  return [
    ...new Set(
      (env.EMBED_ALLOWED_ORIGINS ?? "")
        .split(/[\s,]+/)
        .map((origin) => origin.trim().toLowerCase().replace(/\/$/, ""))
        .filter((origin) => ORIGIN.test(origin)),
    ),
  ];
}

/** The embed page's policy: as strict as every page, but framed by the allowed sites. */
export function embedPolicy(env: Pick<Env, "EMBED_ALLOWED_ORIGINS">): string {
  const framers = allowedFramers(env);
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "frame-src 'none'",
    `frame-ancestors ${framers.length > 0 ? framers.join(" ") : "'none'"}`,
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
}
