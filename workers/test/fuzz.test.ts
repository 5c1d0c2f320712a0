/**
 * Property-based test (fast-check) of invariant 6 on EVERY operation of the OpenAPI document,
 * public and console: random and hostile bodies, headers, path values and callers (anonymous,
 * the event's organiser, a check-in helper, an administrator) never get a 5xx, and never
 * store a row — a registration or outbox row may only appear after a request that was
 * answered 2xx (a generated body that happens to be valid). Path values are fast-check
 * arbitraries, so a failure shrinks and replays from the printed seed (FUZZ_SEED=…).
 */
import { env, SELF } from "cloudflare:test";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { createEvent, createStaff, participant, register, rows, tokenOf } from "./fixtures";
import { loadDocument, operationsOf, placeholders, type WalkedOperation } from "./openapi-helpers";

/** Enough to reach every operation several times within the suite's time. */
const RUNS = 400;

let operations: WalkedOperation[] = [];
const real: Record<string, string> = {};

beforeAll(async () => {
  operations = operationsOf(await loadDocument());
  const { slug, eventId, poolId } = await createEvent({ capacity: 2, maxPlaces: 3, questions: [{ id: "q", type: "number", required: true, label: { de: "Zahl" } }] });
  await register(slug, participant(1, { answers: { q: 1 } }));
  const [row] = await rows(`SELECT id FROM registrations WHERE event_id = ?1`, eventId);
  const [session] = await rows(`SELECT id FROM sessions WHERE event_id = ?1`, eventId);
  Object.assign(real, {
    slug,
    token: await tokenOf(row!.id as number),
    code: "ABCD-EFGH-JKMN-PQRS",
    file: "zc1.1.x.png",
    locale: "tr",
    eventId: String(eventId),
    registrationId: String(row!.id),
    poolId: String(poolId),
    organisationId: "1",
    sessionId: String(session!.id),
    userId: "1",
    certificateId: "1",
    outboxId: "1",
  });
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
  fc.oneof(
    { weight: 3, arbitrary: fc.constant(real[name] ?? "1") },
    hostileText.filter((s) => s.length > 0),
    fc.constantFrom("..", ".", "%2e%2e", "p1.zz.zz.x", "p2.zz.zz.x", "0", "-1", "9".repeat(30)),
  );
/** One request: an operation with a value for each of its placeholders. */
const request = () =>
  fc.oneof(
    ...operations.map((operation) =>
      fc.record({ operation: fc.constant(operation), path: fc.record(Object.fromEntries(placeholders(operation.path).map((name) => [name, pathValue(name)]))) }),
    ),
  );
const callers = ["anonymous", "organiser", "checkin_helper", "admin"] as const;

describe("every operation under random and hostile input", () => {
  it("walks every operation of the document, public and console", () => {
    expect(operations.length).toBeGreaterThan(60);
    expect(new Set(operations.map((o) => o.access))).toEqual(new Set(["public", "participant", "staff", "organiser", "admin", "event:manage", "event:checkin", "registration:manage", "pool:manage", "organisation:manage"]));
  });

  it("never a 5xx, never a row stored without a 2xx", { timeout: 300_000 }, async () => {
    const seen = new Set<string>();
    const property = fc.asyncProperty(
      request(),
      fc.constantFrom(...callers),
      body,
      headers,
      fc.oneof(fc.constant(""), fc.constantFrom("?locale=ar", "?locale=<x>", "?download=1&x=%ff", `?${"a=1&".repeat(200)}`, "?sessionId=1&q=%00", "?status=confirmed,nope")),
      async ({ operation, path: values }, caller, payload, requestHeaders, query) => {
        const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => encodePathValue(values[name]!));
        const staff =
          caller === "anonymous"
            ? null
            : await createStaff(caller === "admin" ? { isAdmin: true } : { role: caller, organisationId: 1, assignedEventIds: [Number(real.eventId)] });
        const session: Record<string, string> = staff ? { cookie: staff.cookie, "x-csrf-token": staff.csrf, "sec-fetch-site": "same-origin" } : {};
        const before = await storedRows();
        const response = await SELF.fetch(`https://zusammen.test${path}${query}`, {
          method: operation.method,
          headers: { ...(requestHeaders as Record<string, string>), ...session },
          body: operation.method === "GET" ? undefined : payload,
        });
        const text = await response.text();
        const after = await storedRows();
        seen.add(`${operation.method} ${operation.path}`);
        expect(response.status, `${caller}: ${operation.method} ${path}: ${text.slice(0, 300)}`).toBeLessThan(500);
        expect(after === before || response.status < 300, `${caller}: ${operation.method} ${path} stored a row and answered ${response.status}`).toBe(true);
      },
    );
    type Args = Parameters<typeof property.run>[0];
    await fc.assert(property, {
      numRuns: RUNS,
      seed: Number((env as { FUZZ_SEED?: string }).FUZZ_SEED ?? Date.now() % 2 ** 31),
      // Each operation once with its real values as an administrator, then the random runs.
      examples: operations.map(
        (operation) =>
          [
            { operation, path: Object.fromEntries(placeholders(operation.path).map((name) => [name, real[name] ?? "1"])) },
            "admin",
            "{}",
            { "content-type": "application/json" },
            "",
          ] as Args,
      ),
    });
    // Every operation was exercised.
    expect([...seen].sort()).toEqual(operations.map((o) => `${o.method} ${o.path}`).sort());
  });
});
