/**
 * The quiet bot checks of the registration form (honeypot, minimum fill time) and the
 * optional Turnstile check: a caught bot is answered exactly like a successful "check your
 * email" and nothing is stored; Turnstile is off without a secret and, with one, verified
 * server-side (Siteverify stubbed at the fetch boundary, with Cloudflare's test secrets).
 */
import { createExecutionContext, env, SELF, waitOnExecutionContext } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { buildApp } from "../src/app";
import { SITEVERIFY_URL } from "../src/domain/abuse/turnstile";
import { createEvent, participant, register, rows } from "./fixtures";

const PASS_SECRET = "1x0000000000000000000000000000000AA";
const FAIL_SECRET = "2x0000000000000000000000000000000AA";
const SITE_KEY = "1x00000000000000000000AA";

async function stored(): Promise<{ registrations: number; outbox: number }> {
  const [r] = await rows(`SELECT (SELECT COUNT(*) FROM registrations) AS registrations, (SELECT COUNT(*) FROM outbox) AS outbox`);
  return { registrations: Number(r!.registrations), outbox: Number(r!.outbox) };
}

describe("honeypot and minimum fill time", () => {
  it("a filled honeypot gets the 'check your email' answer and nothing is stored", async () => {
    const { slug } = await createEvent();
    const before = await stored();
    const response = await register(slug, participant(1, { website: "http://spam.example", places: 1 }));
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ registration: { status: "check_email", places: 1, waitlistPosition: null } });
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await stored()).toEqual(before);
  });

  it("the same answer as a real repeated registration", async () => {
    const { slug } = await createEvent();
    await register(slug, participant(1));
    const real = await register(slug, participant(1));
    const bot = await register(slug, participant(2, { website: "x" }));
    expect(bot.status).toBe(real.status);
    expect(await bot.json()).toEqual(await real.json());
  });

  it("a form sent within 2 seconds is a bot; a person who took longer, or a clock ahead, is not", async () => {
    const { slug, eventId } = await createEvent();
    const before = await stored();
    expect((await register(slug, participant(1, { formStartedAt: Date.now() - 800 }))).status).toBe(201);
    expect(await stored()).toEqual(before);
    expect(((await (await register(slug, participant(2, { formStartedAt: Date.now() - 8000, website: "" }))).json()) as any).registration.status).toBe("confirmed");
    expect(((await (await register(slug, participant(3, { formStartedAt: Date.now() + 60_000 }))).json()) as any).registration.status).toBe("confirmed");
    expect(await rows(`SELECT email FROM registrations WHERE event_id = ?1 ORDER BY id`, eventId)).toEqual([
      { email: "person2@example.org" },
      { email: "person3@example.org" },
    ]);
  });

  it("a person who sends an incomplete form quickly gets the real errors, not the bot answer", async () => {
    const { slug, eventId } = await createEvent();
    const response = await register(slug, { name: "Ada", formStartedAt: Date.now() - 300 });
    expect(response.status).toBe(422);
    expect(Object.keys(((await response.json()) as any).error.fields)).toEqual(expect.arrayContaining(["email", "consent"]));
    expect(await rows(`SELECT id FROM registrations WHERE event_id = ?1`, eventId)).toEqual([]);
  });

  it("the new fields are validated like any other", async () => {
    const { slug } = await createEvent();
    const response = await register(slug, participant(1, { formStartedAt: "yesterday", turnstileToken: 5 }));
    expect(response.status).toBe(422);
    expect(Object.keys(((await response.json()) as any).error.fields).sort()).toEqual(["formStartedAt", "turnstileToken"]);
  });
});

describe("Turnstile", () => {
  afterEach(() => vi.restoreAllMocks());

  /** Siteverify as Cloudflare documents it for its test secrets. */
  function stubSiteverify(mode: "documented" | "down" = "documented") {
    const calls: Record<string, string>[] = [];
    const realFetch = globalThis.fetch;
    vi.spyOn(globalThis, "fetch").mockImplementation(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url !== SITEVERIFY_URL) return realFetch(input, init);
      if (mode === "down") throw new TypeError("network down");
      const form = init?.body as FormData;
      const fields = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
      calls.push(fields);
      const success = fields.secret === PASS_SECRET && fields.response !== "";
      return Response.json({ success, "error-codes": success ? [] : ["invalid-input-response"] });
    });
    return calls;
  }

  async function send(path: string, body: unknown, bindings: Record<string, unknown>) {
    const ctx = createExecutionContext();
    const response = await buildApp().fetch(
      new Request(`https://zusammen.test${path}`, {
        method: path.startsWith("/api/") && body !== undefined ? "POST" : "GET",
        headers: { "content-type": "application/json", "cf-connecting-ip": "203.0.113.50" },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
      { ...env, ...bindings },
      ctx,
    );
    await waitOnExecutionContext(ctx);
    return response;
  }

  it("is off without a secret: no token needed, no site key published", async () => {
    const { slug } = await createEvent();
    expect((await register(slug, participant(1))).status).toBe(201);
    expect(await (await SELF.fetch("https://zusammen.test/api/config")).json()).toEqual({ turnstileSiteKey: null, turnstileScript: null });
  });

  it("with a secret: the site key is published and a token is verified server-side", async () => {
    const calls = stubSiteverify();
    const { slug, eventId } = await createEvent();
    const pass = { TURNSTILE_SECRET_KEY: PASS_SECRET, TURNSTILE_SITE_KEY: SITE_KEY };
    expect(await (await send("/api/config", undefined, pass)).json()).toEqual({
      turnstileSiteKey: SITE_KEY,
      turnstileScript: "https://challenges.cloudflare.com/turnstile/v0/api.js?render=explicit",
    });

    const missing = await send(`/api/events/${slug}/registrations`, participant(1), pass);
    expect(missing.status).toBe(403);
    expect(((await missing.json()) as any).error.code).toBe("turnstile_failed");
    expect(calls).toHaveLength(0); // no token, no call

    const ok = await send(`/api/events/${slug}/registrations`, participant(1, { turnstileToken: "XXXX.DUMMY.TOKEN.XXXX" }), pass);
    expect(ok.status).toBe(201);
    expect(calls[0]).toMatchObject({ secret: PASS_SECRET, response: "XXXX.DUMMY.TOKEN.XXXX", remoteip: "203.0.113.50" });
    expect(calls[0]!.idempotency_key).toMatch(/^[0-9a-f-]{36}$/);

    const refused = await send(`/api/events/${slug}/registrations`, participant(2, { turnstileToken: "XXXX.DUMMY.TOKEN.XXXX", locale: "uk" }), {
      TURNSTILE_SECRET_KEY: FAIL_SECRET,
    });
    expect(refused.status).toBe(403);
    expect(await rows(`SELECT email FROM registrations WHERE event_id = ?1`, eventId)).toEqual([{ email: "person1@example.org" }]);

    const privacy = await send("/api/privacy/requests", { email: "a@example.org", locale: "de" }, pass);
    expect(privacy.status).toBe(403);
    expect((await send("/api/privacy/requests", { email: "a@example.org", locale: "de", turnstileToken: "t" }, pass)).status).toBe(202);
  });

  it("fails closed when Siteverify cannot be reached", async () => {
    stubSiteverify("down");
    const { slug } = await createEvent();
    const response = await send(`/api/events/${slug}/registrations`, participant(1, { turnstileToken: "t" }), { TURNSTILE_SECRET_KEY: PASS_SECRET });
    expect(response.status).toBe(403);
  });
});
