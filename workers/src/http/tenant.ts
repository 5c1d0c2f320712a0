/**
 * Which database a request belongs to (../lib/tenants.ts), found from what the request
 * names, before any route runs. With `TENANTS` unset this costs nothing: everything is `DB`.
 *
 * - the public programme (`/api/events/{slug}…`): the database whose organisation holds the
 *   event, remembered per isolate (an event does not change its organisation). Only a
 *   database that TENANTS assigns to the event's organisation counts (event slugs are unique
 *   per database only). Moving an organisation means copying its rows and deleting them from
 *   the old database (README): a copy left in `DB` would still answer there;
 * - the short link `/e/{slug}` as the event's own routes;
 * - the event list and the feeds: every database (routes/events.ts, domain/reach/programme.ts);
 * - a participant's link (`/api/registrations/{token}…`): the database holding the manage
 *   token's hash, or, for a data-access link, the database whose secret signed it;
 * - the console and sign-in: the database holding the session (or the sign-in token); a
 *   sign-in request goes to the first database (in `databaseNames` order) where the address
 *   belongs to staff, `DB` otherwise (administrators from ADMIN_EMAILS are created there);
 * - certificate verification and check-in QR codes: the database whose secret signed the code;
 * - a privacy request: the first database holding registrations of the address;
 * - "I lost my link": every database (routes/manage-links.ts).
 * Anything else (webhooks, the dev mailbox) is `DB`.
 *
 * Each question is asked of every database at once: one round trip of waiting, however
 * many databases there are. Tokens and codes are signed per database (lib/tokens.ts), so a
 * link of one database is no link in another.
 */
import type { Context } from "hono";
import { getCookie } from "hono/cookie";
import type { AppBindings, Env } from "../env";
import { readDataAccessToken } from "../domain/privacy/links";
import { normalizeEmail } from "../lib/email";
import { databaseNames, databaseOfOrganisation, DEFAULT_DATABASE, hasTenants, withDatabase } from "../lib/tenants";
import { looksLikeToken, readCertificateCode, readCheckInCode, sha256 } from "../lib/tokens";
import { SESSION_COOKIE } from "./session";
import type { StoredOrganisation } from "../../../db/rows";

/** Event slug → database, per isolate. */
const eventDatabases = new Map<string, { name: string; until: number }>();
const EVENT_CACHE_MS = 10 * 60_000;
const MAX_EVENTS = 2000;

/**
 * The first database (in `databaseNames` order) for which `ask` finds a row; `ask` gets that
 * database's environment and answers null when the question does not apply there (e.g. a
 * signature that is not this database's).
 */
async function firstDatabase(env: Env, ask: (env: Env, name: string) => Promise<boolean>): Promise<string | null> {
  const names = databaseNames(env);
  const found = await Promise.all(names.map((name) => ask(withDatabase(env, name), name)));
  return names[found.indexOf(true)] ?? null;
}

const exists = async (env: Env, sql: string, ...params: unknown[]) => (await env.DB.prepare(sql).bind(...params).first()) !== null;

async function databaseOfEvent(env: Env, slug: string, now: number): Promise<string> {
  const cached = eventDatabases.get(slug);
  if (cached && cached.until > now) return cached.name;
  const name = await firstDatabase(env, async (db, name) => {
    const row = await db.DB.prepare(`SELECT o.slug AS organisation FROM events e JOIN organisations o ON o.id = e.organisation_id WHERE e.slug = ?1`)
      .bind(slug)
      .first<{ organisation: StoredOrganisation["slug"] }>();
    return row !== null && databaseOfOrganisation(env, row.organisation) === name;
  });
  // Not found anywhere: DB answers 404; not remembered, so an event published a moment later is found.
  if (!name) return DEFAULT_DATABASE;
  if (eventDatabases.size >= MAX_EVENTS) eventDatabases.delete(eventDatabases.keys().next().value!);
  eventDatabases.set(slug, { name, until: now + EVENT_CACHE_MS });
  return name;
}

async function databaseOfToken(env: Env, token: string, now: number): Promise<string | null> {
  if (token.startsWith("p1.")) return firstDatabase(env, async (db) => (await readDataAccessToken(db, token, now)) !== null);
  if (!looksLikeToken(token)) return null;
  const hash = await sha256(token);
  return firstDatabase(env, (db) => exists(db, `SELECT 1 FROM registrations WHERE manage_token_hash = ?1`, hash));
}

/** A field of a small JSON body (read from Hono's cache: the handler reads it again). */
async function bodyField(c: Context<AppBindings>, field: string): Promise<string | null> {
  try {
    const value = (JSON.parse(await c.req.text()) as Record<string, unknown> | null)?.[field];
    return typeof value === "string" && value.length <= 254 ? value : null;
  } catch {
    return null;
  }
}

/** The binding name of the database the request belongs to. */
export async function databaseOfRequest(c: Context<AppBindings>): Promise<string> {
  const env = c.env;
  if (!hasTenants(env)) return DEFAULT_DATABASE;
  const path = c.req.path;
  const post = c.req.method === "POST";
  const now = Date.now();
  let match: RegExpExecArray | null;
  let found: string | null = null;
  if ((match = /^\/(?:api\/events|e)\/([^/]+)(\/|$)/.exec(path))) found = await databaseOfEvent(env, decodeURIComponent(match[1]!), now);
  else if ((match = /^\/api\/registrations\/([^/]+)(\/|$)/.exec(path))) found = await databaseOfToken(env, decodeURIComponent(match[1]!), now);
  else if ((match = /^\/(?:api\/certificates|verify)\/([^/]+)$/.exec(path))) {
    const raw = decodeURIComponent(match[1]!).slice(0, 64);
    found = await firstDatabase(env, async (db) => {
      const code = await readCertificateCode(db, raw);
      return code !== null && (await exists(db, `SELECT 1 FROM certificates WHERE code = ?1`, code));
    });
  } else if ((match = /^\/api\/checkin-qr\/([^/]+)\.png$/.exec(path))) {
    const code = decodeURIComponent(match[1]!);
    found = await firstDatabase(env, async (db) => (await readCheckInCode(db, code)) !== null);
  } else if (post && path === "/api/auth/login") {
    const email = await bodyField(c, "email");
    if (email) found = await firstDatabase(env, (db) => exists(db, `SELECT 1 FROM users WHERE email_normalized = ?1 AND disabled_at IS NULL`, normalizeEmail(email)));
  } else if (post && path === "/api/auth/verify") {
    const token = await bodyField(c, "token");
    if (token && looksLikeToken(token)) {
      const hash = await sha256(token);
      found = await firstDatabase(env, (db) => exists(db, `SELECT 1 FROM login_tokens WHERE token_hash = ?1`, hash));
    }
  } else if (post && path === "/api/privacy/requests") {
    const email = await bodyField(c, "email");
    if (email) found = await firstDatabase(env, (db) => exists(db, `SELECT 1 FROM registrations WHERE email_normalized = ?1 LIMIT 1`, normalizeEmail(email)));
  } else if (/^\/api\/(console|auth)(\/|$)/.test(path)) {
    const session = getCookie(c, SESSION_COOKIE);
    if (session && looksLikeToken(session)) {
      const hash = await sha256(session);
      found = await firstDatabase(env, (db) => exists(db, `SELECT 1 FROM user_sessions WHERE token_hash = ?1`, hash));
    }
  }
  return found ?? DEFAULT_DATABASE;
}
