/**
 * Invariant 2: a waitlist is served in order; an offer or promotion is never lost and never
 * made twice, through cancellations, capacity increases, and expiring holds and offers.
 */
import { createExecutionContext, createScheduledController, env, SELF, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import worker from "../src/index";
import { setPoolCapacity } from "../src/domain/places/pool-size";
import { context, createEvent, participant, post, register, rows, statusCounts, tokenOf } from "./fixtures";

const HOUR = 3_600_000;

async function registrationsOf(eventId: number) {
  return rows(`SELECT id, email, status, places FROM registrations WHERE event_id = ?1 ORDER BY queue_order`, eventId);
}

async function templatesFor(registrationId: number) {
  return (await rows(`SELECT template FROM outbox WHERE registration_id = ?1 ORDER BY rowid`, registrationId)).map(
    (r) => r.template,
  );
}

async function runCron(at: number) {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ scheduledTime: at, cron: "* * * * *" }), env, ctx);
  await waitOnExecutionContext(ctx);
}

async function fill(slug: string, n: number, extra: (i: number) => Record<string, unknown> = () => ({})) {
  for (let i = 1; i <= n; i++) await register(slug, participant(i, extra(i)));
}

describe("serving the waitlist", () => {
  it("a cancellation promotes the first in line, once, with a 'promoted' email", async () => {
    const { slug, eventId } = await createEvent({ capacity: 2 });
    await fill(slug, 4);
    const [first, , third, fourth] = await registrationsOf(eventId);
    const response = await post(`/api/registrations/${await tokenOf(first!.id as number)}/cancel`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as any).registration.status).toBe("cancelled");
    const after = await registrationsOf(eventId);
    expect(after.map((r) => r.status)).toEqual(["cancelled", "confirmed", "confirmed", "waitlisted"]);
    expect(await templatesFor(third!.id as number)).toEqual(["waitlisted", "promoted"]);
    expect(await templatesFor(fourth!.id as number)).toEqual(["waitlisted"]);
    expect(await templatesFor(first!.id as number)).toEqual(["confirmed", "cancelled"]);
  });

  it("two cancellations racing promote two, each exactly once; a double cancel promotes once", async () => {
    const { slug, eventId } = await createEvent({ capacity: 2 });
    await fill(slug, 5);
    const [a, b, c, d, e] = await registrationsOf(eventId);
    const tokenA = await tokenOf(a!.id as number);
    const tokenB = await tokenOf(b!.id as number);
    const results = await Promise.all([
      post(`/api/registrations/${tokenA}/cancel`),
      post(`/api/registrations/${tokenB}/cancel`),
      post(`/api/registrations/${tokenA}/cancel`),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect((await registrationsOf(eventId)).map((r) => r.status)).toEqual(["cancelled", "cancelled", "confirmed", "confirmed", "waitlisted"]);
    expect(await templatesFor(c!.id as number)).toEqual(["waitlisted", "promoted"]);
    expect(await templatesFor(d!.id as number)).toEqual(["waitlisted", "promoted"]);
    expect(await templatesFor(e!.id as number)).toEqual(["waitlisted"]);
    expect(await templatesFor(a!.id as number)).toEqual(["confirmed", "cancelled"]);
  });

  it("a capacity increase promotes as many as fit, in order", async () => {
    const { slug, eventId, poolId } = await createEvent({ capacity: 1 });
    await fill(slug, 5);
    const promoted = await setPoolCapacity(context(), poolId, 3, "system");
    expect(promoted).toBe(2);
    expect((await registrationsOf(eventId)).map((r) => r.status)).toEqual(["confirmed", "confirmed", "confirmed", "waitlisted", "waitlisted"]);
    const event = (await (await SELF.fetch(`https://zusammen.test/api/events/${slug}`)).json()) as any;
    expect(event.event.registration.placesLeft).toBe(0);
  });

  it("first fit in order: a household of 4 keeps its place at the head while a single takes the 2 free places, and is served first when 4 are free", async () => {
    const { slug, eventId, poolId } = await createEvent({ capacity: 4, maxPlaces: 4 });
    await register(slug, participant(1, { places: 2 }));
    await register(slug, participant(2, { places: 2 }));
    await register(slug, participant(3, { places: 4 })); // household of 4, first in line
    await register(slug, participant(4, { places: 1 }));
    await register(slug, participant(5, { places: 1 }));
    const [one, , household] = await registrationsOf(eventId);

    await post(`/api/registrations/${await tokenOf(one!.id as number)}/cancel`);
    // 2 places free: the household does not fit; the next two singles are served in order.
    expect((await registrationsOf(eventId)).map((r) => `${r.places}:${r.status}`)).toEqual([
      "2:cancelled",
      "2:confirmed",
      "4:waitlisted",
      "1:confirmed",
      "1:confirmed",
    ]);
    const position = (await (await SELF.fetch(`https://zusammen.test/api/registrations/${await tokenOf(household!.id as number)}`)).json()) as any;
    expect(position.registration.waitlistPosition).toBe(1);

    // A newcomer of 1 now finds no free place and queues behind the household.
    expect(((await (await register(slug, participant(6, { places: 1 }))).json()) as any).registration).toMatchObject({
      status: "waitlisted",
      waitlistPosition: 2,
    });
    // Raising the capacity to 8 frees 4: the household, still first, is served before the newcomer.
    await setPoolCapacity(context(), poolId, 8, "system");
    expect((await registrationsOf(eventId)).map((r) => `${r.places}:${r.status}`)).toEqual([
      "2:cancelled",
      "2:confirmed",
      "4:confirmed",
      "1:confirmed",
      "1:confirmed",
      "1:waitlisted",
    ]);
  });

  it("offer mode: a freed place becomes an offer; an expired offer passes to the next (cron); acceptance confirms", async () => {
    const { slug, eventId } = await createEvent({ capacity: 1, waitlistMode: "offer" });
    await fill(slug, 3);
    const [a, b, c] = await registrationsOf(eventId);
    await post(`/api/registrations/${await tokenOf(a!.id as number)}/cancel`);
    expect((await registrationsOf(eventId)).map((r) => r.status)).toEqual(["cancelled", "offered", "waitlisted"]);
    expect(await templatesFor(b!.id as number)).toEqual(["waitlisted", "offer"]);
    const viewB = (await (await SELF.fetch(`https://zusammen.test/api/registrations/${await tokenOf(b!.id as number)}`)).json()) as any;
    expect(viewB.registration.actions).toContain("accept-offer");
    expect(Date.parse(viewB.registration.offerExpiresAt) - Date.now()).toBeGreaterThan(47 * HOUR);

    await runCron(Date.now() + 49 * HOUR);
    expect((await registrationsOf(eventId)).map((r) => r.status)).toEqual(["cancelled", "expired", "offered"]);
    expect(await templatesFor(b!.id as number)).toEqual(["waitlisted", "offer", "expired"]);
    expect(await templatesFor(c!.id as number)).toEqual(["waitlisted", "offer"]);

    // B is too late; C accepts in time.
    const late = await post(`/api/registrations/${await tokenOf(b!.id as number)}/accept-offer`);
    expect(late.status).toBe(409);
    expect(((await late.json()) as any).error.code).toBe("offer_expired");
    const accepted = await post(`/api/registrations/${await tokenOf(c!.id as number)}/accept-offer`);
    expect(((await accepted.json()) as any).registration.status).toBe("confirmed");
    expect(await templatesFor(c!.id as number)).toEqual(["waitlisted", "offer", "confirmed"]);
    // A second run of the cron changes nothing more.
    await runCron(Date.now() + 50 * HOUR);
    expect((await registrationsOf(eventId)).map((r) => r.status)).toEqual(["cancelled", "expired", "confirmed"]);
  });
});

describe("email confirmation (double opt-in)", () => {
  it("holds the places until the address is confirmed; GET of the link changes nothing", async () => {
    const { slug, eventId } = await createEvent({ capacity: 1, emailConfirmation: true });
    const answer = (await (await register(slug, participant(1))).json()) as any;
    expect(answer.registration.status).toBe("check_email");
    const [held] = await registrationsOf(eventId);
    expect(held!.status).toBe("held");
    expect(await templatesFor(held!.id as number)).toEqual(["confirm_email"]);

    const token = await tokenOf(held!.id as number);
    for (let i = 0; i < 3; i++) await SELF.fetch(`https://zusammen.test/api/registrations/${token}`);
    expect((await registrationsOf(eventId))[0]!.status).toBe("held");

    // Someone else finds the place held.
    expect(((await (await register(slug, participant(2))).json()) as any).registration.status).toBe("check_email");
    expect((await registrationsOf(eventId)).map((r) => r.status)).toEqual(["held", "waitlisted"]);

    const confirmed = (await (await post(`/api/registrations/${token}/confirm`)).json()) as any;
    expect(confirmed.registration.status).toBe("confirmed");
    expect(await templatesFor(held!.id as number)).toEqual(["confirm_email", "confirmed"]);
    // A second click is harmless.
    expect((await post(`/api/registrations/${token}/confirm`)).status).toBe(200);
    expect(await templatesFor(held!.id as number)).toEqual(["confirm_email", "confirmed"]);
  });

  it("an unconfirmed hold expires through the scheduled handler and its place goes to the next confirmed address", async () => {
    const { slug, eventId } = await createEvent({ capacity: 1, emailConfirmation: true });
    await register(slug, participant(1));
    await register(slug, participant(2));
    const [first, second] = await registrationsOf(eventId);
    const secondToken = await tokenOf(second!.id as number);
    const confirmedWaiting = (await (await post(`/api/registrations/${secondToken}/confirm`)).json()) as any;
    expect(confirmedWaiting.registration).toMatchObject({ status: "waitlisted", waitlistPosition: 1 });

    await runCron(Date.now() + 31 * 60_000);
    expect((await registrationsOf(eventId)).map((r) => r.status)).toEqual(["expired", "confirmed"]);
    expect(await templatesFor(second!.id as number)).toEqual(["confirm_email", "waitlisted", "promoted"]);
    expect(await templatesFor(first!.id as number)).toEqual(["confirm_email"]);

    const late = await post(`/api/registrations/${await tokenOf(first!.id as number)}/confirm`);
    expect(late.status).toBe(409);
    expect(((await late.json()) as any).error.code).toBe("hold_expired");
    expect(await statusCounts(eventId)).toEqual({ expired: { count: 1, places: 1 }, confirmed: { count: 1, places: 1 } });
  });
});
