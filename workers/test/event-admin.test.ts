/** Organisers create, edit, publish, cancel and duplicate events in the console. */
import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { consoleFetch, createStaff, eventInput, participant, register, rows } from "./fixtures";

async function create(staff: Awaited<ReturnType<typeof createStaff>>, overrides: Record<string, unknown> = {}) {
  const response = await consoleFetch(staff, "POST", "/api/console/events", eventInput(overrides));
  expect(response.status).toBe(201);
  return ((await response.json()) as any).event;
}

describe("console events", () => {
  it("an organiser creates a draft (hidden from the public), publishes it, and participants can register", async () => {
    const organiser = await createStaff({ role: "organiser" });
    const event = await create(organiser);
    expect(event.status).toBe("draft");
    expect(event.slug).toMatch(/^elterncafe-mehrsprachigkeit/);
    expect((await SELF.fetch(`https://zusammen.test/api/events/${event.slug}`)).status).toBe(404);

    const published = await consoleFetch(organiser, "POST", `/api/console/events/${event.id}/publish`, {});
    expect(((await published.json()) as any).event.status).toBe("published");
    const response = await register(event.slug, participant(1, { answers: { children_ages: "3 und 5" }, places: 2 }));
    expect(((await response.json()) as any).registration.status).toBe("confirmed");

    const glance = ((await (await consoleFetch(organiser, "GET", `/api/console/events/${event.id}`)).json()) as any).event;
    expect(glance.pools[0]).toMatchObject({ key: "main", capacity: 2, confirmed: 2, waitlistLength: 0 });
    expect(glance.counts).toEqual({ confirmed: 1 });
  });

  it("bad event forms are refused naming the fields, and nothing is stored", async () => {
    const organiser = await createStaff({ role: "organiser" });
    const before = await rows(`SELECT COUNT(*) AS n FROM events`);
    const start = new Date(Date.now() + 86_400_000).toISOString();
    const response = await consoleFetch(
      organiser,
      "POST",
      "/api/console/events",
      eventInput({
        texts: { en: { title: "Only English" } },
        sessions: [{ startsAt: start, endsAt: start }],
        pools: [],
        questions: [{ id: "q", type: "single_choice", required: true, label: { de: "Wahl" } }],
        maxPlacesPerRegistration: 0,
      }),
    );
    expect(response.status).toBe(422);
    const fields = Object.keys(((await response.json()) as any).error.fields);
    expect(fields).toEqual(expect.arrayContaining(["maxPlacesPerRegistration"]));
    const second = await consoleFetch(
      organiser,
      "POST",
      "/api/console/events",
      eventInput({ texts: { en: { title: "Only English" } }, sessions: [{ startsAt: start, endsAt: start }], pools: [], questions: [{ id: "q", type: "single_choice", required: true, label: { de: "Wahl" } }] }),
    );
    expect(Object.keys(((await second.json()) as any).error.fields).sort()).toEqual(["pools", "questions.0.options", "sessions.0.endsAt", "texts.de.title"]);
    expect(await rows(`SELECT COUNT(*) AS n FROM events`)).toEqual(before);
  });

  it("raising the capacity in the event form promotes the waitlist", async () => {
    const organiser = await createStaff({ role: "organiser" });
    const event = await create(organiser, { pools: [{ kind: "event", key: "main", capacity: 1 }], maxPlacesPerRegistration: 1 });
    await consoleFetch(organiser, "POST", `/api/console/events/${event.id}/publish`, {});
    await register(event.slug, participant(1));
    await register(event.slug, participant(2));
    const saved = await consoleFetch(organiser, "PUT", `/api/console/events/${event.id}`, {
      ...eventInput({ pools: [{ kind: "event", key: "main", capacity: 2 }], maxPlacesPerRegistration: 1 }),
      sessions: event.sessions,
    });
    expect(saved.status).toBe(200);
    expect(((await saved.json()) as any).event.counts).toEqual({ confirmed: 2 });
  });

  it("moving the date of a published event emails every registrant once; a text edit emails nobody", async () => {
    const organiser = await createStaff({ role: "organiser" });
    const event = await create(organiser);
    await consoleFetch(organiser, "POST", `/api/console/events/${event.id}/publish`, {});
    await register(event.slug, participant(1));
    await register(event.slug, participant(2));
    const input = eventInput();
    await consoleFetch(organiser, "PUT", `/api/console/events/${event.id}`, { ...input, sessions: event.sessions, texts: { de: { title: "Neuer Titel" } } });
    const moved = event.sessions.map((s: any) => ({ ...s, startsAt: new Date(Date.parse(s.startsAt) + 86_400_000).toISOString(), endsAt: new Date(Date.parse(s.endsAt) + 86_400_000).toISOString() }));
    await consoleFetch(organiser, "PUT", `/api/console/events/${event.id}`, { ...input, sessions: moved });
    const mails = await rows(
      `SELECT o.to_address AS email FROM outbox o JOIN registrations r ON r.id = o.registration_id WHERE r.event_id = ?1 AND o.template = 'event_changed' ORDER BY email`,
      event.id,
    );
    expect(mails.map((m) => m.email)).toEqual(["person1@example.org", "person2@example.org"]);
  });

  it("cancelling the event cancels every registration and tells each one why, once", async () => {
    const organiser = await createStaff({ role: "organiser" });
    const event = await create(organiser, { pools: [{ kind: "event", key: "main", capacity: 1 }] });
    await consoleFetch(organiser, "POST", `/api/console/events/${event.id}/publish`, {});
    await register(event.slug, participant(1));
    await register(event.slug, participant(2));
    const reason = "Die Referentin ist krank.";
    const response = await consoleFetch(organiser, "POST", `/api/console/events/${event.id}/cancel`, { reason });
    expect(((await response.json()) as any).event).toMatchObject({ status: "cancelled", cancellationReason: reason, counts: { cancelled: 2 } });
    expect((await consoleFetch(organiser, "POST", `/api/console/events/${event.id}/cancel`, { reason })).status).toBe(409);
    const mails = await rows(`SELECT o.template FROM outbox o JOIN registrations r ON r.id = o.registration_id WHERE r.event_id = ?1 AND o.template = 'event_cancelled'`, event.id);
    expect(mails).toHaveLength(2);
    const publicView = ((await (await SELF.fetch(`https://zusammen.test/api/events/${event.slug}`)).json()) as any).event;
    expect(publicView).toMatchObject({ status: "cancelled", cancellationReason: reason, registration: { open: false } });
  });

  it("duplicating makes next year's draft with dates moved and pools copied", async () => {
    const organiser = await createStaff({ role: "organiser" });
    const event = await create(organiser);
    const response = await consoleFetch(organiser, "POST", `/api/console/events/${event.id}/duplicate`, {});
    expect(response.status).toBe(201);
    const copy = ((await response.json()) as any).event;
    expect(copy.status).toBe("draft");
    expect(copy.slug).not.toBe(event.slug);
    expect(Date.parse(copy.sessions[0].startsAt) - Date.parse(event.sessions[0].startsAt)).toBe(364 * 86_400_000);
    expect(copy.pools.map((p: any) => [p.key, p.capacity])).toEqual([["main", 2]]);
    expect(copy.questions).toEqual(event.questions);
  });
});

describe("console events: who may do what", () => {
  it("anonymous → 401; another organisation → 404 without leaking; a check-in helper → 403 on assigned events", async () => {
    const owner = await createStaff({ role: "organiser" });
    const event = await create(owner);
    const stranger = await createStaff({ role: "organiser", organisationId: 2 });
    const helper = await createStaff({ role: "checkin_helper", assignedEventIds: [event.id] });

    expect((await consoleFetch(null, "GET", "/api/console/events")).status).toBe(401);
    expect((await consoleFetch(null, "GET", `/api/console/events/${event.id}`)).status).toBe(401);

    const foreign = await consoleFetch(stranger, "GET", `/api/console/events/${event.id}`);
    expect(foreign.status).toBe(404);
    expect(await foreign.text()).not.toContain("Elterncafé");
    const list = await (await consoleFetch(stranger, "GET", "/api/console/events")).text();
    expect(list).not.toContain(event.slug);
    expect((await consoleFetch(stranger, "PUT", `/api/console/events/${event.id}`, eventInput())).status).toBe(404);
    expect((await consoleFetch(stranger, "POST", "/api/console/events", eventInput({ organisationId: 1 }))).status).toBe(404);

    expect((await consoleFetch(helper, "GET", `/api/console/events/${event.id}`)).status).toBe(403);
    expect((await consoleFetch(helper, "POST", `/api/console/events/${event.id}/publish`, {})).status).toBe(403);
    // Creating events is for organisers: a check-in helper organises no organisation.
    expect((await consoleFetch(helper, "POST", "/api/console/events", eventInput())).status).toBe(403);

    const admin = await createStaff({ isAdmin: true });
    expect((await consoleFetch(admin, "GET", `/api/console/events/${event.id}`)).status).toBe(200);
  });
});
