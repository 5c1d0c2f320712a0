/**
 * Needs summed for planning, per event and per date: interpreters by language, childcare
 * places by age, access needs. A date expects the registrations made before it ended, so
 * someone who registered after the first date counts from the second on.
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { ConsoleEvent } from "../src/console-types";
import { consoleFetch, createEvent, createStaff, participant, register, rows } from "./fixtures";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe("needs for planning", () => {
  it("are summed per event and per date, by language and by age", async () => {
    const first = Date.now() + 7 * DAY;
    const { slug, eventId } = await createEvent({ capacity: 20, startsAt: first, maxPlaces: 4 });
    await env.DB.prepare(`UPDATE events SET format = 'series' WHERE id = ?1`).bind(eventId).run();
    for (const week of [1, 2]) {
      await env.DB.prepare(`INSERT INTO sessions (event_id, starts_at, ends_at) VALUES (?1, ?2, ?3)`).bind(eventId, first + week * 7 * DAY, first + week * 7 * DAY + 3 * HOUR).run();
    }
    const tag = crypto.randomUUID().slice(0, 8);
    const early = `early-${tag}@example.org`;
    const late = `late-${tag}@example.org`;
    expect((await register(slug, participant(1, { email: early, places: 3, needs: { interpreter: "ar", childcare: { children: 2, ages: "3 und 5" }, accessibility: "Rollstuhl" } }))).status).toBe(201);
    expect((await register(slug, participant(2, { email: late, needs: { interpreter: "uk" } }))).status).toBe(201);
    // The second person registered after the first date had ended.
    const sessions = await rows(`SELECT id, ends_at FROM sessions WHERE event_id = ?1 ORDER BY starts_at`, eventId);
    await env.DB.prepare(`UPDATE registrations SET created_at = ?2 WHERE email = ?1`).bind(late, Number(sessions[0]!.ends_at) + HOUR).run();

    const organiser = await createStaff({ role: "organiser", organisationId: 1 });
    const response = await consoleFetch(organiser, "GET", `/api/console/events/${eventId}`);
    expect(response.status).toBe(200);
    const { event } = (await response.json()) as { event: ConsoleEvent };

    expect(event.needs.interpreter).toEqual({ ar: 1, uk: 1 });
    expect(event.needs.childcare).toMatchObject({ registrations: 1, children: 2, byAge: { "3": 1, "5": 1 } });
    expect(event.needs.accessibility).toEqual(["Rollstuhl"]);

    expect(event.needsByDate.map((d) => d.sessionId)).toEqual(sessions.map((s) => Number(s.id)));
    const [one, two, three] = event.needsByDate;
    expect(one).toMatchObject({ registrations: 1, places: 3, needs: { interpreter: { ar: 1 }, childcare: { children: 2, byAge: { "3": 1, "5": 1 } } } });
    expect(two).toMatchObject({ registrations: 2, places: 4, needs: { interpreter: { ar: 1, uk: 1 } } });
    expect(three).toEqual({ ...two, sessionId: three!.sessionId, startsAt: three!.startsAt });
  });

  it("count an interpreter language once however it was written; one the index does not know as written", async () => {
    const { slug, eventId } = await createEvent({ capacity: 20 });
    const tag = crypto.randomUUID().slice(0, 8);
    const asked = ["Arabisch", "العربية", "arabic.", " uk ", "Tamazight"];
    for (const [i, interpreter] of asked.entries()) {
      expect((await register(slug, participant(i + 1, { email: `interpreter-${i}-${tag}@example.org`, needs: { interpreter } }))).status).toBe(201);
    }
    const organiser = await createStaff({ role: "organiser", organisationId: 1 });
    const { event } = (await (await consoleFetch(organiser, "GET", `/api/console/events/${eventId}`)).json()) as { event: ConsoleEvent };
    expect(event.needs.interpreter).toEqual({ ar: 3, uk: 1, Tamazight: 1 });
  });
});
