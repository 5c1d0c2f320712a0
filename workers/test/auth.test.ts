/** Passwordless sign-in: link tokens single use, short-lived, hashed; sessions with CSRF protection. */
import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { requestSignIn } from "../src/domain/auth/sign-in";
import { signInToken } from "../src/lib/tokens";
import { context, createStaff, consoleFetch, rows } from "./fixtures";

async function linkTokenFor(email: string): Promise<string> {
  const [row] = await rows(`SELECT data FROM outbox WHERE to_address = ?1 AND template = 'login_link' ORDER BY rowid DESC LIMIT 1`, email);
  return signInToken(env, JSON.parse(row!.data as string).nonce);
}

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return SELF.fetch(`https://zusammen.test${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", "sec-fetch-site": "same-origin", ...headers },
    body: JSON.stringify(body),
  });
}

async function staffEmail(): Promise<string> {
  const staff = await createStaff({ role: "organiser" });
  const [row] = await rows(`SELECT email FROM users WHERE id = ?1`, staff.userId);
  return row!.email as string;
}

describe("sign-in by email link", () => {
  it("sends a link to staff, and the same answer for unknown addresses without sending anything", async () => {
    const email = await staffEmail();
    const known = await post("/api/auth/login", { email });
    const unknown = await post("/api/auth/login", { email: "nobody@example.org" });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(await known.json()).toEqual(await unknown.json());
    expect(await rows(`SELECT id FROM outbox WHERE to_address = 'nobody@example.org'`)).toEqual([]);
    const [stored] = await rows(`SELECT token_hash FROM login_tokens lt JOIN users u ON u.id = lt.user_id WHERE u.email = ?1`, email);
    const token = await linkTokenFor(email);
    expect(stored!.token_hash).not.toBe(token); // only the hash is stored
  });

  it("a verified link starts a session (HttpOnly, SameSite=Lax, Secure) that opens /api/auth/me", async () => {
    const email = await staffEmail();
    await post("/api/auth/login", { email });
    const verify = await post("/api/auth/verify", { token: await linkTokenFor(email) });
    expect(verify.status).toBe(200);
    const cookie = verify.headers.get("set-cookie")!;
    expect(cookie).toMatch(/zusammen_session=[A-Za-z0-9_-]{43}/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Secure/);
    const me = await SELF.fetch("https://zusammen.test/api/auth/me", { headers: { cookie: cookie.split(";")[0]! } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as any).user.email).toBe(email);
  });

  it("a link works once; reused, expired and tampered links fail", async () => {
    const email = await staffEmail();
    await post("/api/auth/login", { email });
    const token = await linkTokenFor(email);
    const concurrent = await Promise.all([1, 2, 3].map(() => post("/api/auth/verify", { token })));
    expect(concurrent.map((r) => r.status).sort()).toEqual([200, 400, 400]);

    const tampered = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
    await post("/api/auth/login", { email });
    const fresh = await linkTokenFor(email);
    expect((await post("/api/auth/verify", { token: tampered })).status).toBe(400);

    await requestSignIn(context(Date.now() - 11 * 60_000), email);
    const expired = await linkTokenFor(email);
    const response = await post("/api/auth/verify", { token: expired });
    expect(response.status).toBe(400);
    expect(((await response.json()) as any).error.code).toBe("sign_in_link_invalid");
    expect((await post("/api/auth/verify", { token: fresh })).status).toBe(200);
  });

  it("a GET of the link changes nothing", async () => {
    const email = await staffEmail();
    await post("/api/auth/login", { email });
    const token = await linkTokenFor(email);
    for (const path of [`/api/auth/verify?token=${token}`, `/console/sign-in`]) await SELF.fetch(`https://zusammen.test${path}`);
    expect((await post("/api/auth/verify", { token })).status).toBe(200);
  });

  it("configured administrators are created on their first sign-in", async () => {
    const previous = env.ADMIN_EMAILS;
    (env as any).ADMIN_EMAILS = "chefin@example.org";
    try {
      await requestSignIn(context(), "Chefin@Example.org");
      const [user] = await rows(`SELECT is_admin FROM users WHERE email_normalized = 'chefin@example.org'`);
      expect(user!.is_admin).toBe(1);
    } finally {
      (env as any).ADMIN_EMAILS = previous;
    }
  });
});

describe("sessions", () => {
  it("sign-out ends the session; sign-out everywhere ends all of them", async () => {
    const a = await createStaff({ role: "organiser" });
    expect((await consoleFetch(a, "GET", "/api/auth/me")).status).toBe(200);
    expect((await consoleFetch(a, "POST", "/api/auth/logout", {})).status).toBe(200);
    expect((await consoleFetch(a, "GET", "/api/auth/me")).status).toBe(401);

    const b = await createStaff({ role: "organiser" });
    const { sha256 } = await import("../src/lib/tokens");
    const second = "B".repeat(43);
    await env.DB.prepare(`INSERT INTO user_sessions (token_hash, user_id, created_at, last_seen_at, expires_at) VALUES (?1, ?2, ?3, ?3, ?4)`)
      .bind(await sha256(second), b.userId, Date.now(), Date.now() + 86_400_000)
      .run();
    const ended = (await (await consoleFetch(b, "POST", "/api/auth/logout-everywhere", {})).json()) as any;
    expect(ended.sessionsEnded).toBe(2);
    expect((await SELF.fetch("https://zusammen.test/api/auth/me", { headers: { cookie: `zusammen_session=${second}` } })).status).toBe(401);
  });

  it("an idle session expires", async () => {
    const staff = await createStaff({ role: "organiser" });
    await env.DB.prepare(`UPDATE user_sessions SET last_seen_at = ?2 WHERE user_id = ?1`).bind(staff.userId, Date.now() - 9 * 3_600_000).run();
    expect((await consoleFetch(staff, "GET", "/api/auth/me")).status).toBe(401);
  });

  it("state-changing requests need the CSRF token and a same-origin request", async () => {
    const staff = await createStaff({ role: "organiser" });
    const noToken = await consoleFetch(staff, "POST", "/api/auth/logout", {}, { "x-csrf-token": "wrong" });
    expect(noToken.status).toBe(403);
    expect(((await noToken.json()) as any).error.code).toBe("csrf_failed");
    const crossSite = await consoleFetch(staff, "POST", "/api/auth/logout", {}, { "sec-fetch-site": "cross-site" });
    expect(crossSite.status).toBe(403);
    const login = await post("/api/auth/login", { email: "x@example.org" }, { "sec-fetch-site": "cross-site" });
    expect(login.status).toBe(403);
    expect((await consoleFetch(staff, "GET", "/api/auth/me")).status).toBe(200);
  });
});
