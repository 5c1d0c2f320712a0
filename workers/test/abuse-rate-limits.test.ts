/**
 * Rate limits on registration, console sign-in and the privacy request: per client address
 * and per email address; 429 with Retry-After and the message in the participant's
 * language; other clients unaffected; no address stored in plain text.
 *
 * The suite's config raises the per-email limits (other test files reuse addresses), so the
 * requests here go through the app with the limits of each case (RATE_LIMITS unset: the
 * defaults).
 */
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { buildApp } from "../src/app";
import { configuredLimits, countInWindow, DEFAULT_LIMITS } from "../src/lib/rate-limit";
import { createEvent, createStaff, participant, rows } from "./fixtures";

const app = buildApp();

async function send(path: string, body: unknown, options: { ip?: string; limits?: string; headers?: Record<string, string>; bindings?: Record<string, unknown> } = {}) {
  const ctx = createExecutionContext();
  const response = await app.fetch(
    new Request(`https://zusammen.test${path}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "sec-fetch-site": "same-origin",
        ...(options.ip ? { "cf-connecting-ip": options.ip } : {}),
        ...options.headers,
      },
      body: JSON.stringify(body),
    }),
    { ...env, RATE_LIMITS: options.limits ?? "", ...options.bindings },
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return response;
}

const registration = (slug: string, body: unknown, options: Parameters<typeof send>[2] = {}) => send(`/api/events/${slug}/registrations`, body, options);

/**
 * The default per-address window is a fixed minute: a test that fills it must not straddle
 * two windows, so it starts with at least 30 s of the current minute left.
 */
async function earlyInMinute(): Promise<void> {
  while (Date.now() % 60_000 > 30_000) await new Promise((resolve) => setTimeout(resolve, 250));
}

describe("limits", () => {
  it("default to sensible values, are configurable rule by rule, and can be switched off", () => {
    expect(configuredLimits({})).toEqual(DEFAULT_LIMITS);
    // Per address generous (people share addresses), per email strict.
    expect(DEFAULT_LIMITS["registration.ip"]).toEqual({ count: 60, seconds: 60 });
    expect(DEFAULT_LIMITS["registration.email"]).toEqual({ count: 10, seconds: 3600 });
    expect(DEFAULT_LIMITS["sign_in.email"]).toEqual({ count: 5, seconds: 900 });
    expect(configuredLimits({ RATE_LIMITS: "registration.ip=3/10, privacy.email=1/60, nonsense=1/1, sign_in.ip=x/60" })).toEqual({
      ...DEFAULT_LIMITS,
      "registration.ip": { count: 3, seconds: 10 },
      "privacy.email": { count: 1, seconds: 60 },
    });
    expect(configuredLimits({ RATE_LIMITS: "off" })).toBeNull();
  });

  it("count in fixed windows with one upsert: a new window starts again", async () => {
    const limit = { count: 2, seconds: 60 };
    const t = Math.floor(Date.now() / 60_000) * 60_000 + 1000;
    const waits = [];
    for (let i = 0; i < 3; i++) waits.push((await countInWindow(env, "privacy.ip", "203.0.113.9", limit, t)).wait);
    expect(waits).toEqual([0, 0, 59]);
    expect((await countInWindow(env, "privacy.ip", "203.0.113.9", limit, t + 60_000)).wait).toBe(0);
  });
});

describe("registration", () => {
  it("per client address: a class of 60 on one school address all sign up within a minute; the 61st is 429 with Retry-After in the participant's language; others go on", async () => {
    const { slug } = await createEvent({ capacity: 100 });
    await earlyInMinute();
    const statuses = [];
    for (let i = 0; i < 60; i++) statuses.push((await registration(slug, participant(100 + i, { locale: "tr" }), { ip: "198.51.100.7" })).status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(60);
    const limited = await registration(slug, participant(200, { locale: "tr" }), { ip: "198.51.100.7" });
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const { error } = (await limited.json()) as any;
    expect(error.code).toBe("rate_limited");
    expect(error.message).toBe("Kısa sürede çok fazla deneme yaptınız. Lütfen biraz bekleyin ve sonra tekrar deneyin.");
    expect(error.requestId).toBeTruthy();
    // Another client is unaffected.
    expect((await registration(slug, participant(201), { ip: "198.51.100.8" })).status).toBe(201);
    // Nothing was stored for the refused ones.
    expect(await rows(`SELECT COUNT(*) AS n FROM registrations WHERE email_normalized = 'person200@example.org'`)).toEqual([{ n: 0 }]);
  });

  it("per email address: only registrations that went through count, and other addresses are unaffected", async () => {
    const limits = "registration.email=2/3600";
    const events = [await createEvent(), await createEvent(), await createEvent(), await createEvent()];
    const me = (extra = {}) => participant(1, { email: "Limit.Me@example.org", ...extra });
    // A typo does not count against the address.
    expect((await registration(events[0]!.slug, me({ consent: false }), { limits })).status).toBe(422);
    expect((await registration(events[0]!.slug, me(), { limits })).status).toBe(201);
    expect((await registration(events[1]!.slug, me(), { limits })).status).toBe(201);
    const limited = await registration(events[2]!.slug, me({ email: "limit.me@EXAMPLE.org", locale: "en" }), { limits });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(((await limited.json()) as any).error.message).toContain("Please wait");
    expect((await registration(events[3]!.slug, participant(2, { email: "someone.else@example.org" }), { limits })).status).toBe(201);
  });

  it("uses the Workers rate-limiting binding for client addresses where configured", async () => {
    const { slug } = await createEvent();
    const keys: string[] = [];
    const binding = { limit: async ({ key }: { key: string }) => (keys.push(key), { success: keys.length < 2 }) };
    expect((await registration(slug, participant(1), { ip: "192.0.2.1", bindings: { IP_RATE_LIMITER: binding } })).status).toBe(201);
    const limited = await registration(slug, participant(2), { ip: "192.0.2.1", bindings: { IP_RATE_LIMITER: binding } });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("60");
    expect(keys.every((key) => key.startsWith("registration:") && !key.includes("192.0.2.1"))).toBe(true);
  });
});

describe("sign-in and the privacy request", () => {
  it("sign-in: 5 per email address in 15 minutes", async () => {
    await createStaff({ role: "organiser" });
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await send("/api/auth/login", { email: "angriff@example.org" }, { ip: `10.0.0.${i}` })).status);
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
    expect((await send("/api/auth/login", { email: "jemand@example.org" }, { ip: "10.0.0.99" })).status).toBe(202);
  });

  it("privacy request: 3 per email address an hour, with Retry-After", async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await send("/api/privacy/requests", { email: "frage@example.org", locale: "ar" })).status);
    expect(statuses).toEqual([202, 202, 202, 429]);
    const limited = await send("/api/privacy/requests", { email: "frage@example.org", locale: "ar" });
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await limited.json()) as any).error.message).toBe("لقد حاولت مرات كثيرة في وقت قصير. يرجى الانتظار قليلاً ثم المحاولة مرة أخرى.");
  });

  it("never stores an address in plain text", async () => {
    const keys = (await rows(`SELECT key FROM rate_limits`)).map((r) => String(r.key));
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(key).toMatch(/^[a-z_]+\.(ip|email):[A-Za-z0-9_-]{32}$/);
      expect(key).not.toMatch(/@|\d+\.\d+\.\d+\.\d+/);
    }
  });
});
