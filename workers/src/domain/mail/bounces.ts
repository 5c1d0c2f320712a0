/**
 * Bounces and complaints reported by Resend's webhook (delivered through Svix). A verified
 * `email.bounced` or `email.complained` puts the address on email_suppressions: the consumer
 * sends nothing more to it (the row fails with "suppressed") and organisers see it on the
 * registration (`suppressionFor` in deliver.ts).
 *
 * Signature (https://docs.svix.com/receiving/verifying-payloads/how-manual): HMAC-SHA256
 * with the base64-decoded secret after the `whsec_` prefix, over `${svix-id}.${svix-timestamp}.${body}`;
 * `svix-signature` holds space-separated `v1,<base64>` entries (several during key rotation).
 * A timestamp more than 5 minutes away is refused (replays).
 */
import type { Env } from "../../env";
import { log } from "../../lib/log";
import { normalizeEmail } from "../../lib/email";
import { suppressStatements } from "./suppressions";

export const SIGNATURE_TOLERANCE_SECONDS = 5 * 60;

const encoder = new TextEncoder();

function base64ToBytes(value: string): Uint8Array {
  const binary = atob(value);
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** Constant-time comparison of two byte strings (length is not secret: HMACs have one length). */
function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

export type SignatureCheck = "valid" | "missing" | "stale" | "invalid";

/** Verifies a Svix-signed webhook request body. */
export async function verifySvixSignature(
  secret: string,
  headers: { id: string | null | undefined; timestamp: string | null | undefined; signature: string | null | undefined },
  body: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): Promise<SignatureCheck> {
  const { id, timestamp, signature } = headers;
  if (!id || !timestamp || !signature) return "missing";
  const seconds = Number(timestamp);
  if (!/^\d+$/.test(timestamp) || Math.abs(nowSeconds - seconds) > SIGNATURE_TOLERANCE_SECONDS) return "stale";
  let keyBytes: Uint8Array;
  try {
    keyBytes = base64ToBytes(secret.startsWith("whsec_") ? secret.slice(6) : secret);
  } catch {
    throw new Error("RESEND_WEBHOOK_SECRET is not a whsec_ base64 secret");
  }
  const key = await crypto.subtle.importKey("raw", keyBytes, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const expected = new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(`${id}.${timestamp}.${body}`)));
  for (const entry of signature.split(" ")) {
    const [version, value] = entry.split(",", 2);
    if (version !== "v1" || !value) continue;
    let candidate: Uint8Array;
    try {
      candidate = base64ToBytes(value);
    } catch {
      continue;
    }
    if (timingSafeEqual(candidate, expected)) return "valid";
  }
  return "invalid";
}

type ResendWebhookEvent = {
  type?: string;
  data?: { to?: string[] | string; email_id?: string; bounce?: { message?: string; type?: string; subType?: string } };
};

/**
 * Applies a verified webhook event. Only permanent bounces and complaints suppress an
 * address; a transient bounce (mailbox full) does not. Returns the addresses suppressed.
 */
export async function applyResendEvent(env: Env, event: ResendWebhookEvent, now = Date.now()): Promise<string[]> {
  const reason = event.type === "email.bounced" ? "bounce" : event.type === "email.complained" ? "complaint" : null;
  if (!reason) return [];
  if (reason === "bounce" && event.data?.bounce?.type?.toLowerCase() === "transient") return [];
  const to = event.data?.to;
  const addresses = (Array.isArray(to) ? to : typeof to === "string" ? [to] : [])
    .filter((a): a is string => typeof a === "string")
    .map(normalizeEmail)
    .filter((a) => a.length > 0 && a.length <= 320);
  if (addresses.length === 0) return [];
  const bounce = event.data?.bounce;
  const detail = (reason === "bounce" ? [bounce?.type, bounce?.subType, bounce?.message].filter(Boolean).join(" / ") : "complaint").slice(0, 500) || null;
  await env.DB.batch(await suppressStatements(env, addresses.map((address) => ({ address, reason, detail })), now));
  log("info", "mail.suppressed", { reason, count: addresses.length, emailId: event.data?.email_id });
  return addresses;
}
