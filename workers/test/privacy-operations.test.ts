/**
 * Operations without personal data: one structured JSON log line per request (request id,
 * method, route pattern, status, duration) and never a name, an email address or a token in
 * any log line; the administrators' status page (mail backlog and failures without
 * addresses, the scheduled jobs' last runs, hints).
 */
import { env, SELF } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { runScheduledJobs } from "../src/domain/scheduled";
import { redactEmails } from "../src/lib/log";
import { consoleFetch, context, createEvent, createStaff, participant, register, rows, tokenOf, waitForMail } from "./fixtures";

afterEach(() => vi.restoreAllMocks());

function captureLogs(): string[] {
  const lines: string[] = [];
  for (const level of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(" ")));
  }
  return lines;
}

describe("logs", () => {
  it("a registration and everything after it logs no name, address or token", async () => {
    const { slug, eventId } = await createEvent({ emailConfirmation: true });
    const lines = captureLogs();
    const person = { name: "Svetlana Protokoll", email: "svetlana.protokoll@example.org" };
    expect((await register(slug, participant(1, person))).status).toBe(201);
    await waitForMail(person.email);
    const [row] = await rows(`SELECT id FROM registrations WHERE event_id = ?1`, eventId);
    const token = await tokenOf(row!.id as number);
    for (const path of [`/api/registrations/${token}`, `/api/registrations/${token}/data`, `/api/registrations/${token}/nothing-here`]) {
      await (await SELF.fetch(`https://zusammen.test${path}`)).arrayBuffer();
    }
    await (await SELF.fetch(`https://zusammen.test/api/registrations/${token}/confirm`, { method: "POST" })).arrayBuffer();
    // A failing request logs its error with the route, not the path.
    await (await SELF.fetch(`https://zusammen.test/api/registrations/${token}/erase`, { method: "POST", headers: { "content-type": "application/json" }, body: "{" })).arrayBuffer();
    vi.restoreAllMocks();

    const requests = lines.filter((l) => l.includes('"message":"request"')).map((l) => JSON.parse(l));
    expect(requests.length).toBeGreaterThanOrEqual(6);
    for (const entry of requests) {
      expect(Object.keys(entry).sort()).toEqual(["level", "message", "method", "ms", "requestId", "route", "status"]);
      expect(entry.ms).toBeGreaterThanOrEqual(0);
    }
    expect(requests.map((r) => r.route)).toEqual(
      expect.arrayContaining(["/api/events/:slug/registrations", "/api/registrations/:token", "/api/registrations/:token/data", "/api/registrations/:token/confirm"]),
    );
    const all = lines.join("\n");
    for (const secret of [person.name, person.email, "svetlana", token]) expect(all.toLowerCase()).not.toContain(secret.toLowerCase());
  });

  it("addresses are redacted even where a message quotes one", () => {
    expect(redactEmails('550 5.1.1 <amira.h@example.org>: unknown "x@y.de"')).toBe('550 5.1.1 <[email]>: unknown "[email]"');
  });
});

describe("GET /api/console/status", () => {
  it("shows the outbox backlog, failures without addresses, the jobs' last runs and hints — to administrators only", async () => {
    const { slug } = await createEvent();
    await register(slug, participant(1, { email: "status.person@example.org" }));
    await waitForMail("status.person@example.org");
    const now = Date.now();
    await env.DB.prepare(
      `INSERT INTO outbox (id, template, to_address, locale, status, attempts, last_error, created_at, updated_at)
       VALUES ('failed-1', 'confirmed', 'bounce.me@example.org', 'de', 'failed', 12, 'gave up after 12 attempts: 422 validation_error: Invalid to: bounce.me@example.org', ?1, ?1),
              ('queued-1', 'reminder', 'later@example.org', 'de', 'queued', 4, '503 application_error', ?2, ?2)`,
    ).bind(now - 60_000, now - 30 * 60_000).run();
    await runScheduledJobs(context(now - 10 * 60_000));

    const admin = await createStaff({ isAdmin: true });
    const response = await consoleFetch(admin, "GET", "/api/console/status");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const text = await response.text();
    const { status } = JSON.parse(text);
    expect(status.outbox.byStatus).toMatchObject({ failed: 1, queued: 1 });
    expect(status.outbox.oldestWaitingMinutes).toBeGreaterThanOrEqual(30);
    expect(status.failures[0]).toMatchObject({ id: "failed-1", template: "confirmed", attempts: 12 });
    expect(status.failures[0].error).toContain("[email]");
    expect(status.jobs.map((j: any) => j.job)).toEqual(expect.arrayContaining(["minutely", "retention"]));
    expect(status.hints.map((h: any) => h.code)).toEqual(expect.arrayContaining(["cron_stale", "mail_retrying", "mail_given_up", "mail_backlog_old"]));
    for (const address of ["bounce.me@example.org", "later@example.org", "status.person@example.org"]) expect(text).not.toContain(address);

    const organiser = await createStaff({ role: "organiser" });
    expect((await consoleFetch(organiser, "GET", "/api/console/status")).status).toBe(403);
    expect((await consoleFetch(null, "GET", "/api/console/status")).status).toBe(401);
  });
});
