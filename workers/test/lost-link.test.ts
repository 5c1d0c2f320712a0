/**
 * "I lost my link" (POST /api/manage-links): the same answer whether or not the address is
 * known; one email listing every live registration of the address, each link opening in the
 * language stored with it; rate-limited through the form guard; bad input refused in the
 * page's language, nothing stored.
 */
import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createEvent, participant, register, rows, tokenOf, waitForMail } from "./fixtures";
import arEmail from "../src/i18n/ar/email";
import ukEmail from "../src/i18n/uk/email";

function ask(body: unknown, headers: Record<string, string> = {}) {
  return SELF.fetch("https://zusammen.test/api/manage-links", {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

const outboxOf = (email: string) => rows(`SELECT template, locale FROM outbox WHERE to_address = ?1 AND template = 'manage_links'`, email);

describe("asking for one's manage links", () => {
  it("one email lists every live registration of the address, each link in its own language, the email in the latest one's", async () => {
    const email = "Lost.Person@example.org";
    const first = await createEvent();
    const second = await createEvent();
    const past = await createEvent({ startsAt: Date.now() - 10 * 86_400_000 });
    const cancelled = await createEvent();
    await register(first.slug, participant(1, { email, locale: "uk" }));
    await register(second.slug, participant(1, { email, locale: "ar" }));
    await register(cancelled.slug, participant(1, { email, locale: "uk" }));
    await rows(`UPDATE registrations SET status = 'cancelled' WHERE event_id = ?1`, cancelled.eventId);
    await rows(
      `INSERT INTO registrations (event_id, pool_id, status, name, email, email_normalized, locale, token_nonce, manage_token_hash, queue_order)
       VALUES (?1, ?2, 'confirmed', 'X', ?3, ?4, 'de', 'n-past', 'h-past', 1)`,
      past.eventId,
      past.poolId,
      email,
      email.toLowerCase(),
    );
    await waitForMail(email, 3);

    const response = await ask({ email: "  lost.person@EXAMPLE.org ", locale: "de" });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ status: "check_email" });
    expect(response.headers.get("cache-control")).toBe("no-store");
    const mails = await waitForMail(email, 4);
    const mail = mails[0]!;
    // In Arabic: the latest registration's language.
    expect(mail.subject).toBe(arEmail["email.manage_links.subject"]);
    // Each link opens its registration's manage page (which speaks the language stored with it).
    const tokens = [...mail.text.matchAll(/\/manage#([A-Za-z0-9_-]{43})/g)].map((m) => m[1]);
    const [uk, ar] = await rows(`SELECT id FROM registrations WHERE email = ?1 AND event_id IN (?2, ?3) ORDER BY event_id`, email, first.eventId, second.eventId);
    expect(tokens.sort()).toEqual([await tokenOf(Number(uk!.id)), await tokenOf(Number(ar!.id))].sort());
    // The past and the cancelled registration are not listed.
    expect((await outboxOf(email)).length).toBe(1);
    void ukEmail;
  });

  it("answers an unknown address exactly like a known one and sends nothing", async () => {
    const unknown = await ask({ email: "nobody-here@example.org", locale: "tr" });
    expect(unknown.status).toBe(202);
    expect(await unknown.json()).toEqual({ status: "check_email" });
    expect(await outboxOf("nobody-here@example.org")).toEqual([]);
  });

  it("refuses bad input in the page's language, stores nothing, never a 5xx", async () => {
    const cases: [unknown, number][] = [
      [{ email: "not-an-address", locale: "uk" }, 422],
      [{ locale: "uk" }, 422],
      [{ email: "a@example.org", locale: "xx" }, 422],
      [{ email: "a@example.org", extra: true }, 422],
      ["{not json", 400],
      [[], 422],
    ];
    for (const [body, status] of cases) {
      const response = await ask(body, { "accept-language": "uk" });
      expect(response.status, JSON.stringify(body)).toBe(status);
      const { error } = (await response.json()) as { error: { message: string; fields?: Record<string, string> } };
      expect(error.message).toMatch(/[\u0400-\u04FF]/);
    }
    const invalid = (await (await ask({ email: "not-an-address" }, { "accept-language": "ar" })).json()) as { error: { fields: Record<string, string> } };
    expect(invalid.error.fields.email).toMatch(/[\u0600-\u06FF]/);
    expect((await SELF.fetch("https://zusammen.test/api/manage-links", { method: "POST", headers: { "content-type": "text/plain" }, body: "a@example.org" })).status).toBe(415);
    expect(await rows(`SELECT * FROM outbox WHERE template = 'manage_links' AND to_address IN ('not-an-address', 'a@example.org')`)).toEqual([]);
  });

  it("is limited per address: the fourth request in an hour is refused with Retry-After, in the page's language", async () => {
    const { slug } = await createEvent();
    const email = "limited-links@example.org";
    await register(slug, participant(1, { email, locale: "uk" }));
    for (let i = 0; i < 3; i++) expect((await ask({ email, locale: "uk" })).status).toBe(202);
    const refused = await ask({ email, locale: "uk" });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    const { error } = (await refused.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe("rate_limited");
    expect(error.message).toMatch(/[\u0400-\u04FF]/);
    expect((await outboxOf(email)).length).toBe(3);
  });
});
