/**
 * Each state change produces exactly its messages, once, in the registration's locale:
 * asserted on the outbox and on what reached the (dev) mailbox. Also: extra data given to
 * Change.outbox, staff mails rendered from the outbox row's data, and the preview pages.
 */
import { createExecutionContext, createScheduledController, env, SELF, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { EmailTemplate, Locale } from "../../db/schema";
import { emailText } from "../../emails/components/i18n";
import worker from "../src/index";
import { Change } from "../src/domain/change";
import { deliverOutboxMessage } from "../src/domain/mail/deliver";
import { enqueueMail, staffOutbox } from "../src/domain/mail/outbox";
import { signInToken, signInUrl } from "../src/lib/tokens";
import { context, createEvent, participant, post, register, rows, tokenOf, waitForMail } from "./fixtures";

const HOUR = 3_600_000;

async function runCron(at: number) {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ scheduledTime: at, cron: "* * * * *" }), env, ctx);
  await waitOnExecutionContext(ctx);
}

async function registration(email: string) {
  const [row] = await rows(`SELECT id, locale, event_id AS eventId FROM registrations WHERE email = ?1 ORDER BY id DESC`, email);
  return row as { id: number; locale: Locale; eventId: number };
}

async function outboxOf(registrationId: number) {
  return rows(`SELECT id, template, locale FROM outbox WHERE registration_id = ?1 ORDER BY rowid`, registrationId);
}

/** The subject each template has in the locale, for the event title the locale sees (the organiser's English, else German). */
function expectedSubject(template: EmailTemplate, locale: Locale, eventNumber: string) {
  const title = locale === "de" ? `Workshop ${eventNumber}` : `Workshop ${eventNumber} (en)`;
  return emailText(locale).t(`email.${template}.subject` as never, { event: title });
}

/** Every outbox row of the address reached the mailbox exactly once, with its locale's subject. */
async function expectDelivered(email: string, templates: EmailTemplate[], locale: Locale, eventNumber: string) {
  const { id } = await registration(email);
  const outbox = await outboxOf(id);
  expect(outbox.map((o) => o.template)).toEqual(templates);
  expect(new Set(outbox.map((o) => o.locale))).toEqual(new Set([locale]));
  const mails = await waitForMail(email, templates.length);
  expect(mails).toHaveLength(templates.length);
  const perOutbox = await rows(
    `SELECT o.template, COUNT(d.id) AS delivered FROM outbox o LEFT JOIN dev_mailbox d ON d.outbox_id = o.id WHERE o.registration_id = ?1 GROUP BY o.id`,
    id,
  );
  expect(perOutbox.every((r) => Number(r.delivered) === 1)).toBe(true);
  expect(mails.map((m) => m.subject).sort()).toEqual(templates.map((t) => expectedSubject(t, locale, eventNumber)).sort());
}

describe("state changes and their emails", () => {
  it("waitlist with offers: waitlisted, offer, expired, confirmed, cancelled, manage link: each once, each in its locale", async () => {
    const { slug, eventId } = await createEvent({ capacity: 1, waitlistMode: "offer" });
    const number = (await rows(`SELECT json_extract(texts, '$.de.title') AS t FROM events WHERE id = ?1`, eventId))[0]!.t as string;
    const n = number.replace("Workshop ", "");
    const people = [
      { email: "sc-tr@example.org", locale: "tr" },
      { email: "sc-ar@example.org", locale: "ar" },
      { email: "sc-uk@example.org", locale: "uk" },
      { email: "sc-en@example.org", locale: "en" },
    ] as const;
    for (const [i, p] of people.entries()) await register(slug, participant(i + 1, p));
    // The Turkish participant (confirmed) cancels: the Arabic one gets an offer.
    const tr = await registration("sc-tr@example.org");
    await post(`/api/registrations/${await tokenOf(tr.id)}/cancel`);
    await post(`/api/registrations/${await tokenOf(tr.id)}/cancel`); // twice: no second email
    // The offer expires (cron, twice): the Ukrainian one gets the next offer and accepts it.
    await runCron(Date.now() + 49 * HOUR);
    await runCron(Date.now() + 49 * HOUR + 60_000);
    const uk = await registration("sc-uk@example.org");
    await post(`/api/registrations/${await tokenOf(uk.id)}/accept-offer`);
    // The English one registers again with the same address: the manage link, nothing else.
    await register(slug, participant(9, { email: "sc-en@example.org", locale: "en" }));

    await expectDelivered("sc-tr@example.org", ["confirmed", "cancelled"], "tr", n);
    await expectDelivered("sc-ar@example.org", ["waitlisted", "offer", "expired"], "ar", n);
    await expectDelivered("sc-uk@example.org", ["waitlisted", "offer", "confirmed"], "uk", n);
    await expectDelivered("sc-en@example.org", ["waitlisted", "manage_link"], "en", n);
  });

  it("double opt-in and promotion: confirm_email, then waitlisted and promoted, in Russian", async () => {
    const { slug, eventId } = await createEvent({ capacity: 1, emailConfirmation: true });
    const n = String((await rows(`SELECT json_extract(texts, '$.de.title') AS t FROM events WHERE id = ?1`, eventId))[0]!.t).replace("Workshop ", "");
    await register(slug, participant(1, { email: "sc-hold@example.org", locale: "de" }));
    await register(slug, participant(2, { email: "sc-ru@example.org", locale: "ru" }));
    const ru = await registration("sc-ru@example.org");
    await post(`/api/registrations/${await tokenOf(ru.id)}/confirm`);
    await runCron(Date.now() + 31 * 60_000); // the first hold expires (no email: it never confirmed its address)
    await expectDelivered("sc-ru@example.org", ["confirm_email", "waitlisted", "promoted"], "ru", n);
    await expectDelivered("sc-hold@example.org", ["confirm_email"], "de", n);
  });
});

describe("Change.outbox with extra data", () => {
  it("a JS object is bound as JSON (untrusted text stays data), SQL is evaluated per registration", async () => {
    const { slug } = await createEvent();
    await register(slug, participant(1, { email: "extra-1@example.org" }));
    await register(slug, participant(2, { email: "extra-2@example.org", locale: "en" }));
    const ids = [(await registration("extra-1@example.org")).id, (await registration("extra-2@example.org")).id];
    const ctx = context();
    const change = new Change(ctx, "user:1");
    const stamp = env.DB.prepare(`UPDATE registrations SET change_id = ?1 WHERE id IN (?2, ?3)`).bind(change.id, ids[0], ids[1]);
    const reason = `<b>Raum gesperrt</b>', 'x'); DROP TABLE outbox; --`;
    const [, written] = await env.DB.batch([stamp, change.outbox("cancelled_by_organiser", { reason })]);
    const second = new Change(ctx, "user:1");
    const [, sqlWritten] = await env.DB.batch([
      env.DB.prepare(`UPDATE registrations SET change_id = ?1 WHERE id = ?2`).bind(second.id, ids[1]),
      second.outbox("organiser_message", { sql: `json_object('subject', 'Hallo ' || r.name, 'body', 'Bis bald')` }),
    ]);
    const created = (written!.results as { id: string }[]).map((r) => r.id);
    expect(created).toHaveLength(2);
    const data = (await rows(`SELECT data FROM outbox WHERE id IN (?1, ?2)`, ...created)).map((r) => JSON.parse(r.data as string));
    expect(data.every((d) => d.reason === reason && "waitlistPosition" in d)).toBe(true);
    for (const id of [...created, ...(sqlWritten!.results as { id: string }[]).map((r) => r.id)]) await deliverOutboxMessage(env, id);
    const [cancelled] = await waitForMail("extra-1@example.org", 2).then((m) => m.filter((x) => x.subject.includes("storniert")));
    expect(cancelled!.html).toContain("&lt;b&gt;Raum gesperrt&lt;/b&gt;");
    const message = (await waitForMail("extra-2@example.org", 3)).find((m) => m.subject.startsWith("Hallo"));
    expect(message!.subject).toContain("Hallo Teilnehmerin 2 (Workshop");
    expect(message!.text).toContain("Bis bald");
  });
});

describe("staff emails from the outbox row's data", () => {
  it("login link: the URL is derived from the stored nonce (the token is never stored), valid 10 minutes from the row", async () => {
    const nonce = "nonce-for-sign-in-test";
    const now = Date.parse("2027-02-01T09:00:00Z");
    const { results } = await staffOutbox(env, { template: "login_link", to: "staff@example.org", locale: "de", now, nonce }).all<{ id: string }>();
    const token = await signInToken(env, nonce);
    const [row] = await rows(`SELECT data FROM outbox WHERE id = ?1`, results[0]!.id);
    expect(row!.data).not.toContain(token);
    await enqueueMail(env, results.map((r) => r.id));
    const [mail] = await waitForMail("staff@example.org");
    expect(mail!.text).toContain(signInUrl(env, token));
    expect(mail!.text).toContain("10:10 Uhr"); // 09:00Z + 10 min = 10:10 CET
  });

  it("application received: the console event page; a dedupe key makes a row exactly-once", async () => {
    const { eventId, slug } = await createEvent();
    const mail = { template: "application_received", to: "org@example.org", locale: "en", now: Date.now(), eventId, applicant: "Verein Brücke", dedupeKey: `application:${eventId}:1` } as const;
    const first = await staffOutbox(env, mail).all<{ id: string }>();
    const second = await staffOutbox(env, mail).all<{ id: string }>();
    expect(first.results).toHaveLength(1);
    expect(second.results).toHaveLength(0);
    await enqueueMail(env, first.results.map((r) => r.id));
    const [received] = await waitForMail("org@example.org");
    expect(received!.subject).toMatch(/^New application: Workshop \d+ \(en\)$/);
    expect(received!.text).toContain(`/console/event?slug=${slug}`);
    expect(received!.text).toContain("Verein Brücke");
  });
});

describe("email previews (dev only)", () => {
  it("list every template in every locale and render each as HTML and text", async () => {
    const index = await SELF.fetch("https://zusammen.test/dev/emails");
    expect(index.status).toBe(200);
    const page = await index.text();
    expect(page).toContain('href="/dev/emails/organiser_digest/uk"');
    expect(page).toContain('href="/dev/emails/reminder/ar?format=text"');
    const arabic = await SELF.fetch("https://zusammen.test/dev/emails/reminder/ar");
    expect(arabic.status).toBe(200);
    expect(arabic.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(await arabic.text()).toContain('dir="rtl"');
    const text = await SELF.fetch("https://zusammen.test/dev/emails/login_link/en?format=text");
    expect(text.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await text.text()).toMatch(/^Subject: Your link to sign in/);
    expect((await SELF.fetch("https://zusammen.test/dev/emails/nope/de")).status).toBe(404);
    expect((await SELF.fetch("https://zusammen.test/dev/emails/reminder/xx")).status).toBe(404);
  });

  it("do not exist with a Resend key", async () => {
    const { buildApp } = await import("../src/app");
    const response = await buildApp().fetch(new Request("https://zusammen.test/dev/emails"), { ...env, RESEND_API_KEY: "re_x" }, createExecutionContext());
    expect(response.status).toBe(404);
  });
});
