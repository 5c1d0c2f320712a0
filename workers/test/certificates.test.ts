/**
 * Certificates: the rules across their edges, issuing to all eligible (once), the emails,
 * the participant's PDF, verification (valid, revoked, unknown, tampered), revoke and reissue.
 */
import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { CertificateRule } from "../../db/schema";
import { eligibility, type SessionSpan } from "../src/domain/certificates/rules";
import { checkInCode, newCertificateCode, readCertificateCode } from "../src/lib/tokens";
import { consoleFetch, createEvent, createStaff, participant, register, rows, tokenOf, waitForMail } from "./fixtures";

const HOUR = 3_600_000;
const DAY = 86_400_000;

describe("certificate rules", () => {
  const start = Date.UTC(2026, 4, 5, 15);
  // Three dates: 2 h, 2 h, 4 h (8 hours in all).
  const sessions: SessionSpan[] = [
    { id: 1, startsAt: start, endsAt: start + 2 * HOUR, cancelledAt: null },
    { id: 2, startsAt: start + 7 * DAY, endsAt: start + 7 * DAY + 2 * HOUR, cancelledAt: null },
    { id: 3, startsAt: start + 14 * DAY, endsAt: start + 14 * DAY + 4 * HOUR, cancelledAt: null },
  ];
  // Judged after the last date: every date has ended.
  const after = start + 30 * DAY;
  const check = (rule: CertificateRule | null, attended: number[], list = sessions, confirmed = true, now = after) => eligibility(rule, list, new Set(attended), confirmed, now);

  it("none: nobody", () => {
    expect(check({ kind: "none" }, [1, 2, 3])).toMatchObject({ eligible: false, reason: { key: "certificate.why.no_rule" } });
    expect(check(null, [1, 2, 3]).eligible).toBe(false);
  });

  it("every date: all three, not two", () => {
    expect(check({ kind: "all_sessions" }, [1, 2, 3])).toMatchObject({ eligible: true, attended: 3, total: 3, required: 3 });
    expect(check({ kind: "all_sessions" }, [1, 3])).toMatchObject({
      eligible: false,
      reason: { key: "certificate.why.sessions_short", params: { attended: 2, total: 3, required: 3 } },
    });
  });

  it("at least N: exactly N is enough, one short is not", () => {
    expect(check({ kind: "min_sessions", sessions: 2 }, [2, 3])).toMatchObject({ eligible: true, required: 2 });
    expect(check({ kind: "min_sessions", sessions: 2 }, [3])).toMatchObject({ eligible: false, reason: { params: { attended: 1, total: 3, required: 2 } } });
    expect(check({ kind: "min_sessions", sessions: 3 }, [1, 2])).toMatchObject({ eligible: false });
  });

  it("a date the organiser cancelled counts for nobody and against nobody", () => {
    const cancelled = sessions.map((s) => (s.id === 2 ? { ...s, cancelledAt: start } : s));
    // Every date: the two that take place are enough.
    expect(check({ kind: "all_sessions" }, [1, 3], cancelled)).toMatchObject({ eligible: true, attended: 2, total: 2 });
    // At least 3 of what became 2 dates: both remaining are asked for, no more.
    expect(check({ kind: "min_sessions", sessions: 3 }, [1, 3], cancelled)).toMatchObject({ eligible: true, required: 2 });
    expect(check({ kind: "min_sessions", sessions: 3 }, [1], cancelled)).toMatchObject({ eligible: false, required: 2 });
    // A check-in on the cancelled date (before it was cancelled) does not count.
    expect(check({ kind: "min_sessions", sessions: 2 }, [1, 2], cancelled)).toMatchObject({ eligible: false, attended: 1 });
    // Hours: 6 h take place; 4 h attended is 66 %.
    expect(check({ kind: "min_hours_percent", percent: 66 }, [3], cancelled)).toMatchObject({ eligible: true, percent: 66 });
  });

  it("at least X % of the hours: exactly X is enough, just below is not", () => {
    expect(check({ kind: "min_hours_percent", percent: 50 }, [3])).toMatchObject({ eligible: true, percent: 50, attendedMinutes: 240, totalMinutes: 480 });
    expect(check({ kind: "min_hours_percent", percent: 51 }, [3])).toMatchObject({
      eligible: false,
      reason: { key: "certificate.why.hours_short", params: { percent: 50, required: 51 } },
    });
    expect(check({ kind: "min_hours_percent", percent: 75 }, [1, 3])).toMatchObject({ eligible: true, percent: 75 });
    expect(check({ kind: "min_hours_percent", percent: 1 }, [])).toMatchObject({ eligible: false });
  });

  it("only dates that have ended count: nothing for what has not happened yet", () => {
    // During the second date: it has not ended; the third is still to come.
    const during = start + 7 * DAY + HOUR;
    expect(check({ kind: "all_sessions" }, [1, 2, 3], sessions, true, during)).toMatchObject({
      eligible: false,
      attended: 1,
      reason: { key: "certificate.why.pending", params: { attended: 1, total: 3, required: 3, pending: 2 } },
    });
    // At least 1 of 3: the first date has ended, that is enough.
    expect(check({ kind: "min_sessions", sessions: 1 }, [1, 2], sessions, true, during)).toMatchObject({ eligible: true, attended: 1 });
    // Hours: a check-in for the running date counts no minutes yet.
    expect(check({ kind: "min_hours_percent", percent: 50 }, [2, 3], sessions, true, during)).toMatchObject({ eligible: false, attendedMinutes: 0 });
    // Once the series is over, the same check-ins count.
    expect(check({ kind: "all_sessions" }, [1, 2, 3])).toMatchObject({ eligible: true, attended: 3 });
  });

  it("only confirmed registrations, and only events with a date", () => {
    expect(check({ kind: "all_sessions" }, [1, 2, 3], sessions, false)).toMatchObject({ eligible: false, reason: { key: "certificate.why.not_confirmed" } });
    const none = sessions.map((s) => ({ ...s, cancelledAt: start }));
    expect(check({ kind: "all_sessions" }, [], none)).toMatchObject({ eligible: false, reason: { key: "certificate.why.no_dates" } });
  });
});

describe("certificate codes", () => {
  it("are short, random and carry check characters: a changed character fails", async () => {
    const code = await newCertificateCode(env);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(await newCertificateCode(env)).not.toBe(code);
    expect(await readCertificateCode(env, code.toLowerCase().replace(/-/g, " "))).toBe(code);
    const last = code.at(-1)!;
    expect(await readCertificateCode(env, code.slice(0, -1) + (last === "0" ? "1" : "0"))).toBeNull();
    const first = code[0]!;
    expect(await readCertificateCode(env, (first === "2" ? "3" : "2") + code.slice(1))).toBeNull();
    expect(await readCertificateCode(env, "x")).toBeNull();
  });
});

/**
 * A series of three 2-hour dates with the given rule; returns ids, and `happened()`, which
 * moves the dates three, two and one week into the past (after people registered), so that
 * attendance can be recorded (afterwards, by an organiser) and counts.
 */
async function series(rule: CertificateRule, organiser: Awaited<ReturnType<typeof createStaff>>) {
  const { slug, eventId } = await createEvent({ capacity: 20, startsAt: Date.now() + 7 * DAY });
  await env.DB.prepare(`UPDATE events SET format = 'series', allow_late_registration = 1 WHERE id = ?1`).bind(eventId).run();
  await env.DB.prepare(`UPDATE sessions SET ends_at = starts_at + ?2 WHERE event_id = ?1`).bind(eventId, 2 * HOUR).run();
  for (const weeks of [2, 3]) {
    const at = Date.now() + weeks * 7 * DAY;
    await env.DB.prepare(`INSERT INTO sessions (event_id, starts_at, ends_at) VALUES (?1, ?2, ?3)`).bind(eventId, at, at + 2 * HOUR).run();
  }
  const sessions = (await rows(`SELECT id FROM sessions WHERE event_id = ?1 ORDER BY starts_at`, eventId)).map((r) => Number(r.id));
  const saved = await consoleFetch(organiser, "PUT", `/api/console/events/${eventId}/certificate-settings`, {
    rule,
    signer: { name: "Dr. Leyla Demir", role: "Leiterin des Kommunalen Integrationszentrums" },
  });
  expect(saved.status).toBe(200);
  const happened = async () => {
    for (const [i, id] of sessions.entries()) {
      const at = Date.now() - (3 - i) * 7 * DAY;
      await env.DB.prepare(`UPDATE sessions SET starts_at = ?2, ends_at = ?3 WHERE id = ?1`).bind(id, at, at + 2 * HOUR).run();
    }
  };
  return { slug, eventId, sessions, happened };
}

async function attend(organiser: Awaited<ReturnType<typeof createStaff>>, eventId: number, registrationId: number, sessionIds: number[]) {
  for (const sessionId of sessionIds) {
    const response = await consoleFetch(organiser, "POST", `/api/console/events/${eventId}/checkin/scan`, { code: await checkInCode(env, registrationId), sessionId });
    expect(((await response.json()) as any).outcome).toBe("checked_in");
  }
}

async function idOf(email: string) {
  return Number((await rows(`SELECT id FROM registrations WHERE email = ?1`, email))[0]!.id);
}

describe("issuing certificates", () => {
  it("shows who is eligible and why not, issues to all eligible once, and emails them", async () => {
    const organiser = await createStaff({ role: "organiser" });
    const { slug, eventId, sessions, happened } = await series({ kind: "min_sessions", sessions: 3 }, organiser);
    await register(slug, participant(1, { name: "Ğül Öztürk", email: "gul@example.org", locale: "tr" }));
    await register(slug, participant(2, { name: "Олена Коваленко", email: "olena@example.org", locale: "uk" }));
    await register(slug, participant(3, { name: "محمد الأحمد", email: "mohammed@example.org", locale: "ar" }));
    await happened();
    await attend(organiser, eventId, await idOf("gul@example.org"), sessions);
    await attend(organiser, eventId, await idOf("olena@example.org"), sessions);
    await attend(organiser, eventId, await idOf("mohammed@example.org"), sessions.slice(0, 2));

    const overview = (await (await consoleFetch(organiser, "GET", `/api/console/events/${eventId}/certificates`)).json()) as any;
    expect(overview.settings.rule).toEqual({ kind: "min_sessions", sessions: 3 });
    expect(overview.eligible).toBe(2);
    const byName = Object.fromEntries(overview.registrations.map((r: any) => [r.name, r]));
    expect(byName["محمد الأحمد"]).toMatchObject({ eligible: false, why: "2 von 3 Terminen, benötigt 3", certificate: null });
    expect(byName["Ğül Öztürk"]).toMatchObject({ eligible: true });
    const english = (await (await consoleFetch(organiser, "GET", `/api/console/events/${eventId}/certificates?locale=en`)).json()) as any;
    expect(english.registrations.find((r: any) => !r.eligible).why).toBe("2 of 3 dates, needs 3");

    const issued = await consoleFetch(organiser, "POST", `/api/console/events/${eventId}/certificates/issue`, {});
    expect(await issued.json()).toEqual({ issued: 2, eligible: 2 });
    const again = await consoleFetch(organiser, "POST", `/api/console/events/${eventId}/certificates/issue`, {});
    expect(await again.json()).toEqual({ issued: 0, eligible: 2 });

    const certificates = await rows(`SELECT code, facts FROM certificates WHERE event_id = ?1 ORDER BY id`, eventId);
    expect(certificates).toHaveLength(2);
    const facts = JSON.parse(String(certificates[0]!.facts));
    expect(facts).toMatchObject({ name: "Ğül Öztürk", hours: 6, organiser: "Kommunales Integrationszentrum Test", locale: "tr", signer: { name: "Dr. Leyla Demir" } });
    expect(facts.dates).toHaveLength(3);
    expect(await rows(`SELECT template, to_address AS "to" FROM outbox WHERE template = 'certificate_issued' ORDER BY to_address`)).toEqual([
      { template: "certificate_issued", to: "gul@example.org" },
      { template: "certificate_issued", to: "olena@example.org" },
    ]);
    const [mail] = await waitForMail("olena@example.org", 2);
    expect(mail!.text).toMatch(/\/manage#/);

    // The participant downloads it through the manage link.
    const about = await SELF.fetch(`https://zusammen.test/api/registrations/${await tokenOf(await idOf("olena@example.org"))}/certificate`);
    expect(((await about.json()) as any).certificate).toMatchObject({ code: expect.stringMatching(/^[0-9A-Z]{4}-/), verifyUrl: expect.stringContaining("/verify/") });
    const pdf = await SELF.fetch(`https://zusammen.test/api/registrations/${await tokenOf(await idOf("olena@example.org"))}/certificate.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(new TextDecoder().decode(new Uint8Array(await pdf.arrayBuffer()).slice(0, 5))).toBe("%PDF-");
    // Many at once in one isolate (fontkit's stream shim is module-wide: see documents/fonts.ts savePdf).
    const tokens = [await tokenOf(await idOf("olena@example.org")), await tokenOf(await idOf("gul@example.org"))];
    const many = await Promise.all(Array.from({ length: 8 }, (_, i) => SELF.fetch(`https://zusammen.test/api/registrations/${tokens[i % 2]}/certificate.pdf`)));
    expect(many.map((r) => r.status)).toEqual(Array(8).fill(200));
    for (const r of many) expect((await r.arrayBuffer()).byteLength).toBeGreaterThan(5000);
    const none = await SELF.fetch(`https://zusammen.test/api/registrations/${await tokenOf(await idOf("mohammed@example.org"))}/certificate.pdf`);
    expect(none.status).toBe(404);
  });

  it("settings: bad input names the field; a helper may not change them or issue", async () => {
    const organiser = await createStaff({ role: "organiser" });
    const { eventId } = await createEvent();
    const bad = await consoleFetch(organiser, "PUT", `/api/console/events/${eventId}/certificate-settings`, {
      rule: { kind: "min_sessions", sessions: 0 },
      signer: { name: "", role: "Leitung" },
    });
    expect(bad.status).toBe(422);
    expect(Object.keys(((await bad.json()) as any).error.fields).sort()).toEqual(["rule.sessions", "signer.name"]);
    const helper = await createStaff({ role: "checkin_helper", assignedEventIds: [eventId] });
    expect((await consoleFetch(helper, "PUT", `/api/console/events/${eventId}/certificate-settings`, { rule: { kind: "all_sessions" }, signer: null })).status).toBe(403);
    expect((await consoleFetch(helper, "POST", `/api/console/events/${eventId}/certificates/issue`, {})).status).toBe(403);
    const stranger = await createStaff({ role: "organiser", organisationId: 2 });
    expect((await consoleFetch(stranger, "GET", `/api/console/events/${eventId}/certificates`)).status).toBe(404);
    expect(await (await consoleFetch(organiser, "GET", `/api/console/events/${eventId}/certificate-settings`)).json()).toEqual({ rule: { kind: "none" }, signer: null });
  });
});

describe("only for what happened", () => {
  it("refuses certificates for dates not yet ended; once ended, the issue date is the day it is issued, after the last date", async () => {
    const organiser = await createStaff({ role: "organiser" });
    // One date, running now (check-in is open).
    const { slug, eventId } = await createEvent({ capacity: 5, startsAt: Date.now() + 20 * 60_000 });
    const [session] = await rows(`SELECT id FROM sessions WHERE event_id = ?1`, eventId);
    const sessionId = Number(session!.id);
    await consoleFetch(organiser, "PUT", `/api/console/events/${eventId}/certificate-settings`, { rule: { kind: "all_sessions" }, signer: null });
    await register(slug, participant(1, { name: "Noch Nicht", email: `early-${eventId}@example.org` }));
    const id = await idOf(`early-${eventId}@example.org`);
    await env.DB.prepare(`UPDATE sessions SET starts_at = ?2, ends_at = ?3 WHERE id = ?1`).bind(sessionId, Date.now() - HOUR, Date.now() + HOUR).run();
    await attend(organiser, eventId, id, [sessionId]);

    const overview = (await (await consoleFetch(organiser, "GET", `/api/console/events/${eventId}/certificates`)).json()) as any;
    expect(overview.registrations[0]).toMatchObject({ eligible: false, reason: { key: "certificate.why.pending" } });
    expect(await (await consoleFetch(organiser, "POST", `/api/console/events/${eventId}/certificates/issue`, {})).json()).toEqual({ issued: 0, eligible: 0 });
    expect(await rows(`SELECT COUNT(*) AS n FROM certificates WHERE event_id = ?1`, eventId)).toEqual([{ n: 0 }]);

    // The date ends: now it counts.
    const endedAt = Date.now() - 60_000;
    await env.DB.prepare(`UPDATE sessions SET ends_at = ?2 WHERE id = ?1`).bind(sessionId, endedAt).run();
    expect(await (await consoleFetch(organiser, "POST", `/api/console/events/${eventId}/certificates/issue`, {})).json()).toEqual({ issued: 1, eligible: 1 });
    const [certificate] = await rows(`SELECT issued_at AS issuedAt, facts FROM certificates WHERE event_id = ?1`, eventId);
    expect(Number(certificate!.issuedAt)).toBeGreaterThanOrEqual(endedAt);
    expect(Math.abs(Number(certificate!.issuedAt) - Date.now())).toBeLessThan(60_000);
    expect(JSON.parse(String(certificate!.facts)).dates).toHaveLength(1);
  });
});

describe("verification", () => {
  it("valid, revoked, unknown and tampered codes; reissue after a name correction", async () => {
    const organiser = await createStaff({ role: "organiser" });
    const { slug, eventId, sessions, happened } = await series({ kind: "all_sessions" }, organiser);
    await register(slug, participant(1, { name: "Amira Haddad", email: "amira@example.org" }));
    await happened();
    await attend(organiser, eventId, await idOf("amira@example.org"), sessions);
    await consoleFetch(organiser, "POST", `/api/console/events/${eventId}/certificates/issue`, {});
    const { id, code } = (await rows(`SELECT id, code FROM certificates WHERE event_id = ?1`, eventId))[0] as { id: number; code: string };

    const verify = (value: string) => SELF.fetch(`https://zusammen.test/api/certificates/${encodeURIComponent(value)}`);
    const valid = (await (await verify(code.toLowerCase())).json()) as any;
    expect(valid.certificate).toMatchObject({ status: "valid", code, facts: { name: "Amira Haddad", hours: 6, signer: { role: "Leiterin des Kommunalen Integrationszentrums" } } });
    expect(Object.keys(valid.certificate.facts).sort()).toEqual(["dates", "eventTitle", "hours", "name", "organiser", "signer"]);

    const tampered = code.slice(0, -1) + (code.endsWith("0") ? "1" : "0");
    expect((await verify(tampered)).status).toBe(404);
    expect((await verify("ABCD-EFGH-JKMN-PQRS")).status).toBe(404);
    expect((await verify((await newCertificateCode(env)).toString())).status).toBe(404); // genuine form, never issued

    // A name correction: the old code is revoked, the new one shows the new name.
    await env.DB.prepare(`UPDATE registrations SET name = 'Amira Haddad-Nasser' WHERE email = 'amira@example.org'`).run();
    const reissued = await consoleFetch(organiser, "POST", `/api/console/events/${eventId}/certificates/${id}/reissue`, {});
    expect(reissued.status).toBe(201);
    const fresh = ((await reissued.json()) as any).certificate;
    expect(fresh.code).not.toBe(code);
    const old = (await (await verify(code)).json()) as any;
    expect(old.certificate).toEqual({ status: "revoked", code, issuedAt: expect.any(String), revokedAt: expect.any(String) });
    expect(((await (await verify(fresh.code)).json()) as any).certificate.facts.name).toBe("Amira Haddad-Nasser");
    await waitForMail("amira@example.org", 3);

    const revoke = await consoleFetch(organiser, "POST", `/api/console/events/${eventId}/certificates/${fresh.id}/revoke`, { reason: "Issued in error" });
    expect(revoke.status).toBe(200);
    expect(((await (await verify(fresh.code)).json()) as any).certificate.status).toBe("revoked");
    expect((await consoleFetch(organiser, "POST", `/api/console/events/${eventId}/certificates/${fresh.id}/revoke`, { reason: "again" })).status).toBe(409);
    expect((await SELF.fetch(`https://zusammen.test/api/registrations/${await tokenOf(await idOf("amira@example.org"))}/certificate.pdf`)).status).toBe(404);
    expect((await rows(`SELECT action FROM audit_log WHERE event_id = ?1 AND action LIKE 'certificate.%' ORDER BY id`, eventId)).map((r) => r.action)).toEqual([
      "certificate.settings_changed",
      "certificate.issued",
      "certificate.reissued",
      "certificate.revoked",
    ]);
  });

  it("/verify/{code} serves the verification page", async () => {
    const page = await SELF.fetch("https://zusammen.test/verify/7K3M-Q9XD-2RTB-HW4E");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("<title>Bescheinigung prüfen");
  });
});
