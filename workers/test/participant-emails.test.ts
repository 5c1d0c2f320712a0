/**
 * What the participant's emails say, sent through the real pipeline (outbox, queue, dev
 * mailbox): online events say how to join (never "show this code at the entrance"), every
 * email names whom to ask, an organiser's change says what changed, and every link opens its
 * page in the email's language.
 */
import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import deEmail from "../src/i18n/de/email";
import trEmail from "../src/i18n/tr/email";
import { consoleFetch, createEvent, createStaff, participant, register, rows, waitForMail } from "./fixtures";

const JOIN = "https://meet.example.org/zusammen-raum-12";

describe("online sessions", () => {
  it("the confirmation gives the join link and how to join, and no check-in code; a waiting person learns when the link comes", async () => {
    const { slug, eventId } = await createEvent({ capacity: 1, onlineUrl: JOIN });
    await env.DB.prepare(`UPDATE events SET location = NULL, format = 'online' WHERE id = ?1`).bind(eventId).run();
    await register(slug, participant(1, { email: "online-in@example.org", locale: "tr" }));
    await register(slug, participant(2, { email: "online-wait@example.org", locale: "de" }));
    const [confirmed] = await waitForMail("online-in@example.org");
    expect(confirmed!.text).toContain(JOIN);
    expect(confirmed!.text).toContain(trEmail["email.common.online_how"]);
    expect(confirmed!.text).not.toContain(trEmail["email.common.check_in_hint"]);
    expect(confirmed!.html).not.toContain("cid:checkin-qr");
    expect(confirmed!.attachments.some((a) => (a as { contentId?: string }).contentId)).toBe(false);
    const [waiting] = await waitForMail("online-wait@example.org");
    expect(waiting!.text).not.toContain(JOIN);
    expect(waiting!.text).toContain(deEmail["email.common.online_later"]);
  });

  it("an event at a place gives the check-in code inline, with its hint", async () => {
    const { slug } = await createEvent();
    await register(slug, participant(1, { email: "at-the-door@example.org" }));
    const [mail] = await waitForMail("at-the-door@example.org");
    expect(mail!.text).toContain(deEmail["email.common.check_in_hint"]);
    expect(mail!.html).toContain('src="cid:checkin-qr"');
  });
});

describe("whom to ask", () => {
  it("every participant email names the event's contact (name, email, phone), else the organisation's", async () => {
    const { slug, eventId } = await createEvent();
    await env.DB.prepare(`UPDATE events SET contact = ?2 WHERE id = ?1`)
      .bind(eventId, JSON.stringify({ name: "Marta Nowak", email: "marta@example.org", phone: "0211 89-21000" }))
      .run();
    await register(slug, participant(1, { email: "asks@example.org", locale: "de" }));
    const [mail] = await waitForMail("asks@example.org");
    expect(mail!.text).toContain(deEmail["email.common.contact_intro"]);
    expect(mail!.text).toContain("Marta Nowak");
    expect(mail!.text).toContain("marta@example.org");
    expect(mail!.html).toContain('href="tel:02118921000"');

    const other = await createEvent();
    await env.DB.prepare(`UPDATE organisations SET contact_email = 'team@example.org' WHERE id = 1`).run();
    await register(other.slug, participant(2, { email: "asks-org@example.org" }));
    const [fallback] = await waitForMail("asks-org@example.org");
    expect(fallback!.text).toContain("Kommunales Integrationszentrum Test");
    expect(fallback!.text).toContain("team@example.org");
  });

  it("the public event names the same contact", async () => {
    const { slug, eventId } = await createEvent();
    await env.DB.prepare(`UPDATE events SET contact = ?2 WHERE id = ?1`).bind(eventId, JSON.stringify({ name: "Jonas Weber", phone: "0211 1" })).run();
    const { event } = (await SELF.fetch(`https://zusammen.test/api/events/${slug}`).then((r) => r.json())) as { event: { contact: unknown } };
    expect(event.contact).toEqual({ name: "Jonas Weber", email: expect.any(String), phone: "0211 1" });
  });
});

describe("a change an organiser made", () => {
  it("says what changed, in the participant's language", async () => {
    const { slug, eventId } = await createEvent({ maxPlaces: 3 });
    await register(slug, participant(1, { email: "edited@example.org", locale: "en" }));
    await waitForMail("edited@example.org");
    const [row] = await rows(`SELECT id FROM registrations WHERE email = 'edited@example.org'`);
    const staff = await createStaff({ role: "organiser", organisationId: 1 });
    const response = await consoleFetch(staff, "PATCH", `/api/console/registrations/${row!.id}`, { places: 2, name: "Teilnehmerin Eins" });
    expect(response.status).toBe(200);
    const [mail] = await waitForMail("edited@example.org", 2);
    expect(mail!.text).toMatch(/Changed: (name and number of places|number of places and name)/);
    void eventId;
  });
});

describe("every emailed link opens its page in the registration's language", () => {
  it("the manage page's answer names the language stored with the registration, whatever the browser asks for", async () => {
    const { slug } = await createEvent();
    await register(slug, participant(1, { email: "lang-link@example.org", locale: "ar" }));
    const [mail] = await waitForMail("lang-link@example.org");
    const token = /\/manage#([A-Za-z0-9_-]{43})/.exec(mail!.text)![1]!;
    const response = await SELF.fetch(`https://zusammen.test/api/registrations/${token}`, { headers: { "accept-language": "de-DE,de;q=0.9" } });
    expect(((await response.json()) as { registration: { locale: string } }).registration.locale).toBe("ar");
  });
});
