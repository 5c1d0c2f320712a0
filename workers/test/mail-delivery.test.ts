/**
 * Invariant 4 at the fetch boundary: the REAL resend SDK talks to a stubbed `fetch`
 * (RESEND_BASE_URL points at a fake origin). The provider fails in every way it can
 * (500, 429 with retry-after, a timeout, a 422); every message is delivered exactly once,
 * with the same Idempotency-Key on every attempt, and nothing is lost.
 */
import { createMessageBatch, env } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Env, MailMessage } from "../src/env";
import { consumeMailBatch, deliverOutboxMessage, sweepOutbox } from "../src/domain/mail/deliver";
import { createEvent, participant, register, rows, waitForMail } from "./fixtures";

const STUB = "https://resend.stub";
const production: Env = { ...env, RESEND_API_KEY: "re_test_key", RESEND_BASE_URL: STUB, TOKEN_SECRET: "test-secret-for-mail-delivery" };

type Seen = { path: string; key: string | null; body: any };

/** Stubs the provider: each call answers with the next of `answers` ("hang" waits until the SDK's timeout aborts it). */
function stubProvider(answers: (number | "hang" | { status: number; body?: unknown; headers?: Record<string, string> })[]) {
  const seen: Seen[] = [];
  let call = 0;
  const realFetch = globalThis.fetch;
  vi.spyOn(globalThis, "fetch").mockImplementation(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    if (!url.startsWith(STUB)) return realFetch(input, init);
    const headers = new Headers(init?.headers);
    const body = JSON.parse(String(init?.body ?? "null"));
    seen.push({ path: url.slice(STUB.length), key: headers.get("idempotency-key"), body });
    const answer = answers[Math.min(call++, answers.length - 1)]!;
    if (answer === "hang") {
      return new Promise<Response>((_, reject) => {
        init?.signal?.addEventListener("abort", () => reject(init.signal!.reason));
      });
    }
    const { status, body: responseBody, headers: responseHeaders } = typeof answer === "number" ? { status: answer } : answer;
    const ok = status >= 200 && status < 300;
    const payload =
      responseBody ??
      (ok
        ? Array.isArray(body)
          ? { data: body.map((_: unknown, i: number) => ({ id: `provider-${call}-${i}` })) }
          : { id: `provider-${call}` }
        : { statusCode: status, name: status === 429 ? "rate_limit_exceeded" : "application_error", message: `stub ${status}` });
    return new Response(JSON.stringify(payload), { status, headers: { "content-type": "application/json", ...responseHeaders } });
  });
  return seen;
}

/** A queue batch as the consumer gets it. */
function mailBatch(messages: { id: string; timestamp: Date; attempts: number; body: MailMessage }[]): MessageBatch<MailMessage> {
  return createMessageBatch<MailMessage>("zusammen-mail", messages);
}

/** The outbox ids the sweep put on the queue. */
function sweptIds(send: { mock: { calls: unknown[][] } }): string[] {
  return send.mock.calls.flatMap((c) => c[0] as { body: MailMessage }[]).map((m) => m.body.outboxId);
}

afterEach(() => {
  vi.restoreAllMocks();
});

/** A confirmed registration (its own mails go to the dev mailbox) and a fresh outbox row for it, not on any queue. */
async function outboxRow(template: string, n: number, data: Record<string, unknown> = {}, locale = "de") {
  const { slug, eventId } = await createEvent();
  const email = `delivery-${n}-${crypto.randomUUID().slice(0, 6)}@example.org`;
  await register(slug, participant(n, { email, locale }));
  await waitForMail(email); // the registration's own confirmation, delivered in dev mode
  const [registration] = await rows(`SELECT id, email FROM registrations WHERE email = ?1`, email);
  const session = await rows(`SELECT id FROM sessions WHERE event_id = ?1`, eventId);
  const id = crypto.randomUUID().replace(/-/g, "");
  await env.DB.prepare(
    `INSERT INTO outbox (id, registration_id, template, to_address, locale, data, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)`,
  )
    .bind(id, registration!.id, template, email, locale, JSON.stringify({ sessionId: session[0]!.id, ...data }), Date.now())
    .run();
  return { id, email, registrationId: registration!.id as number };
}

async function outboxState(id: string) {
  const [row] = await rows(`SELECT status, attempts, last_error AS lastError, provider_message_id AS providerId FROM outbox WHERE id = ?1`, id);
  return row!;
}

describe("a flaky provider", () => {
  it("500, 429 with retry-after, a timeout, then success: sent exactly once, same Idempotency-Key every time", async () => {
    const { id } = await outboxRow("confirmed", 1);
    const seen = stubProvider([500, { status: 429, headers: { "retry-after": "37" } }, "hang", 200]);
    const results = [];
    for (let attempt = 0; attempt < 6; attempt++) results.push(await deliverOutboxMessage(production, id, { timeoutMs: 200 }));
    expect(results).toEqual(["retry", "retry", "retry", "sent", "skipped", "skipped"]);
    expect(seen).toHaveLength(4);
    expect(seen.map((s) => s.path)).toEqual(["/emails", "/emails", "/emails", "/emails"]);
    expect(new Set(seen.map((s) => s.key))).toEqual(new Set([id]));
    // The retried request carries the same bytes (the provider refuses a reused key with another body).
    expect(new Set(seen.map((s) => JSON.stringify(s.body))).size).toBe(1);
    expect(seen[0]!.body.attachments[0].filename).toMatch(/\.ics$/);
    expect(await outboxState(id)).toMatchObject({ status: "sent", attempts: 4, lastError: null, providerId: "provider-4" });
  });

  it("through the queue consumer: 429's retry-after sets the retry delay; a timeout retries; then acked", async () => {
    const { id } = await outboxRow("confirmed", 2);
    stubProvider([{ status: 429, headers: { "retry-after": "120" } }, "hang", 200]);
    const delays: (number | undefined)[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      const batch = mailBatch( [{ id: `m-${attempt}`, timestamp: new Date(), attempts: attempt, body: { outboxId: id } }]);
      const message = batch.messages[0]!;
      const retry = vi.spyOn(message, "retry");
      const ack = vi.spyOn(message, "ack");
      await consumeMailBatch(batch, production, { timeoutMs: 200 });
      delays.push(retry.mock.calls[0]?.[0]?.delaySeconds);
      if (attempt === 3) expect(ack).toHaveBeenCalledTimes(1);
    }
    expect(delays[0]).toBeGreaterThanOrEqual(120);
    expect(delays[1]).toBeGreaterThanOrEqual(1);
    expect(delays[2]).toBeUndefined();
    expect((await outboxState(id)).status).toBe("sent");
  });

  it("a 422 is permanent: failed with the provider's message, not retried", async () => {
    const { id } = await outboxRow("confirmed", 3);
    const seen = stubProvider([{ status: 422, body: { statusCode: 422, name: "validation_error", message: "Invalid `to` field." } }]);
    const batch = mailBatch( [{ id: "m-422", timestamp: new Date(), attempts: 1, body: { outboxId: id } }]);
    const retry = vi.spyOn(batch.messages[0]!, "retry");
    await consumeMailBatch(batch, production);
    expect(retry).not.toHaveBeenCalled();
    expect(await outboxState(id)).toMatchObject({ status: "failed", attempts: 1 });
    expect((await outboxState(id)).lastError).toContain("Invalid `to` field.");
    expect(await deliverOutboxMessage(production, id)).toBe("skipped");
    expect(seen).toHaveLength(1);
  });

  it("gives up after MAX_ATTEMPTS instead of looping through queue and sweep forever", async () => {
    const { id } = await outboxRow("confirmed", 4);
    await env.DB.prepare(`UPDATE outbox SET attempts = 11 WHERE id = ?1`).bind(id).run();
    stubProvider([503]);
    expect(await deliverOutboxMessage(production, id)).toBe("failed");
    expect((await outboxState(id)).lastError).toMatch(/^gave up after 12 attempts/);
  });

  it("the sweep waits for a retried row's back-off, then re-enqueues it", async () => {
    const { id } = await outboxRow("confirmed", 5);
    stubProvider([500]);
    const now = Date.now();
    expect(await deliverOutboxMessage(production, id, { now })).toBe("retry");
    const send = vi.spyOn(env.MAIL_QUEUE, "sendBatch").mockResolvedValue(undefined as never);
    await sweepOutbox(env, now + 30_000);
    expect(sweptIds(send)).not.toContain(id);
    await sweepOutbox(env, now + 65_000);
    expect(sweptIds(send)).toContain(id);
  });
});

describe("exactly once", () => {
  it("the queue delivering the same message twice sends it once (also both in one batch)", async () => {
    const { id } = await outboxRow("promoted", 6);
    const seen = stubProvider([200]);
    const message = (n: number) => ({ id: `dup-${n}`, timestamp: new Date(), attempts: 1, body: { outboxId: id } });
    await consumeMailBatch(mailBatch( [message(1), message(2)]), production);
    await consumeMailBatch(mailBatch( [message(3)]), production);
    expect(seen).toHaveLength(1);
    expect((await outboxState(id)).status).toBe("sent");
  });

  it("in dev mode too: one dev-mailbox entry however often the message comes", async () => {
    const { id, email } = await outboxRow("certificate_issued", 7);
    const batch = () => mailBatch( [{ id: crypto.randomUUID(), timestamp: new Date(), attempts: 1, body: { outboxId: id } }]);
    await Promise.all([consumeMailBatch(batch(), env), consumeMailBatch(batch(), env)]);
    await consumeMailBatch(batch(), env);
    const mails = await rows(`SELECT subject FROM dev_mailbox WHERE outbox_id = ?1`, id);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain("Teilnahmebescheinigung");
    expect((await waitForMail(email, 2)).length).toBe(2);
  });

  it("a suppressed (bouncing) address is not sent to: failed with reason 'suppressed'", async () => {
    const { id, email } = await outboxRow("confirmed", 8);
    await env.DB.prepare(`INSERT INTO email_suppressions (email_normalized, reason, detail) VALUES (?1, 'bounce', 'test')`).bind(email.toLowerCase()).run();
    const seen = stubProvider([200]);
    expect(await deliverOutboxMessage(production, id)).toBe("failed");
    expect(await outboxState(id)).toMatchObject({ status: "failed", lastError: "suppressed" });
    expect(seen).toHaveLength(0);
  });
});

describe("bulk mail through the batch endpoint", () => {
  it("several reminders in one consumer batch go out in one batch call; a retry re-sends the same group with the same key", async () => {
    const made = [await outboxRow("reminder", 9), await outboxRow("reminder", 10, {}, "en"), await outboxRow("reminder", 11, {}, "tr")];
    const transactional = await outboxRow("confirmed", 12);
    const seen = stubProvider([500, 200, 200]);
    const messages = () =>
      [...made, transactional].map((m, i) => ({ id: `b-${i}-${crypto.randomUUID()}`, timestamp: new Date(), attempts: 1, body: { outboxId: m.id } }));

    // Transactional mail goes alone (first call: the stub's 500); the three reminders share one batch call (200).
    const first = mailBatch( messages());
    const retries = first.messages.map((m) => vi.spyOn(m, "retry"));
    await consumeMailBatch(first, production);
    const batchCalls = () => seen.filter((s) => s.path === "/emails/batch");
    const singleCalls = () => seen.filter((s) => s.path === "/emails");
    expect(singleCalls()).toHaveLength(1);
    expect(singleCalls()[0]!.key).toBe(transactional.id);
    expect(batchCalls()).toHaveLength(1);
    expect(batchCalls()[0]!.body).toHaveLength(3);
    expect(batchCalls()[0]!.body.map((b: { to: string }) => b.to).sort()).toEqual(made.map((m) => m.email).sort());
    // The English and Turkish reminders are in their own language.
    expect(batchCalls()[0]!.body.map((b: { subject: string }) => b.subject.split(":")[0]).sort()).toEqual(["Erinnerung", "Hatırlatma", "Reminder"]);
    const results = await rows(`SELECT id, status FROM outbox WHERE id IN (?1, ?2, ?3, ?4)`, ...made.map((m) => m.id), transactional.id);
    const byId = Object.fromEntries(results.map((r) => [r.id, r.status]));
    expect(byId[transactional.id]).toBe("queued"); // the 500
    for (const m of made) expect(byId[m.id]).toBe("sent");
    expect(retries.filter((r) => r.mock.calls.length > 0)).toHaveLength(1);
  });

  it("a failed batch call is retried as the same group with the same key, whichever member's message comes back first", async () => {
    const made = [await outboxRow("reminder", 13), await outboxRow("reminder", 14), await outboxRow("reminder", 15)];
    const seen = stubProvider(["hang", 200]);
    const batch = mailBatch(made.map((m, i) => ({ id: `g-${i}`, timestamp: new Date(), attempts: 1, body: { outboxId: m.id } })));
    const retries = batch.messages.map((m) => vi.spyOn(m, "retry"));
    await consumeMailBatch(batch, production, { timeoutMs: 200 });
    expect(retries.every((r) => r.mock.calls.length === 1)).toBe(true);
    // Only the second member's message comes back: it brings its whole group.
    expect(await deliverOutboxMessage(production, made[1]!.id)).toBe("sent");
    expect(seen).toHaveLength(2);
    expect(seen.every((s) => s.path === "/emails/batch")).toBe(true);
    expect(seen[0]!.key).toMatch(/^batch-/);
    expect(seen[1]!.key).toBe(seen[0]!.key);
    expect(JSON.stringify(seen[1]!.body)).toBe(JSON.stringify(seen[0]!.body));
    for (const m of made) expect((await outboxState(m.id)).status).toBe("sent");
    // The other members' messages find nothing left to do.
    expect(await deliverOutboxMessage(production, made[0]!.id)).toBe("skipped");
    expect(await deliverOutboxMessage(production, made[2]!.id)).toBe("skipped");
    expect(seen).toHaveLength(2);
  });
});
