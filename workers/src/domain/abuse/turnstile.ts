/**
 * Cloudflare Turnstile, optional: off without TURNSTILE_SECRET_KEY. When it is set, the
 * public forms (registration, privacy request) must carry `turnstileToken`, which is
 * verified server-side with Siteverify
 * (https://developers.cloudflare.com/turnstile/get-started/server-side-validation/):
 * POST https://challenges.cloudflare.com/turnstile/v0/siteverify with `secret`, `response`,
 * `remoteip` and an `idempotency_key` (so a retried call is not a "duplicate").
 *
 * It fails closed: no token, a refused token, an unreachable or unreadable Siteverify are
 * all a refusal (403 turnstile_failed), because a check that lets everything through when
 * it breaks protects nothing. Cloudflare's test secret keys ("1x…AA" always passes, "2x…AA"
 * always fails; https://developers.cloudflare.com/turnstile/troubleshooting/testing/) work
 * against the real endpoint; the tests stub the endpoint at the fetch boundary.
 */
import type { Env } from "../../env";
import { DomainError } from "../../lib/errors";

export const SITEVERIFY_URL = "https://challenges.cloudflare.com/turnstile/v0/siteverify";
const TIMEOUT_MS = 5000;

export class TurnstileError extends DomainError {
  constructor() {
    super("turnstile_failed", 403, "error.turnstile_failed");
  }
}

export function turnstileEnabled(env: Pick<Env, "TURNSTILE_SECRET_KEY">): boolean {
  return Boolean(env.TURNSTILE_SECRET_KEY);
}

/** The site key for the page, only while the server checks tokens (else the widget would be for nothing). */
export function publicSiteKey(env: Pick<Env, "TURNSTILE_SECRET_KEY" | "TURNSTILE_SITE_KEY">): string | null {
  return turnstileEnabled(env) && env.TURNSTILE_SITE_KEY ? env.TURNSTILE_SITE_KEY : null;
}

/** Throws TurnstileError unless Siteverify accepts the token. Does nothing while Turnstile is off. */
export async function verifyTurnstile(env: Env, token: unknown, remoteIp: string | undefined): Promise<void> {
  if (!turnstileEnabled(env)) return;
  if (typeof token !== "string" || token.length === 0 || token.length > 2048) throw new TurnstileError();
  const form = new FormData();
  form.append("secret", env.TURNSTILE_SECRET_KEY!);
  form.append("response", token);
  if (remoteIp) form.append("remoteip", remoteIp);
  form.append("idempotency_key", crypto.randomUUID());
  let outcome: { success?: unknown } | null = null;
  try {
    const response = await fetch(SITEVERIFY_URL, { method: "POST", body: form, signal: AbortSignal.timeout(TIMEOUT_MS) });
    outcome = response.ok ? ((await response.json()) as { success?: unknown }) : null;
  } catch {
    outcome = null;
  }
  if (outcome?.success !== true) throw new TurnstileError();
}
