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
  DB: D1Database;
  ASSETS: Fetcher;
  MAIL_QUEUE: Queue<MailMessage>;
  /** The documents Worker (workers/documents): renders PDFs over RPC. */
  DOCUMENTS: Service<import("../documents/index").default>;
  PUBLIC_URL: string;
  PRIVACY_NOTICE_VERSION: string;
  MAIL_FROM: string;
  /** Without it, mail goes to the dev mailbox and the /dev routes exist. */
  RESEND_API_KEY?: string;
  /** Overrides the Resend API origin (a local stub in end-to-end tests). */
  RESEND_BASE_URL?: string;
  /** Signing secret of the Resend webhook (whsec_…); without it POST /api/webhooks/resend answers 404. */
  RESEND_WEBHOOK_SECRET?: string;
  /** Secret from which manage and sign-in tokens are derived; required in production. */
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
  /** Workers AI, for machine translation of event texts (optional: without it the pages show English, then German). */
  AI?: TranslationModel;
};

/** A queue message names one outbox row; the row itself is the source of truth. */
export type MailMessage = { outboxId: string };

/** Dev mode is the embedded default: no mail provider configured. */
export function isDevMode(env: Env): boolean {
  return !env.RESEND_API_KEY;
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
