import type { Locale } from "../../db/schema";
import type { Staff } from "./domain/auth/staff";

/**
 * What the translation needs of the Workers AI binding (`env.AI.run(model, input)`): one
 * method, so a stand-in can take its place in the tests. Declared only for deployment
 * (scripts/deploy.mjs), never in wrangler.toml: `npm start` and the tests need no login.
 */
export type TranslationModel = {
  run(model: "@cf/meta/m2m100-1.2b", input: { text: string; source_lang: string; target_lang: string }): Promise<{ translated_text?: string }>;
};

/** Bindings and variables of the Worker (see wrangler.toml). */
export type Env = {
  /** The request's database: the tenant's (lib/tenants.ts), as the request reaches it (http/database.ts). */
  DB: D1Database;
  /** The binding name `DB` stands for in this request (default "DB"): keys per-database caches. */
  DB_NAME?: string;
  /** The default database, where `DB` stands for a tenant's (lib/tenants.ts). */
  DB_DEFAULT?: D1Database;
  /** Organisations with a database of their own: "organisation-slug=BINDING,…" (lib/tenants.ts); the rest live in DB. */
  TENANTS?: string;
  ASSETS: Fetcher;
  MAIL_QUEUE: Queue<MailMessage>;
  /** The documents Worker (workers/documents): renders PDFs over RPC. */
  DOCUMENTS: Service<import("../documents/index").default>;
  PUBLIC_URL: string;
  PRIVACY_NOTICE_VERSION: string;
  MAIL_FROM: string;
  /**
   * "local" turns development mode on (the dev mailbox, /dev/*, a fixed token secret), and only
   * with a local PUBLIC_URL: set by the local server (npm start, browser tests, benchmarks) and
   * the Worker's tests, never in wrangler.toml.
   */
  DEV_MODE?: string;
  /** Sends mail through Resend; required outside development mode (there, without it, mail goes to the dev mailbox). */
  RESEND_API_KEY?: string;
  /** Overrides the Resend API origin (a local stub in end-to-end tests). */
  RESEND_BASE_URL?: string;
  /** Signing secret of the Resend webhook (whsec_…); without it POST /api/webhooks/resend answers 404. */
  RESEND_WEBHOOK_SECRET?: string;
  /** Secret from which manage and sign-in tokens are derived; required outside development mode. */
  TOKEN_SECRET?: string;
  /** Registration forms sent faster than this (ms) are taken to be bots; default 2000, 0 turns it off. */
  MIN_FORM_FILL_MS?: string;
  /** Comma-separated emails of administrators (created on their first sign-in). */
  ADMIN_EMAILS?: string;
  /** Rate limits, e.g. "registration.ip=10/60,registration.email=5/3600" or "off" (see lib/rate-limit.ts). */
  RATE_LIMITS?: string;
  /** Workers rate-limiting binding for the per-address limits (optional; D1 counts without it). */
  IP_RATE_LIMITER?: RateLimit;
  /** Cloudflare Turnstile: with the secret, public forms need a verified token; the site key goes to the page. */
  TURNSTILE_SECRET_KEY?: string;
  TURNSTILE_SITE_KEY?: string;
  /** Sites allowed to frame the embeddable event list (/embed), e.g. "https://www.duesseldorf.de https://*.partner.de". */
  EMBED_ALLOWED_ORIGINS?: string;
  /** Workers AI, for machine translation of event texts (optional: without it the pages show English, then German). */
  AI?: TranslationModel;
};

/** A queue message names one outbox row (and its database, where not DB); the row itself is the source of truth. */
export type MailMessage = { outboxId: string; database?: string };

/** A PUBLIC_URL on this machine: http(s)://localhost, 127.0.0.1 or [::1], any port. */
function isLocalUrl(url: string | undefined): boolean {
  try {
    const { hostname, protocol } = new URL(url ?? "");
    return (protocol === "http:" || protocol === "https:") && (hostname === "localhost" || hostname.endsWith(".localhost") || hostname === "127.0.0.1" || hostname === "[::1]");
  } catch {
    return false;
  }
}

/**
 * Development mode (dev mailbox, /dev/*, the fixed development secret) is explicit and local
 * only: DEV_MODE=local, which only the local server and the tests set, and a local PUBLIC_URL.
 * A deployment is never in it, whatever secret it forgot.
 */
export function isDevMode(env: Env): boolean {
  return env.DEV_MODE === "local" && isLocalUrl(env.PUBLIC_URL);
}

/** The fixed token secret of development mode only: it is published here, so nothing else may use it. */
export const DEV_TOKEN_SECRET = "zusammen-local-development-secret-not-for-production";

/** Secrets shorter than this are refused outside development mode (`openssl rand -base64 48` gives 64). */
export const MIN_TOKEN_SECRET_LENGTH = 32;

/**
 * What a deployment lacks before it may serve participants and staff: the names of the missing
 * secrets, none in development mode. A TOKEN_SECRET that is short or the published development
 * secret counts as missing: links signed with it could be forged by anyone.
 */
export function missingConfiguration(env: Env): ("TOKEN_SECRET" | "RESEND_API_KEY")[] {
  if (isDevMode(env)) return [];
  const missing: ("TOKEN_SECRET" | "RESEND_API_KEY")[] = [];
  const secret = env.TOKEN_SECRET ?? "";
  if (secret.length < MIN_TOKEN_SECRET_LENGTH || secret === DEV_TOKEN_SECRET) missing.push("TOKEN_SECRET");
  if (!env.RESEND_API_KEY) missing.push("RESEND_API_KEY");
  return missing;
}

/** Mail goes to the dev mailbox (and /dev/* is served): development mode without a Resend key. */
export function usesDevMailbox(env: Env): boolean {
  return isDevMode(env) && !env.RESEND_API_KEY;
}

export type AppBindings = {
  Bindings: Env;
  Variables: {
    requestId: string;
    locale: Locale;
    /** Set by the console guard for signed-in staff. */
    staff: Staff;
    sessionToken: string;
  };
};
