/**
 * Invariant 1 (no overbooking) and 3 (no lost or doubled registration) under load: many
 * registrations arrive at once through the HTTP layer.
 */
import { describe, expect, it } from "vitest";
import { createEvent, participant, register, rows, statusCounts } from "./fixtures";

type Answer = { registration: { status: string; places: number; waitlistPosition: number | null } };

describe("concurrent registrations", () => {
  it("200 at once for 20 places: exactly 20 confirmed, 180 waitlisted at positions 1..180", async () => {
    const { slug, eventId } = await createEvent({ capacity: 20 });
    const responses = await Promise.all(Array.from({ length: 200 }, (_, i) => register(slug, participant(i))));
    expect(responses.map((r) => r.status).every((s) => s === 201)).toBe(true);
    const answers = (await Promise.all(responses.map((r) => r.json()))) as Answer[];

    expect(answers.filter((a) => a.registration.status === "confirmed")).toHaveLength(20);
    const positions = answers
      .filter((a) => a.registration.status === "waitlisted")
      .map((a) => a.registration.waitlistPosition!)
      .sort((a, b) => a - b);
    expect(positions).toEqual(Array.from({ length: 180 }, (_, i) => i + 1));

    expect(await statusCounts(eventId)).toEqual({
      confirmed: { count: 20, places: 20 },
      waitlisted: { count: 180, places: 180 },
    });
    const emails = await rows(`SELECT COUNT(DISTINCT email_normalized) AS n FROM registrations WHERE event_id = ?1`, eventId);
    expect(emails[0]!.n).toBe(200);
  });

  it("households of 1 to 3 places at once never exceed the capacity, and nobody who fits is overtaken", async () => {
    const { slug, eventId, poolId } = await createEvent({ capacity: 20, maxPlaces: 3 });
    const responses = await Promise.all(
      Array.from({ length: 120 }, (_, i) => register(slug, participant(i, { places: (i % 3) + 1 }))),
    );
    expect(responses.every((r) => r.status === 201)).toBe(true);
    const counts = await statusCounts(eventId);
    expect(counts.confirmed!.places).toBeLessThanOrEqual(20);
    // Every waiting household needs more places than are free (else it would have been served).
    const free = 20 - counts.confirmed!.places;
    const fitting = await rows(
      `SELECT COUNT(*) AS n FROM registrations WHERE pool_id = ?1 AND status = 'waitlisted' AND places <= ?2`,
      poolId,
      free,
    );
    expect(fitting[0]!.n).toBe(0);
    expect(counts.confirmed!.count + counts.waitlisted!.count).toBe(120);
  });

  it("the same request retried at once with one Idempotency-Key stores one registration", async () => {
    const { slug, eventId } = await createEvent({ capacity: 5 });
    const key = crypto.randomUUID();
    const responses = await Promise.all(Array.from({ length: 10 }, () => register(slug, participant(1), { "Idempotency-Key": key })));
    expect(responses.every((r) => r.status === 201)).toBe(true);
    expect(await statusCounts(eventId)).toEqual({ confirmed: { count: 1, places: 1 } });
    const outbox = await rows(`SELECT template FROM outbox o JOIN registrations r ON r.id = o.registration_id WHERE r.event_id = ?1`, eventId);
    expect(outbox.map((o) => o.template)).toEqual(["confirmed"]);
  });
});
