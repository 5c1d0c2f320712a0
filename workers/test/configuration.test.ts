/**
 * Fail closed when not configured (issue 17). Development mode (the dev mailbox, /dev/*, a
 * fixed token secret) is explicit and local only: DEV_MODE=local with a local PUBLIC_URL, set
 * by the local server and these tests (vitest.config.ts). Anywhere else a missing TOKEN_SECRET
 * or Resend key refuses participant and console actions with 503 not_configured and a log line,
 * never falls back to the fixed secret, and never serves /dev/*. The Worker is called directly
 * with the bindings of a deployment that forgot something.
 */
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Env } from "../src/env";
import { DEV_TOKEN_SECRET } from "../src/env";
import worker from "../src/index";
import { deliverOutboxMessage } from "../src/domain/mail/deliver";
import { NotConfiguredError } from "../src/lib/errors";
import { checkInCode, keyedHash, manageToken } from "../src/lib/tokens";
import { createEvent, createStaff, participant, register, rows, tokenOf, type StaffSession } from "./fixtures";
import { explain, loadDocument, operationsOf, validatorFor, type Document } from "./openapi-helpers";

afterEach(() => vi.restoreAllMocks());

const SECRET = "a-deployment-secret-of-forty-eight-characters-xx";
/** A deployment: no DEV_MODE, a public address, both secrets. Each case takes something away. */
const deployed = (overrides: Partial<Env> = {}): Env => ({
  ...env,
  DEV_MODE: undefined,
  PUBLIC_URL: "https://anmeldung.example.org",
  TOKEN_SECRET: SECRET,
  RESEND_API_KEY: "re_test_key",
  RESEND_BASE_URL: "http://127.0.0.1:9", // nothing listens: no mail leaves the test
  ...overrides,
});

const MISCONFIGURED: Record<string, Partial<Env>> = {
  "no secrets at all (the old development mode)": { TOKEN_SECRET: undefined, RESEND_API_KEY: undefined },
  "no TOKEN_SECRET": { TOKEN_SECRET: undefined },
  "no Resend key": { RESEND_API_KEY: undefined },
  "the published development secret": { TOKEN_SECRET: DEV_TOKEN_SECRET },
  "a short secret": { TOKEN_SECRET: "geheim" },
  "DEV_MODE=local on a public address": { DEV_MODE: "local", TOKEN_SECRET: undefined, RESEND_API_KEY: undefined },
};

async function call(bindings: Env, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const ctx = createExecutionContext();
  const request = new Request(`https://anmeldung.example.org${path}`, {
    method,
    headers: { "sec-fetch-site": "same-origin", ...(body !== undefined ? { "content-type": "application/json" } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const response = await worker.fetch(request, bindings, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

function captureErrors(): string[] {
  const lines: string[] = [];
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(" ")));
  return lines;
}

/** Rows in the tables a refused request could have written to. */
async function stored(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of ["registrations", "outbox", "audit_log", "login_tokens", "dev_mailbox", "certificates", "attendance", "events"]) {
    counts[table] = Number((await rows(`SELECT COUNT(*) AS n FROM ${table}`))[0]!.n);
  }
  return counts;
}

let doc: Document;
let slug = "";
let manage = "";
let staff: StaffSession;
beforeAll(async () => {
  doc = await loadDocument();
  ({ slug } = await createEvent());
  expect((await register(slug, participant(1))).status).toBe(201);
  const [row] = await rows(`SELECT id FROM registrations ORDER BY id DESC LIMIT 1`);
  manage = await tokenOf(Number(row!.id));
  staff = await createStaff({ isAdmin: true });
});

describe("development mode is explicit and local only", () => {
  const devPaths = ["/dev/mailbox", "/dev/emails", "/dev/emails/confirmed/de", "/api/dev/mailbox?to=person1@example.org"];

  it("without DEV_MODE=local and a local PUBLIC_URL there is no dev mailbox, whatever secret is missing", async () => {
    for (const [why, overrides] of Object.entries({ ...MISCONFIGURED, "fully configured": {}, "DEV_MODE=local with a Resend key": { DEV_MODE: "local", PUBLIC_URL: "http://localhost:8787" } })) {
      for (const path of devPaths) {
        const response = await call(deployed(overrides), "GET", path);
        expect(response.status, `${why}: GET ${path}`).toBe(404);
        expect(await response.text(), `${why}: GET ${path}`).not.toContain("person1@example.org");
      }
      expect((await call(deployed(overrides), "POST", "/api/dev/bench/batch-write", {})).status, `${why}: the benchmark route`).not.toBe(201);
    }
  });

  it("a local PUBLIC_URL alone does not turn it on", async () => {
    const local = deployed({ PUBLIC_URL: "http://localhost:8787", TOKEN_SECRET: undefined, RESEND_API_KEY: undefined });
    expect((await call(local, "GET", "/api/dev/mailbox")).status).toBe(404);
    expect((await call(local, "POST", `/api/events/${slug}/registrations`, participant(2))).status).toBe(503);
  });

  it("the tests' own development mode (DEV_MODE=local, http://localhost) has the mailbox", async () => {
    expect(env.DEV_MODE).toBe("local");
    expect((await call(env, "GET", "/api/dev/mailbox?to=person1@example.org")).status).toBe(200);
  });
});

describe("a deployment that lacks a secret refuses, with a clear error and a log line", () => {
  for (const [why, overrides] of Object.entries(MISCONFIGURED)) {
    it(`${why}: a registration is refused with 503 not_configured in the participant's language, and nothing is stored`, async () => {
      const logs = captureErrors();
      const before = await stored();
      const response = await call(deployed(overrides), "POST", `/api/events/${slug}/registrations`, participant(3), { "accept-language": "ar" });
      expect(response.status).toBe(503);
      const { error } = (await response.json()) as { error: { code: string; message: string } };
      expect(error.code).toBe("not_configured");
      expect(error.message).toBe("لم يتم إعداد هذه الخدمة بالكامل بعد. يُرجى المحاولة مرة أخرى لاحقًا.");
      expect(await stored()).toEqual(before);
      const line = logs.map((l) => JSON.parse(l)).find((l) => l.message === "not_configured");
      expect(line, "a log line names what is missing").toBeDefined();
      expect(line.missing.length).toBeGreaterThan(0);
      for (const name of line.missing) expect(["TOKEN_SECRET", "RESEND_API_KEY"]).toContain(name);
      // Never the secret itself.
      expect(logs.join("\n")).not.toContain(SECRET);
    });
  }

  it("names exactly what is missing", async () => {
    const missingOf = async (overrides: Partial<Env>) => {
      const logs = captureErrors();
      await call(deployed(overrides), "POST", "/api/auth/login", { email: "admin@example.org" });
      vi.restoreAllMocks();
      return logs.map((l) => JSON.parse(l)).find((l) => l.message === "not_configured")?.missing;
    };
    expect(await missingOf({ TOKEN_SECRET: undefined })).toEqual(["TOKEN_SECRET"]);
    expect(await missingOf({ RESEND_API_KEY: undefined })).toEqual(["RESEND_API_KEY"]);
    expect(await missingOf({ TOKEN_SECRET: DEV_TOKEN_SECRET, RESEND_API_KEY: undefined })).toEqual(["TOKEN_SECRET", "RESEND_API_KEY"]);
  });

  it("every participant and console operation and every public write answers 503 not_configured, as documented, and stores nothing", async () => {
    const bindings = deployed({ TOKEN_SECRET: undefined, RESEND_API_KEY: undefined });
    const before = await stored();
    const walked = operationsOf(doc);
    expect(walked.length).toBeGreaterThan(60);
    let refused = 0;
    for (const op of walked) {
      // Any value: the refusal comes before the path is looked at. A real manage token and an administrator's session, so nothing else could refuse.
      const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => (name === "token" ? manage : name === "slug" ? slug : "1"));
      const headers = { cookie: staff.cookie, "x-csrf-token": staff.csrf };
      const response = await call(bindings, op.method, path, op.method === "GET" ? undefined : {}, headers);
      const where = `${op.method} ${op.path} (${op.access}) answered ${response.status}`;
      const text = await response.text();
      expect(response.status, where).not.toBe(500);
      if (op.path.startsWith("/api/dev/")) {
        expect(response.status, `${where}: not in development mode`).toBe(404);
        continue;
      }
      if (op.access === "public" && op.method === "GET") {
        // The programme stays readable; what needs the secret is refused the same way.
        if (response.status === 503) expect(JSON.parse(text).error.code, where).toBe("not_configured");
        continue;
      }
      expect(response.status, where).toBe(503);
      expect(JSON.parse(text).error.code, where).toBe("not_configured");
      const documented = op.op.responses?.["503"]?.content?.["application/json"]?.schema;
      expect(documented, `${where}: 503 is documented`).toBeDefined();
      const fits = validatorFor(doc, documented!)(JSON.parse(text));
      expect(fits.valid, `${where}: ${explain(fits.errors)}`).toBe(true);
      refused++;
    }
    expect(refused).toBeGreaterThan(50);
    expect(await stored()).toEqual(before);
  });

  it("the programme stays readable", async () => {
    const response = await call(deployed({ TOKEN_SECRET: undefined }), "GET", `/api/events/${slug}`);
    expect(response.status).toBe(200);
  });
});

describe("never the fixed secret", () => {
  it("outside development mode nothing is derived from the published development secret", async () => {
    for (const [why, overrides] of Object.entries(MISCONFIGURED)) {
      if (!("TOKEN_SECRET" in overrides) && !overrides.DEV_MODE) continue;
      const bindings = deployed(overrides);
      await expect(checkInCode(bindings, 1), why).rejects.toBeInstanceOf(NotConfiguredError);
      await expect(keyedHash(bindings, "rate-limit:someone"), why).rejects.toBeInstanceOf(NotConfiguredError);
      await expect(manageToken(bindings, "nonce"), why).rejects.toBeInstanceOf(NotConfiguredError);
    }
  });

  it("a public read that needs the secret (a certificate's check) is refused, not answered with the fixed secret", async () => {
    const response = await call(deployed({ TOKEN_SECRET: undefined, RESEND_API_KEY: undefined }), "GET", "/api/certificates/7K3M-Q9XD-2RTB-HW4E");
    expect(response.status).toBe(503);
  });

  it("a manage link issued in development mode opens nothing on a deployment without its own secret", async () => {
    const response = await call(deployed({ TOKEN_SECRET: undefined, RESEND_API_KEY: undefined }), "GET", `/api/registrations/${manage}`);
    expect(response.status).toBe(503);
    expect(await response.text()).not.toContain("person1@example.org");
  });
});

describe("mail on a deployment without a Resend key", () => {
  it("waits in the outbox (retried like an outage) instead of landing in a dev mailbox", async () => {
    const logs = captureErrors();
    const outboxId = crypto.randomUUID().replace(/-/g, "");
    const [registration] = await rows(`SELECT id, email FROM registrations ORDER BY id DESC LIMIT 1`);
    await env.DB.prepare(
      `INSERT INTO outbox (id, registration_id, template, to_address, locale, data, created_at, updated_at) VALUES (?1, ?2, 'reminder', ?3, 'de', '{}', ?4, ?4)`,
    )
      .bind(outboxId, registration!.id, registration!.email, Date.now())
      .run();
    expect(await deliverOutboxMessage(deployed({ RESEND_API_KEY: undefined }), outboxId)).toBe("retry");
    const [row] = await rows(`SELECT status, attempts, last_error AS lastError FROM outbox WHERE id = ?1`, outboxId);
    expect(row).toMatchObject({ status: "queued", attempts: 1 });
    expect(String(row!.lastError)).toContain("RESEND_API_KEY");
    expect(await rows(`SELECT id FROM dev_mailbox WHERE outbox_id = ?1`, outboxId)).toEqual([]);
    expect(logs.some((l) => l.includes("mail.not_configured"))).toBe(true);
  });
});
