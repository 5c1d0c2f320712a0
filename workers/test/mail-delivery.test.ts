/**
 * Invariant 4 at the fetch boundary: the REAL resend SDK talks to a stubbed `fetch`
 * (RESEND_BASE_URL points at a fake origin). The provider fails in every way it can
 * (500, 429 with retry-after, a timeout, a 422); every message is delivered exactly once,
 * with the same Idempotency-Key on every attempt, and nothing is lost.
 */
import { createMessageBatch, env } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Env, MailMessage } from "../src/env";
import { deliverOutboxMessage } from "../src/domain/mail/deliver";
import { consumeMailBatch, sweepOutbox } from "../src/domain/mail/queue";
import { consoleFetch, createEvent, createStaff, participant, register, rows, waitForMail } from "./fixtures";

const STUB = "https://resend.stub";
const production: Env = { ...env, RESEND_API_KEY: "re_test_key", RESEND_BASE_URL: STUB, TOKEN_SECRET: "test-secret-for-mail-delivery" };

type Seen = { path: string; key: string | null; body: any };

type Answer = number | "hang" | { status: number; body?: unknown; headers?: Record<string, string> };

/**
 * Stubs the provider: each call answers with the next of `answers` ("hang" waits until the
 * SDK's timeout aborts it), or with what a function of the call's number says.
 */
function stubProvider(answers: Answer[] | ((call: number) => Answer)) {
  const seen: Seen[] = [];
  let call = 0;
  const realFetch = globalThis.fetch;
  vi.spyOn(globalThis, "fetch").mockImplementation(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    if (!url.startsWith(STUB)) return realFetch(input, init);
    const headers = new Headers(init?.headers);
    const body = JSON.parse(String(init?.body ?? "null"));
    seen.push({ path: url.slice(STUB.length), key: headers.get("idempotency-key"), body });
    const answer = typeof answers === "function" ? answers(call++) : answers[Math.min(call++, answers.length - 1)]!;
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
  const [row] = await rows(
    `SELECT status, attempts, last_error AS lastError, provider_message_id AS providerId, next_attempt_at AS nextAttemptAt FROM outbox WHERE id = ?1`,
    id,
  );
  return row!;
}

/** The instant a retried row is due again (what the queue's delay and the sweep keep to). */
async function dueAt(id: string): Promise<number> {
  return Number((await outboxState(id)).nextAttemptAt);
}

describe("a flaky provider", () => {
  it("500, 429 with retry-after, a timeout, then success: sent exactly once, same Idempotency-Key every time", async () => {
    const { id } = await outboxRow("confirmed", 1);
    const seen = stubProvider([500, { status: 429, headers: { "retry-after": "37" } }, "hang", 200]);
    const results = [];
    let now = Date.now();
    for (let attempt = 0; attempt < 6; attempt++) {
      results.push(await deliverOutboxMessage(production, id, { now, timeoutMs: 200 }));
      if (results.at(-1) === "retry") now = await dueAt(id);
    }
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
    const acks: number[] = [];
    let now = Date.now();
    for (let attempt = 1; attempt <= 3; attempt++) {
      const batch = mailBatch([{ id: `m-${attempt}`, timestamp: new Date(now), attempts: attempt, body: { outboxId: id } }]);
      const message = batch.messages[0]!;
      const retry = vi.spyOn(message, "retry");
      const ack = vi.spyOn(message, "ack");
      await consumeMailBatch(batch, production, { now, timeoutMs: 200 });
      const delay = retry.mock.calls[0]?.[0]?.delaySeconds;
      delays.push(delay);
      acks.push(ack.mock.calls.length);
      if (delay !== undefined) {
        // The queue's delay and the row's due time are one schedule.
        expect(await dueAt(id)).toBe(now + delay * 1000);
        now += delay * 1000;
      }
    }
    expect(acks).toEqual([0, 0, 1]);
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

  it("a provider down for six hours: retried with back-off capped at 30 minutes, sent once it is back", async () => {
    const { id } = await outboxRow("confirmed", 4);
    const start = Date.now();
    const outage = 6 * 3600_000;
    let now = start;
    const seen = stubProvider(() => (now < start + outage ? 503 : 200));
    const attempts: { at: number; result: string }[] = [];
    // The queue's part, driven with the clock: each retry comes back at the row's due time.
    while (attempts.length < 100) {
      const result = await deliverOutboxMessage(production, id, { now });
      attempts.push({ at: now, result });
      if (result !== "retry") break;
      now = await dueAt(id);
    }
    expect(attempts.at(-1)!.result).toBe("sent");
    expect(attempts.at(-1)!.at).toBeGreaterThanOrEqual(start + outage);
    expect(attempts.slice(0, -1).every((a) => a.result === "retry")).toBe(true);
    // Back-off grows, then stays at most 30 minutes apart; the mail goes out within 30 minutes of the provider's return.
    const gaps = attempts.slice(1).map((a, i) => a.at - attempts[i]!.at);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(30 * 60_000);
    expect(gaps.at(-1)).toBeGreaterThanOrEqual(15 * 60_000);
    expect(attempts.at(-1)!.at - (start + outage)).toBeLessThanOrEqual(30 * 60_000);
    // One message, one key, however many attempts.
    expect(new Set(seen.map((s) => s.key))).toEqual(new Set([id]));
    expect(await outboxState(id)).toMatchObject({ status: "sent", attempts: attempts.length, lastError: null });
  });

  it("the sweep keeps to the same schedule: a retried row is re-enqueued only a grace period after it is due", async () => {
    const { id } = await outboxRow("confirmed", 5);
    stubProvider([500]);
    const now = Date.now();
    expect(await deliverOutboxMessage(production, id, { now })).toBe("retry");
    const due = await dueAt(id);
    const send = vi.spyOn(env.MAIL_QUEUE, "sendBatch").mockResolvedValue(undefined as never);
    await sweepOutbox(env, due + 59_000);
    expect(sweptIds(send)).not.toContain(id);
    await sweepOutbox(env, due + 60_000);
    expect(sweptIds(send)).toContain(id);
    // A message that arrives well before the row is due (a sweep's duplicate) is acked without a provider call.
    await env.DB.prepare(`UPDATE outbox SET next_attempt_at = ?2 WHERE id = ?1`).bind(id, now + 600_000).run();
    const early = mailBatch([{ id: "early", timestamp: new Date(now), attempts: 1, body: { outboxId: id } }]);
    const ack = vi.spyOn(early.messages[0]!, "ack");
    await consumeMailBatch(early, production, { now: now + 1_000 });
    expect(ack).toHaveBeenCalledTimes(1);
    expect((await outboxState(id)).attempts).toBe(1);
  });
});

describe("a provider down for longer than the retry period", () => {
  it("gives up after 72 hours; the status page lists it, an administrator sends it again, it goes out once", async () => {
    const { id } = await outboxRow("confirmed", 16);
    const start = Date.now();
    let now = start;
    let providerUp = false;
    const seen = stubProvider(() => (providerUp ? 200 : 503));
    const results: string[] = [];
    while (results.length < 400) {
      const result = await deliverOutboxMessage(production, id, { now });
      results.push(result);
      if (result !== "retry") break;
      now = await dueAt(id);
    }
    expect(results.at(-1)).toBe("failed");
    // Not after 12 attempts and 40 minutes: for the whole 72 hours, and not an hour longer.
    expect(now - start).toBeGreaterThanOrEqual(72 * 3600_000);
    expect(now - start).toBeLessThan(73 * 3600_000);
    expect(results.length).toBeGreaterThan(100);
    const failed = await outboxState(id);
    expect(failed).toMatchObject({ status: "failed", attempts: results.length });
    expect(failed.lastError).toMatch(/^gave up after \d+ attempts in 72 hours: 503/);
    // The sweep leaves a failed row alone.
    const send = vi.spyOn(env.MAIL_QUEUE, "sendBatch").mockResolvedValue(undefined as never);
    await sweepOutbox(env, now + 3600_000);
    expect(sweptIds(send)).not.toContain(id);
    send.mockRestore();

    const admin = await createStaff({ isAdmin: true });
    const status = (await (await consoleFetch(admin, "GET", "/api/console/status")).json()) as { status: { failures: { id: string; status: string }[]; hints: { code: string }[] } };
    expect(status.status.failures).toContainEqual(expect.objectContaining({ id, status: "failed" }));
    expect(status.status.hints.map((h) => h.code)).toContain("mail_given_up");

    // Only administrators, only with the CSRF token, only a failed row.
    const organiser = await createStaff({ role: "organiser" });
    expect((await consoleFetch(organiser, "POST", `/api/console/status/mail/${id}/retry`)).status).toBe(403);
    expect((await consoleFetch(admin, "POST", `/api/console/status/mail/${id}/retry`, undefined, { "x-csrf-token": "wrong" })).status).toBe(403);
    expect((await consoleFetch(admin, "POST", `/api/console/status/mail/no-such-row/retry`)).status).toBe(404);
    expect((await outboxState(id)).status).toBe("failed");
    const enqueued = vi.spyOn(env.MAIL_QUEUE, "sendBatch").mockResolvedValue(undefined as never);
    const retried = await consoleFetch(admin, "POST", `/api/console/status/mail/${id}/retry`);
    expect(retried.status).toBe(200);
    await vi.waitFor(() => expect(sweptIds(enqueued)).toContain(id));
    expect((await outboxState(id)).status).toBe("queued");
    expect((await consoleFetch(admin, "POST", `/api/console/status/mail/${id}/retry`)).status).toBe(404); // queued, not failed
    const [audit] = await rows(`SELECT actor, action FROM audit_log WHERE action = 'mail.retried' AND details LIKE ?1`, `%${id}%`);
    expect(audit).toEqual({ actor: `user:${admin.userId}`, action: "mail.retried" });

    // The provider is back: the queue's message for it sends it, under the same key.
    providerUp = true;
    expect(await deliverOutboxMessage(production, id)).toBe("sent");
    expect(await deliverOutboxMessage(production, id)).toBe("skipped");
    expect(seen.filter((s) => s.key !== id)).toEqual([]);
    expect(seen.length).toBe(results.length + 1);
    expect((await outboxState(id)).status).toBe("sent");
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
