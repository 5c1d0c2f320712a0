/**
 * The pools' counters (places taken, length of the line) and the events' version stamps are
 * kept by triggers (db/migrations/0006), whatever writes: the domain, the console or raw SQL.
 * Here every kind of write is made straight in SQL and the counters are compared with a
 * count of the registrations themselves.
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createEvent, participant, register, rows } from "./fixtures";

/** The counters next to what the registrations hold, per pool of the event. */
async function counters(eventId: number) {
  return rows(
    `SELECT p.id, p.places_taken AS placesTaken, p.line_length AS lineLength,
       (SELECT COALESCE(SUM(r.places), 0) FROM registrations r WHERE r.pool_id = p.id AND r.status IN ('held', 'confirmed', 'offered')) AS countedTaken,
       (SELECT COUNT(*) FROM registrations r WHERE r.pool_id = p.id AND r.status = 'waitlisted' AND r.awaiting_email = 0) AS countedLine
     FROM capacity_pools p WHERE p.event_id = ?1 ORDER BY p.id`,
    eventId,
  );
}

function expectAgreement(list: Record<string, unknown>[]) {
  for (const pool of list) expect([pool.placesTaken, pool.lineLength]).toEqual([pool.countedTaken, pool.countedLine]);
}

const version = async (eventId: number) => (await rows(`SELECT version FROM events WHERE id = ?1`, eventId))[0]!.version as number;

describe("pool counters", () => {
  it("follow inserts, status and places changes, moves between pools, address confirmation and deletes", async () => {
    const { slug, eventId, poolId } = await createEvent({ capacity: 3, maxPlaces: 3 });
    for (let i = 0; i < 5; i++) expect((await register(slug, participant(i, { places: (i % 2) + 1 }))).status).toBe(201);
    const [before] = await counters(eventId);
    expect(before).toMatchObject({ placesTaken: 3 });
    expectAgreement([before!]);

    const second = (await env.DB.prepare(`INSERT INTO capacity_pools (event_id, kind, key, capacity) VALUES (?1, 'registration_type', 'stand', 5) RETURNING id`)
      .bind(eventId)
      .first<{ id: number }>())!.id;
    const ids = (await rows(`SELECT id FROM registrations WHERE event_id = ?1 ORDER BY id`, eventId)).map((r) => r.id as number);
    await env.DB.batch([
      env.DB.prepare(`UPDATE registrations SET status = 'cancelled' WHERE id = ?1`).bind(ids[0]),
      env.DB.prepare(`UPDATE registrations SET places = places + 1 WHERE id = ?1`).bind(ids[1]),
      env.DB.prepare(`UPDATE registrations SET pool_id = ?2, status = 'confirmed' WHERE id = ?1`).bind(ids[2], second),
      env.DB.prepare(`UPDATE registrations SET awaiting_email = 1 WHERE id = ?1 AND status = 'waitlisted'`).bind(ids[3]),
      // A registration without emails or audit rows can be deleted (the others are referenced).
      env.DB.prepare(
        `INSERT INTO registrations (event_id, pool_id, status, places, name, email, email_normalized, locale, token_nonce, manage_token_hash, queue_order)
         VALUES (?1, ?2, 'confirmed', 2, 'Roh', 'roh@example.org', 'roh@example.org', 'de', 'n', 'raw-hash-' || ?1, 99)`,
      ).bind(eventId, second),
      env.DB.prepare(`DELETE FROM registrations WHERE manage_token_hash = 'raw-hash-' || ?1`).bind(eventId),
      env.DB.prepare(`UPDATE registrations SET status = 'waitlisted' WHERE id = ?1`).bind(ids[4]),
      // Setting a column to its own value changes nothing.
      env.DB.prepare(`UPDATE registrations SET status = status, places = places WHERE event_id = ?1`).bind(eventId),
    ]);
    const after = await counters(eventId);
    expect(after.map((p) => p.id)).toEqual([poolId, second]);
    expectAgreement(after);
  });
});

describe("event version stamps", () => {
  it("change with the event, its dates and its pools, but not with registrations", async () => {
    const { slug, eventId, poolId } = await createEvent({ capacity: 5 });
    const seen = [await version(eventId)];
    const step = async (sql: string, ...params: unknown[]) => {
      await env.DB.prepare(sql).bind(...params).run();
      seen.push(await version(eventId));
    };
    await step(`UPDATE events SET waitlist_enabled = 0 WHERE id = ?1`, eventId);
    await step(`UPDATE sessions SET cancelled_at = 1 WHERE event_id = ?1`, eventId);
    await step(`INSERT INTO sessions (event_id, starts_at, ends_at) VALUES (?1, ?2, ?2 + 3600000)`, eventId, Date.now() + 86_400_000);
    await step(`UPDATE capacity_pools SET capacity = 6 WHERE id = ?1`, poolId);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.every((v) => Number.isSafeInteger(v))).toBe(true);

    const stamp = await version(eventId);
    expect((await register(slug, participant(1))).status).toBe(201);
    expect(await version(eventId)).toBe(stamp);
  });
});
