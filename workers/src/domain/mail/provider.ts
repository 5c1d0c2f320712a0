/**
 * The mail provider: Resend, through its SDK, with the outbox id (or a batch's derived key)
 * as Idempotency-Key, so a call whose answer was lost can be made again safely.
 *
 * What an answer means (https://resend.com/docs/api-reference/errors): network errors,
 * timeouts, 429 and 5xx are worth retrying, at least as late as `retry-after` asks; any other
 * 4xx (validation, unverified domain, …) is permanent, with the provider's message, which
 * organisers see. When to retry is the outbox state machine's business (outbox-state.ts).
 */
import { Resend } from "resend";
import type { Env } from "../../env";
import type { Prepared } from "./compose";
import type { SendOutcome } from "./outbox-state";

/** The provider call is abandoned after this long and retried (same idempotency key). */
export const SEND_TIMEOUT_MS = 15_000;
/** Resend's batch endpoint takes at most 100 emails per call. */
export const BATCH_LIMIT = 100;

function resendClient(env: Env): Resend {
  return new Resend(env.RESEND_API_KEY, env.RESEND_BASE_URL ? { baseUrl: env.RESEND_BASE_URL.replace(/\/$/, "") } : undefined);
}

/** Seconds from a `retry-after` header (seconds or an HTTP date). */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}

/** Maps the SDK's answer (it never throws: network errors and timeouts come back with statusCode null). */
function classify(
  error: { statusCode?: number | null; name?: string; message?: string },
  headers: Record<string, string> | null,
): SendOutcome {
  const status = error.statusCode ?? 0;
  const message = `${status || "network"} ${error.name ?? "error"}: ${error.message ?? ""}`.trim();
  // The key was used before with another body: the first request went through.
  if (error.name === "invalid_idempotent_request") return { kind: "sent", providerIds: [] };
  if (status === 0 || status === 408 || status === 429 || status >= 500 || error.name === "concurrent_idempotent_requests") {
    return { kind: "retry", message, retryAfterSeconds: parseRetryAfter(headers?.["retry-after"]) };
  }
  return { kind: "failed", message };
}

function payload(env: Env, prepared: Prepared) {
  const { row, rendered } = prepared;
  return {
    from: env.MAIL_FROM,
    to: row.toAddress,
    subject: rendered.subject,
    html: rendered.html,
    text: rendered.text,
  };
}

/** Anything thrown around a provider call (not an answer from it) is retryable: the key makes the retry safe. */
export async function safely(call: () => Promise<SendOutcome>): Promise<SendOutcome> {
  try {
    return await call();
  } catch (error) {
    return { kind: "retry", message: `exception: ${String(error instanceof Error ? error.message : error)}`, retryAfterSeconds: null };
  }
}

export async function sendSingle(env: Env, prepared: Prepared, timeoutMs: number): Promise<SendOutcome> {
  const { data, error, headers } = await resendClient(env).emails.send(
    {
      ...payload(env, prepared),
      // An inline image (the check-in QR code) carries its content id: the HTML shows it as cid:….
      attachments: prepared.rendered.attachments.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType, ...(a.contentId ? { contentId: a.contentId } : {}) })),
    },
    { idempotencyKey: prepared.row.id, signal: AbortSignal.timeout(timeoutMs) },
  );
  if (error) return classify(error, headers);
  return { kind: "sent", providerIds: [data?.id ?? null] };
}

export async function sendBatch(env: Env, group: Prepared[], key: string, timeoutMs: number): Promise<SendOutcome> {
  const { data, error, headers } = await resendClient(env).batch.send(
    group.map((p) => payload(env, p)),
    { idempotencyKey: key, signal: AbortSignal.timeout(timeoutMs) },
  );
  if (error) return classify(error, headers);
  const ids = (data?.data ?? []).map((d) => d.id ?? null);
  return { kind: "sent", providerIds: group.map((_, i) => ids[i] ?? null) };
}
