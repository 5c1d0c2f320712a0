/**
 * The console's registrations and waitlists: the list, one registration, and what organisers
 * do on a participant's behalf. Each change is checked for its state, its audit row (actor,
 * reason) and its emails (outbox rows); capacity is never exceeded. Access for every route
 * is walked in console-security.test.ts; here the happy and bad-input cases, and access
 * where a route has its own rule.
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { consoleFetch, createEvent, createStaff, participant, register, rows, statusCounts, type StaffSession } from "./fixtures";

async function call(staff: StaffSession | null, method: string, path: string, body?: unknown) {
  const response = await consoleFetch(staff, method, path, body);
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as any };
}

async function organiser() {
  return createStaff({ role: "organiser", organisationId: 1 });
}

async function fill(slug: string, n: number, extra: (i: number) => Record<string, unknown> = () => ({})) {
  const tag = crypto.randomUUID().slice(0, 6);
  for (let i = 1; i <= n; i++) {
    const response = await register(slug, participant(i, { email: `p${i}-${tag}@example.org`, ...extra(i) }));
    expect(response.status).toBe(201);
  }
}

async function byQueue(eventId: number) {
  return rows(`SELECT id, name, email, status, places, queue_order FROM registrations WHERE event_id = ?1 ORDER BY id`, eventId);
}

async function outboxOf(registrationId: number) {
  return (await rows(`SELECT template, data FROM outbox WHERE registration_id = ?1 ORDER BY rowid`, registrationId)).map((r) => ({
    template: r.template as string,
    data: JSON.parse(r.data as string),
  }));
}

async function auditOf(registrationId: number) {
  return (await rows(`SELECT actor, action, details FROM audit_log WHERE registration_id = ?1 ORDER BY id`, registrationId)).map((r) => ({
    actor: r.actor as string,
    action: r.action as string,
    details: JSON.parse(r.details as string),
  }));
}

describe("GET /api/console/events/{id}/registrations", () => {
  it("lists with waitlist positions, latest email state and bouncing addresses; searches and filters", async () => {
    const { slug, eventId } = await createEvent({ capacity: 2 });
    await fill(slug, 4, (i) => ({ name: ["Özlem Über", "Jonas Meyer", "Олена Шевченко", "Ahmad Al-Sayed"][i - 1] }));
    const regs = await byQueue(eventId);
    await env.DB.prepare(`INSERT INTO email_suppressions (email_normalized, reason) VALUES (?1, 'bounce')`).bind(regs[3]!.email).run();
    const staff = await organiser();

    const all = await call(staff, "GET", `/api/console/events/${eventId}/registrations`);
    expect(all.status).toBe(200);
    expect(all.body.registrations.map((r: any) => [r.name, r.status, r.waitlistPosition])).toEqual([
      ["Özlem Über", "confirmed", null],
      ["Jonas Meyer", "confirmed", null],
      ["Олена Шевченко", "waitlisted", 1],
      ["Ahmad Al-Sayed", "waitlisted", 2],
    ]);
    const first = all.body.registrations[0];
    expect(first).toMatchObject({ poolKey: "main", places: 1, locale: "de", awaitingEmail: false, bouncing: false });
    expect(first.emailStatus.template).toBe("confirmed");
    expect(["queued", "sending", "sent"]).toContain(first.emailStatus.status);
    expect(all.body.registrations[3].bouncing).toBe(true);

    const search = async (q: string) =>
      (await call(staff, "GET", `/api/console/events/${eventId}/registrations?q=${encodeURIComponent(q)}`)).body.registrations.map((r: any) => r.name);
    expect(await search("über")).toEqual(["Özlem Über"]);
    expect(await search("ОЛЕНА")).toEqual(["Олена Шевченко"]);
    expect(await search(regs[1]!.email as string)).toEqual(["Jonas Meyer"]);
    expect(await search("nobody")).toEqual([]);

    const waiting = await call(staff, "GET", `/api/console/events/${eventId}/registrations?status=waitlisted`);
    expect(waiting.body.registrations.map((r: any) => r.waitlistPosition)).toEqual([1, 2]);
    const both = await call(staff, "GET", `/api/console/events/${eventId}/registrations?status=confirmed,waitlisted&pool=main`);
    expect(both.body.registrations).toHaveLength(4);
    expect((await call(staff, "GET", `/api/console/events/${eventId}/registrations?pool=nope`)).body.registrations).toEqual([]);
  });

  it("rejects an unknown status filter, naming the field", async () => {
    const { eventId } = await createEvent();
    const response = await call(await organiser(), "GET", `/api/console/events/${eventId}/registrations?status=confirmed,bogus`);
    expect(response.status).toBe(422);
    expect(Object.keys(response.body.error.fields)).toEqual(["status.1"]);
  });

  it("an unknown event is 404, a malformed id too", async () => {
    const staff = await organiser();
    expect((await call(staff, "GET", `/api/console/events/999999/registrations`)).status).toBe(404);
    expect((await call(staff, "GET", `/api/console/events/abc/registrations`)).status).toBe(404);
  });
});

describe("GET /api/console/registrations/{id}", () => {
  it("shows the registration with its history and every email", async () => {
    const { slug, eventId } = await createEvent({ capacity: 1 });
    await fill(slug, 1);
    const [reg] = await byQueue(eventId);
    const staff = await organiser();
    const response = await call(staff, "GET", `/api/console/registrations/${reg!.id}`);
    expect(response.status).toBe(200);
    const detail = response.body.registration;
    expect(detail.history.map((h: any) => [h.actor, h.action])).toEqual([["participant", "registration.created"]]);
    expect(detail.emails.map((e: any) => e.template)).toEqual(["confirmed"]);
    expect(detail.emails[0]).toMatchObject({ attempts: expect.any(Number), lastError: null });
    expect((await call(staff, "GET", `/api/console/registrations/999999`)).status).toBe(404);
  });
});

describe("PATCH /api/console/registrations/{id}", () => {
  it("edits on the participant's behalf, tells them, and logs who did it", async () => {
    const { slug, eventId } = await createEvent({ capacity: 5, maxPlaces: 3 });
    await fill(slug, 1);
    const [reg] = await byQueue(eventId);
    const staff = await organiser();
    const response = await call(staff, "PATCH", `/api/console/registrations/${reg!.id}`, {
      name: "Ayşe Yılmaz",
      places: 3,
      needs: { interpreter: "tr" },
      locale: "tr",
    });
    expect(response.status).toBe(200);
    expect(response.body.registration).toMatchObject({ name: "Ayşe Yılmaz", places: 3, locale: "tr", needs: { interpreter: "tr" } });
    const mails = await outboxOf(reg!.id as number);
    expect(mails.map((m) => m.template)).toEqual(["confirmed", "updated_by_organiser"]);
    expect([...mails[1]!.data.changes].sort()).toEqual(["locale", "name", "needs", "places"]);
    // The console form sends every field: what did not change is no change, and sends nothing.
    const same = await call(staff, "PATCH", `/api/console/registrations/${reg!.id}`, {
      name: "Ayşe Yılmaz",
      email: reg!.email,
      places: 3,
      locale: "tr",
      answers: {},
      needs: { interpreter: "tr" },
    });
    expect(same.status).toBe(200);
    const onlyEmail = await call(staff, "PATCH", `/api/console/registrations/${reg!.id}`, { name: "Ayşe Yılmaz", email: "neu@example.org" });
    expect(onlyEmail.status).toBe(200);
    const all = await outboxOf(reg!.id as number);
    expect(all.map((m) => m.template)).toEqual(["confirmed", "updated_by_organiser", "updated_by_organiser"]);
    expect(all[2]!.data.changes).toEqual(["email"]);
    const audit = await auditOf(reg!.id as number);
    expect(audit.at(-1)).toMatchObject({ actor: `user:${staff.userId}`, action: "registration.updated_by_organiser" });
  });

  it("more places only if they fit (one guarded statement); fewer places serve the waitlist", async () => {
    const { slug, eventId } = await createEvent({ capacity: 3, maxPlaces: 3 });
    await fill(slug, 2, (i) => ({ places: i === 1 ? 2 : 2 }));
    const [first, second] = await byQueue(eventId);
    expect([first!.status, second!.status]).toEqual(["confirmed", "waitlisted"]);
    const staff = await organiser();
    const tooMany = await call(staff, "PATCH", `/api/console/registrations/${first!.id}`, { places: 3 });
    expect(tooMany.status).toBe(200); // 3 places, capacity 3: fits
    const over = await call(staff, "PATCH", `/api/console/registrations/${first!.id}`, { places: 4 });
    expect(over.status).toBe(422); // beyond the household limit
    await env.DB.prepare(`UPDATE events SET max_places_per_registration = 5 WHERE id = ?1`).bind(eventId).run();
    const full = await call(staff, "PATCH", `/api/console/registrations/${first!.id}`, { places: 4 });
    expect(full.status).toBe(409);
    expect(full.body.error.code).toBe("event_full");
    expect((await call(staff, "PATCH", `/api/console/registrations/${first!.id}`, { places: 1 })).status).toBe(200);
    expect((await byQueue(eventId)).map((r) => [r.status, r.places])).toEqual([
      ["confirmed", 1],
      ["confirmed", 2],
    ]);
  });

  it("a new email address gets a new manage link; an address already registered is refused", async () => {
    const { slug, eventId } = await createEvent({ capacity: 5 });
    await fill(slug, 2);
    const [a, b] = await byQueue(eventId);
    const [before] = await rows(`SELECT manage_token_hash AS h FROM registrations WHERE id = ?1`, a!.id);
    const staff = await organiser();
    const taken = await call(staff, "PATCH", `/api/console/registrations/${a!.id}`, { email: (b!.email as string).toUpperCase() });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe("email_taken");
    const moved = await call(staff, "PATCH", `/api/console/registrations/${a!.id}`, { email: "richtig@example.org" });
    expect(moved.status).toBe(200);
    const [after] = await rows(`SELECT manage_token_hash AS h, email_normalized AS e FROM registrations WHERE id = ?1`, a!.id);
    expect(after!.h).not.toBe(before!.h);
    expect(after!.e).toBe("richtig@example.org");
    const [mail] = await rows(`SELECT to_address FROM outbox WHERE registration_id = ?1 AND template = 'updated_by_organiser'`, a!.id);
    expect(mail!.to_address).toBe("richtig@example.org");
  });

  it("bad input names each field and changes nothing", async () => {
    const { slug, eventId } = await createEvent({
      capacity: 5,
      questions: [{ id: "topic", type: "single_choice", required: true, label: { de: "Thema" }, options: [{ id: "a", label: { de: "A" } }] }],
    });
    await fill(slug, 1, () => ({ answers: { topic: "a" } }));
    const [reg] = await byQueue(eventId);
    const staff = await organiser();
    const bad = await call(staff, "PATCH", `/api/console/registrations/${reg!.id}`, {
      email: "not-an-email",
      name: "",
      colour: "blue",
      answers: { topic: "z", other: "x" },
    });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["colour", "email", "name"]);
    const answers = await call(staff, "PATCH", `/api/console/registrations/${reg!.id}`, { answers: { topic: "z", other: "x" } });
    expect(answers.status).toBe(422);
    expect(Object.keys(answers.body.error.fields).sort()).toEqual(["answers.other", "answers.topic"]);
    expect((await outboxOf(reg!.id as number)).map((m) => m.template)).toEqual(["confirmed"]);
  });
});

describe("POST /api/console/registrations/{id}/cancel", () => {
  it("cancels with the reason, promotes the next in line and emails both", async () => {
    const { slug, eventId } = await createEvent({ capacity: 1 });
    await fill(slug, 3);
    const [a, b, c] = await byQueue(eventId);
    const staff = await organiser();
    const response = await call(staff, "POST", `/api/console/registrations/${a!.id}/cancel`, { reason: "Anruf: krank" });
    expect(response.status).toBe(200);
    expect(response.body.registration.status).toBe("cancelled");
    expect((await byQueue(eventId)).map((r) => r.status)).toEqual(["cancelled", "confirmed", "waitlisted"]);
    expect(await outboxOf(a!.id as number)).toEqual([
      { template: "confirmed", data: expect.anything() },
      { template: "cancelled_by_organiser", data: expect.objectContaining({ reason: "Anruf: krank" }) },
    ]);
    expect((await outboxOf(b!.id as number)).map((m) => m.template)).toEqual(["waitlisted", "promoted"]);
    expect((await outboxOf(c!.id as number)).map((m) => m.template)).toEqual(["waitlisted"]);
    expect((await auditOf(a!.id as number)).at(-1)).toMatchObject({
      actor: `user:${staff.userId}`,
      action: "registration.cancelled_by_organiser",
      details: { status: "cancelled", reason: "Anruf: krank" },
    });
    // A second click changes nothing and sends nothing.
    expect((await call(staff, "POST", `/api/console/registrations/${a!.id}/cancel`, { reason: "nochmal" })).status).toBe(200);
    expect(await outboxOf(a!.id as number)).toHaveLength(2);
  });

  it("needs a reason", async () => {
    const { slug, eventId } = await createEvent();
    await fill(slug, 1);
    const [a] = await byQueue(eventId);
    const response = await call(await organiser(), "POST", `/api/console/registrations/${a!.id}/cancel`, {});
    expect(response.status).toBe(422);
    expect(Object.keys(response.body.error.fields)).toEqual(["reason"]);
    const noJson = await consoleFetch(await organiser(), "POST", `/api/console/registrations/${a!.id}/cancel`, undefined, { "content-type": "text/plain" });
    expect(noJson.status).toBe(415);
  });
});

describe("confirm and offer now", () => {
  it("confirm now over capacity is refused; an offered one is confirmed; out of order when places are free", async () => {
    const { slug, eventId, poolId } = await createEvent({ capacity: 1 });
    await fill(slug, 3);
    const [, b, c] = await byQueue(eventId);
    const staff = await organiser();
    const full = await call(staff, "POST", `/api/console/registrations/${c!.id}/confirm`);
    expect(full.status).toBe(409);
    expect(full.body.error.code).toBe("event_full");
    expect(await statusCounts(eventId)).toMatchObject({ confirmed: { count: 1 }, waitlisted: { count: 2 } });

    // A place appears without the waitlist being served (e.g. set in the database): the organiser picks c, not b.
    await env.DB.prepare(`UPDATE capacity_pools SET capacity = 2 WHERE id = ?1`).bind(poolId).run();
    const confirmed = await call(staff, "POST", `/api/console/registrations/${c!.id}/confirm`);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.registration.status).toBe("confirmed");
    expect((await outboxOf(c!.id as number)).map((m) => m.template)).toEqual(["waitlisted", "promoted"]);
    expect((await call(staff, "POST", `/api/console/registrations/${b!.id}/confirm`)).status).toBe(409);
    expect((await auditOf(c!.id as number)).at(-1)).toMatchObject({ actor: `user:${staff.userId}`, action: "registration.confirmed_by_organiser" });
    // Confirming a confirmed one again is a harmless second click; a cancelled one cannot be confirmed.
    expect((await call(staff, "POST", `/api/console/registrations/${c!.id}/confirm`)).status).toBe(200);
  });

  it("offer now gives the event's deadline; confirming the offer takes no new place", async () => {
    const { slug, eventId, poolId } = await createEvent({ capacity: 1 });
    await env.DB.prepare(`UPDATE events SET offer_hours = 24 WHERE id = ?1`).bind(eventId).run();
    await fill(slug, 3);
    const [, b, c] = await byQueue(eventId);
    const staff = await organiser();
    expect((await call(staff, "POST", `/api/console/registrations/${c!.id}/offer`)).body.error.code).toBe("event_full");
    await env.DB.prepare(`UPDATE capacity_pools SET capacity = 2 WHERE id = ?1`).bind(poolId).run();
    const before = Date.now();
    const offered = await call(staff, "POST", `/api/console/registrations/${c!.id}/offer`);
    expect(offered.status).toBe(200);
    expect(offered.body.registration.status).toBe("offered");
    const deadline = Date.parse(offered.body.registration.offerExpiresAt);
    expect(deadline).toBeGreaterThanOrEqual(before + 24 * 3_600_000);
    expect(deadline).toBeLessThan(Date.now() + 24 * 3_600_000 + 1000);
    expect((await outboxOf(c!.id as number)).map((m) => m.template)).toEqual(["waitlisted", "offer"]);
    // The offer holds the place: b cannot be confirmed, the offered one can.
    expect((await call(staff, "POST", `/api/console/registrations/${b!.id}/confirm`)).status).toBe(409);
    const confirmed = await call(staff, "POST", `/api/console/registrations/${c!.id}/confirm`);
    expect(confirmed.body.registration.status).toBe("confirmed");
    expect((await outboxOf(c!.id as number)).map((m) => m.template)).toEqual(["waitlisted", "offer", "confirmed"]);
    expect(await statusCounts(eventId)).toMatchObject({ confirmed: { count: 2 }, waitlisted: { count: 1 } });
  });

  it("refuses what is not waiting", async () => {
    const { slug, eventId } = await createEvent({ capacity: 5 });
    await fill(slug, 1);
    const [a] = await byQueue(eventId);
    const staff = await organiser();
    expect((await call(staff, "POST", `/api/console/registrations/${a!.id}/offer`)).body.error.code).toBe("invalid_state");
    await call(staff, "POST", `/api/console/registrations/${a!.id}/cancel`, { reason: "x" });
    expect((await call(staff, "POST", `/api/console/registrations/${a!.id}/confirm`)).body.error.code).toBe("invalid_state");
    expect((await call(staff, "POST", `/api/console/registrations/${a!.id}/confirm`, { extra: 1 })).status).toBe(422);
  });

  it("concurrent confirmations never exceed the pool", async () => {
    const { slug, eventId, poolId } = await createEvent({ capacity: 1 });
    await fill(slug, 8);
    await env.DB.prepare(`UPDATE capacity_pools SET capacity = 3 WHERE id = ?1`).bind(poolId).run();
    const waiting = (await byQueue(eventId)).filter((r) => r.status === "waitlisted");
    const staff = await organiser();
    const results = await Promise.all(waiting.map((r) => call(staff, "POST", `/api/console/registrations/${r.id}/confirm`)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(2);
    expect(results.filter((r) => r.status === 409)).toHaveLength(5);
    expect((await statusCounts(eventId)).confirmed!.places).toBe(3);
  });
});

describe("POST /api/console/registrations/{id}/move", () => {
  it("swaps with the neighbour, logs the reason, and stops at the ends", async () => {
    const { slug, eventId } = await createEvent({ capacity: 1 });
    await fill(slug, 4);
    const [a, b, c, d] = await byQueue(eventId);
    const staff = await organiser();
    const positions = async () =>
      (await call(staff, "GET", `/api/console/events/${eventId}/registrations?status=waitlisted`)).body.registrations.map((r: any) => [r.id, r.waitlistPosition]);
    expect(await positions()).toEqual([[b!.id, 1], [c!.id, 2], [d!.id, 3]]);

    const up = await call(staff, "POST", `/api/console/registrations/${d!.id}/move`, { direction: "up", reason: "Härtefall: alleinerziehend" });
    expect(up.status).toBe(200);
    expect(up.body.registration.waitlistPosition).toBe(2);
    expect(await positions()).toEqual([[b!.id, 1], [d!.id, 2], [c!.id, 3]]);
    expect((await auditOf(d!.id as number)).at(-1)).toMatchObject({
      actor: `user:${staff.userId}`,
      action: "registration.moved",
      details: { direction: "up", reason: "Härtefall: alleinerziehend", position: 2 },
    });
    expect((await auditOf(c!.id as number)).at(-1)).toMatchObject({ details: { direction: "down", position: 3 } });

    expect((await call(staff, "POST", `/api/console/registrations/${d!.id}/move`, { direction: "up", reason: "noch weiter" })).status).toBe(200);
    expect(await positions()).toEqual([[d!.id, 1], [b!.id, 2], [c!.id, 3]]);
    const first = await call(staff, "POST", `/api/console/registrations/${d!.id}/move`, { direction: "up", reason: "x" });
    expect(first.status).toBe(409);
    expect(first.body.error.code).toBe("already_first");
    expect((await call(staff, "POST", `/api/console/registrations/${c!.id}/move`, { direction: "down", reason: "x" })).body.error.code).toBe("already_last");
    expect((await call(staff, "POST", `/api/console/registrations/${a!.id}/move`, { direction: "down", reason: "x" })).body.error.code).toBe("invalid_state");
    // No emails for a new position.
    expect((await outboxOf(d!.id as number)).map((m) => m.template)).toEqual(["waitlisted"]);
    // The next free place goes to the new head of the line.
    await call(staff, "POST", `/api/console/registrations/${a!.id}/cancel`, { reason: "abgesagt" });
    expect((await rows(`SELECT status FROM registrations WHERE id = ?1`, d!.id))[0]!.status).toBe("confirmed");
  });

  it("needs a direction and a reason", async () => {
    const { slug, eventId } = await createEvent({ capacity: 1 });
    await fill(slug, 2);
    const [, b] = await byQueue(eventId);
    const response = await call(await organiser(), "POST", `/api/console/registrations/${b!.id}/move`, { direction: "sideways" });
    expect(response.status).toBe(422);
    expect(Object.keys(response.body.error.fields).sort()).toEqual(["direction", "reason"]);
  });
});

describe("applications: approve and reject", () => {
  async function applications(n: number, options: { capacity: number; waitlistEnabled?: boolean }) {
    const { slug, eventId } = await createEvent({ ...options, registrationMode: "approval" });
    await env.DB.prepare(`UPDATE events SET waitlist_enabled = 1 WHERE id = ?1`).bind(eventId).run();
    await fill(slug, n);
    if (options.waitlistEnabled === false) await env.DB.prepare(`UPDATE events SET waitlist_enabled = 0 WHERE id = ?1`).bind(eventId).run();
    const regs = await byQueue(eventId);
    expect(regs.map((r) => r.status)).toEqual(regs.map(() => "pending_approval"));
    return { eventId, regs };
  }

  it("approve confirms while places fit, then waitlists at the end of the line; reject tells the applicant kindly", async () => {
    const { eventId, regs } = await applications(3, { capacity: 1 });
    const [a, b, c] = regs;
    const staff = await organiser();
    const approved = await call(staff, "POST", `/api/console/registrations/${a!.id}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body.registration.status).toBe("confirmed");
    const waitlisted = await call(staff, "POST", `/api/console/registrations/${b!.id}/approve`, {});
    expect(waitlisted.body.registration).toMatchObject({ status: "waitlisted", waitlistPosition: 1 });
    expect((await outboxOf(a!.id as number)).at(-1)!.template).toBe("confirmed");
    expect((await outboxOf(b!.id as number)).at(-1)!.template).toBe("waitlisted");
    expect((await auditOf(a!.id as number)).at(-1)).toMatchObject({ actor: `user:${staff.userId}`, action: "registration.approved" });

    const rejected = await call(staff, "POST", `/api/console/registrations/${c!.id}/reject`, { reason: "Der Kurs richtet sich an Lehrkräfte." });
    expect(rejected.status).toBe(200);
    expect(rejected.body.registration.status).toBe("rejected");
    expect((await outboxOf(c!.id as number)).at(-1)).toEqual({
      template: "application_rejected",
      data: expect.objectContaining({ reason: "Der Kurs richtet sich an Lehrkräfte." }),
    });
    expect((await auditOf(c!.id as number)).at(-1)).toMatchObject({ action: "registration.rejected", details: { reason: "Der Kurs richtet sich an Lehrkräfte." } });
    expect((await call(staff, "POST", `/api/console/registrations/${c!.id}/approve`)).body.error.code).toBe("invalid_state");
    expect((await call(staff, "POST", `/api/console/registrations/${a!.id}/reject`, {})).body.error.code).toBe("invalid_state");
    expect(await statusCounts(eventId)).toMatchObject({ confirmed: { count: 1 }, waitlisted: { count: 1 }, rejected: { count: 1 } });
  });

  it("a full event without waitlist refuses the approval; reject accepts no unknown fields", async () => {
    const { regs } = await applications(2, { capacity: 1, waitlistEnabled: false });
    const staff = await organiser();
    expect((await call(staff, "POST", `/api/console/registrations/${regs[0]!.id}/approve`)).status).toBe(200);
    const full = await call(staff, "POST", `/api/console/registrations/${regs[1]!.id}/approve`);
    expect(full.status).toBe(409);
    expect(full.body.error.code).toBe("event_full");
    expect((await call(staff, "POST", `/api/console/registrations/${regs[1]!.id}/reject`, { why: "x" })).status).toBe(422);
  });
});

describe("POST /api/console/pools/{id}/capacity", () => {
  it("a raise promotes the waitlist at once and answers with the event", async () => {
    const { slug, eventId, poolId } = await createEvent({ capacity: 1 });
    await fill(slug, 3);
    const staff = await organiser();
    const response = await call(staff, "POST", `/api/console/pools/${poolId}/capacity`, { capacity: 2 });
    expect(response.status).toBe(200);
    expect(response.body.event.pools[0]).toMatchObject({ capacity: 2, confirmed: 2, waitlistLength: 1 });
    expect((await byQueue(eventId)).map((r) => r.status)).toEqual(["confirmed", "confirmed", "waitlisted"]);
    const [audit] = await rows(`SELECT actor, action FROM audit_log WHERE event_id = ?1 AND action = 'pool.capacity_changed'`, eventId);
    expect(audit).toEqual({ actor: `user:${staff.userId}`, action: "pool.capacity_changed" });
  });

  it("bad input and unknown pools", async () => {
    const { poolId } = await createEvent();
    const staff = await organiser();
    const bad = await call(staff, "POST", `/api/console/pools/${poolId}/capacity`, { capacity: -1 });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fields)).toEqual(["capacity"]);
    expect((await call(staff, "POST", `/api/console/pools/${poolId}/capacity`, { capacity: "zwei" })).status).toBe(422);
    expect((await call(staff, "POST", `/api/console/pools/999999/capacity`, { capacity: 2 })).status).toBe(404);
  });
});

describe("POST /api/console/events/{id}/messages", () => {
  it("reaches exactly the chosen statuses, each address once", async () => {
    const { slug, eventId } = await createEvent({ capacity: 2 });
    await fill(slug, 4);
    const [a, b, c, d] = await byQueue(eventId);
    const staff = await organiser();
    await call(staff, "POST", `/api/console/registrations/${d!.id}/cancel`, { reason: "x" });
    // d's address registers again: one live and one cancelled registration, one email.
    await register(slug, participant(9, { email: d!.email }));
    const [again] = await rows(`SELECT id, status FROM registrations WHERE event_id = ?1 AND id > ?2`, eventId, d!.id);
    expect(again!.status).toBe("waitlisted");

    const message = { subject: "Raumänderung", body: "Wir treffen uns\nin Raum 2.", statuses: ["confirmed"] };
    const sent = await call(staff, "POST", `/api/console/events/${eventId}/messages`, message);
    expect(sent.status).toBe(202);
    expect(sent.body.queued).toBe(2);
    const messages = await rows(`SELECT registration_id AS id, data FROM outbox WHERE template = 'organiser_message' AND registration_id IN (SELECT id FROM registrations WHERE event_id = ?1)`, eventId);
    expect(messages.map((m) => m.id).sort()).toEqual([a!.id, b!.id].sort());
    expect(JSON.parse(messages[0]!.data as string)).toMatchObject({ subject: "Raumänderung", body: "Wir treffen uns\nin Raum 2." });

    const second = await call(staff, "POST", `/api/console/events/${eventId}/messages`, { ...message, statuses: ["waitlisted", "cancelled"] });
    expect(second.body.queued).toBe(2);
    const waiting = await rows(
      `SELECT registration_id AS id FROM outbox WHERE template = 'organiser_message' AND registration_id IN (SELECT id FROM registrations WHERE event_id = ?1) ORDER BY registration_id`,
      eventId,
    );
    expect(waiting.map((m) => m.id)).toEqual([a!.id, b!.id, c!.id, again!.id].sort((x, y) => (x as number) - (y as number)));
    const [log] = await rows(`SELECT actor, details FROM audit_log WHERE event_id = ?1 AND action = 'event.message_sent' ORDER BY id LIMIT 1`, eventId);
    expect(log!.actor).toBe(`user:${staff.userId}`);
    expect(JSON.parse(log!.details as string)).toEqual({ subject: "Raumänderung", statuses: ["confirmed"], recipients: 2 });
  });

  it("bad input names the fields and queues nothing", async () => {
    const { slug, eventId } = await createEvent();
    await fill(slug, 1);
    const staff = await organiser();
    const bad = await call(staff, "POST", `/api/console/events/${eventId}/messages`, { subject: "Zeile\nBruch", body: "", statuses: [] });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(["body", "statuses", "subject"]);
    expect((await call(staff, "POST", `/api/console/events/${eventId}/messages`, { subject: "a", body: "b", statuses: ["everyone"] })).status).toBe(422);
    expect(await rows(`SELECT 1 FROM outbox WHERE template = 'organiser_message' AND registration_id IN (SELECT id FROM registrations WHERE event_id = ?1)`, eventId)).toEqual([]);
  });
});

describe("GET /api/console/events/{id}/audit", () => {
  it("shows who did what, newest first, with the staff member's email", async () => {
    const { slug, eventId } = await createEvent({ capacity: 1 });
    await fill(slug, 2);
    const [a] = await byQueue(eventId);
    const staff = await organiser();
    await call(staff, "POST", `/api/console/registrations/${a!.id}/cancel`, { reason: "telefonisch" });
    const response = await call(staff, "GET", `/api/console/events/${eventId}/audit`);
    expect(response.status).toBe(200);
    const [staffEmail] = await rows(`SELECT email FROM users WHERE id = ?1`, staff.userId);
    const cancel = response.body.entries.find((e: any) => e.action === "registration.cancelled_by_organiser");
    expect(cancel).toMatchObject({ actor: `user:${staff.userId}`, actorEmail: staffEmail!.email, registrationId: a!.id, details: { reason: "telefonisch" } });
    expect(response.body.entries[0].action).toBe("registration.promoted");
    expect(response.body.entries.some((e: any) => e.action === "registration.created" && e.actor === "participant" && e.actorEmail === null)).toBe(true);
  });
});
