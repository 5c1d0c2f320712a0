/**
 * The guard in front of the public forms (registration, sign-in, the privacy request), in
 * this order: rate limits (everyone counts), then Turnstile where configured. (The
 * registration form's bot checks come after validation, in domain/registrations/register.ts.)
 * It runs in the route's chain before the handler; the body is read from Hono's cache, so
 * the handler reads it again unchanged.
 */
import type { Context, MiddlewareHandler } from "hono";
import type { AppBindings } from "../env";
import { verifyTurnstile } from "../domain/abuse/turnstile";
import { rateLimit, type RateScope } from "../lib/rate-limit";
import { documented } from "./openapi";

async function jsonBody(c: Context<AppBindings>): Promise<unknown> {
  try {
    return JSON.parse(await c.req.text());
  } catch {
    return null; // the handler answers malformed JSON with its own error
  }
}

const TOO_MANY = "Too many requests from this address or for this email (Retry-After)";

/**
 * `limitsInBatch`: the domain verb counts the limits inside its own batch (registration: no
 * round trip of their own, lib/rate-limit.ts `batchLimits`); the guard then only asks the
 * rate-limiting binding, where configured.
 */
export function formGuard(scope: RateScope, options: { turnstile?: boolean; limitsInBatch?: boolean } = {}): MiddlewareHandler<AppBindings> {
  const limit = rateLimit(scope, { inBatch: options.limitsInBatch });
  const guard: MiddlewareHandler<AppBindings> = async (c, next) =>
    limit(c, async () => {
      if (options.turnstile) {
        const body = await jsonBody(c);
        if (body !== null) {
          await verifyTurnstile(c.env, (body as { turnstileToken?: unknown }).turnstileToken, c.req.header("cf-connecting-ip"));
        }
      }
      await next();
    });
  return documented(guard, {
    errors: options.turnstile
      ? { 403: "Turnstile check failed (only where TURNSTILE_SECRET_KEY is set)", 429: TOO_MANY }
      : { 429: TOO_MANY },
  });
}
