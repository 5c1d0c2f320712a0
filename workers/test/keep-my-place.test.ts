/**
 * No place lost by surprise: choosing a full workshop on the manage page while holding a
 * confirmed place in another keeps that place; the participant waits for the new workshop and
 * is switched only when a place comes free there. Every change of a person's workshop places
 * sends one email saying what changed, naming the workshops and their times.
 */
import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { placesProblems, snapshot, type Snapshot } from "./places-invariants";
import { createEvent, participant, register, rows, tokenOf, waitForMail } from "./fixtures";

const HOUR = 3_600_000;

async function conference(capacities: { a: number; b: number }) {
  const { slug, eventId } = await createEvent({ capacity: 100 });
  const [session] = await rows(`SELECT starts_at AS startsAt FROM sessions WHERE event_id = ?1`, eventId);
  const start = Number(session!.startsAt) + 4 * HOUR;
  for (const [key, capacity] of Object.entries(capacities)) {
    await env.DB.prepare(`INSERT INTO capacity_pools (event_id, kind, key, slot, name, capacity, starts_at, ends_at) VALUES (?1, 'workshop', ?2, 'afternoon', ?3, ?4, ?5, ?6)`)
      .bind(eventId, key, JSON.stringify({ de: `Workshop ${key.toUpperCase()}`, en: `Workshop ${key.toUpperCase()} (en)` }), capacity, start, start + 2 * HOUR)
      .run();
  }
  return { slug, eventId, before: await snapshot(eventId) };
}

/** The places invariants (places-invariants.ts) from the event's creation to now. */
async function checkPlacesInvariants(eventId: number, before: Snapshot, concurrent = false) {
  expect(placesProblems(before, await snapshot(eventId), { concurrent })).toEqual([]);
}

async function dayId(email: string): Promise<number> {
  const [row] = await rows(`SELECT id FROM registrations WHERE email = ?1 AND parent_id IS NULL`, email);
  return Number(row!.id);
}

async function choices(registrationId: number) {
  return (await rows(
    `SELECT p.key, r.preference, r.status FROM registrations r JOIN capacity_pools p ON p.id = r.pool_id WHERE r.parent_id = ?1 AND r.status <> 'cancelled' ORDER BY r.preference, p.key`,
    registrationId,
  )) as { key: string; preference: number; status: string }[];
}

async function switchTo(registrationId: number, key: string, locale = "de") {
  const response = await SELF.fetch(`https://zusammen.test/api/registrations/${await tokenOf(registrationId)}/workshops`, {
    method: "POST",
    headers: { "content-type": "application/json", "accept-language": locale },
    body: JSON.stringify({ slot: "afternoon", key }),
  });
  return { status: response.status, body: (await response.json()) as any };
}

describe("switching to a full workshop keeps the confirmed place", () => {
  it("waits for the new workshop with the old place kept, then switches when a place comes free; each step one email", async () => {
    const { slug, eventId, before } = await conference({ a: 5, b: 1 });
    const email = "keep@example.org";
    await register(slug, participant(1, { email, locale: "uk", workshops: [{ slot: "afternoon", first: "a" }] }));
    await register(slug, participant(2, { email: "holder@example.org", workshops: [{ slot: "afternoon", first: "b" }] }));
    const me = await dayId(email);
    await waitForMail(email, 1);

    const waiting = await switchTo(me, "b", "uk");
    expect(waiting.status).toBe(200);
    // The place in A is kept (as the choice held meanwhile); B is waited for.
    expect(await choices(me)).toEqual([
      { key: "b", preference: 1, status: "waitlisted" },
      { key: "a", preference: 2, status: "confirmed" },
    ]);
    expect(waiting.body.registration.workshops).toEqual(
      expect.arrayContaining([expect.objectContaining({ key: "a", preference: 2, status: "confirmed" }), expect.objectContaining({ key: "b", preference: 1, status: "waitlisted", waitlistPosition: 1 })]),
    );
    const [waitingMail] = await waitForMail(email, 2);
    expect(waitingMail!.subject).toContain("Ваші воркшопи");
    expect(waitingMail!.text).toContain("Ваше місце на «Workshop A (en)» залишається за Вами");
    // The workshops with their own times (Berlin), in the email's language.
    expect(waitingMail!.text).toMatch(/Workshop B \(en\) \(з \d\d:\d\d до \d\d:\d\d\): Ви в списку очікування, на місці 1\./);

    // The holder of B leaves: the place comes free, the switch happens, A goes to A's line.
    const holder = await dayId("holder@example.org");
    expect((await SELF.fetch(`https://zusammen.test/api/registrations/${await tokenOf(holder)}/cancel`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" })).status).toBe(200);
    expect(await choices(me)).toEqual([{ key: "b", preference: 1, status: "confirmed" }]);
    const mails = await waitForMail(email, 3);
    expect(mails[0]!.text).toContain("Гарна новина: на «Workshop B (en)» для Вас звільнилося місце.");
    expect(mails[0]!.text).toContain("Для цього ми звільнили Ваше місце на «Workshop A (en)».");
    await checkPlacesInvariants(eventId, before);
  });

  it("switches at once where the new workshop has room (the old place goes to its waitlist), and says so", async () => {
    const { slug, eventId, before } = await conference({ a: 1, b: 3 });
    await register(slug, participant(1, { email: "mover@example.org", workshops: [{ slot: "afternoon", first: "a" }] }));
    await register(slug, participant(2, { email: "waiter@example.org", workshops: [{ slot: "afternoon", first: "a" }] }));
    const mover = await dayId("mover@example.org");
    const waiter = await dayId("waiter@example.org");
    expect(await choices(waiter)).toEqual([{ key: "a", preference: 1, status: "waitlisted" }]);

    expect((await switchTo(mover, "b")).status).toBe(200);
    expect(await choices(mover)).toEqual([{ key: "b", preference: 1, status: "confirmed" }]);
    // The freed place in A went to the person waiting, who is told.
    expect(await choices(waiter)).toEqual([{ key: "a", preference: 1, status: "confirmed" }]);
    const moved = await waitForMail("mover@example.org", 2);
    expect(moved[0]!.text).toContain("Sie haben den Workshop gewechselt. Sie haben jetzt einen Platz in „Workshop B“.");
    expect(moved[0]!.text).toContain("Ihren Platz in „Workshop A“ haben Sie dafür freigegeben.");
    const promoted = await waitForMail("waiter@example.org", 2);
    expect(promoted[0]!.subject).toContain("Ihre Workshops");
    expect(promoted[0]!.text).toContain("In „Workshop A“ ist ein Platz für Sie frei geworden.");
    await checkPlacesInvariants(eventId, before);
  });

  it("choosing the kept workshop again makes it the first choice and leaves the waitlist; choosing the first choice again changes nothing", async () => {
    const { slug, eventId, before } = await conference({ a: 5, b: 1 });
    await register(slug, participant(1, { email: "back@example.org", workshops: [{ slot: "afternoon", first: "a" }] }));
    await register(slug, participant(2, { email: "b-holder@example.org", workshops: [{ slot: "afternoon", first: "b" }] }));
    const me = await dayId("back@example.org");
    await switchTo(me, "b");
    expect((await switchTo(me, "b")).status).toBe(200);
    expect(await choices(me)).toEqual([
      { key: "b", preference: 1, status: "waitlisted" },
      { key: "a", preference: 2, status: "confirmed" },
    ]);
    expect((await switchTo(me, "a")).status).toBe(200);
    expect(await choices(me)).toEqual([{ key: "a", preference: 1, status: "confirmed" }]);
    const mails = await waitForMail("back@example.org", 3);
    expect(mails).toHaveLength(3); // confirmed, waiting, back: the repeated choice sent nothing
    await checkPlacesInvariants(eventId, before);
  });

  it("many switches at once never overbook a workshop and never lose a held place", async () => {
    const { slug, eventId, before } = await conference({ a: 10, b: 2 });
    const people = Array.from({ length: 8 }, (_, i) => `rush${i}@example.org`);
    for (const email of people) await register(slug, participant(1, { email, workshops: [{ slot: "afternoon", first: "a" }] }));
    const ids = await Promise.all(people.map(dayId));
    const answers = await Promise.all(ids.map((id) => switchTo(id, "b")));
    expect(answers.map((a) => a.status)).toEqual(ids.map(() => 200));
    const [b] = await rows(`SELECT COALESCE(SUM(r.places), 0) AS taken FROM registrations r JOIN capacity_pools p ON p.id = r.pool_id WHERE p.event_id = ?1 AND p.key = 'b' AND r.status IN ('confirmed', 'held', 'offered')`, eventId);
    expect(Number(b!.taken)).toBe(2);
    for (const id of ids) {
      const held = (await choices(id)).filter((c) => c.status === "confirmed");
      // Everyone holds exactly one place: the new one, or the old one kept while waiting.
      expect(held).toHaveLength(1);
    }
    await checkPlacesInvariants(eventId, before, true);
  });
});

describe("conference emails name the workshops and their times", () => {
  it("the confirmation lists each workshop with its time and what the participant has there", async () => {
    const { slug } = await conference({ a: 1, b: 5 });
    await register(slug, participant(1, { email: "first@example.org", workshops: [{ slot: "afternoon", first: "a" }] }));
    await register(slug, participant(2, { email: "second@example.org", locale: "ar", workshops: [{ slot: "afternoon", first: "a", second: "b" }] }));
    const [mail] = await waitForMail("second@example.org");
    // Arabic: the workshops by their (English) names, isolated, with their times.
    expect(mail!.text).toMatch(/Workshop A \(en\).*\(من الساعة \d\d:\d\d إلى الساعة \d\d:\d\d\).*: أنتم في قائمة الانتظار/);
    expect(mail!.text).toMatch(/Workshop B \(en\).*مكانكم الحالي/);
    const [first] = await waitForMail("first@example.org");
    expect(first!.text).toMatch(/Workshop A \(\d\d:\d\d bis \d\d:\d\d Uhr\): Ihr Platz ist bestätigt\./);
  });
});
