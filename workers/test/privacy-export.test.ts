/**
 * The participant's right of access: through the manage link or a data-access link asked
 * for by email, everything held about the person across all events, and nothing of anyone
 * else. Also the proof of consent (privacy-notice version and time, the double opt-in).
 */
import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { textHash } from "../src/domain/events/texts";
import { dataAccessToken } from "../src/domain/privacy/links";
import { createEvent, participant, post, register, rows, tokenOf, waitForMail } from "./fixtures";
import { dataLinkIn, issueCertificate } from "./privacy-helpers";

const questions = [{ id: "motivation", type: "long_text" as const, required: false, label: { de: "Warum?" } }];

function getData(token: string, locale = "de") {
  return SELF.fetch(`https://zusammen.test/api/registrations/${token}/data?locale=${locale}`);
}

function askForData(body: unknown, headers: Record<string, string> = {}) {
  return SELF.fetch("https://zusammen.test/api/privacy/requests", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

async function idOf(eventId: number, email: string): Promise<number> {
  const [row] = await rows(`SELECT id FROM registrations WHERE event_id = ?1 AND email_normalized = ?2 AND parent_id IS NULL`, eventId, email.toLowerCase());
  return row!.id as number;
}

describe("GET /api/registrations/{token}/data", () => {
  it("holds everything about the person across events, and nothing of anyone else", async () => {
    const workshop = await createEvent({ capacity: 5, questions });
    const series = await createEvent({ capacity: 5, emailConfirmation: true });
    const amira = { name: "Amira Export", email: "Amira.Export@example.org" };
    const other = { name: "Jonas Fremd", email: "jonas.fremd@example.org" };
    await register(workshop.slug, participant(1, { ...amira, answers: { motivation: "Ich berate Familien" }, needs: { interpreter: "Arabisch", childcare: { children: 2, ages: "3, 5" } } }));
    await register(series.slug, participant(1, amira));
    await register(workshop.slug, participant(2, { ...other, answers: { motivation: "Geheime Antwort von Jonas" } }));
    const workshopId = await idOf(workshop.eventId, amira.email);
    const seriesId = await idOf(series.eventId, amira.email);
    // Double opt-in: confirmed through the link.
    const seriesToken = await tokenOf(seriesId);
    expect((await post(`/api/registrations/${seriesToken}/confirm`)).status).toBe(200);
    const code = await issueCertificate(workshopId, workshop.eventId, amira.name);
    const [session] = await rows(`SELECT id FROM sessions WHERE event_id = ?1`, workshop.eventId);
    await env.DB.prepare(`INSERT INTO attendance (registration_id, session_id, places, checked_in_at) VALUES (?1, ?2, 1, ?3)`).bind(workshopId, session!.id, Date.now()).run();
    await waitForMail(amira.email, 3);

    const response = await getData(await tokenOf(workshopId));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const text = await response.text();
    const { data } = JSON.parse(text);
    expect(data.email).toBe(amira.email);
    expect(data.privacyNoticeVersion).toBe(env.PRIVACY_NOTICE_VERSION);
    expect(data.registrations).toHaveLength(2);
    const [first, second] = data.registrations;
    expect(first).toMatchObject({
      name: amira.name,
      email: amira.email,
      status: "confirmed",
      places: 1,
      language: "de",
      answers: { motivation: "Ich berate Familien" },
      needs: { interpreter: "Arabisch", childcare: { children: 2, ages: "3, 5" } },
      consent: { privacyNoticeVersion: env.PRIVACY_NOTICE_VERSION },
      event: { slug: workshop.slug, organiser: "Kommunales Integrationszentrum Test" },
      certificates: [{ code, name: amira.name, hours: 12 }],
    });
    expect(first.consent.givenAt).toMatch(/^\d{4}-/);
    expect(first.event.sessions).toHaveLength(1);
    expect(first.checkIns).toHaveLength(1);
    expect(first.emails.map((m: any) => m.template)).toContain("confirmed");
    expect(first.history.map((h: any) => h.action)).toContain("registration.created");
    expect(second).toMatchObject({ event: { slug: series.slug }, status: "confirmed" });
    expect(second.emailConfirmedAt).toMatch(/^\d{4}-/);
    expect(second.emails.map((m: any) => m.template)).toEqual(expect.arrayContaining(["confirm_email", "confirmed"]));
    // Nothing of the other participant of the same event.
    for (const value of [other.name, other.email, "Geheime Antwort"]) expect(text).not.toContain(value);
  });

  it("records what the double opt-in confirmed, for proof", async () => {
    const event = await createEvent({ emailConfirmation: true });
    await register(event.slug, participant(1, { email: "doi@example.org" }));
    const id = await idOf(event.eventId, "doi@example.org");
    await post(`/api/registrations/${await tokenOf(id)}/confirm`);
    const [audit] = await rows(`SELECT details FROM audit_log WHERE registration_id = ?1 AND action = 'registration.email_confirmed'`, id);
    const [registration] = await rows(`SELECT consent_version, consent_at, email_confirmed_at FROM registrations WHERE id = ?1`, id);
    expect(JSON.parse(String(audit!.details))).toEqual({
      status: "confirmed",
      places: 1,
      confirmed: "email_address",
      emailConfirmedAt: registration!.email_confirmed_at,
      consentVersion: registration!.consent_version,
      consentAt: registration!.consent_at,
    });
  });

  it("names the event and its questions in the reader's language as the event's page does: translations, then English", async () => {
    const { slug, eventId } = await createEvent({ capacity: 5, questions });
    await register(slug, participant(1, { name: "Олена Дані", email: "olena.daten@example.org", locale: "uk", answers: { motivation: "Консультую сім'ї" } }));
    const [event] = await rows(`SELECT texts FROM events WHERE id = ?1`, eventId);
    const germanTitle = JSON.parse(event!.texts as string).de.title as string;
    // What the translation job stores for the Ukrainian reader (domain/events/translation.ts).
    for (const [field, text, source] of [["title", "Семінар", germanTitle], ["question.motivation", "Чому?", "Warum?"]]) {
      await env.DB.prepare(
        `INSERT INTO event_translations (event_id, locale, field, text, status, source_locale, source_hash, updated_at) VALUES (?1, 'uk', ?2, ?3, 'machine', 'de', ?4, ?5)`,
      )
        .bind(eventId, field, text, textHash(source!), Date.now())
        .run();
    }
    const token = await tokenOf(await idOf(eventId, "olena.daten@example.org"));
    const ukrainian = ((await (await getData(token, "uk")).json()) as any).data.registrations[0];
    expect([ukrainian.event.title, ukrainian.questions.motivation]).toEqual(["Семінар", "Чому?"]);
    // Without an Arabic text or translation: the organiser's English title, then the German question.
    const arabic = ((await (await getData(token, "ar")).json()) as any).data.registrations[0];
    expect([arabic.event.title, arabic.questions.motivation]).toEqual([`${germanTitle} (en)`, "Warum?"]);
  });

  it("answers 404 for unknown, malformed, forged and expired tokens", async () => {
    const event = await createEvent();
    await register(event.slug, participant(1, { email: "links@example.org" }));
    const id = await idOf(event.eventId, "links@example.org");
    const address = "links@example.org";
    const expired = await dataAccessToken(env, id, Date.now() - 1000, address);
    const good = await dataAccessToken(env, id, Date.now() + 3_600_000, address);
    const otherAddress = await dataAccessToken(env, id, Date.now() + 3_600_000, "someone.else@example.org");
    // The old format named no address: no longer accepted.
    const unbound = good.replace(/^p2\./, "p1.");
    const forged = good.replace(/\.[^.]+$/, ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    const otherId = good.replace(`.${id.toString(36)}.`, `.${(id + 1).toString(36)}.`);
    for (const token of ["x".repeat(43), "nonsense", expired, forged, otherId, otherAddress, unbound, "p1....", "p2...."]) {
      const response = await getData(token);
      expect(response.status, token).toBe(404);
    }
    expect(((await (await getData(expired, "en")).json()) as any).error.code).toBe("not_found");
    expect((await getData(good)).status).toBe(200);
  });
});

describe("POST /api/privacy/requests", () => {
  it("answers the same for known and unknown addresses, and emails a 24-hour link only to a known one", async () => {
    const event = await createEvent();
    await register(event.slug, participant(1, { name: "Olena Anfrage", email: "olena@example.org" }));
    const known = await askForData({ email: "OLENA@example.org", locale: "uk" });
    const unknown = await askForData({ email: "niemand@example.org", locale: "uk" });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(await known.json()).toEqual(await unknown.json());

    const mails = await waitForMail("olena@example.org", 2);
    const mail = mails.find((m) => dataLinkIn(m.text))!;
    expect(mail).toBeDefined();
    expect(mail.text).not.toContain("Olena Anfrage"); // nothing that whoever typed the address could learn
    const token = dataLinkIn(mail.text)!;
    const response = await getData(token);
    expect(response.status).toBe(200);
    expect(((await response.json()) as any).data.registrations[0].name).toBe("Olena Anfrage");
    expect(await waitForMail("niemand@example.org", 1, 500)).toEqual([]);
  });

  it("names bad fields in the request's language", async () => {
    const response = await askForData({ email: "kein-email", locale: "xx", extra: 1 }, { "accept-language": "en" });
    expect(response.status).toBe(422);
    const { error } = (await response.json()) as any;
    expect(Object.keys(error.fields).sort()).toEqual(["email", "extra", "locale"]);
    expect(error.message).toBe("Please check what you entered.");
  });
});
