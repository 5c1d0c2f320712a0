/**
 * The sign-up path: one D1 round trip with the event's definition in the isolate's cache (two
 * without), whatever the answer (new, the same address again, a retry); a cached definition
 * that an organiser's edit made stale changes nothing; an idempotency key is bound to its
 * request; public reads go through a D1 session whose bookmark the client carries; every
 * statement of a sign-up finds its rows through an index (EXPLAIN QUERY PLAN), so its busy time
 * does not grow with the pool.
 *
 * Round trips and D1 busy time come from the Worker's `Server-Timing` entry (dev mode).
 */
import { createExecutionContext, env, SELF, waitOnExecutionContext } from "cloudflare:test";
import worker from "../src/index";
import { describe, expect, it } from "vitest";
import { createEvent, participant, register, rows } from "./fixtures";

const get = (path: string, headers: Record<string, string> = {}) => SELF.fetch(`https://zusammen.test${path}`, { headers });

/** Round trips and busy milliseconds from a response's Server-Timing `d1` entry. */
function d1(response: Response): { roundTrips: number; busyMs: number } {
  const entry = /(?:^|,\s*)d1;dur=([\d.]+);desc="(\d+) round trips/.exec(response.headers.get("server-timing") ?? "");
  if (!entry) throw new Error(`no d1 entry in Server-Timing: ${response.headers.get("server-timing")}`);
  return { busyMs: Number(entry[1]), roundTrips: Number(entry[2]) };
}

async function outboxCount(eventId: number): Promise<number> {
  const [row] = await rows(`SELECT COUNT(*) AS n FROM outbox o JOIN registrations r ON r.id = o.registration_id WHERE r.event_id = ?1`, eventId);
  return row!.n as number;
}

describe("D1 round trips of a sign-up", () => {
  it("one with the event cached, two when it is read first; the same for an address again and for a retry", async () => {
    const { slug } = await createEvent({ capacity: 1 });
    const first = await register(slug, participant(1));
    expect(first.status).toBe(201);
    expect(d1(first).roundTrips).toBe(2);

    const key = crypto.randomUUID();
    const answers = [
      await register(slug, participant(2), { "Idempotency-Key": key }), // waitlisted
      await register(slug, participant(2), { "Idempotency-Key": key }), // the retry
      await register(slug, participant(1)), // the same address again
    ];
    expect(answers.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(answers.map((r) => d1(r).roundTrips)).toEqual([1, 1, 1]);
    const [waitlisted, retried, again] = (await Promise.all(answers.map((r) => r.json()))) as { registration: { status: string; waitlistPosition: number | null } }[];
    expect(waitlisted!.registration).toMatchObject({ status: "waitlisted", waitlistPosition: 1 });
    expect(retried).toEqual(waitlisted);
    expect(again!.registration.status).toBe("check_email");
    for (const response of answers) expect(d1(response).busyMs).toBeGreaterThanOrEqual(0);
  });
});

describe("a cached event definition that an organiser's edit made stale", () => {
  it("changes nothing: every edit is honoured by the next sign-up", async () => {
    const { slug, eventId } = await createEvent({ capacity: 10 });
    expect((await register(slug, participant(1))).status).toBe(201); // now cached

    await env.DB.prepare(`UPDATE events SET email_confirmation = 1 WHERE id = ?1`).bind(eventId).run();
    const held = await register(slug, participant(2));
    expect(((await held.json()) as any).registration.status).toBe("check_email");
    expect(d1(held).roundTrips).toBe(3); // the stale batch, the fresh read, the batch

    await env.DB.prepare(`UPDATE events SET questions = ?2 WHERE id = ?1`)
      .bind(eventId, JSON.stringify([{ id: "school", type: "short_text", required: true, label: { de: "Schule" } }]))
      .run();
    const missing = await register(slug, participant(3));
    expect(missing.status).toBe(422);
    expect(Object.keys(((await missing.json()) as any).error.fields)).toEqual(["answers.school"]);

    await env.DB.prepare(`UPDATE sessions SET starts_at = ?2, ends_at = ?2 + 1 WHERE event_id = ?1`).bind(eventId, Date.now() - 60_000).run();
    const closed = await register(slug, participant(4, { answers: { school: "Grundschule" } }));
    expect([closed.status, ((await closed.json()) as any).error.code]).toEqual([409, "registration_closed"]);

    await env.DB.prepare(`UPDATE events SET status = 'draft' WHERE id = ?1`).bind(eventId).run();
    expect((await register(slug, participant(5, { answers: { school: "Grundschule" } }))).status).toBe(404);

    const stored = await rows(`SELECT email_normalized AS email, status FROM registrations WHERE event_id = ?1 ORDER BY id`, eventId);
    expect(stored).toEqual([
      { email: "person1@example.org", status: "confirmed" },
      { email: "person2@example.org", status: "held" },
    ]);
  });
});

describe("a refusal from a cached definition", () => {
  it("is checked on a fresh read: an edit that opens registration counts at once", async () => {
    const { slug, eventId } = await createEvent({ opensAt: Date.now() + 86_400_000 });
    const early = await register(slug, participant(1));
    expect([early.status, ((await early.json()) as any).error.code]).toEqual([409, "registration_not_open"]);
    await env.DB.prepare(`UPDATE events SET registration_opens_at = NULL WHERE id = ?1`).bind(eventId).run();
    expect((await register(slug, participant(1))).status).toBe(201);
  });
});

describe("an idempotency key is bound to its request", () => {
  it("fifty requests with one key and fifty addresses at once: one registration, 49 refusals that tell nothing", async () => {
    const { slug, eventId } = await createEvent({ capacity: 5 });
    const key = crypto.randomUUID();
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) => register(slug, participant(i, { email: `key-${i}@example.org` }), { "Idempotency-Key": key })),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([201, ...Array(49).fill(422)]);
    const refusals = (await Promise.all(responses.filter((r) => r.status === 422).map((r) => r.json()))) as any[];
    for (const body of refusals) {
      expect(body.error.code).toBe("idempotency_key_reused");
      expect(body.error.message).toBe("Diese Anfrage wurde schon mit anderen Angaben gesendet. Bitte laden Sie die Seite neu und senden Sie das Formular noch einmal.");
      expect(body).not.toHaveProperty("registration");
      expect(JSON.stringify(body)).not.toMatch(/confirmed|waitlist|key-\d+@/);
    }
    expect(await rows(`SELECT COUNT(*) AS n FROM registrations WHERE event_id = ?1`, eventId)).toEqual([{ n: 1 }]);
    expect(await outboxCount(eventId)).toBe(1);
  });

  it("the same request again (another Turnstile token, the same form) gets the first answer and sends nothing more; a changed one is refused", async () => {
    const { slug, eventId } = await createEvent({ capacity: 5 });
    const key = crypto.randomUUID();
    const body = participant(1, { formStartedAt: Date.now() - 60_000 });
    const first = await register(slug, { ...body, turnstileToken: "first-token" }, { "Idempotency-Key": key });
    const retry = await register(slug, { ...body, turnstileToken: "second-token" }, { "Idempotency-Key": key });
    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(await retry.json()).toEqual(await first.json());
    expect(await outboxCount(eventId)).toBe(1);

    const corrected = await register(slug, { ...body, name: "Teilnehmerin Eins" }, { "Idempotency-Key": key, "Accept-Language": "uk" });
    expect(corrected.status).toBe(422);
    expect(((await corrected.json()) as any).error).toMatchObject({
      code: "idempotency_key_reused",
      message: "Цей запит уже надсилали з іншими даними. Будь ласка, оновіть сторінку й надішліть форму ще раз.",
    });
    // A new key is a new request: the same address again, answered as such.
    const renewed = await register(slug, { ...body, name: "Teilnehmerin Eins" }, { "Idempotency-Key": crypto.randomUUID() });
    expect(((await renewed.json()) as any).registration.status).toBe("check_email");
    expect(await rows(`SELECT COUNT(*) AS n FROM registrations WHERE event_id = ?1`, eventId)).toEqual([{ n: 1 }]);
  });

  it("stores a keyed hash of the request, never the request, and anonymisation removes it", async () => {
    const { slug, eventId } = await createEvent();
    await register(slug, participant(7), { "Idempotency-Key": "key-7" });
    const [row] = await rows(`SELECT idempotency_hash AS hash FROM registrations WHERE event_id = ?1`, eventId);
    expect(row!.hash).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(String(row!.hash)).not.toContain("person7");
  });
});

describe("public reads through a D1 session", () => {
  it("every public answer carries the session's bookmark; the client's bookmark is used, a malformed one ignored", async () => {
    const { slug } = await createEvent({ capacity: 3 });
    const signedUp = await register(slug, participant(1));
    const bookmark = signedUp.headers.get("x-d1-bookmark");
    expect(bookmark).toMatch(/^DB~[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{32}$/);

    const read = await get(`/api/events/${slug}`, { "X-D1-Bookmark": bookmark! });
    expect(read.status).toBe(200);
    expect(((await read.json()) as any).event.registration.placesLeft).toBe(2);
    expect(read.headers.get("x-d1-bookmark")! >= bookmark!).toBe(true);

    for (const bad of ["garbage", "DB~zz", "OTHER_DB~00000000-00000001-00000000-00000000000000000000000000000000"]) {
      expect((await get(`/api/events/${slug}`, { "X-D1-Bookmark": bad })).status).toBe(200);
    }
    // The console reads the primary, without a session.
    expect((await get(`/api/console/events`)).headers.get("x-d1-bookmark")).toBeNull();
  });
});

/** `db`, writing down the SQL and the parameters of every statement prepared through it (or a session of it). */
function recording(db: D1Database, statements: { sql: string; params: unknown[] }[]): D1Database {
  const forward = (target: object, name: PropertyKey) => {
    const value = Reflect.get(target, name);
    return typeof value === "function" ? value.bind(target) : value;
  };
  return new Proxy(db, {
    get(target, name) {
      if (name === "withSession") return (constraint: string) => recording(target.withSession(constraint) as unknown as D1Database, statements);
      if (name !== "prepare") return forward(target, name);
      return (sql: string) => {
        const record = { sql, params: [] as unknown[] };
        statements.push(record);
        return new Proxy(target.prepare(sql), {
          get: (statement, key) => (key === "bind" ? (...params: unknown[]) => ((record.params = params), statement.bind(...params)) : forward(statement, key)),
        });
      };
    },
  });
}

describe("the sign-up's statements at any size of the pool", () => {
  it("find every row through an index: no statement scans a table", async () => {
    const { slug } = await createEvent({ capacity: 2 });
    const statements: { sql: string; params: unknown[] }[] = [];
    const answers: number[] = [];
    for (const n of [1, 2, 3, 1]) {
      // The last two: waitlisted, and the same address again (its own statements).
      statements.length = 0;
      const ctx = createExecutionContext();
      const request = new Request(`https://zusammen.test/api/events/${slug}/registrations`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(participant(n)) });
      answers.push((await worker.fetch(request, { ...env, DB: recording(env.DB, statements) }, ctx)).status);
      await waitOnExecutionContext(ctx);
      const scans: string[] = [];
      for (const { sql, params } of statements) {
        const plan = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`).bind(...params).all<{ detail: string }>();
        // "SCAN CONSTANT ROW" and "SCAN (subquery-n)" read no table.
        for (const { detail } of plan.results) if (/^SCAN (?!CONSTANT ROW|\(subquery)/.test(detail)) scans.push(`${detail} in ${sql.slice(0, 80)}`);
      }
      expect(statements.length).toBeGreaterThan(0);
      expect(scans).toEqual([]);
    }
    expect(answers).toEqual([201, 201, 201, 201]);
  });
});
