/**
 * The guard in front of the public forms, in this order: rate limits (everyone counts),
 * then Turnstile where configured. (The registration form's bot checks come after
 * validation, in domain/registrations/register.ts.) Mounted in app.ts before the routes; the body is read from
 * Hono's cache, so the handler reads it again unchanged.
 */
import type { MiddlewareHandler } from "hono";
import type { AppBindings } from "../../env";
import { rateLimit, type RateScope } from "../../lib/rate-limit";
import { verifyTurnstile } from "./turnstile";

async function jsonBody(c: Parameters<MiddlewareHandler<AppBindings>>[0]): Promise<unknown> {
  try {
    return JSON.parse(await c.req.text());
  } catch {
    return null; // the handler answers malformed JSON with its own error
  }
}

export function protectForm(scope: RateScope, options: { turnstile?: boolean } = {}): MiddlewareHandler<AppBindings> {
  const limit = rateLimit(scope);
  return async (c, next) => {
    if (c.req.method !== "POST") return next();
    return limit(c, async () => {
      if (options.turnstile) {
        const body = await jsonBody(c);
        if (body !== null) {
          await verifyTurnstile(c.env, (body as { turnstileToken?: unknown }).turnstileToken, c.req.header("cf-connecting-ip"));
        }
      }
      await next();
    });
  };
}
