/**
 * Invariant 1 (no overbooking) and 3 (no lost or doubled registration) under load: many
 * registrations arrive at once through the HTTP layer; and organisers' place-taking actions
 * (confirm now, approve, a capacity decrease) race registrations and cancellations.
 */
import { describe, expect, it } from "vitest";
import { consoleFetch, createEvent, createStaff, participant, post, register, rows, statusCounts, tokenOf } from "./fixtures";
import { placesProblems, replayCapacity, snapshot } from "./places-invariants";

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

describe("organisers' actions racing registrations and cancellations", () => {
  const tag = () => crypto.randomUUID().slice(0, 6);

  /** `n` registrations, each with an address of its own. */
  async function fill(slug: string, n: number, prefix = tag()) {
    for (let i = 0; i < n; i++) expect((await register(slug, participant(i, { email: `${prefix}-${i}@example.org` }))).status).toBe(201);
  }
  async function ids(eventId: number, status: string) {
    return (await rows(`SELECT id FROM registrations WHERE event_id = ?1 AND status = ?2 ORDER BY queue_order`, eventId, status)).map((r) => r.id as number);
  }
  /** An answer as "201", or "409 event_full" for a refusal. */
  async function outcome(response: Response): Promise<string> {
    return response.status < 300 ? String(response.status) : `${response.status} ${((await response.json()) as { error: { code: string } }).error.code}`;
  }

  /**
   * The organiser's requests, `newcomers` registrations and the cancellations of `cancel`, all
   * at once. Every answer is a success (or for the organiser one of `refusals`), never a 5xx;
   * the invariants hold after it, and at every moment of the audit log for capacity.
   */
  async function race(
    event: { slug: string; eventId: number; poolId: number; capacity: number },
    parts: { organiser: () => Promise<Response>[]; newcomers: number; cancel: number[]; refusals?: string[]; outOfOrder?: number[] },
  ) {
    const before = await snapshot(event.eventId);
    const prefix = tag();
    const tokens = await Promise.all(parts.cancel.map((id) => tokenOf(id)));
    const [organiser, joins, leaves] = await Promise.all([
      Promise.all(parts.organiser().map(async (r) => outcome(await r))),
      Promise.all(Array.from({ length: parts.newcomers }, async (_, i) => outcome(await register(event.slug, participant(i, { email: `new-${prefix}-${i}@example.org` }))))),
      Promise.all(tokens.map(async (token) => outcome(await post(`/api/registrations/${token}/cancel`)))),
    ]);
    expect(organiser.filter((s) => s !== "200" && !parts.refusals?.includes(s))).toEqual([]);
    expect([...joins.filter((s) => s !== "201"), ...leaves.filter((s) => s !== "200")]).toEqual([]);
    expect(placesProblems(before, await snapshot(event.eventId), { outOfOrder: parts.outOfOrder, concurrent: true })).toEqual([]);
    expect(await replayCapacity(event.eventId, new Map([[event.poolId, event.capacity]]))).toEqual([]);
  }

  it("confirm now for six waiting, ten registrations and three cancellations at once: never more than the pool", async () => {
    const event = { ...(await createEvent({ capacity: 5 })), capacity: 5 };
    await fill(event.slug, 15);
    const staff = await createStaff({ role: "organiser", organisationId: 1 });
    const [confirmed, waiting] = [await ids(event.eventId, "confirmed"), await ids(event.eventId, "waitlisted")];
    const targets = waiting.slice(2, 8);
    await race(event, {
      organiser: () => targets.map((id) => consoleFetch(staff, "POST", `/api/console/registrations/${id}/confirm`)),
      newcomers: 10,
      cancel: confirmed.slice(0, 3),
      refusals: ["409 event_full"],
      outOfOrder: targets,
    });
    // Three places were freed: taken by three confirm-nows or promotions, never more.
    expect((await statusCounts(event.eventId)).confirmed!.places).toBe(5);
  });

  it("approvals, new applications and cancellations at once: approved places never exceed the pool, the line stays 1..n", async () => {
    const event = { ...(await createEvent({ capacity: 4, registrationMode: "approval" })), capacity: 4 };
    await fill(event.slug, 8);
    const staff = await createStaff({ role: "organiser", organisationId: 1 });
    const approve = (id: number) => consoleFetch(staff, "POST", `/api/console/registrations/${id}/approve`);
    const pending = await ids(event.eventId, "pending_approval");
    for (const id of pending.slice(0, 4)) expect((await approve(id)).status).toBe(200);
    const confirmed = await ids(event.eventId, "confirmed");
    expect(confirmed).toHaveLength(4);
    await race(event, { organiser: () => pending.slice(4).map(approve), newcomers: 6, cancel: confirmed.slice(0, 2) });
    // Two places were freed for four approvals: two confirmed, two waiting at positions 1 and 2.
    expect(await statusCounts(event.eventId)).toMatchObject({
      confirmed: { count: 4, places: 4 },
      waitlisted: { count: 2 },
      cancelled: { count: 2 },
      pending_approval: { count: 6 },
    });
  });

  it("a capacity decrease, registrations and cancellations at once: no place is taken beyond the capacity of its moment", async () => {
    const event = { ...(await createEvent({ capacity: 10 })), capacity: 10 };
    await fill(event.slug, 15);
    const staff = await createStaff({ role: "organiser", organisationId: 1 });
    await race(event, {
      organiser: () => [consoleFetch(staff, "POST", `/api/console/pools/${event.poolId}/capacity`, { capacity: 6 })],
      newcomers: 8,
      cancel: (await ids(event.eventId, "confirmed")).slice(0, 6),
    });
    // However the requests interleaved, nobody was confirmed beyond the capacity of the moment.
    expect((await statusCounts(event.eventId)).confirmed!.places).toBeLessThanOrEqual(10);
  });
});
