/**
 * The minutely run: a job that throws does not stop the jobs after it, and each job's last
 * run (time, duration, outcome, error) is recorded and shown on the status page.
 */
import { env } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { runScheduledJobs, SCHEDULED_JOBS } from "../src/domain/scheduled";
import { consoleFetch, context, createStaff, rows } from "./fixtures";

afterEach(() => {
  vi.restoreAllMocks();
});

/** The real jobs, with one of them failing the way a D1 overload would. */
function withFailing(name: string) {
  return SCHEDULED_JOBS.map(([job, run]) => [job, job === name ? () => Promise.reject(new Error("D1_ERROR: overloaded")) : run] as const);
}

describe("the scheduled run", () => {
  it("goes on with the other jobs when one throws, and records each job's outcome", async () => {
    const now = Date.now();
    // Work for two jobs after the failing one: a mail whose enqueue was lost, a suppression from before the hash.
    await env.DB.prepare(
      `INSERT INTO outbox (id, template, to_address, locale, status, created_at, updated_at) VALUES ('lost-enqueue', 'login_link', 'x@example.org', 'de', 'queued', ?1, ?1)`,
    )
      .bind(now - 10 * 60_000)
      .run();
    await env.DB.prepare(`INSERT INTO email_suppressions (email_normalized, reason) VALUES ('old.record@example.org', 'bounce')`).run();
    const send = vi.spyOn(env.MAIL_QUEUE, "sendBatch").mockResolvedValue(undefined as never);

    const result = await runScheduledJobs(context(now), withFailing("waitlists"));

    expect(result.waitlists).toEqual({ error: expect.stringContaining("D1_ERROR: overloaded") });
    expect(result.outbox).toBe(1);
    expect(send.mock.calls.flatMap((c) => c[0] as { body: { outboxId: string } }[]).map((m) => m.body.outboxId)).toContain("lost-enqueue");
    expect(result.suppressions).toBe(1);
    expect(await rows(`SELECT COUNT(*) AS n FROM email_suppressions WHERE email_normalized IS NOT NULL`)).toEqual([{ n: 0 }]);

    const runs = Object.fromEntries(
      (await rows(`SELECT job, last_run_at AS at, outcome, last_error AS error, duration_ms AS durationMs, last_ok_at AS lastOkAt FROM job_runs`)).map((r) => [r.job, r]),
    );
    expect(Object.keys(runs).sort()).toEqual(["digests", "holds", "minutely", "offers", "outbox", "reminders", "retention", "statistics_facts", "suppressions", "waitlists"]);
    expect(runs.waitlists).toMatchObject({ at: now, outcome: "error", error: expect.stringContaining("overloaded"), lastOkAt: null });
    expect(runs.outbox).toMatchObject({ at: now, outcome: "ok", error: null, lastOkAt: now });
    expect(runs.minutely).toMatchObject({ outcome: "error", error: "failed: waitlists" });
    for (const run of Object.values(runs)) expect((run as { durationMs: number }).durationMs).toBeGreaterThanOrEqual(0);

    // The status page tells administrators which job failed and since when it last ran without error.
    const later = now + 60_000;
    await runScheduledJobs(context(later), withFailing("reminders"));
    const admin = await createStaff({ isAdmin: true });
    const { status } = (await (await consoleFetch(admin, "GET", "/api/console/status")).json()) as any;
    const jobs = Object.fromEntries(status.jobs.map((j: any) => [j.job, j]));
    expect(jobs.waitlists).toMatchObject({ outcome: "ok", error: null, lastOkAt: new Date(later).toISOString() });
    expect(jobs.reminders).toMatchObject({ outcome: "error", lastOkAt: new Date(now).toISOString() });
    expect(jobs.reminders.error).toContain("overloaded");
    expect(status.hints).toContainEqual({ code: "job_failing", job: "reminders", since: new Date(now).toISOString() });
    expect(status.hints.filter((h: any) => h.code === "job_failing")).toHaveLength(1);
  });
});
