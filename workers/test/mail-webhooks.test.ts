/**
 * POST /api/webhooks/resend: Svix signature verified (HMAC-SHA256, 5 minutes tolerance);
 * bounces and complaints suppress the address; anything unsigned, tampered or old stores nothing.
 */
import { createExecutionContext, env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { buildApp } from "../src/app";
import { suppressionFor } from "../src/domain/mail/suppressions";
import { runScheduledJobs } from "../src/domain/scheduled";
import type { Env } from "../src/env";
import { context, rows } from "./fixtures";

/** Every column of every suppression row, as one text: where an address would show. */
async function suppressionTable(): Promise<string> {
  return JSON.stringify(await rows(`SELECT * FROM email_suppressions`));
}

const secretBytes = crypto.getRandomValues(new Uint8Array(24));
const SECRET = `whsec_${btoa(String.fromCharCode(...secretBytes))}`;
const withSecret: Env = { ...env, RESEND_WEBHOOK_SECRET: SECRET };

async function sign(id: string, timestamp: number, body: string, bytes = secretBytes): Promise<string> {
  const key = await crypto.subtle.importKey("raw", bytes, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(`${id}.${timestamp}.${body}`)));
  return `v1,${btoa(String.fromCharCode(...mac))}`;
}

function bounce(to: string, type = "email.bounced") {
  return JSON.stringify({
    type,
    created_at: new Date().toISOString(),
    data: { email_id: "e-1", to: [to], bounce: { type: "Permanent", subType: "General", message: "550 mailbox unavailable" } },
  });
}

async function post(body: string, headers: Record<string, string>, bindings: Env = withSecret) {
  const request = new Request("https://zusammen.test/api/webhooks/resend", { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  return buildApp().fetch(request, bindings, createExecutionContext());
}

async function signed(body: string, { at = Math.floor(Date.now() / 1000), id = `msg_${crypto.randomUUID()}` } = {}) {
  return { "svix-id": id, "svix-timestamp": String(at), "svix-signature": `v1,bm90LXRoaXMtb25l ${await sign(id, at, body)}` };
}

describe("resend webhook", () => {
  it("a valid bounce marks the address as bouncing (shown on the registration); a complaint too", async () => {
    const body = bounce("Bouncing.Person@Example.org");
    const response = await post(body, await signed(body));
    expect(response.status).toBe(200);
    expect(await suppressionFor(env, "bouncing.person@example.org")).toMatchObject({ reason: "bounce", detail: expect.stringContaining("550") });
    const complaint = bounce("complains@example.org", "email.complained");
    expect((await post(complaint, await signed(complaint))).status).toBe(200);
    expect((await suppressionFor(env, "complains@example.org"))?.reason).toBe("complaint");
    // Other events (delivered, opened) change nothing.
    const delivered = bounce("fine@example.org", "email.delivered");
    expect((await post(delivered, await signed(delivered))).status).toBe(200);
    expect(await suppressionFor(env, "fine@example.org")).toBeNull();
  });

  it("tampered, old, wrongly keyed or missing signatures: 401 / 400, nothing stored", async () => {
    const body = bounce("victim@example.org");
    const headers = await signed(body);
    expect((await post(body.replace("victim", "other"), headers)).status).toBe(401);
    const old = Math.floor(Date.now() / 1000) - 6 * 60;
    expect((await post(body, await signed(body, { at: old }))).status).toBe(401);
    const future = Math.floor(Date.now() / 1000) + 6 * 60;
    expect((await post(body, await signed(body, { at: future }))).status).toBe(401);
    const id = "msg_wrong_key";
    const at = Math.floor(Date.now() / 1000);
    const wrongKey = await sign(id, at, body, crypto.getRandomValues(new Uint8Array(24)));
    expect((await post(body, { "svix-id": id, "svix-timestamp": String(at), "svix-signature": wrongKey })).status).toBe(401);
    expect((await post(body, { "svix-id": id, "svix-timestamp": String(at) })).status).toBe(400);
    expect((await post(body, {})).status).toBe(400);
    const response = await post(body, { ...headers, "svix-signature": "v1,garbage" });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("signature_invalid");
    expect(await rows(`SELECT * FROM email_suppressions WHERE email_normalized IN ('victim@example.org', 'other@example.org')`)).toEqual([]);
  });

  it("keeps no address: the record is a keyed hash, the provider's detail has the address removed", async () => {
    const body = JSON.stringify({
      type: "email.bounced",
      data: { email_id: "e-2", to: ["Hashed.Person@Example.org"], bounce: { type: "Permanent", subType: "General", message: "550 5.1.1 <hashed.person@example.org> unknown" } },
    });
    expect((await post(body, await signed(body))).status).toBe(200);
    expect(await suppressionFor(env, "hashed.person@example.org")).toMatchObject({ reason: "bounce", detail: expect.stringContaining("[email]") });
    expect((await suppressionTable()).toLowerCase()).not.toContain("hashed.person");
    // Keyed: the same address under another secret is not the same record.
    expect(await suppressionFor({ ...env, TOKEN_SECRET: "another-secret" }, "hashed.person@example.org")).toBeNull();
  });

  it("records from before the hash are hashed by the scheduled job, and still suppress", async () => {
    await env.DB.prepare(`INSERT INTO email_suppressions (email_normalized, reason, detail) VALUES ('legacy.person@example.org', 'complaint', 'from legacy.person@example.org')`).run();
    expect(await suppressionFor(env, "Legacy.Person@example.org")).toMatchObject({ reason: "complaint" });
    const result = await runScheduledJobs(context());
    expect(result.suppressions).toBeGreaterThanOrEqual(1);
    expect(await suppressionTable()).not.toContain("legacy.person");
    expect(await suppressionFor(env, "legacy.person@example.org")).toMatchObject({ reason: "complaint", detail: "from [email]" });
    expect(await rows(`SELECT COUNT(*) AS n FROM email_suppressions WHERE email_normalized IS NOT NULL`)).toEqual([{ n: 0 }]);
  });

  it("does not exist without RESEND_WEBHOOK_SECRET", async () => {
    const body = bounce("nobody@example.org");
    expect((await post(body, await signed(body), { ...env, RESEND_WEBHOOK_SECRET: undefined })).status).toBe(404);
  });

  it("is in the OpenAPI document", async () => {
    const response = await buildApp().fetch(new Request("https://zusammen.test/api/openapi.json"), env, createExecutionContext());
    const document = (await response.json()) as { paths: Record<string, unknown> };
    expect(document.paths).toHaveProperty("/api/webhooks/resend");
  });
});
