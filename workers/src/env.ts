/** Bindings and variables of the Worker (see wrangler.toml). */
export type Env = {
  DB: D1Database;
  ASSETS: Fetcher;
  MAIL_QUEUE: Queue<MailMessage>;
  PUBLIC_URL: string;
  PRIVACY_NOTICE_VERSION: string;
  MAIL_FROM: string;
  /** Without it, mail goes to the dev mailbox and the /dev routes exist. */
  RESEND_API_KEY?: string;
  /** Overrides the Resend API origin (a local stub in end-to-end tests). */
  RESEND_BASE_URL?: string;
  /** Secret from which manage and sign-in tokens are derived; required in production. */
  TOKEN_SECRET?: string;
  /** Comma-separated emails of administrators (created on their first sign-in). */
  ADMIN_EMAILS?: string;
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
    locale: import("../../db/schema").Locale;
    /** Set by the console guard for signed-in staff. */
    staff: import("./domain/auth/access").Staff;
    sessionToken: string;
  };
};
