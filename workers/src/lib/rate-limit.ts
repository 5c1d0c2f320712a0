/**
 * Rate limits for the public forms: registration, console sign-in, the privacy request
 * ("send me my data") and the request for one's manage links ("I lost my link"), each per
 * client address (CF-Connecting-IP) and per email address.
 *
 * Two counters:
 * - the Workers rate-limiting binding `IP_RATE_LIMITER`, where configured, for the
 *   per-address limits (https://developers.cloudflare.com/workers/runtime-apis/bindings/rate-limit/):
 *   no database write per request, but its period is 10 or 60 seconds, counted per
 *   Cloudflare location, and one limit for the whole binding;
 * - otherwise, and always for the per-email limits (their windows are longer than the
 *   binding allows), a fixed-window counter in D1: ONE upsert statement that opens a new
 *   window or counts in the current one and returns the count, so concurrent requests
 *   never read-then-write.
 *
 * Keys never hold an address in plain text: both the client address and the email address
 * are keyed hashes (HMAC with TOKEN_SECRET), and rows are removed a day after their window
 * (privacy/retention.ts).
 *
 * Limits come from RATE_LIMITS, e.g. "registration.ip=10/60,registration.email=5/3600"
 * (count/seconds; rules not named keep their defaults), or "off".
 */
import type { MiddlewareHandler } from "hono";
import type { AppBindings, Env } from "../env";
import { isLocale } from "../i18n";
import { DomainError } from "./errors";
import { keyedHash } from "./tokens";

export type RateScope = "registration" | "sign_in" | "privacy" | "manage_links";
export type RateRule = `${RateScope}.${"ip" | "email"}`;
export type Limit = { count: number; seconds: number };

/**
 * Per client address generous: many people share one (a school, a library's or a venue's
 * Wi-Fi at a fair, a mobile network's carrier-grade NAT), and a whole class signing up in
 * the same minute must never be locked out. Per email address strict (a family registering
 * for several events, a typo in the sign-in address still pass). Scripts that rotate
 * addresses are Turnstile's job (domain/abuse/turnstile.ts).
 */
export const DEFAULT_LIMITS: Record<RateRule, Limit> = {
  "registration.ip": { count: 60, seconds: 60 },
  "registration.email": { count: 10, seconds: 3600 },
  "sign_in.ip": { count: 60, seconds: 900 },
  "sign_in.email": { count: 5, seconds: 900 },
  "privacy.ip": { count: 30, seconds: 3600 },
  "privacy.email": { count: 3, seconds: 3600 },
  // "I lost my link": as the privacy request (each sends an email to an address typed in).
  "manage_links.ip": { count: 30, seconds: 3600 },
  "manage_links.email": { count: 3, seconds: 3600 },
};

/** Where the binding is used, its period (wrangler.toml [[ratelimits]] simple.period) tells when to try again. */
const BINDING_PERIOD_SECONDS = 60;

export class RateLimitedError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super("rate_limited", 429, "error.rate_limited");
  }
}

/** The limits in force: the defaults, overridden rule by rule by RATE_LIMITS; null when switched off. */
export function configuredLimits(env: Pick<Env, "RATE_LIMITS">): Record<RateRule, Limit> | null {
  const setting = env.RATE_LIMITS?.trim() ?? "";
  if (setting === "off") return null;
  const limits = { ...DEFAULT_LIMITS };
  for (const part of setting.split(",")) {
    const match = /^\s*([a-z_]+\.(?:ip|email))\s*=\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(part);
    if (match && match[1]! in limits && Number(match[3]) > 0) {
      limits[match[1] as RateRule] = { count: Number(match[2]), seconds: Number(match[3]) };
    }
  }
  return limits;
}

type Counted = { wait: number; key: string; windowStart: number };

/**
 * Counts one request against a rule for a subject (a client address or a normalized email)
 * in D1: one upsert that opens a new window or counts in the current one and returns the
 * count. `wait` is how many seconds to wait when it is over the limit (0: allowed).
 */
export async function countInWindow(env: Env, rule: RateRule, subject: string, limit: Limit, now: number): Promise<Counted> {
  const windowMs = limit.seconds * 1000;
  const windowStart = Math.floor(now / windowMs) * windowMs;
  const key = `${rule}:${(await keyedHash(env, `rate:${rule}:${subject}`)).slice(0, 32)}`;
  const row = await env.DB.prepare(
    `INSERT INTO rate_limits (key, window_start, count) VALUES (?1, ?2, 1)
     ON CONFLICT (key) DO UPDATE SET
       count = CASE WHEN excluded.window_start > rate_limits.window_start THEN 1 ELSE rate_limits.count + 1 END,
       window_start = MAX(rate_limits.window_start, excluded.window_start)
     RETURNING count, window_start AS windowStart`,
  )
    .bind(key, windowStart)
    .first<{ count: number; windowStart: number }>();
  const wait = !row || row.count <= limit.count ? 0 : Math.max(1, Math.ceil((row.windowStart + windowMs - now) / 1000));
  return { wait, key, windowStart: row?.windowStart ?? windowStart };
}

/** Takes back a count (a request that was refused or failed and sent no email). */
function refund(env: Env, counted: Counted): Promise<unknown> {
  return env.DB.prepare(`UPDATE rate_limits SET count = MAX(count - 1, 0) WHERE key = ?1 AND window_start = ?2`)
    .bind(counted.key, counted.windowStart)
    .run();
}

/** Seconds to wait for a client address (0: allowed): the binding where configured, else D1. */
async function checkAddress(env: Env, scope: RateScope, address: string, limit: Limit, now: number): Promise<number> {
  if (env.IP_RATE_LIMITER) {
    // The binding's key is never stored by us; it still gets no plain address.
    const { success } = await env.IP_RATE_LIMITER.limit({ key: `${scope}:${(await keyedHash(env, `rate-ip:${address}`)).slice(0, 32)}` });
    return success ? 0 : BINDING_PERIOD_SECONDS;
  }
  return (await countInWindow(env, `${scope}.ip`, address, limit, now)).wait;
}

/** The email address and locale a JSON body names, if any (read from Hono's body cache: the handler reads it again). */
async function bodyFields(c: Parameters<MiddlewareHandler<AppBindings>>[0]): Promise<{ email: string | null; locale: string | null }> {
  try {
    const body = JSON.parse(await c.req.text()) as { email?: unknown; locale?: unknown } | null;
    const email = typeof body?.email === "string" && body.email.length <= 254 ? body.email.trim().toLowerCase() : null;
    return { email: email || null, locale: typeof body?.locale === "string" ? body.locale : null };
  } catch {
    return { email: null, locale: null };
  }
}

/**
 * Middleware for a POST form: answers 429 with Retry-After (and the message in the
 * participant's language: the body's `locale`, else the request's) when the client address
 * or the email address has sent too many. Other methods pass untouched.
 *
 * Every request counts for its client address. For the email address only requests that
 * went through count (2xx: the ones that send an email): the count is taken before the
 * request, atomically, and given back when it fails, so a person correcting a typo five
 * times is not locked out, while a burst cannot slip between reading and counting.
 */
export function rateLimit(scope: RateScope): MiddlewareHandler<AppBindings> {
  return async (c, next) => {
    const limits = c.req.method === "POST" ? configuredLimits(c.env) : null;
    if (!limits) return next();
    const now = Date.now();
    // Behind Cloudflare the header is always set (and cannot be forged by the client); so it
    // is under npm start and wrangler dev. A request without it (SELF.fetch in the Worker's
    // tests) is only limited per email address.
    const address = c.req.header("cf-connecting-ip");
    const { email, locale } = await bodyFields(c);
    let wait = address ? await checkAddress(c.env, scope, address, limits[`${scope}.ip`], now) : 0;
    const counted = wait === 0 && email ? await countInWindow(c.env, `${scope}.email`, email, limits[`${scope}.email`], now) : null;
    if (counted) wait = counted.wait;
    if (wait > 0) {
      if (counted) await refund(c.env, counted);
      if (isLocale(locale)) c.set("locale", locale);
      c.header("Retry-After", String(wait));
      c.header("Cache-Control", "no-store");
      throw new RateLimitedError(wait);
    }
    await next();
    if (counted && c.res.status >= 300) await refund(c.env, counted);
  };
}
