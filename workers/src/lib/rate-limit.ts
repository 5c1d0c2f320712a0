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
 *   never read-then-write. A registration counts inside its own batch (`batchLimits`): the
 *   upsert and the check are statements of the batch that takes the place, so the limits
 *   cost no round trip of their own; the other forms count in the middleware (`rateLimit`).
 *
 * Keys never hold an address in plain text: both the client address and the email address
 * are keyed hashes (HMAC with TOKEN_SECRET), and rows are removed a day after their window
 * (privacy/retention.ts).
 *
 * Limits come from RATE_LIMITS, e.g. "registration.ip=10/60,registration.email=5/3600"
 * (count/seconds; rules not named keep their defaults), or "off".
 */
import type { Context, MiddlewareHandler } from "hono";
import type { AppBindings, Env } from "../env";
import { isLocale } from "../i18n";
import { normalizeEmail } from "./email";
import { DomainError } from "./errors";
import { allOf, joined, shifted, type SqlPart } from "./sql";
import { keyedHash } from "./tokens";
import type { StoredRateLimit } from "../../../db/rows";

export type RateScope = "registration" | "sign_in" | "privacy" | "manage_links";
/** Per staff member: walk-ins added at the door (each may send an email to an address typed in by hand). */
export type StaffRule = "walk_in.staff";
export type RateRule = `${RateScope}.${"ip" | "email"}` | StaffRule;
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
  // A busy door takes one walk-in a minute; a script with a helper's session no more than that.
  "walk_in.staff": { count: 60, seconds: 3600 },
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
    const match = /^\s*([a-z_]+\.(?:ip|email|staff))\s*=\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(part);
    if (match && match[1]! in limits && Number(match[3]) > 0) {
      limits[match[1] as RateRule] = { count: Number(match[2]), seconds: Number(match[3]) };
    }
  }
  return limits;
}

type Counted = { wait: number; key: string; windowStart: number };

/** A counter's row: the rule and a keyed hash of the subject (never the address itself), and its window. */
async function counter(env: Env, rule: RateRule, subject: string, limit: Limit, now: number) {
  const windowMs = limit.seconds * 1000;
  return {
    key: `${rule}:${(await keyedHash(env, `rate:${rule}:${subject}`)).slice(0, 32)}`,
    windowStart: Math.floor(now / windowMs) * windowMs,
    windowMs,
  };
}

/** Seconds until the window that started at `windowStart` ends (at least 1). */
function secondsLeft(windowStart: number, windowMs: number, now: number): number {
  return Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000));
}

const UPSERT = `ON CONFLICT (key) DO UPDATE SET
         count = CASE WHEN excluded.window_start > rate_limits.window_start THEN 1 ELSE rate_limits.count + 1 END,
         window_start = MAX(rate_limits.window_start, excluded.window_start)
       RETURNING key, count, window_start AS windowStart`;

/**
 * Counts one request in the windows of `counts` (a new window starts again at 1), each only
 * when its condition (own parameters) holds: ONE upsert statement, which returns the counts.
 */
function countStatement(db: D1Database, counts: { key: string; windowStart: number; when: SqlPart }[]): D1PreparedStatement {
  const rows = joined(
    counts.map(({ key, windowStart, when }) => {
      const condition = shifted(when, 2);
      return { sql: `SELECT ?1, ?2, 1 WHERE ${condition.sql}`, params: [key, windowStart, ...condition.params] };
    }),
    " UNION ALL ",
  );
  return db.prepare(`INSERT INTO rate_limits (key, window_start, count) ${rows.sql} ${UPSERT}`).bind(...rows.params);
}

/** SQL (own parameters): the count of key ?1 in the window ?2 (0 when the row belongs to an older window). */
function countSql(key: string, windowStart: number): SqlPart {
  return { sql: `COALESCE((SELECT count FROM rate_limits WHERE key = ?1 AND window_start >= ?2), 0)`, params: [key, windowStart] };
}

/**
 * Counts one request against a rule for a subject (a client address or a normalized email)
 * in D1: one upsert that opens a new window or counts in the current one and returns the
 * count. `wait` is how many seconds to wait when it is over the limit (0: allowed).
 */
export async function countInWindow(env: Env, rule: RateRule, subject: string, limit: Limit, now: number): Promise<Counted> {
  const { key, windowStart, windowMs } = await counter(env, rule, subject, limit, now);
  const row = await countStatement(env.DB, [{ key, windowStart, when: allOf() }]).first<Pick<StoredRateLimit, "count" | "windowStart">>();
  const wait = !row || row.count <= limit.count ? 0 : secondsLeft(row.windowStart, windowMs, now);
  return { wait, key, windowStart: row?.windowStart ?? windowStart };
}

/** The limits of one request, as a condition and a statement of the batch that does its work. */
export type BatchLimits = {
  /** SQL condition (own parameters) for writing anything: the address and the email are within their limits. */
  allows: SqlPart;
  /**
   * After the writes: counts the request for its client address (when `reached`, own
   * parameters, holds) and for its email address (when `wentThrough` holds), in one statement.
   */
  count(reached: SqlPart, wentThrough: SqlPart): D1PreparedStatement;
  /** SQL (own parameters) for the email's count in its window before this request, to read back with the batch's answer. */
  emailCount: SqlPart;
  /** Seconds to wait (0: allowed), from the result of `count` and the email count read back. */
  wait(counted: D1Result | undefined, emailCount: number | null): number;
};

/**
 * The limits of a form counted inside the batch that acts on it, so they cost no round trip
 * of their own: the client address counts every request that reaches the batch (where no
 * rate-limiting binding counts it, see `countsAddressInD1`), the email address only the
 * requests that went through. Both are compared before the writes (`allows`) and counted
 * after them (`count`): the batch is one transaction, so nothing slips in between. Null
 * when limits are off.
 */
export async function batchLimits(
  env: Env,
  scope: RateScope,
  subjects: { address: string | null; email: string },
  now: number,
): Promise<BatchLimits | null> {
  const limits = configuredLimits(env);
  if (!limits) return null;
  const addressLimit = limits[`${scope}.ip`];
  const emailLimit = limits[`${scope}.email`];
  const address = subjects.address && countsAddressInD1(env) ? await counter(env, `${scope}.ip`, subjects.address, addressLimit, now) : null;
  const email = await counter(env, `${scope}.email`, subjects.email, emailLimit, now);
  const below = (part: SqlPart, limit: number): SqlPart => joined([part, { sql: `< ?1`, params: [limit] }], " ");
  const emailCount = countSql(email.key, email.windowStart);
  return {
    allows: allOf(...(address ? [below(countSql(address.key, address.windowStart), addressLimit.count)] : []), below(emailCount, emailLimit.count)),
    count: (reached, wentThrough) =>
      countStatement(env.DB, [...(address ? [{ ...address, when: reached }] : []), { ...email, when: wentThrough }]),
    emailCount,
    wait(counted, count) {
      const row = (counted?.results as { key: string; count: number; windowStart: number }[] | undefined)?.find((r) => r.key === address?.key);
      const waits = [0];
      if (address && row && row.count > addressLimit.count) waits.push(secondsLeft(row.windowStart, address.windowMs, now));
      if (count !== null && count >= emailLimit.count) waits.push(secondsLeft(email.windowStart, email.windowMs, now));
      return Math.max(...waits);
    },
  };
}

/** Is the client address counted in D1? Not where the rate-limiting binding counts it (in the middleware). */
export function countsAddressInD1(env: Pick<Env, "IP_RATE_LIMITER">): boolean {
  return !env.IP_RATE_LIMITER;
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
    const email = typeof body?.email === "string" && body.email.length <= 254 ? normalizeEmail(body.email) : null;
    return { email: email || null, locale: typeof body?.locale === "string" ? body.locale : null };
  } catch {
    return { email: null, locale: null };
  }
}

/**
 * The 429 for `wait` seconds, with Retry-After and the message in the participant's
 * language (`locale`, e.g. the body's, else the request's): throw what it returns.
 */
export function rateLimited(c: Context<AppBindings>, wait: number, locale: unknown): RateLimitedError {
  if (isLocale(locale)) c.set("locale", locale);
  c.header("Retry-After", String(wait));
  c.header("Cache-Control", "no-store");
  return new RateLimitedError(wait);
}

/**
 * The client address of a request: behind Cloudflare the header is always set (and cannot
 * be forged by the client); so it is under npm start and wrangler dev. A request without it
 * (SELF.fetch in the Worker's tests) is only limited per email address.
 */
export function clientAddress(c: Context<AppBindings>): string | null {
  return c.req.header("cf-connecting-ip") ?? null;
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
 *
 * `inBatch`: the handler's domain verb counts in its own batch (`batchLimits`); here only the
 * rate-limiting binding is asked about the address, where it is configured.
 */
export function rateLimit(scope: RateScope, { inBatch = false } = {}): MiddlewareHandler<AppBindings> {
  return async (c, next) => {
    const limits = c.req.method === "POST" ? configuredLimits(c.env) : null;
    if (!limits) return next();
    const now = Date.now();
    const address = clientAddress(c);
    if (inBatch) {
      if (address && !countsAddressInD1(c.env)) {
        const wait = await checkAddress(c.env, scope, address, limits[`${scope}.ip`], now);
        if (wait > 0) throw rateLimited(c, wait, (await bodyFields(c)).locale);
      }
      return next();
    }
    const { email, locale } = await bodyFields(c);
    let wait = address ? await checkAddress(c.env, scope, address, limits[`${scope}.ip`], now) : 0;
    const counted = wait === 0 && email ? await countInWindow(c.env, `${scope}.email`, email, limits[`${scope}.email`], now) : null;
    if (counted) wait = counted.wait;
    if (wait > 0) {
      if (counted) await refund(c.env, counted);
      throw rateLimited(c, wait, locale);
    }
    await next();
    if (counted && c.res.status >= 300) await refund(c.env, counted);
  };
}

/**
 * Middleware for a console action limited per staff member (after the access rule, which
 * sets `staff`): 429 with Retry-After over the limit; only requests that went through count.
 */
export function staffRateLimit(rule: StaffRule): MiddlewareHandler<AppBindings> {
  return async (c, next) => {
    const limits = configuredLimits(c.env);
    const staff = c.get("staff");
    if (!limits || !staff) return next();
    const counted = await countInWindow(c.env, rule, `staff:${staff.id}`, limits[rule], Date.now());
    if (counted.wait > 0) {
      await refund(c.env, counted);
      c.header("Retry-After", String(counted.wait));
      throw new RateLimitedError(counted.wait);
    }
    await next();
    if (c.res.status >= 300) await refund(c.env, counted);
  };
}
