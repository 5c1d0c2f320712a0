/**
 * Every participant link is bound to the address it was sent to (issue 17): a manage link, a
 * data-access link and the links inside emails stop opening a registration as soon as the
 * registration holds another address, however the address came to change.
 */
import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { deliverOutboxMessage } from "../src/domain/mail/deliver";
import { consoleFetch, createEvent, createStaff, participant, register, rows, tokenOf, waitForMail } from "./fixtures";
import { dataLinkIn } from "./privacy-helpers";

const base = "https://zusammen.test";
const getData = (token: string) => SELF.fetch(`${base}/api/registrations/${token}/data`);
const erase = (token: string) =>
  SELF.fetch(`${base}/api/registrations/${token}/erase`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ confirm: true }) });
const askForData = (email: string) =>
  SELF.fetch(`${base}/api/privacy/requests`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, locale: "de" }) });

async function registrationOf(eventId: number, email: string) {
  const [row] = await rows(
    `SELECT id, name, email, status, anonymised_at AS anonymisedAt FROM registrations WHERE event_id = ?1 AND email_normalized = ?2 AND parent_id IS NULL`,
    eventId,
    email.toLowerCase(),
  );
  return row!;
}

/** The newest data-access link that reached `to` (the dev mailbox). */
async function dataLinkSentTo(to: string, count: number): Promise<string> {
  const mails = await waitForMail(to, count);
  const link = mails.map((m) => dataLinkIn(m.text)).find(Boolean);
  expect(link, `a data-access link reached ${to}`).toBeTruthy();
  return link!;
}

/** Every manage token in the mail that reached `to`, as the dev mailbox shows it. */
async function manageTokensSentTo(to: string): Promise<string[]> {
  const response = await SELF.fetch(`${base}/api/dev/mailbox?to=${encodeURIComponent(to)}`);
  const { messages } = (await response.json()) as { messages: { text: string }[] };
  return messages.flatMap((m) => [...m.text.matchAll(/\/manage#([A-Za-z0-9_-]{43})/g)].map((match) => match[1]!));
}

describe("a data-access link opens only the address it was sent to", () => {
  it("an organiser who moves their own registration to another organisation's participant gets 404, and nothing changes", async () => {
    const tag = crypto.randomUUID().slice(0, 8);
    const attacker = await createStaff({ role: "organiser", organisationId: 1 });
    // The victim signed up with another organisation.
    const victimEvent = await createEvent();
    await env.DB.prepare(`UPDATE events SET organisation_id = 2 WHERE id = ?1`).bind(victimEvent.eventId).run();
    const victim = { name: `Opfer Geheim ${tag}`, email: `victim-${tag}@example.org` };
    expect((await register(victimEvent.slug, participant(1, victim))).status).toBe(201);
    // The organiser signs up for an event of their own organisation and asks for their data.
    const ownEvent = await createEvent();
    const own = `organiser-${tag}@example.org`;
    expect((await register(ownEvent.slug, participant(2, { email: own }))).status).toBe(201);
    expect((await askForData(own)).status).toBe(202);
    const link = await dataLinkSentTo(own, 2);
    expect((await getData(link)).status).toBe(200);
    const ownManageToken = await tokenOf(Number((await registrationOf(ownEvent.eventId, own)).id));

    // Then changes their own registration's address to the victim's, in the console.
    const { id } = await registrationOf(ownEvent.eventId, own);
    const edited = await consoleFetch(attacker, "PATCH", `/api/console/registrations/${id}`, { email: victim.email });
    expect(edited.status).toBe(200);

    for (const token of [link, ownManageToken]) {
      const data = await getData(token);
      expect(data.status, `GET data with ${token.slice(0, 3)}…`).toBe(404);
      expect(await data.text()).not.toContain(victim.name);
      expect((await erase(token)).status, `erase with ${token.slice(0, 3)}…`).toBe(404);
    }
    expect(await registrationOf(victimEvent.eventId, victim.email)).toMatchObject({ name: victim.name, email: victim.email, status: "confirmed", anonymisedAt: null });
  });

  it("an honest typo correction: the holder of the wrong address can no longer open the data", async () => {
    const event = await createEvent();
    const organiser = await createStaff({ role: "organiser", organisationId: 1 });
    const typo = `ayse.yilmas-${crypto.randomUUID().slice(0, 6)}@example.org`;
    expect((await register(event.slug, participant(1, { name: "Ayşe Yılmaz", email: typo }))).status).toBe(201);
    expect((await askForData(typo)).status).toBe(202);
    const link = await dataLinkSentTo(typo, 2);
    const { id } = await registrationOf(event.eventId, typo);
    const right = typo.replace("yilmas", "yilmaz");
    expect((await consoleFetch(organiser, "PATCH", `/api/console/registrations/${id}`, { email: right })).status).toBe(200);
    expect((await getData(link)).status).toBe(404);
    // The right person asks and gets their own link, which works.
    expect((await askForData(right)).status).toBe(202);
    const rightLink = await dataLinkSentTo(right, 2);
    const response = await getData(rightLink);
    expect(response.status).toBe(200);
    expect(((await response.json()) as any).data.registrations[0].name).toBe("Ayşe Yılmaz");
  });
});

describe("links in emails follow the address", () => {
  it("an email written before an address change reaches the old address with no link that opens the registration", async () => {
    const event = await createEvent();
    const organiser = await createStaff({ role: "organiser", organisationId: 1 });
    const typo = `stranger-${crypto.randomUUID().slice(0, 6)}@example.org`;
    expect((await register(event.slug, participant(1, { email: typo }))).status).toBe(201);
    await waitForMail(typo, 1);
    const { id } = await registrationOf(event.eventId, typo);
    // A message to the registration is waiting in the outbox (written for the old address) when the address is corrected.
    const outboxId = crypto.randomUUID().replace(/-/g, "");
    await env.DB.prepare(
      `INSERT INTO outbox (id, registration_id, template, to_address, locale, data, created_at, updated_at)
       VALUES (?1, ?2, 'organiser_message', ?3, 'de', '{"subject":"Raumänderung","body":"Wir treffen uns im Saal 2."}', ?4, ?4)`,
    )
      .bind(outboxId, id, typo, Date.now())
      .run();
    const right = `right-${crypto.randomUUID().slice(0, 6)}@example.org`;
    expect((await consoleFetch(organiser, "PATCH", `/api/console/registrations/${id}`, { email: right })).status).toBe(200);
    await deliverOutboxMessage(env, outboxId);

    for (const token of await manageTokensSentTo(typo)) {
      expect((await SELF.fetch(`${base}/api/registrations/${token}`)).status, "a manage link in the stranger's mail").toBe(404);
    }
    const [row] = await rows(`SELECT status, last_error AS lastError FROM outbox WHERE id = ?1`, outboxId);
    expect(row).toMatchObject({ status: "failed" });
    expect(String(row!.lastError)).toContain("address");
    // The person at the right address is told of the change, with a link that works.
    await waitForMail(right, 1);
    const tokens = await manageTokensSentTo(right);
    expect(tokens.length).toBeGreaterThan(0);
    expect((await SELF.fetch(`${base}/api/registrations/${tokens[0]}`)).status).toBe(200);
  });

  it("a data-access email written before an address change is not sent with a working link", async () => {
    const event = await createEvent();
    const organiser = await createStaff({ role: "organiser", organisationId: 1 });
    const before = `before-${crypto.randomUUID().slice(0, 6)}@example.org`;
    expect((await register(event.slug, participant(1, { email: before }))).status).toBe(201);
    await waitForMail(before, 1);
    const { id } = await registrationOf(event.eventId, before);
    const outboxId = crypto.randomUUID().replace(/-/g, "");
    const now = Date.now();
    await env.DB.prepare(
      `INSERT INTO outbox (id, registration_id, template, to_address, locale, data, created_at, updated_at)
       VALUES (?1, ?2, 'data_access', ?3, 'de', json_object('expiresAt', ?4), ?5, ?5)`,
    )
      .bind(outboxId, id, before, now + 3_600_000, now)
      .run();
    expect((await consoleFetch(organiser, "PATCH", `/api/console/registrations/${id}`, { email: `after-${crypto.randomUUID().slice(0, 6)}@example.org` })).status).toBe(200);
    await deliverOutboxMessage(env, outboxId);
    const mails = await waitForMail(before, 1, 200);
    for (const link of mails.map((m) => dataLinkIn(m.text)).filter(Boolean)) expect((await getData(link!)).status).toBe(404);
  });
});

describe("the binding holds whichever way the address changes", () => {
  it("an address changed without a new link (not through the console's edit) closes the old links", async () => {
    const event = await createEvent();
    const email = `direct-${crypto.randomUUID().slice(0, 6)}@example.org`;
    expect((await register(event.slug, participant(1, { email }))).status).toBe(201);
    expect((await askForData(email)).status).toBe(202);
    const link = await dataLinkSentTo(email, 2);
    const { id } = await registrationOf(event.eventId, email);
    const manage = await tokenOf(Number(id));
    expect((await SELF.fetch(`${base}/api/registrations/${manage}`)).status).toBe(200);
    // A code path that forgets to issue a new link: the nonce and its hash stay as they were.
    const other = `someone-else-${crypto.randomUUID().slice(0, 6)}@example.org`;
    await env.DB.prepare(`UPDATE registrations SET email = ?2, email_normalized = ?2 WHERE id = ?1`).bind(id, other).run();
    for (const path of [`/api/registrations/${manage}`, `/api/registrations/${manage}/data`, `/api/registrations/${manage}/qr.svg`, `/api/registrations/${link}/data`]) {
      expect((await SELF.fetch(`${base}${path}`)).status, path).toBe(404);
    }
    expect((await erase(link)).status).toBe(404);
    expect((await erase(manage)).status).toBe(404);
    expect(await registrationOf(event.eventId, other)).toMatchObject({ status: "confirmed", anonymisedAt: null });
  });
});
