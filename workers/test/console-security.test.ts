/**
 * Invariant 5, table-driven from the OpenAPI document: every operation, public and console,
 * is walked with real ids (an event of organisation 1 with two registrations, its pool, date,
 * check-in helper and an issued certificate) as each kind of caller, and the answer must be
 * the one its `x-access` rule promises:
 *   - anonymous: 401 for every console rule; a participant route with a link that is not
 *     theirs (unknown, tampered, expired, a data link as a manage link) 404; public routes let in;
 *   - a participant's manage or data-access token as cookie or bearer: 401 for every console rule;
 *   - the participant of another registration, with their own manage and data-access links:
 *     every participant route (the manage page and its actions, the QR code, the certificate,
 *     the privacy data and erasure) answers about them only, and changes nothing of anyone else;
 *   - an organiser of organisation 2: 404 for everything of organisation 1, 403 for
 *     administrators' routes, in for their own staff routes, and nothing of the event leaks;
 *   - a check-in helper of the event: in at its door only, 403 for everything else, and their
 *     session opens no participant's link;
 *   - an administrator: in everywhere, and every GET answers 200;
 *   - the event's organiser: every GET but the administrators' answers 200.
 * Every JSON answer in 2xx is validated against the document's response schema, so the
 * document cannot promise a shape the Worker does not give. The route-list test
 * (openapi.test.ts) makes sure no route escapes the document, so none escapes this walk.
 */
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { dataAccessToken } from "../src/domain/privacy/links";
import { checkInCode } from "../src/lib/tokens";
import { consoleFetch, createEvent, createStaff, participant, register, rows, tokenOf, type StaffSession } from "./fixtures";
import { exampleBody, explain, fill, loadDocument, operationsOf, responseSchema, validatorFor, withRequiredQuery, type Document, type WalkedOperation } from "./openapi-helpers";

const CONSOLE_RULES = ["staff", "organiser", "admin", "event:manage", "event:checkin", "registration:manage", "pool:manage", "organisation:manage"];
/** Rules scoped to something of organisation 1 (by path id): another organisation's organiser gets 404. */
const SCOPED_RULES = ["event:manage", "event:checkin", "registration:manage", "pool:manage", "organisation:manage"];

let doc: Document;
const secret = { title: "", names: [] as string[], emails: [] as string[] };
const values: Record<string, string | number> = {};
/** The same ids, for placeholders, ids in example bodies, and a link that opens nothing. */
let foreign: Record<string, string | number> = {};
/** The same ids, with the first registration's data-access token as the link. */
let dataValues: Record<string, string | number> = {};
let manageToken = "";
/** Links that are not the holder's: unknown, tampered, expired, or a data link where a manage link belongs. */
let notTheirs: string[] = [];
/** One of each kind (a manage link's shape, a data link's) for the callers with a session: anonymous callers try them all. */
const twoOf = () => [notTheirs[1]!, notTheirs[3]!];
/** The other registration's own links (participant 2: same event, waitlisted). */
const other = { id: 0, manage: "", data: "" };
/** The participant routes that also take a data-access token (domain/privacy/links.ts). */
const takesDataToken = (op: WalkedOperation) => /\/(data|erase)$/.test(op.path);

beforeAll(async () => {
  doc = await loadDocument();
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
  const [first, second] = await rows(`SELECT id FROM registrations WHERE event_id = ?1 ORDER BY id`, eventId);
  const registrationId = Number(first!.id);
  const helper = await createStaff({ role: "checkin_helper", organisationId: 1, assignedEventIds: [eventId] });
  const [session] = await rows(`SELECT id FROM sessions WHERE event_id = ?1`, eventId);
  const sessionId = Number(session!.id);
  // A certificate, so its routes answer with a real one.
  const organiser = await createStaff({ role: "organiser", organisationId: 1 });
  const code = await checkInCode(env, registrationId);
  // The date has happened (certificates count only ended dates): the organiser records it afterwards.
  await env.DB.prepare(`UPDATE sessions SET starts_at = ?2, ends_at = ?3 WHERE id = ?1`).bind(sessionId, Date.now() - 26 * 3_600_000, Date.now() - 24 * 3_600_000).run();
  expect((await consoleFetch(organiser, "PUT", `/api/console/events/${eventId}/certificate-settings`, { rule: { kind: "all_sessions" }, signer: null })).status).toBe(200);
  expect((await consoleFetch(organiser, "POST", `/api/console/events/${eventId}/checkin/scan`, { code, sessionId })).status).toBe(200);
  expect(await (await consoleFetch(organiser, "POST", `/api/console/events/${eventId}/certificates/issue`, {})).json()).toEqual({ issued: 1, eligible: 1 });
  const [certificate] = await rows(`SELECT id, code FROM certificates WHERE registration_id = ?1`, registrationId);
  // And a date still to come, so the lists of the coming dates have one to print.
  await env.DB.prepare(`INSERT INTO sessions (event_id, starts_at, ends_at) VALUES (?1, ?2, ?3)`).bind(eventId, Date.now() + 7 * 86_400_000, Date.now() + 7 * 86_400_000 + 7_200_000).run();
  manageToken = await tokenOf(registrationId);
  const inADay = Date.now() + 86_400_000;
  const dataToken = await dataAccessToken(env, registrationId, inADay, secret.emails[0]!);
  other.id = Number(second!.id);
  other.manage = await tokenOf(other.id);
  other.data = await dataAccessToken(env, other.id, inADay, secret.emails[1]!);
  notTheirs = [
    "A".repeat(43),
    manageToken.slice(0, -1) + (manageToken.endsWith("A") ? "B" : "A"),
    dataToken.slice(0, -1) + (dataToken.endsWith("A") ? "B" : "A"),
    // The first registration's id under the second one's signature, an expired link, a link for another address.
    other.data.replace(`.${other.id.toString(36)}.`, `.${registrationId.toString(36)}.`),
    await dataAccessToken(env, registrationId, Date.now() - 1000, secret.emails[0]!),
    await dataAccessToken(env, registrationId, inADay, "someone.else@example.org"),
    // The old, unbound format.
    dataToken.replace(/^p2\./, "p1."),
  ];
  Object.assign(values, {
    slug,
    eventId,
    registrationId,
    poolId,
    organisationId: 1,
    userId: helper.userId,
    sessionId,
    certificateId: Number(certificate!.id),
    // Retrying an email: administrators only; an unknown id answers the documented 404.
    outboxId: "1",
    code: String(certificate!.code),
    file: `${code}.png`,
    token: manageToken,
    locale: "ar",
  });
  foreign = { ...values, token: "A".repeat(43) };
  dataValues = { ...values, token: dataToken };
});

/** An example body with the ids of the walk in place of the example's. */
function realBody(op: WalkedOperation, ids = values): unknown {
  const replace = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(replace);
    if (!value || typeof value !== "object") return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typeof v === "number" && k in ids ? ids[k] : replace(v)]));
  };
  return replace(exampleBody(op.op) ?? (op.method === "GET" ? undefined : {}));
}

async function call(staff: StaffSession | null, op: WalkedOperation, ids = values, headers: Record<string, string> = {}) {
  const url = fill(withRequiredQuery(op), ids);
  const response = await consoleFetch(staff, op.method, url, realBody(op, ids), headers);
  const text = await response.text();
  const where = `${op.method} ${op.path} (${op.access}) answered ${response.status}: ${text.slice(0, 200)}`;
  return { status: response.status, text, where, type: response.headers.get("content-type") ?? "" };
}

const byRule = (...rules: string[]) => operationsOf(doc).filter((o) => rules.includes(o.access));

function expectNoLeak(text: string, where: string) {
  for (const value of [secret.title, ...secret.names, ...secret.emails]) expect(text.includes(value), `${where} leaks "${value}"`).toBe(false);
}

/**
 * Every answer, whatever its status, is one the document promises for the operation: the
 * status is documented, with the answer's content type, and a JSON answer fits its schema.
 */
function expectDocumented(op: WalkedOperation, answer: { status: number; text: string; where: string; type: string }) {
  const content = op.op.responses?.[String(answer.status)]?.content ?? {};
  const type = answer.type.split(";")[0]!.trim();
  expect(Object.keys(content), `${answer.where}: status and content type documented`).toContain(type);
  const fits = type === "application/json" ? validatorFor(doc, content[type]!.schema!)(JSON.parse(answer.text)) : { valid: answer.text.length > 0, errors: [] };
  expect(fits.valid, `${answer.where}: ${explain(fits.errors)}`).toBe(true);
}

describe("every operation of the document, walked as each kind of caller", () => {
  it("the walk covers every operation, public and console", () => {
    const all = operationsOf(doc);
    expect(all.length).toBeGreaterThan(60);
    expect(byRule("public", "participant", ...CONSOLE_RULES)).toHaveLength(all.length);
  });

  it("anonymous: 401 on every console rule", async () => {
    for (const op of byRule(...CONSOLE_RULES)) {
      const answer = await call(null, op);
      expect(answer.status, answer.where).toBe(401);
      expectDocumented(op, answer);
      expectNoLeak(answer.text, answer.where);
    }
  });

  it("anonymous: a participant route with a link that is not theirs answers 404", async () => {
    const participantRoutes = byRule("participant");
    expect(participantRoutes.filter(takesDataToken).map((o) => `${o.method} ${o.path}`).sort()).toEqual([
      "GET /api/registrations/{token}/data",
      "POST /api/registrations/{token}/erase",
    ]);
    for (const op of participantRoutes) {
      for (const token of notTheirs) {
        const answer = await call(null, op, { ...values, token });
        expect(answer.status, `${answer.where} with ${token.slice(0, 6)}…`).toBe(404);
        expectDocumented(op, answer);
        expectNoLeak(answer.text, answer.where);
      }
      // A data-access link opens the privacy routes only, never the manage page or its actions.
      if (!takesDataToken(op)) {
        const answer = await call(null, op, dataValues);
        expect(answer.status, `${answer.where} with a data-access token`).toBe(404);
      }
    }
  });

  it("anonymous: public routes let them in and answer as documented", async () => {
    for (const op of byRule("public")) {
      const answer = await call(null, op);
      expect([401, 403], answer.where).not.toContain(answer.status);
      expect(answer.status, answer.where).toBeLessThan(500);
      expectDocumented(op, answer);
    }
  });

  /** Public answers that show a participant by design. */
  const SHOWS_A_PERSON: Record<string, string> = {
    "GET /api/certificates/{code}": "verification shows the name printed on the certificate to whoever holds its code",
    "GET /api/dev/mailbox": "the dev mailbox shows every email sent (dev mode only: 404 with a Resend key)",
  };

  it("anonymous: no other public answer names a participant (the event is published, so its title is public)", async () => {
    const others = byRule("public").filter((o) => !(`${o.method} ${o.path}` in SHOWS_A_PERSON));
    expect(others.length).toBe(byRule("public").length - Object.keys(SHOWS_A_PERSON).length);
    for (const op of others) {
      const answer = await call(null, op);
      for (const value of [...secret.names, ...secret.emails]) expect(answer.text.includes(value), `${answer.where} leaks ${value}`).toBe(false);
    }
  });

  it("a participant's manage or data-access token never opens a console route, as cookie or as bearer", async () => {
    const dataToken = String(dataValues.token);
    const presented: Record<string, string>[] = [
      { cookie: `zusammen_session=${manageToken}` },
      { authorization: `Bearer ${manageToken}` },
      { cookie: `zusammen_session=${dataToken}` },
    ];
    for (const op of byRule(...CONSOLE_RULES)) {
      for (const headers of presented) {
        const answer = await call(null, op, values, headers);
        expect(answer.status, `${answer.where} with ${Object.keys(headers)[0]}`).toBe(401);
        expectNoLeak(answer.text, answer.where);
      }
    }
  });

  it("the participant of another registration: every participant route, privacy and erasure included, answers about them only", async () => {
    const firstBefore = await rows(`SELECT status, name, email, anonymised_at FROM registrations WHERE id = ?1`, values.registrationId);
    const [firstName, firstEmail] = [secret.names[0]!, secret.emails[0]!];
    // Reads first, then the writes (cancelling and erasing their own registration come last).
    const routes = byRule("participant").sort((a, b) => Number(a.method !== "GET") - Number(b.method !== "GET") || Number(a.path.endsWith("/erase")) - Number(b.path.endsWith("/erase")));
    let answeredAboutThem = 0;
    for (const op of routes) {
      for (const token of takesDataToken(op) ? [other.data, other.manage] : [other.manage]) {
        const answer = await call(null, op, { ...values, token });
        const where = `${answer.where} with the other registration's ${token.startsWith("p2.") ? "data" : "manage"} link`;
        expect([401, 403], where).not.toContain(answer.status);
        expect(answer.status, where).toBeLessThan(500);
        expectDocumented(op, answer);
        for (const value of [firstName, firstEmail]) expect(answer.text.includes(value), `${where} leaks ${value}`).toBe(false);
        if (answer.text.includes(secret.emails[1]!) || answer.text.includes(secret.names[1]!)) answeredAboutThem++;
      }
    }
    // The manage page and the privacy data showed the other person their own registration.
    expect(answeredAboutThem).toBeGreaterThanOrEqual(2);
    // Their erasure erased them, and nothing of the first registration changed.
    expect(await rows(`SELECT anonymised_at IS NOT NULL AS erased FROM registrations WHERE id = ?1`, other.id)).toEqual([{ erased: 1 }]);
    expect(await rows(`SELECT status, name, email, anonymised_at FROM registrations WHERE id = ?1`, values.registrationId)).toEqual(firstBefore);
  });

  describe("an organiser of another organisation", () => {
    // A fresh session for each call: a route may end it (logout).
    const outsider = () => createStaff({ role: "organiser", organisationId: 2 });

    it("gets 404 for everything of organisation 1, and nothing of the event leaks", async () => {
      for (const op of byRule(...SCOPED_RULES)) {
        const answer = await call(await outsider(), op);
        expect(answer.status, answer.where).toBe(404);
        expectDocumented(op, answer);
        expectNoLeak(answer.text, answer.where);
      }
    });

    it("gets 404 from participant routes, privacy and erasure included: a session opens no one's link", async () => {
      // No participant route ends a session: one will do.
      const session = await outsider();
      for (const op of byRule("participant")) {
        for (const token of twoOf()) {
          const answer = await call(session, op, { ...values, token });
          expect(answer.status, answer.where).toBe(404);
          expectNoLeak(answer.text, answer.where);
        }
      }
    });

    it("gets 403 from the administrators' routes", async () => {
      for (const op of byRule("admin")) {
        const answer = await call(await outsider(), op);
        expect(answer.status, answer.where).toBe(403);
        expectDocumented(op, answer);
      }
    });

    it("is let into their own staff and organiser routes, where organisation 1 named in a body is not found", async () => {
      for (const op of byRule("staff", "organiser")) {
        const answer = await call(await outsider(), op);
        expect(answer.status < 300 || (op.access === "organiser" && answer.status === 404), answer.where).toBe(true);
        expectDocumented(op, answer);
        expectNoLeak(answer.text, answer.where);
      }
    });
  });

  describe("a check-in helper of the event", () => {
    const helper = () => createStaff({ role: "checkin_helper", organisationId: 1, assignedEventIds: [Number(values.eventId)] });

    it("gets 403 for everything but the door and their own staff routes, and sees no one", async () => {
      for (const op of byRule("organiser", "admin", "event:manage", "registration:manage", "pool:manage", "organisation:manage")) {
        const answer = await call(await helper(), op);
        expect(answer.status, answer.where).toBe(403);
        expectDocumented(op, answer);
        for (const value of [...secret.names, ...secret.emails]) expect(answer.text.includes(value), `${answer.where} leaks ${value}`).toBe(false);
      }
    });

    it("gets 404 from participant routes, privacy and erasure included: their session opens no one's link", async () => {
      const session = await helper();
      for (const op of byRule("participant")) {
        for (const token of twoOf()) {
          const answer = await call(session, op, { ...values, token });
          expect(answer.status, answer.where).toBe(404);
          expectNoLeak(answer.text, answer.where);
        }
      }
    });

    it("is let in at the door of that event and to their own staff routes", async () => {
      for (const op of byRule("staff", "event:checkin")) {
        const answer = await call(await helper(), op);
        // Let in: what the body asks for may still be refused on its merits (404, 409, 422), never for who they are.
        expect([401, 403], answer.where).not.toContain(answer.status);
        expect(answer.status, answer.where).toBeLessThan(500);
        expectDocumented(op, answer);
      }
    });
  });

  it("the event's organiser reads every console GET but the administrators' (200, as documented)", async () => {
    const organiser = await createStaff({ role: "organiser", organisationId: 1 });
    for (const op of byRule(...CONSOLE_RULES).filter((o) => o.method === "GET" && o.access !== "admin")) {
      const answer = await call(organiser, op);
      expect(answer.status, answer.where).toBe(200);
      expectDocumented(op, answer);
    }
  });

  it("an administrator: every GET, public, participant and console, answers 200 as documented", async () => {
    const admin = await createStaff({ isAdmin: true });
    for (const op of operationsOf(doc).filter((o) => o.method === "GET")) {
      const answer = await call(admin, op);
      expect(answer.status, answer.where).toBe(200);
      expectDocumented(op, answer);
    }
    // The privacy data through the data-access link as well.
    for (const op of byRule("participant").filter((o) => o.method === "GET" && takesDataToken(o))) {
      const answer = await call(admin, op, dataValues);
      expect(answer.status, answer.where).toBe(200);
      expectDocumented(op, answer);
      expect(answer.text).toContain(secret.emails[0]);
    }
  });

  it("an administrator's session opens no participant's link either", async () => {
    const admin = await createStaff({ isAdmin: true });
    for (const op of byRule("participant")) {
      for (const token of twoOf()) {
        const answer = await call(admin, op, { ...values, token });
        expect(answer.status, answer.where).toBe(404);
      }
    }
  });

  // Last: these change the event (cancel it, replace its settings, revoke the certificate).
  it("an administrator is let into every console write, and each answer is documented", async () => {
    for (const op of byRule(...CONSOLE_RULES).filter((o) => o.method !== "GET")) {
      const answer = await call(await createStaff({ isAdmin: true }), op);
      expect([401, 403], answer.where).not.toContain(answer.status);
      expect(answer.status, answer.where).toBeLessThan(500);
      expectDocumented(op, answer);
    }
  });
});
