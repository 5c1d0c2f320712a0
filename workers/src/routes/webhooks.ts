/**
 * Webhooks from the mail provider. POST /api/webhooks/resend: a Svix-signed event from
 * Resend; bounces and complaints suppress the address. Without RESEND_WEBHOOK_SECRET the
 * route does not exist (404).
 */
import { Hono } from "hono";
import type { AppBindings } from "../env";
import { applyResendEvent, verifySvixSignature } from "../domain/mail/bounces";
import { DomainError, NotFoundError } from "../lib/errors";

/** Resend's events are small; anything bigger is not one. */
const MAX_WEBHOOK_BYTES = 64 * 1024;

export const webhookRoutes = new Hono<AppBindings>().post("/resend", async (c) => {
  const secret = c.env.RESEND_WEBHOOK_SECRET;
  if (!secret) throw new NotFoundError();
  // The signature covers the exact bytes: read the raw body, parse only after verifying.
  const body = await c.req.text();
  if (body.length > MAX_WEBHOOK_BYTES) throw new DomainError("payload_too_large", 413, "error.payload_too_large");
  const check = await verifySvixSignature(
    secret,
    { id: c.req.header("svix-id"), timestamp: c.req.header("svix-timestamp"), signature: c.req.header("svix-signature") },
    body,
  );
  if (check === "missing") throw new DomainError("signature_missing", 400, "error.validation");
  if (check !== "valid") throw new DomainError("signature_invalid", 401, "error.unauthenticated");
  let event: unknown;
  try {
    event = JSON.parse(body);
  } catch {
    throw new DomainError("malformed_json", 400, "error.malformed_json");
  }
  const suppressed = await applyResendEvent(c.env, (event ?? {}) as Parameters<typeof applyResendEvent>[1]);
  return c.json({ ok: true, suppressed: suppressed.length });
});
