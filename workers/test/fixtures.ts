/**
 * Test data written straight into D1 (the console that creates events comes later), and
 * small helpers to call the Worker as a browser would.
 */
import { env, SELF } from "cloudflare:test";
import type { Question } from "../../db/schema";
import type { DomainContext } from "../src/domain/change";

let counter = 0;
const HOUR = 3_600_000;

export type EventOptions = {
  capacity?: number;
  maxPlaces?: number;
  emailConfirmation?: boolean;
  waitlistMode?: "confirm" | "offer";
  waitlistEnabled?: boolean;
  status?: "draft" | "published" | "cancelled";
  registrationMode?: "open" | "approval" | "none";
  opensAt?: number | null;
  closesAt?: number | null;
  questions?: Question[];
  startsAt?: number;
  onlineUrl?: string | null;
};

/** Creates an organisation (once), an event with one session and its event-wide pool (in `db`, by default DB). */
export async function createEvent(options: EventOptions = {}, db: D1Database = env.DB): Promise<{ slug: string; eventId: number; poolId: number }> {
  counter += 1;
  const slug = `test-event-${counter}-${crypto.randomUUID().slice(0, 8)}`;
  const startsAt = options.startsAt ?? Date.now() + 14 * 24 * HOUR;
  await db.prepare(
    `INSERT OR IGNORE INTO organisations (id, slug, name) VALUES (1, 'test-org', 'Kommunales Integrationszentrum Test')`,
  ).run();
  const event = await db.prepare(
    `INSERT INTO events (organisation_id, slug, format, status, texts, location, online_url, registration_mode,
       registration_opens_at, registration_closes_at, max_places_per_registration, email_confirmation,
       waitlist_enabled, waitlist_mode, questions)
     VALUES (1, ?1, 'workshop', ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) RETURNING id`,
  )
    .bind(
      slug,
      options.status ?? "published",
      JSON.stringify({ de: { title: `Workshop ${counter}`, summary: "Kurz" }, en: { title: `Workshop ${counter} (en)` } }),
      JSON.stringify({ name: "Zentralbibliothek", address: "Konrad-Adenauer-Platz 1", accessibility: { de: "Stufenlos" } }),
      options.onlineUrl ?? null,
      options.registrationMode ?? "open",
      options.opensAt ?? null,
      options.closesAt ?? null,
      options.maxPlaces ?? 1,
      options.emailConfirmation ? 1 : 0,
      options.waitlistEnabled === false ? 0 : 1,
      options.waitlistMode ?? "confirm",
      JSON.stringify(options.questions ?? []),
    )
    .first<{ id: number }>();
  const eventId = event!.id;
  await db.prepare(`INSERT INTO sessions (event_id, starts_at, ends_at) VALUES (?1, ?2, ?3)`)
    .bind(eventId, startsAt, startsAt + 3 * HOUR)
    .run();
  const pool = await db.prepare(
    `INSERT INTO capacity_pools (event_id, kind, key, capacity) VALUES (?1, 'event', 'main', ?2) RETURNING id`,
  )
    .bind(eventId, options.capacity ?? 10)
    .first<{ id: number }>();
  return { slug, eventId, poolId: pool!.id };
}

export function participant(n: number, extra: Record<string, unknown> = {}) {
  return { name: `Teilnehmerin ${n}`, email: `person${n}@example.org`, locale: "de", consent: true, ...extra };
}

export function register(slug: string, body: unknown, headers: Record<string, string> = {}) {
  return SELF.fetch(`https://zusammen.test/api/events/${slug}/registrations`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

export function post(path: string) {
  return SELF.fetch(`https://zusammen.test${path}`, { method: "POST" });
}

/** A domain context for calling verbs directly (e.g. at a chosen time). */
export function context(now = Date.now()): DomainContext {
  const pending: Promise<unknown>[] = [];
  return { env, now, waitUntil: (p) => void pending.push(p) };
}

export type Row = Record<string, unknown>;
export async function rows(sql: string, ...params: unknown[]): Promise<Row[]> {
  return (await env.DB.prepare(sql).bind(...params).all<Row>()).results;
}

/** Counts of registrations by status for an event. */
export async function statusCounts(eventId: number): Promise<Record<string, { count: number; places: number }>> {
  const result: Record<string, { count: number; places: number }> = {};
  for (const row of await rows(
    `SELECT status, COUNT(*) AS count, SUM(places) AS places FROM registrations WHERE event_id = ?1 GROUP BY status`,
    eventId,
  )) {
    result[row.status as string] = { count: Number(row.count), places: Number(row.places) };
  }
  return result;
}

/** The manage token of a registration, derived the way the emails derive it. */
export async function tokenOf(registrationId: number): Promise<string> {
  const { manageToken } = await import("../src/lib/tokens");
  const row = await env.DB.prepare(`SELECT token_nonce AS nonce FROM registrations WHERE id = ?1`).bind(registrationId).first<{ nonce: string }>();
  return manageToken(env, row!.nonce);
}

/** Waits until the queue consumer has delivered `count` messages to `to` in the dev mailbox. */
export async function waitForMail(to: string, count = 1, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await SELF.fetch(`https://zusammen.test/api/dev/mailbox?to=${encodeURIComponent(to)}`);
    const { messages } = (await response.json()) as { messages: { subject: string; text: string; html: string; attachments: unknown[] }[] };
    if (messages.length >= count || Date.now() > deadline) return messages;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/* ---------- console ---------- */

export type StaffSession = { userId: number; cookie: string; csrf: string };

/**
 * A staff member with a live session (written straight into D1; the sign-in flow itself is
 * tested through HTTP in auth.test.ts).
 */
export async function createStaff(
  options: { role?: "organiser" | "checkin_helper"; organisationId?: number; isAdmin?: boolean; assignedEventIds?: number[] } = {},
  db: D1Database = env.DB,
): Promise<StaffSession> {
  const { sha256 } = await import("../src/lib/tokens");
  const { csrfToken } = await import("../src/domain/auth/sign-in");
  counter += 1;
  const email = `staff${counter}-${crypto.randomUUID().slice(0, 6)}@example.org`;
  await db.prepare(`INSERT OR IGNORE INTO organisations (id, slug, name) VALUES (1, 'test-org', 'Kommunales Integrationszentrum Test')`).run();
  await db.prepare(`INSERT OR IGNORE INTO organisations (id, slug, name) VALUES (2, 'other-org', 'Anderes Amt')`).run();
  const user = await db.prepare(`INSERT INTO users (email, email_normalized, name, is_admin) VALUES (?1, ?1, 'Staff', ?2) RETURNING id`)
    .bind(email, options.isAdmin ? 1 : 0)
    .first<{ id: number }>();
  const userId = user!.id;
  if (options.role) {
    await db.prepare(`INSERT INTO memberships (user_id, organisation_id, role) VALUES (?1, ?2, ?3)`)
      .bind(userId, options.organisationId ?? 1, options.role)
      .run();
  }
  for (const eventId of options.assignedEventIds ?? []) {
    await db.prepare(`INSERT INTO event_assignments (user_id, event_id) VALUES (?1, ?2)`).bind(userId, eventId).run();
  }
  const token = crypto.randomUUID().replace(/-/g, "") + "abcdefghijk"; // 43 characters
  const now = Date.now();
  await db.prepare(`INSERT INTO user_sessions (token_hash, user_id, created_at, last_seen_at, expires_at) VALUES (?1, ?2, ?3, ?3, ?4)`)
    .bind(await sha256(token), userId, now, now + 86_400_000)
    .run();
  return { userId, cookie: `zusammen_session=${token}`, csrf: await csrfToken(token) };
}

/** A console request as the console page would send it (cookie, same origin, CSRF header). */
export function consoleFetch(staff: StaffSession | null, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  return SELF.fetch(`https://zusammen.test${path}`, {
    method,
    headers: {
      ...(staff ? { cookie: staff.cookie, "x-csrf-token": staff.csrf } : {}),
      "sec-fetch-site": "same-origin",
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** A complete, valid event form. */
export function eventInput(overrides: Record<string, unknown> = {}) {
  const start = Date.now() + 30 * 86_400_000;
  return {
    organisationId: 1,
    format: "workshop",
    texts: { de: { title: "Elterncafé Mehrsprachigkeit", summary: "Austausch für Eltern" }, en: { title: "Parents' café on multilingualism" } },
    audience: ["parents"],
    languages: ["de", "tr", "ar"],
    location: { name: "Stadtteilbibliothek Eller", address: "Gertrudisplatz 24", accessibility: { de: "Stufenloser Eingang" } },
    onlineUrl: null,
    registrationMode: "open",
    registrationOpensAt: null,
    registrationClosesAt: null,
    maxPlacesPerRegistration: 3,
    emailConfirmation: false,
    holdMinutes: 30,
    waitlistEnabled: true,
    waitlistMode: "confirm",
    offerHours: 48,
    questions: [{ id: "children_ages", type: "short_text", required: false, label: { de: "Alter der Kinder", en: "Children's ages" } }],
    reminderRules: [{ kind: "before", minutes: 2880 }],
    sessions: [{ startsAt: new Date(start).toISOString(), endsAt: new Date(start + 2 * 3_600_000).toISOString() }],
    pools: [{ kind: "event", key: "main", capacity: 2 }],
    ...overrides,
  };
}

/* ---------- the demo programme ---------- */

/** The demo programme of `npm start` (db/seed/demo.mjs, moved to its next edition after `now`), in this test file's D1. */
export async function loadDemoProgramme(now = new Date()): Promise<void> {
  const { demoSeedSql } = await import("../../db/seed/demo.mjs");
  const statements = demoSeedSql(now)
    .split(/;\n\n/)
    .map((statement) => statement.replace(/^--.*$/gm, "").trim())
    .filter(Boolean);
  await env.DB.batch(statements.map((statement) => env.DB.prepare(statement)));
}
