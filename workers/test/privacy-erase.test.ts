/**
 * Erasure: by the participant (manage link or data-access link) across all events, and by
 * organisers on request within their organisations. Open registrations are cancelled first
 * and the waitlist is served; afterwards no table holds anything of the person (the test
 * walks every table and every column), except — by default — a certificate's verification
 * facts, which lose their link to the person.
 */
import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { suppressionFor } from "../src/domain/mail/suppressions";
import { consoleFetch, createEvent, createStaff, participant, register, rows, statusCounts, tokenOf, waitForMail } from "./fixtures";
import { dataLinkIn, findEverywhere, issueCertificate, verify } from "./privacy-helpers";

const questions = [{ id: "note", type: "short_text" as const, required: false, label: { de: "Hinweis" } }];

function erase(token: string, body: unknown = { confirm: true }) {
  return SELF.fetch(`https://zusammen.test/api/registrations/${token}/erase`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

async function idOf(eventId: number, email: string): Promise<number> {
  const [row] = await rows(`SELECT id FROM registrations WHERE event_id = ?1 AND email_normalized = ?2 AND parent_id IS NULL`, eventId, email.toLowerCase());
  return row!.id as number;
}

/** A person with a confirmed place (someone waiting behind them), a waitlist place elsewhere, answers, needs, emails, a certificate, a bounce record and a data-access email. */
async function personEverywhere(tag: string) {
  const person = { name: `Selin Loeschen ${tag}`, email: `selin-${tag}@example.org` };
  const full = await createEvent({ capacity: 1, questions });
  const busy = await createEvent({ capacity: 1 });
  await register(busy.slug, participant(1, { email: `vorher-${tag}@example.org` }));
  await register(full.slug, participant(1, { ...person, answers: { note: `Antwort-${tag}` }, needs: { accessibility: `Rampe-${tag}` } }));
  await register(full.slug, participant(2, { name: `Wartende ${tag}`, email: `wartend-${tag}@example.org` }));
  await register(busy.slug, participant(3, person));
  const id = await idOf(full.eventId, person.email);
  const code = await issueCertificate(id, full.eventId, person.name);
  await SELF.fetch("https://zusammen.test/api/privacy/requests", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: person.email, locale: "de" }),
  });
  await waitForMail(person.email, 3);
  // A later bounce (it would have stopped the emails above).
  await env.DB.prepare(`INSERT INTO email_suppressions (email_normalized, reason, detail) VALUES (?1, 'bounce', ?2)`).bind(person.email, `550 ${person.email} unknown`).run();
  return { person, full, busy, id, code, needles: [person.name, person.email, `Antwort-${tag}`, `Rampe-${tag}`] };
}

describe("POST /api/registrations/{token}/erase", () => {
  it("cancels, serves the waitlist, and leaves nothing of the person in any table (certificates deleted on request)", async () => {
    const { person, full, busy, id, code, needles } = await personEverywhere("a");
    const token = await tokenOf(id);
    const response = await erase(token, { confirm: true, deleteCertificates: true });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const { erased } = (await response.json()) as any;
    expect(erased).toMatchObject({ registrations: 2, cancelled: 2, promoted: 1, certificatesDeleted: 1 });

    expect(await findEverywhere(needles)).toEqual([]);
    // The bounce record outlives the address as a keyed hash: mail to it is still not sent.
    expect(await suppressionFor(env, person.email)).toMatchObject({ reason: "bounce", detail: "550 [email] unknown" });
    // The next in line got the place; counts stay right.
    expect(await statusCounts(full.eventId)).toEqual({ cancelled: { count: 1, places: 1 }, confirmed: { count: 1, places: 1 } });
    expect(await statusCounts(busy.eventId)).toEqual({ confirmed: { count: 1, places: 1 }, cancelled: { count: 1, places: 1 } });
    expect((await verify(code)).status).toBe(404);
    // The links stop working.
    expect((await SELF.fetch(`https://zusammen.test/api/registrations/${token}`)).status).toBe(404);
    expect((await erase(token)).status).toBe(404);
    const [audit] = await rows(`SELECT actor, details FROM audit_log WHERE action = 'person.erased' ORDER BY id DESC LIMIT 1`);
    expect(audit!.actor).toBe("participant");
    expect(String(audit!.details)).not.toContain(person.email);
  });

  it("by default keeps the certificate verifiable, without its link to the person", async () => {
    const { person, id, code, needles } = await personEverywhere("b");
    // Through the emailed data-access link this time.
    const mails = await waitForMail(person.email, 3);
    const link = mails.map((m) => dataLinkIn(m.text)).find(Boolean)!;
    expect((await erase(link)).status).toBe(200);
    expect(await findEverywhere(needles, (table, column) => table === "certificates" && column === "facts")).toEqual([]);
    const verified = await verify(code);
    expect(verified.body.certificate).toMatchObject({ status: "valid", facts: { name: person.name } });
    expect(await rows(`SELECT registration_id FROM certificates WHERE code = ?1`, code)).toEqual([{ registration_id: null }]);
    expect((await SELF.fetch(`https://zusammen.test/api/registrations/${link}/data`)).status).toBe(404);
    expect(id).toBeGreaterThan(0);
  });

  it("needs an explicit confirmation and a real link", async () => {
    const event = await createEvent();
    await register(event.slug, participant(1, { email: "vorsicht@example.org" }));
    const token = await tokenOf(await idOf(event.eventId, "vorsicht@example.org"));
    expect((await erase(token, {})).status).toBe(422);
    expect((await erase("A".repeat(43))).status).toBe(404);
    expect((await rows(`SELECT anonymised_at FROM registrations WHERE event_id = ?1`, event.eventId))[0]!.anonymised_at).toBeNull();
  });
});

describe("POST /api/console/people/erase", () => {
  async function twoOrganisations(tag: string) {
    const email = `zwei-orgs-${tag}@example.org`;
    const mine = await createEvent();
    const theirs = await createEvent();
    await env.DB.prepare(`INSERT OR IGNORE INTO organisations (id, slug, name) VALUES (2, 'other-org', 'Anderes Amt')`).run();
    await env.DB.prepare(`UPDATE events SET organisation_id = 2 WHERE id = ?1`).bind(theirs.eventId).run();
    await register(mine.slug, participant(1, { name: `Zwei Orgs ${tag}`, email }));
    await register(theirs.slug, participant(1, { name: `Zwei Orgs ${tag}`, email }));
    return { email, mine, theirs };
  }

  it("erases within the organiser's organisations only, and logs who did it", async () => {
    const { email, mine, theirs } = await twoOrganisations("a");
    const organiser = await createStaff({ role: "organiser", organisationId: 1 });
    const response = await consoleFetch(organiser, "POST", "/api/console/people/erase", { email: email.toUpperCase() });
    expect(response.status).toBe(200);
    expect(((await response.json()) as any).erased).toMatchObject({ registrations: 1, cancelled: 1 });
    expect((await rows(`SELECT name FROM registrations WHERE event_id = ?1`, mine.eventId))[0]!.name).toBe("");
    expect((await rows(`SELECT name FROM registrations WHERE event_id = ?1`, theirs.eventId))[0]!.name).toBe("Zwei Orgs a");
    const [audit] = await rows(`SELECT actor, details FROM audit_log WHERE action = 'person.erased' ORDER BY id DESC LIMIT 1`);
    expect(audit!.actor).toBe(`user:${organiser.userId}`);
    expect(JSON.parse(String(audit!.details))).toMatchObject({ registrations: 1, organisationIds: [1] });
    expect(String(audit!.details)).not.toContain(email);
  });

  it("administrators erase across all organisations; helpers and outsiders may not", async () => {
    const { email, theirs } = await twoOrganisations("b");
    const helper = await createStaff({ role: "checkin_helper", organisationId: 1 });
    expect((await consoleFetch(helper, "POST", "/api/console/people/erase", { email })).status).toBe(403);
    const organiser = await createStaff({ role: "organiser", organisationId: 1 });
    expect((await consoleFetch(organiser, "POST", "/api/console/people/erase", { email, organisationId: 2 })).status).toBe(404);
    expect((await consoleFetch(null, "POST", "/api/console/people/erase", { email })).status).toBe(401);
    expect((await consoleFetch(organiser, "POST", "/api/console/people/erase", { email: "kaputt" })).status).toBe(422);
    const admin = await createStaff({ isAdmin: true });
    const response = await consoleFetch(admin, "POST", "/api/console/people/erase", { email });
    expect(((await response.json()) as any).erased).toMatchObject({ registrations: 2 });
    expect((await rows(`SELECT name FROM registrations WHERE event_id = ?1`, theirs.eventId))[0]!.name).toBe("");
    expect(await findEverywhere([email, "Zwei Orgs b"])).toEqual([]);
  });
});
