/**
 * Invariant 5 for the console, table-driven: every console and sign-in route in the OpenAPI
 * document names who may call it (`x-access`), and every route that is not public is walked
 * with the ids of organisation 1's event, registration, pool and organisation:
 *   - anonymous → 401;
 *   - an organiser of organisation 2 → 403 or 404, and no title, name or email leaks;
 *   - a check-in helper assigned to the event → 403 (except check-in and plain staff routes);
 *   - a participant's manage token, as cookie or bearer, → 401.
 * The app's own route table must match the document, so a new route cannot skip the walk.
 */
import { env, SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/app";
import { consoleFetch, createEvent, createStaff, participant, register, rows, tokenOf, type StaffSession } from "./fixtures";

type Operation = {
  "x-access"?: string;
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: { content?: Record<string, { example?: unknown }> };
};
type Document = { paths: Record<string, Record<string, Operation>> };

const ACCESS = ["public", "participant", "staff", "event:view", "event:manage", "event:checkin", "admin", "organisation:manage"];
const METHODS = ["get", "post", "put", "patch", "delete"];

let doc: Document;
const secret = { title: "", names: [] as string[], emails: [] as string[] };
const ids: Record<string, number> = {};
let manageToken = "";

beforeAll(async () => {
  doc = (await (await SELF.fetch("https://zusammen.test/api/openapi.json")).json()) as Document;
  const { slug, eventId, poolId } = await createEvent({ capacity: 1 });
  const tag = crypto.randomUUID().slice(0, 8);
  secret.title = `Vertraulicher Workshop ${tag}`;
  await env.DB.prepare(`UPDATE events SET texts = ?2 WHERE id = ?1`).bind(eventId, JSON.stringify({ de: { title: secret.title } })).run();
  for (const n of [1, 2]) {
    const name = `Geheimname${n} ${tag}`;
    const email = `geheim${n}-${tag}@example.org`;
    secret.names.push(name);
    secret.emails.push(email);
    expect((await register(slug, participant(n, { name, email }))).status).toBe(201);
  }
  const [first] = await rows(`SELECT id FROM registrations WHERE event_id = ?1 ORDER BY id`, eventId);
  const helper = await createStaff({ role: "checkin_helper", organisationId: 1, assignedEventIds: [eventId] });
  const [session] = await rows(`SELECT id FROM sessions WHERE event_id = ?1`, eventId);
  // certificateId: only in routes that authorise on the event first; any id does for the walk (outboxId: administrators only).
  Object.assign(ids, { eventId, registrationId: first!.id as number, poolId, organisationId: 1, userId: helper.userId, sessionId: session!.id as number, certificateId: 1, outboxId: 1 });
  manageToken = await tokenOf(ids.registrationId!);
});

function operations(): { path: string; method: string; access: string; body: unknown }[] {
  const list = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.includes(method)) continue;
      const example = op.requestBody?.content?.["application/json"]?.example;
      // Required query parameters are filled like path placeholders.
      const query = (op.parameters ?? []).filter((p) => p.in === "query" && p.required).map((p) => `${p.name}={${p.name}}`);
      const target = query.length ? `${path}?${query.join("&")}` : path;
      list.push({ path: target, method: method.toUpperCase(), access: op["x-access"] ?? "(missing)", body: example ?? (method === "get" ? undefined : {}) });
    }
  }
  return list;
}

function fill(path: string): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in ids)) throw new Error(`no test value for {${name}} in ${path}: add one to the security test`);
    return String(ids[name]);
  });
}

const guarded = () => operations().filter((o) => o.access !== "public" && o.access !== "participant");

function expectNoLeak(text: string, where: string) {
  for (const value of [secret.title, ...secret.names, ...secret.emails]) {
    expect(text.includes(value), `${where} leaks "${value}"`).toBe(false);
  }
}

describe("the OpenAPI document covers the console", () => {
  it("every operation names its access, from the known set", () => {
    for (const op of operations()) expect(ACCESS, `${op.method} ${op.path}`).toContain(op.access);
  });

  it("every console and sign-in route of the app is documented, and every documented one exists", () => {
    const normalise = (path: string) => path.split("?")[0]!.replace(/:\w+/g, "{}").replace(/\{\w+\}/g, "{}").replace(/\/$/, "");
    const inApp = new Set(
      buildApp()
        .routes.filter((r) => r.method !== "ALL" && /^\/api\/(console|auth)(\/|$)/.test(r.path))
        .map((r) => `${r.method} ${normalise(r.path)}`),
    );
    const documented = new Set(
      operations()
        .filter((o) => /^\/api\/(console|auth)(\/|$)/.test(o.path))
        .map((o) => `${o.method} ${normalise(o.path)}`),
    );
    expect([...inApp].filter((r) => !documented.has(r)), "routes missing from openapi.ts").toEqual([]);
    expect([...documented].filter((r) => !inApp.has(r)), "documented routes that do not exist").toEqual([]);
    expect(inApp.size).toBeGreaterThan(25);
  });
});

describe("every guarded route, walked from the OpenAPI document", () => {
  it("anonymous → 401", async () => {
    for (const op of guarded()) {
      const response = await consoleFetch(null, op.method, fill(op.path), op.body);
      expect(response.status, `${op.method} ${op.path}`).toBe(401);
      expectNoLeak(await response.text(), `${op.method} ${op.path}`);
    }
  });

  it("an organiser of another organisation → 403 or 404, and nothing of the event leaks", async () => {
    for (const op of guarded()) {
      // A fresh session each time: a route may end it (logout).
      const other = await createStaff({ role: "organiser", organisationId: 2 });
      const response = await consoleFetch(other, op.method, fill(op.path), op.body);
      const text = await response.text();
      if (op.access === "staff") expect(response.status, `${op.method} ${op.path}`).toBeLessThan(300);
      else expect([403, 404], `${op.method} ${op.path} answered ${response.status}: ${text}`).toContain(response.status);
      expectNoLeak(text, `${op.method} ${op.path}`);
    }
  });

  it("a check-in helper of the event → 403 for everything but check-in and their own staff routes", async () => {
    for (const op of guarded()) {
      const helper = await createStaff({ role: "checkin_helper", organisationId: 1, assignedEventIds: [ids.eventId!] });
      const response = await consoleFetch(helper, op.method, fill(op.path), op.body);
      const text = await response.text();
      if (op.access === "staff" || op.access === "event:checkin") {
        // Let in; what the body then asks for may still be refused on its merits (404, 409, 422).
        expect([401, 403], `${op.method} ${op.path} answered ${response.status}: ${text}`).not.toContain(response.status);
        expect(response.status).toBeLessThan(500);
        continue;
      }
      // POST /api/console/events names its organisation in the body and answers 404 for anyone
      // not organising it (the lead's route); every path-scoped route answers the helper 403.
      const allowed = op.access === "organisation:manage" && !op.path.includes("{organisationId}") ? [403, 404] : [403];
      expect(allowed, `${op.method} ${op.path} answered ${response.status}: ${text}`).toContain(response.status);
      for (const value of [...secret.names, ...secret.emails]) expect(text.includes(value), `${op.method} ${op.path}`).toBe(false);
    }
  });

  it("a participant's manage token never opens organiser data, as cookie or as bearer", async () => {
    for (const op of guarded()) {
      const variants: Record<string, string>[] = [{ cookie: `zusammen_session=${manageToken}` }, { authorization: `Bearer ${manageToken}` }];
      for (const headers of variants) {
        const response = await consoleFetch(null, op.method, fill(op.path), op.body, headers);
        expect(response.status, `${op.method} ${op.path} with ${Object.keys(headers)[0]}`).toBe(401);
        expectNoLeak(await response.text(), `${op.method} ${op.path}`);
      }
    }
  });

  it("the organiser of the event can read every guarded GET route (the walk uses real ids)", async () => {
    const organiser: StaffSession = await createStaff({ role: "organiser", organisationId: 1 });
    // Administrators' routes (the status page) answer organisers 403.
    for (const op of guarded().filter((o) => o.method === "GET" && o.access !== "admin")) {
      const response = await consoleFetch(organiser, "GET", fill(op.path));
      expect(response.status, `GET ${op.path}`).toBe(200);
    }
  });
});
