/**
 * Retention by rule (invariant 7): registrations of an event whose last date ended more than
 * the organisation's retention_days ago come out anonymised — no name, email, answers,
 * needs — while certificates still verify, counts for statistics stay right, and nothing of
 * newer events is touched. Certificates go after certificate_retention_years.
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { runRetention } from "../src/domain/privacy/retention";
import { runScheduledJobs } from "../src/domain/scheduled";
import { context, createEvent, participant, register, rows, statusCounts, waitForMail } from "./fixtures";
import { DAY, endEventDaysAgo, findEverywhere, issueCertificate, verify } from "./privacy-helpers";

const questions = [{ id: "diet", type: "short_text" as const, required: false, label: { de: "Ernährung" } }];

async function registerPeople(slug: string, tag: string, count: number) {
  const people = [];
  for (let i = 1; i <= count; i++) {
    const person = { name: `Retention ${tag} ${i}`, email: `retention-${tag}-${i}@example.org` };
    const response = await register(
      slug,
      participant(i, { ...person, answers: { diet: `vegetarisch-${tag}-${i}` }, needs: { interpreter: `Arabisch-${tag}`, accessibility: `Rollstuhl-${tag}` } }),
    );
    expect(response.status).toBe(201);
    people.push(person);
  }
  return people;
}

describe("retention", () => {
  it("anonymises an event past the limit; certificates verify, counts stay, newer events untouched", async () => {
    const old = await createEvent({ capacity: 2, questions });
    const recent = await createEvent({ capacity: 5, questions });
    const oldPeople = await registerPeople(old.slug, "alt", 3); // 2 confirmed, 1 waitlisted
    const recentPeople = await registerPeople(recent.slug, "neu", 2);
    await waitForMail(oldPeople[0]!.email);
    const [first] = await rows(`SELECT id FROM registrations WHERE event_id = ?1 ORDER BY id LIMIT 1`, old.eventId);
    const code = await issueCertificate(first!.id as number, old.eventId, oldPeople[0]!.name);
    await endEventDaysAgo(old.eventId, 91);
    await endEventDaysAgo(recent.eventId, 89); // within the default 90 days
    const countsBefore = await statusCounts(old.eventId);

    const result = await runRetention(context(), { force: true });
    expect(result).toMatchObject({ registrations: 3, more: false });

    // Nothing of theirs is left anywhere, except the certificate's facts (kept for verification).
    const needles = oldPeople.flatMap((p) => [p.name, p.email]).concat(["vegetarisch-alt", "Arabisch-alt", "Rollstuhl-alt"]);
    expect(await findEverywhere(needles, (table, column) => table === "certificates" && column === "facts")).toEqual([]);
    const anonymised = await rows(`SELECT name, email, email_normalized, answers, needs, anonymised_at FROM registrations WHERE event_id = ?1`, old.eventId);
    for (const r of anonymised) {
      expect(r).toMatchObject({ name: "", email: "", answers: "{}", needs: "{}" });
      expect(r.email_normalized).toMatch(/^anonymised:/);
      expect(r.anonymised_at).toBeTypeOf("number");
    }
    const outbox = await rows(`SELECT o.to_address, o.data FROM outbox o JOIN registrations r ON r.id = o.registration_id WHERE r.event_id = ?1`, old.eventId);
    expect(outbox.length).toBeGreaterThan(0);
    expect(outbox.every((o) => o.to_address === "" && o.data === "{}")).toBe(true);

    // Statistics: the same counts by status and places.
    expect(await statusCounts(old.eventId)).toEqual(countsBefore);
    // The certificate still verifies with its facts.
    const verified = await verify(code);
    expect(verified.status).toBe(200);
    expect(verified.body.certificate).toMatchObject({ status: "valid", facts: { name: oldPeople[0]!.name, hours: 12 } });

    // The newer event keeps everything.
    const kept = await rows(`SELECT name, email, answers, anonymised_at FROM registrations WHERE event_id = ?1 ORDER BY id`, recent.eventId);
    expect(kept.map((r) => r.name)).toEqual(recentPeople.map((p) => p.name));
    expect(kept.every((r) => r.anonymised_at === null && String(r.answers).includes("vegetarisch-neu"))).toBe(true);

    // Counts are recorded in the audit log (job_runs is the scheduler's, see below).
    const [audit] = await rows(`SELECT details FROM audit_log WHERE action = 'retention.applied' ORDER BY id DESC LIMIT 1`);
    expect(JSON.parse(String(audit!.details))).toMatchObject({ registrations: 3 });
  });

  it("follows the organisation's own retention_days, and the old manage link stops working", async () => {
    await env.DB.prepare(`INSERT OR IGNORE INTO organisations (id, slug, name, retention_days) VALUES (7, 'short-org', 'Kurz', 30)`).run();
    const event = await createEvent({ capacity: 3 });
    await env.DB.prepare(`UPDATE events SET organisation_id = 7 WHERE id = ?1`).bind(event.eventId).run();
    await register(event.slug, participant(1, { email: "kurz@example.org" }));
    const [mail] = await waitForMail("kurz@example.org");
    const token = /\/manage#([A-Za-z0-9_-]{43})/.exec(mail!.text)![1]!;
    await endEventDaysAgo(event.eventId, 31);
    await runRetention(context(), { force: true });
    const [row] = await rows(`SELECT anonymised_at FROM registrations WHERE event_id = ?1`, event.eventId);
    expect(row!.anonymised_at).not.toBeNull();
    const { SELF } = await import("cloudflare:test");
    expect((await SELF.fetch(`https://zusammen.test/api/registrations/${token}`)).status).toBe(404);
    expect((await SELF.fetch(`https://zusammen.test/api/registrations/${token}/data`)).status).toBe(404);
  });

  it("deletes certificates after certificate_retention_years, and not before", async () => {
    const event = await createEvent();
    await register(event.slug, participant(1, { email: "zertifikat@example.org" }));
    const [reg] = await rows(`SELECT id FROM registrations WHERE event_id = ?1`, event.eventId);
    const oldCode = await issueCertificate(reg!.id as number, event.eventId, "Alt Zertifikat", Date.now() - 10.1 * 365.25 * DAY);
    const youngCode = await issueCertificate(reg!.id as number, event.eventId, "Jung Zertifikat", Date.now() - 9.9 * 365.25 * DAY);
    const result = await runRetention(context(), { force: true });
    expect(result).toMatchObject({ certificatesDeleted: 1 });
    expect((await verify(oldCode)).status).toBe(404);
    expect((await verify(youngCode)).status).toBe(200);
  });

  it("runs from the scheduled handler at most hourly, in bounded batches", async () => {
    const now = Date.now() + 2 * 3_600_000; // well after the forced runs above
    const first = await runScheduledJobs(context(now));
    expect(first.retention).not.toHaveProperty("skipped");
    const [run] = await rows(`SELECT last_run_at, last_result, outcome FROM job_runs WHERE job = 'retention'`);
    expect(run).toMatchObject({ last_run_at: now, outcome: "ok" });
    expect(JSON.parse(String(run!.last_result))).toEqual(first.retention);
    const second = await runScheduledJobs(context(now + 60_000));
    expect(second.retention).toEqual({ skipped: "not_due" });
    // A run that was not due is not a run: the row still tells of the last real one.
    expect((await rows(`SELECT last_run_at FROM job_runs WHERE job = 'retention'`))[0]).toEqual({ last_run_at: now });
    const later = await runScheduledJobs(context(now + 3_600_000 + 1));
    expect(later.retention).not.toHaveProperty("skipped");
  });
});
