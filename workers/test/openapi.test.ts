/**
 * The OpenAPI document is generated from the routes (workers/src/http/openapi.ts); these
 * tests hold it to the app it describes:
 *   - every route of the app is in the document and every documented operation is a route
 *     (Hono's own route table against the document's paths), but for the pages named below;
 *   - every operation names its access rule, its parameters and its responses;
 *   - for every documented request body, a body the route's validator accepts validates
 *     against the document, and a body the document rejects the validator rejects too: the
 *     examples, and fast-check mutations of them. (The other implication cannot hold: the
 *     validator also checks what JSON Schema cannot say, e.g. a German title, or a trimmed
 *     name that is not empty.)
 * A generated client would otherwise refuse valid sign-ups, as the hand-written document did
 * for conference and fair registrations.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app";
import { documentedOperations, openApiPath, type DocumentedOperation } from "../src/http/openapi";
import { ACCESS_RULES, explain, loadDocument, operationsOf, placeholders, validatorFor, type Document, type JsonSchema } from "./openapi-helpers";

/** Routes that are pages, not API: named here with the reason, everything else must be documented. */
const PAGES: Record<string, string> = {
  "GET /verify/*": "the certificate verification page (static HTML for people; its API is GET /api/certificates/{code})",
  "GET /dev/mailbox": "the dev mailbox as HTML (its API is GET /api/dev/mailbox)",
  "GET /dev/emails": "the email previews (HTML, dev mode only)",
  "GET /dev/emails/:template/:locale": "one email preview (HTML, dev mode only)",
  "GET /e/:slug": "the short link: the event page with the event in its HTML head (its API is GET /api/events/{slug})",
  "GET /embed": "the embeddable event list (HTML for other sites' frames; its API is GET /api/events)",
  "GET /dev/mailbox/:id/message.html": "one message of the dev mailbox as a mail client shows it (HTML, dev mode only)",
};

let doc: Document;
let documented: DocumentedOperation[];
const routes = buildApp().routes;

beforeAll(async () => {
  doc = await loadDocument();
  documented = documentedOperations(routes);
});

describe("the document covers the app", () => {
  it("every route of the app is documented, and every documented operation is a route", () => {
    const inApp = new Set(routes.filter((r) => r.method !== "ALL").map((r) => `${r.method} ${r.path}`));
    const pages = [...inApp].filter((r) => r in PAGES);
    const api = [...inApp].filter((r) => !(r in PAGES)).map((r) => r.replace(/ (.*)$/, (_, path: string) => ` ${openApiPath(path)}`));
    const inDocument = operationsOf(doc).map((o) => `${o.method} ${o.path}`);
    expect(pages.sort(), "the pages named above still exist").toEqual(Object.keys(PAGES).sort());
    expect(api.filter((r) => !inDocument.includes(r)), "routes missing from the document").toEqual([]);
    expect(inDocument.filter((r) => !api.includes(r)), "documented operations that are no route").toEqual([]);
    expect(inDocument.length).toBe(new Set(inDocument).size);
    expect(inDocument.length).toBeGreaterThan(60);
  });

  it("every operation names its access rule from the known set, a summary and a tag", () => {
    for (const { method, path, access, op } of operationsOf(doc)) {
      expect(ACCESS_RULES, `${method} ${path}`).toContain(access);
      expect(op.summary, `${method} ${path}`).toMatch(/\w{3}/);
      expect(op.tags?.length, `${method} ${path}`).toBe(1);
    }
  });

  it("every console operation needs the session, and no public or participant one does", () => {
    for (const { method, path, access, op } of operationsOf(doc)) {
      const needsSession = !["public", "participant"].includes(access);
      expect(Boolean(op.security?.length), `${method} ${path} (${access})`).toBe(needsSession);
    }
  });

  it("every path parameter is documented with a description and a schema", () => {
    for (const { method, path, op } of operationsOf(doc)) {
      const documentedParams = (op.parameters ?? []).filter((p) => p.in === "path");
      expect(documentedParams.map((p) => p.name), `${method} ${path}`).toEqual(placeholders(path));
      for (const p of documentedParams) {
        expect(p.description, `${method} ${path} {${p.name}}`).toMatch(/\w/);
        expect(p.schema?.type, `${method} ${path} {${p.name}}`).toMatch(/^(string|integer)$/);
      }
    }
  });

  it("every operation documents a success answer, and every error answer is the Error shape", () => {
    for (const { method, path, op } of operationsOf(doc)) {
      const statuses = Object.keys(op.responses ?? {}).map(Number);
      expect(statuses.some((s) => s >= 200 && s < 300), `${method} ${path}`).toBe(true);
      for (const status of statuses.filter((s) => s >= 400)) {
        expect(op.responses![String(status)]!.content?.["application/json"]?.schema, `${method} ${path} ${status}`).toEqual({ $ref: "#/components/schemas/Error" });
      }
    }
  });

  it("the registration request carries every field a conference, fair or household sign-up sends", () => {
    const schema = doc.components.schemas.RegistrationRequest as { properties: Record<string, unknown>; additionalProperties: unknown };
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(["children", "workshops", "registrationType", "exhibitor", "website", "formStartedAt", "turnstileToken"]),
    );
    expect(schema.additionalProperties).toBe(false);
  });
});

/* ---------- request bodies: the validator and the document agree ---------- */

type Body = { key: string; schema: JsonSchema; zod: NonNullable<DocumentedOperation["doc"]["body"]>; fits: ReturnType<typeof validatorFor> };

function bodies(): Body[] {
  return documented
    .filter((o) => o.doc.body)
    .map((o) => {
      const key = `${o.method} ${openApiPath(o.path)}`;
      const op = doc.paths[openApiPath(o.path)]![o.method.toLowerCase()]!;
      const schema = op.requestBody!.content!["application/json"]!.schema!;
      return { key, schema, zod: o.doc.body!, fits: validatorFor(doc, schema) };
    });
}

const accepts = (body: Body, value: unknown) => body.zod.schema.safeParse(value).success;

describe("request bodies", () => {
  it("every documented body has examples, and each is accepted by the validator and by the document", () => {
    const all = bodies();
    expect(all.length).toBeGreaterThan(30);
    for (const body of all) {
      expect(body.zod.examples.length, `${body.key} has no example`).toBeGreaterThan(0);
      for (const example of body.zod.examples) {
        expect(accepts(body, example), `${body.key}: the validator refuses its example ${JSON.stringify(example)}`).toBe(true);
        const { valid, errors } = body.fits(example);
        expect(valid, `${body.key}: the document refuses ${JSON.stringify(example)}: ${explain(errors)}`).toBe(true);
      }
    }
  });

  /** Values seen for each key in any example, so a mutation often stays valid. */
  function knownValues(): Map<string, unknown[]> {
    const values = new Map<string, unknown[]>();
    const visit = (value: unknown) => {
      if (!value || typeof value !== "object") return;
      for (const [key, v] of Object.entries(value)) {
        values.set(key, [...(values.get(key) ?? []), v]);
        visit(v);
      }
    };
    for (const body of bodies()) body.zod.examples.forEach(visit);
    return values;
  }

  /** Paths to every key of a JSON value, two levels deep ("needs", "needs.childcare", …). */
  function keyPaths(value: unknown, prefix: string[] = []): string[][] {
    if (!value || typeof value !== "object" || Array.isArray(value) || prefix.length >= 3) return [];
    return Object.entries(value).flatMap(([key, v]) => [[...prefix, key], ...keyPaths(v, [...prefix, key])]);
  }

  function setAt(target: unknown, path: string[], value: unknown): unknown {
    const copy = structuredClone(target) as Record<string, unknown>;
    let node = copy;
    for (const key of path.slice(0, -1)) {
      if (!node[key] || typeof node[key] !== "object") node[key] = {};
      node = node[key] as Record<string, unknown>;
    }
    const last = path.at(-1)!;
    if (value === REMOVE) delete node[last];
    // An own property even for "__proto__", as JSON.parse makes it.
    else Object.defineProperty(node, last, { value, enumerable: true, writable: true, configurable: true });
    return copy;
  }
  const REMOVE = Symbol("remove");

  it("a mutated body the validator accepts fits the document, and one the document refuses the validator refuses (fast-check)", () => {
    const known = knownValues();
    const allKeys = [...known.keys(), "unexpected", "__proto__"];
    const tally = { validatorAccepts: 0, documentRefuses: 0 };
    for (const body of bodies()) {
      const documentKeys = Object.keys((body.schema as { properties?: object }).properties ?? {});
      const mutation = fc.record({
        example: fc.constantFrom(...body.zod.examples),
        // Where to change: a key the document or any example knows, a stranger, or a key already in the example (or below it).
        at: fc.oneof(fc.constantFrom(...documentKeys, ...allKeys).map((k) => [k]), fc.nat()),
        value: fc.oneof(
          { weight: 3, arbitrary: fc.constantFrom(...[...known.values()].flat()) },
          fc.jsonValue({ maxDepth: 2 }),
          fc.integer({ min: -2, max: 30 }),
          fc.string({ maxLength: 12 }),
          fc.constant(REMOVE),
        ),
      });
      fc.assert(
        fc.property(mutation, ({ example, at, value }) => {
          const paths = keyPaths(example);
          const where = Array.isArray(at) ? at : (paths[at % Math.max(paths.length, 1)] ?? ["unexpected"]);
          const candidate = setAt(example, where, value);
          const validatorAccepts = accepts(body, candidate);
          const { valid, errors } = body.fits(candidate);
          tally.validatorAccepts += Number(validatorAccepts);
          tally.documentRefuses += Number(!valid);
          expect(validatorAccepts && !valid, `${body.key}: the validator accepts ${JSON.stringify(candidate)} but the document refuses it: ${explain(errors)}`).toBe(false);
        }),
        { numRuns: 150 },
      );
    }
    // Both sides were sampled: many mutations stayed valid, many did not.
    expect(tally.validatorAccepts).toBeGreaterThan(1000);
    expect(tally.documentRefuses).toBeGreaterThan(1000);
  });
});
