/**
 * Growth beyond one database: TENANTS routes an organisation to a D1 database of its own.
 * Two organisations on two local databases (DB and DB_SECOND, both with the whole schema and,
 * on purpose, the same numeric ids) stay apart: sign-ups, event pages, participant links, the
 * console, the mail queue and the scheduled jobs each touch their own organisation's database only.
 */
import { applyD1Migrations, createExecutionContext, createMessageBatch, createScheduledController, env, waitOnExecutionContext } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import worker from "../src/index";
import type { Env, MailMessage } from "../src/env";
import { tenantMap } from "../src/lib/tenants";
import { manageToken } from "../src/lib/tokens";
import { createEvent, createStaff, participant, type StaffSession } from "./fixtures";

const tenants: Env = { ...env, TENANTS: "zweite-stadt=DB_SECOND" };
const second = env.DB_SECOND;

async function call(path: string, init: RequestInit = {}): Promise<Response> {
  const ctx = createExecutionContext();
  const response = await worker.fetch(new Request(`https://zusammen.test${path}`, init), tenants, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

const signUp = (slug: string, body: unknown) =>
  call(`/api/events/${slug}/registrations`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

const asStaff = (staff: StaffSession, path: string) => call(path, { headers: { cookie: staff.cookie, "x-csrf-token": staff.csrf, "sec-fetch-site": "same-origin" } });

async function emailsIn(db: D1Database): Promise<string[]> {
  return (await db.prepare(`SELECT email FROM registrations ORDER BY email`).all<{ email: string }>()).results.map((r) => r.email);
}

let first: { slug: string; eventId: number };
let other: { slug: string; eventId: number };

beforeAll(async () => {
  await applyD1Migrations(second, env.TEST_MIGRATIONS);
  // The same organisation id in both databases: only the routing keeps them apart.
  await second.prepare(`INSERT INTO organisations (id, slug, name) VALUES (1, 'zweite-stadt', 'Integrationszentrum Zweite Stadt')`).run();
  first = await createEvent({ capacity: 5 });
  other = await createEvent({ capacity: 5 }, second);
  expect(other.eventId).toBe(first.eventId);
});

describe("two organisations on two databases", () => {
  it("each sign-up lands in its organisation's database, with its outbox row, and nowhere else", async () => {
    expect((await signUp(first.slug, participant(1, { email: "erste@example.org" }))).status).toBe(201);
    expect((await signUp(other.slug, participant(2, { email: "zweite@example.org" }))).status).toBe(201);

    expect(await emailsIn(env.DB)).toEqual(["erste@example.org"]);
    expect(await emailsIn(second)).toEqual(["zweite@example.org"]);
    const outboxTo = async (db: D1Database) => (await db.prepare(`SELECT DISTINCT to_address AS a FROM outbox`).all<{ a: string }>()).results.map((r) => r.a);
    expect(await outboxTo(env.DB)).toEqual(["erste@example.org"]);
    expect(await outboxTo(second)).toEqual(["zweite@example.org"]);
  });

  it("the programme lists both organisations' events; each event page comes from its own database", async () => {
    const list = (await (await call("/api/events")).json()) as { events: { slug: string }[] };
    expect(list.events.map((e) => e.slug)).toEqual(expect.arrayContaining([first.slug, other.slug]));

    await second.prepare(`UPDATE events SET texts = json_set(texts, '$.de.title', 'Sprachcafé Zweite Stadt') WHERE id = ?1`).bind(other.eventId).run();
    const page = (await (await call(`/api/events/${other.slug}?locale=de`)).json()) as { event: { title: string } };
    expect(page.event.title).toBe("Sprachcafé Zweite Stadt");
    expect((await call(`/api/events/${first.slug}?locale=de`)).status).toBe(200);
    expect((await call(`/api/events/no-such-event`)).status).toBe(404);
  });

  it("a participant's link opens their registration in their database; the other database's secret makes it no link", async () => {
    const [row] = (await second.prepare(`SELECT token_nonce AS nonce FROM registrations WHERE email = 'zweite@example.org'`).all<{ nonce: string }>()).results;
    const own = await manageToken({ ...tenants, DB: second, DB_NAME: "DB_SECOND" }, row!.nonce);
    const opened = await call(`/api/registrations/${own}`);
    expect(opened.status).toBe(200);
    expect(JSON.stringify(await opened.json())).toContain("zweite@example.org");

    // The same nonce signed as the default database would sign it opens nothing anywhere.
    const foreign = await manageToken(tenants, row!.nonce);
    expect((await call(`/api/registrations/${foreign}`)).status).toBe(404);
  });

  it("each organisation's console sees its own events and registrations only, though their ids are the same", async () => {
    const organiserFirst = await createStaff({ role: "organiser", organisationId: 1 });
    const organiserOther = await createStaff({ role: "organiser", organisationId: 1 }, second);

    const eventsFirst = JSON.stringify(await (await asStaff(organiserFirst, "/api/console/events")).json());
    const eventsOther = JSON.stringify(await (await asStaff(organiserOther, "/api/console/events")).json());
    expect(eventsFirst).toContain(first.slug);
    expect(eventsFirst).not.toContain(other.slug);
    expect(eventsOther).toContain(other.slug);
    expect(eventsOther).not.toContain(first.slug);

    const listOther = await asStaff(organiserOther, `/api/console/events/${other.eventId}/registrations`);
    expect(listOther.status).toBe(200);
    const bodyOther = JSON.stringify(await listOther.json());
    expect(bodyOther).toContain("zweite@example.org");
    expect(bodyOther).not.toContain("erste@example.org");
  });

  it("a queued email is sent from its own database; the scheduled jobs run in every database", async () => {
    const [row] = (await second.prepare(`SELECT id FROM outbox WHERE to_address = 'zweite@example.org'`).all<{ id: string }>()).results;
    const batch = createMessageBatch<MailMessage>("zusammen-mail", [{ id: "m1", timestamp: new Date(), attempts: 1, body: { outboxId: row!.id, database: "DB_SECOND" } }]);
    await worker.queue(batch, tenants);
    const sent = await second.prepare(`SELECT status FROM outbox WHERE id = ?1`).bind(row!.id).first<{ status: string }>();
    expect(sent!.status).toBe("sent");
    expect(await env.DB.prepare(`SELECT 1 FROM outbox WHERE id = ?1`).bind(row!.id).first()).toBeNull();

    const at = Date.now();
    const cron = createExecutionContext();
    await worker.scheduled(createScheduledController({ scheduledTime: at, cron: "* * * * *" }), tenants, cron);
    await waitOnExecutionContext(cron);
    for (const db of [env.DB, second]) {
      const run = await db.prepare(`SELECT MAX(last_run_at) AS at FROM job_runs`).first<{ at: number | null }>();
      expect(run!.at).toBeGreaterThanOrEqual(at);
    }
  });

  it("\"I lost my link\" finds the address's registrations in every database, each with its own manage link", async () => {
    expect((await signUp(first.slug, participant(3, { email: "beide@example.org" }))).status).toBe(201);
    expect((await signUp(other.slug, participant(4, { email: "beide@example.org" }))).status).toBe(201);
    const asked = await call("/api/manage-links", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: "beide@example.org" }) });
    expect(asked.status).toBe(202);
    for (const db of [env.DB, second]) {
      const rows = (await db.prepare(`SELECT r.email, r.event_id AS eventId FROM outbox o JOIN registrations r ON r.id = o.registration_id WHERE o.template = 'manage_links'`).all<{ email: string; eventId: number }>()).results;
      expect(rows).toEqual([{ email: "beide@example.org", eventId: first.eventId }]);
    }
  });

  it("TENANTS that is not organisation-slug=BINDING is a configuration error, not a silent default", () => {
    expect(tenantMap({ TENANTS: "zweite-stadt=DB_SECOND, kreis=DB_KREIS" })).toEqual(new Map([["zweite-stadt", "DB_SECOND"], ["kreis", "DB_KREIS"]]));
    expect(() => tenantMap({ TENANTS: "zweite-stadt:DB_SECOND" })).toThrow(/TENANTS/);
  });
});
