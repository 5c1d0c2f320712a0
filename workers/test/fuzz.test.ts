/**
 * Property-based test (fast-check) of invariant 6 on every PUBLIC route of the OpenAPI
 * document (x-access "public" or "participant"; without x-access, every route without
 * "console" or "auth" in its path): random and hostile bodies, headers and path values never
 * get a 5xx, and never store a row — a registration or outbox row may only appear after a
 * request that was answered 2xx (a generated body that happens to be valid).
 */
import { env, SELF } from "cloudflare:test";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { createEvent, participant, register, rows, tokenOf } from "./fixtures";

type Operation = { "x-access"?: string };
type Route = { method: string; path: string };

/** Enough to reach every public route many times within the suite's time. */
const RUNS = 300;

let routes: Route[] = [];
const real: Record<string, string> = {};

beforeAll(async () => {
  const doc = (await (await SELF.fetch("https://zusammen.test/api/openapi.json")).json()) as { paths: Record<string, Record<string, Operation>> };
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!["get", "post", "put", "patch", "delete"].includes(method)) continue;
      const access = op["x-access"];
      const isPublic = access ? access === "public" || access === "participant" : !/console|auth/.test(path);
      if (isPublic) routes.push({ method: method.toUpperCase(), path });
    }
  }
  const { slug, eventId } = await createEvent({ capacity: 2, maxPlaces: 3, questions: [{ id: "q", type: "number", required: true, label: { de: "Zahl" } }] });
  await register(slug, participant(1, { answers: { q: 1 } }));
  const [row] = await rows(`SELECT id FROM registrations WHERE event_id = ?1`, eventId);
  Object.assign(real, { slug, token: await tokenOf(row!.id as number), code: "ABCD-EFGH-JKMN-PQRS", file: "zc1.1.x.png" });
});

/** A path segment as a browser would send it (lone surrogates cannot be encoded: replaced). */
function encodePathValue(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return encodeURIComponent(value.replace(/[\ud800-\udfff]/g, "\ufffd"));
  }
}

async function storedRows(): Promise<number> {
  const [r] = await rows(`SELECT (SELECT COUNT(*) FROM registrations) + (SELECT COUNT(*) FROM outbox) AS n`);
  return Number(r!.n);
}

const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 80 });
const hostileText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.constantFrom(
    "'; DROP TABLE registrations; --",
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "%00",
    "\u0000\u202e\ud800",
    "=HYPERLINK(\"http://x\")",
    "A".repeat(5000),
    "😀".repeat(300),
    "__proto__",
    "constructor",
  ),
);
/** Bodies: random JSON values, objects shaped like the forms with hostile values, and non-JSON. */
const body = fc.oneof(
  fc.json({ maxDepth: 4 }),
  fc.anything({ maxDepth: 3 }).map((v) => {
    try {
      return JSON.stringify(v) ?? "null";
    } catch {
      return "{}";
    }
  }),
  fc
    .record(
      {
        name: fc.oneof(hostileText, fc.integer(), fc.constant(null)),
        email: fc.oneof(hostileText, fc.constant("a@b"), fc.emailAddress().map((e) => `${e}\r\nBcc: x@y.z`)),
        locale: fc.oneof(fc.constantFrom("de", "xx", "", "ar-EG"), hostileText),
        consent: fc.oneof(fc.constant(false), fc.constant("true"), fc.constant(1)),
        places: fc.oneof(fc.integer({ min: -5, max: 1000 }), fc.double(), fc.constant("2")),
        answers: fc.oneof(fc.dictionary(hostileText, fc.jsonValue(), { maxKeys: 5 }), fc.constant([])),
        needs: fc.anything({ maxDepth: 2 }),
        website: fc.oneof(fc.constant(""), hostileText),
        formStartedAt: fc.oneof(fc.integer(), fc.double(), hostileText),
        __proto__: fc.anything({ maxDepth: 1 }),
        confirm: fc.oneof(fc.constant("yes"), fc.constant(0)),
      },
      { requiredKeys: [] },
    )
    .map((v) => JSON.stringify(v)),
  hostileText,
  fc.constant(""),
  fc.constant("{".repeat(10_000)),
  fc.constant(JSON.stringify({ padding: "x".repeat(70 * 1024) })),
);
const headers = fc.record(
  {
    "content-type": fc.oneof(fc.constantFrom("application/json", "application/json; charset=utf-8", "text/plain", "multipart/form-data", "application/x-www-form-urlencoded"), printable),
    "accept-language": fc.oneof(fc.constantFrom("ar-EG,ar;q=0.9", "*", "q=;;", ""), printable),
    "idempotency-key": printable,
    "cf-connecting-ip": fc.oneof(fc.ipV4(), fc.ipV6(), printable),
    cookie: printable,
    "x-csrf-token": printable,
    origin: fc.oneof(fc.webUrl(), printable),
  },
  { requiredKeys: [] },
);
/** Path values: the real ones (so the handler runs), or random and hostile ones. */
const pathValue = (name: string) =>
  fc.oneof({ weight: 2, arbitrary: fc.constant(real[name] ?? "1") }, hostileText.filter((s) => s.length > 0), fc.constantFrom("..", ".", "%2e%2e", "p1.zz.zz.x", "0", "-1", "9".repeat(30)));

describe("public routes under random and hostile input", () => {
  it("finds the public routes in the OpenAPI document", () => {
    expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining(["POST /api/events/{slug}/registrations", "GET /api/registrations/{token}/data", "POST /api/registrations/{token}/erase", "POST /api/privacy/requests"]),
    );
    // Sign-in is public too (x-access "public"); organiser routes are not.
    expect(routes.some((r) => r.path.startsWith("/api/console"))).toBe(false);
  });

  it("never a 5xx, never a row stored without a 2xx", { timeout: 180_000 }, async () => {
    const seen = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 10_000 }),
        fc.dictionary(fc.constantFrom("slug", "token", "code", "file", "eventId"), fc.constant(null)),
        body,
        headers,
        fc.oneof(fc.constant(""), fc.constantFrom("?locale=ar", "?locale=<x>", "?download=1&x=%ff", `?${"a=1&".repeat(200)}`)),
        fc.context(),
        async (pick, _unused, payload, requestHeaders, query, ctx) => {
          const route = routes[pick % routes.length]!;
          const parts = route.path.split(/(\{\w+\})/);
          const values = await Promise.all(parts.map(async (part) => (/^\{\w+\}$/.test(part) ? fc.sample(pathValue(part.slice(1, -1)), 1)[0]! : part)));
          const path = values.map((v, i) => (/^\{\w+\}$/.test(parts[i]!) ? encodePathValue(v) : v)).join("");
          const before = await storedRows();
          const response = await SELF.fetch(`https://zusammen.test${path}${query}`, {
            method: route.method,
            headers: requestHeaders,
            body: route.method === "GET" ? undefined : payload,
          });
          const text = await response.text();
          const after = await storedRows();
          ctx.log(`${route.method} ${path} → ${response.status} ${text.slice(0, 200)}`);
          seen.set(route.path, (seen.get(route.path) ?? 0) + 1);
          expect(response.status, `${route.method} ${path}: ${text.slice(0, 300)}`).toBeLessThan(500);
          if (after > before) expect(response.status, `${route.method} ${path} stored a row`).toBeLessThan(300);
        },
      ),
      { numRuns: RUNS, seed: Number((env as { FUZZ_SEED?: string }).FUZZ_SEED ?? Date.now() % 2 ** 31) },
    );
    // Every public route was exercised.
    expect([...seen.keys()].sort()).toEqual([...new Set(routes.map((r) => r.path))].sort());
  });
});
