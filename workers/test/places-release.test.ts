/**
 * A change that frees places serves the waitlist itself: for each one (participant cancel,
 * organiser cancel, edit to fewer places, reject, hold expiry, offer expiry, capacity raise,
 * workshop switch) the person waiting for the place freed is served at once, with their
 * email, without the cron's safety net (the expiries are called as the cron calls them,
 * but without serveAllWaitlists after them). A capacity raise in the event form is in
 * event-admin.test.ts.
 */
import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { expireHolds, expireOffers } from "../src/domain/places/expire";
import { consoleFetch, context, createEvent, createStaff, participant, post, register, rows, tokenOf } from "./fixtures";

const HOUR = 3_600_000;

async function byOrder(eventId: number) {
  return rows(`SELECT id, email, status, places FROM registrations WHERE event_id = ?1 AND parent_id IS NULL ORDER BY id`, eventId);
}

async function templatesOf(registrationId: number) {
  return (await rows(`SELECT template FROM outbox WHERE registration_id = ?1 ORDER BY rowid`, registrationId)).map((r) => r.template);
}

async function organiser() {
  return createStaff({ role: "organiser", organisationId: 1 });
}

async function json(response: Response) {
  expect(response.status).toBeLessThan(300);
  return (await response.json()) as any;
}

/** capacity places taken by the first registrations, then `waiting` (one place each) in line. */
async function fullEvent(options: Parameters<typeof createEvent>[0] & { taken: number[]; waiting: number }) {
  const event = await createEvent(options);
  let n = 0;
  for (const places of options.taken) await register(event.slug, participant(++n, { places }));
  for (let i = 0; i < options.waiting; i++) await register(event.slug, participant(++n));
  return { ...event, regs: await byOrder(event.eventId) };
}

describe("every change that frees places serves the waitlist", () => {
  it("participant cancel", async () => {
    const { eventId, regs } = await fullEvent({ capacity: 1, taken: [1], waiting: 1 });
    await json(await post(`/api/registrations/${await tokenOf(regs[0]!.id as number)}/cancel`));
    expect((await byOrder(eventId)).map((r) => r.status)).toEqual(["cancelled", "confirmed"]);
    expect(await templatesOf(regs[1]!.id as number)).toEqual(["waitlisted", "promoted"]);
  });

  it("organiser cancel", async () => {
    const { eventId, regs } = await fullEvent({ capacity: 1, taken: [1], waiting: 1 });
    await json(await consoleFetch(await organiser(), "POST", `/api/console/registrations/${regs[0]!.id}/cancel`, { reason: "Anruf" }));
    expect((await byOrder(eventId)).map((r) => r.status)).toEqual(["cancelled", "confirmed"]);
    expect(await templatesOf(regs[1]!.id as number)).toEqual(["waitlisted", "promoted"]);
  });

  it("edit to fewer places", async () => {
    const { eventId, regs } = await fullEvent({ capacity: 3, maxPlaces: 3, taken: [3], waiting: 1 });
    await json(await consoleFetch(await organiser(), "PATCH", `/api/console/registrations/${regs[0]!.id}`, { places: 2 }));
    expect((await byOrder(eventId)).map((r) => `${r.places}:${r.status}`)).toEqual(["2:confirmed", "1:confirmed"]);
    expect(await templatesOf(regs[1]!.id as number)).toEqual(["waitlisted", "promoted"]);
  });

  it("reject: the application's workshop choice leaves that workshop's line, so those behind move up", async () => {
    const { slug, eventId } = await createEvent({ capacity: 5, registrationMode: "approval" });
    await env.DB.prepare(`INSERT INTO capacity_pools (event_id, kind, key, slot, capacity) VALUES (?1, 'workshop', 'a', 'pm', 0)`).bind(eventId).run();
    const choice = { workshops: [{ slot: "pm", first: "a" }] };
    await register(slug, participant(1, choice));
    await register(slug, participant(2, choice));
    const [first, second] = await byOrder(eventId);
    const staff = await organiser();
    await json(await consoleFetch(staff, "POST", `/api/console/registrations/${second!.id}/approve`));
    const workshop = async (id: number) => (await json(await SELF.fetch(`https://zusammen.test/api/registrations/${await tokenOf(id)}`))).registration.workshops;
    expect(await workshop(second!.id as number)).toMatchObject([{ key: "a", status: "waitlisted", waitlistPosition: 2 }]);

    await json(await consoleFetch(staff, "POST", `/api/console/registrations/${first!.id}/reject`, {}));
    expect(await workshop(second!.id as number)).toMatchObject([{ key: "a", status: "waitlisted", waitlistPosition: 1 }]);
    const children = await rows(`SELECT status FROM registrations WHERE parent_id = ?1`, first!.id);
    expect(children.map((c) => c.status)).toEqual(["rejected"]);
  });

  it("hold expiry", async () => {
    const { slug, eventId } = await createEvent({ capacity: 1, emailConfirmation: true });
    await register(slug, participant(1));
    await register(slug, participant(2));
    const [held, waiting] = await byOrder(eventId);
    await json(await post(`/api/registrations/${await tokenOf(waiting!.id as number)}/confirm`));
    await expireHolds(context(Date.now() + 31 * 60_000));
    expect((await byOrder(eventId)).map((r) => r.status)).toEqual(["expired", "confirmed"]);
    expect(await templatesOf(held!.id as number)).toEqual(["confirm_email"]);
    expect(await templatesOf(waiting!.id as number)).toEqual(["confirm_email", "waitlisted", "promoted"]);
  });

  it("offer expiry", async () => {
    const { eventId, regs } = await fullEvent({ capacity: 1, waitlistMode: "offer", taken: [1], waiting: 2 });
    await json(await post(`/api/registrations/${await tokenOf(regs[0]!.id as number)}/cancel`));
    expect((await byOrder(eventId)).map((r) => r.status)).toEqual(["cancelled", "offered", "waitlisted"]);
    await expireOffers(context(Date.now() + 49 * HOUR));
    expect((await byOrder(eventId)).map((r) => r.status)).toEqual(["cancelled", "expired", "offered"]);
    expect(await templatesOf(regs[1]!.id as number)).toEqual(["waitlisted", "offer", "expired"]);
    expect(await templatesOf(regs[2]!.id as number)).toEqual(["waitlisted", "offer"]);
  });

  it("capacity raise", async () => {
    const { eventId, poolId, regs } = await fullEvent({ capacity: 1, taken: [1], waiting: 2 });
    await json(await consoleFetch(await organiser(), "POST", `/api/console/pools/${poolId}/capacity`, { capacity: 2 }));
    expect((await byOrder(eventId)).map((r) => r.status)).toEqual(["confirmed", "confirmed", "waitlisted"]);
    expect(await templatesOf(regs[1]!.id as number)).toEqual(["waitlisted", "promoted"]);
  });

  it("workshop switch", async () => {
    const { slug, eventId } = await createEvent({ capacity: 10 });
    for (const key of ["a", "b"]) {
      await env.DB.prepare(`INSERT INTO capacity_pools (event_id, kind, key, slot, capacity) VALUES (?1, 'workshop', ?2, 'pm', 1)`).bind(eventId, key).run();
    }
    await register(slug, participant(1, { workshops: [{ slot: "pm", first: "a" }] }));
    await register(slug, participant(2, { workshops: [{ slot: "pm", first: "a" }] }));
    const [switching, waiting] = await byOrder(eventId);
    await json(
      await SELF.fetch(`https://zusammen.test/api/registrations/${await tokenOf(switching!.id as number)}/workshops`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ slot: "pm", key: "b" }),
      }),
    );
    const choices = await rows(
      `SELECT r.parent_id AS parent, p.key, r.status FROM registrations r JOIN capacity_pools p ON p.id = r.pool_id
       WHERE r.event_id = ?1 AND r.parent_id IS NOT NULL AND r.status != 'cancelled' ORDER BY r.parent_id`,
      eventId,
    );
    expect(choices).toEqual([
      { parent: switching!.id, key: "b", status: "confirmed" },
      { parent: waiting!.id, key: "a", status: "confirmed" },
    ]);
  });
});
