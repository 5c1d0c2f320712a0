/**
 * Webhooks from the mail provider. POST /api/webhooks/resend: a Svix-signed event from
 * Resend; bounces and complaints suppress the address. Without RESEND_WEBHOOK_SECRET the
 * route does not exist (404).
 */
import { Hono } from "hono";
import * as z from "zod/mini";
import type { AppBindings } from "../env";
import { applyResendEvent, verifySvixSignature } from "../domain/mail/bounces";
import { access } from "../http/access";
import { describe } from "../http/openapi";
import { documentedBody } from "../http/request";
import { DomainError, NotFoundError } from "../lib/errors";
import { webhookResult } from "./schemas";

/** Resend's events are small; anything bigger is not one. */
const MAX_WEBHOOK_BYTES = 64 * 1024;
const svixHeader = (description: string) => ({ description, required: true, schema: z.string() });

export const webhookRoutes = new Hono<AppBindings>().post(
  "/resend",
  // Public, but only a request signed with the webhook secret changes anything.
  access("public"),
  describe({
    summary: "Resend webhook (Svix-signed): email.bounced and email.complained suppress the address",
    description: "Verified with RESEND_WEBHOOK_SECRET (HMAC-SHA256 over `svix-id.svix-timestamp.body`, 5 minutes tolerance). Without the secret the route answers 404.",
    tags: ["webhooks"],
    headers: { "svix-id": svixHeader("Message id"), "svix-timestamp": svixHeader("Seconds since 1970"), "svix-signature": svixHeader("v1,<base64 signature> …") },
    // Read raw: the signature covers the exact bytes; applyResendEvent reads only the fields it knows.
    body: documentedBody(z.record(z.string(), z.unknown()), { examples: [{ type: "email.bounced", created_at: "2026-11-03T09:00:00.000Z", data: { email_id: "4ef9a417", to: ["ayse@example.org"] } }] }),
    responses: { 200: webhookResult },
    errors: { 400: "Signature headers missing or body not JSON", 401: "Signature invalid or timestamp too old", 404: "No webhook secret configured", 413: "Body larger than 64 KB" },
  }),
  async (c) => {
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
    return c.json({ ok: true as const, suppressed: suppressed.length });
  },
);
