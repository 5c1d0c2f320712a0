/**
 * What a sign-up needs to know about an event (its rules, dates and pools, not its places
 * left), kept for a minute in the isolate so that a registration reads it without a D1
 * round trip of its own.
 *
 * A cached copy may be out of date: an organiser edits the event, a date or a pool. Every
 * such write changes `events.version` (triggers of db/migrations/0006, whoever writes), and
 * the registration's guarded insert requires the version it was validated against
 * (`versionHolds`), inside the same batch. A stale copy therefore changes nothing: the batch
 * reports the version it found, the copy is dropped, and the registration is tried again on
 * a fresh read. A refusal that a cached copy leads to (registration closed, an answer
 * missing) is checked on a fresh read before it is given, so an edit that opens an event
 * counts at once too. Places are never cached: the guarded statements read them as they are.
 *
 * Keyed by the database (tenants may have their own, ../../lib/tenants.ts) and the slug.
 */
import { database, databaseName } from "../../lib/db";
import { NotFoundError } from "../../lib/errors";
import type { SqlPart } from "../../lib/sql";
import type { Env } from "../../env";
import { publicEventStatements, type EventRow, type PoolRow, type SessionRow } from "./public";

export type EventDefinition = {
  event: EventRow;
  sessions: SessionRow[];
  pools: PoolRow[];
  /** The event-wide pool (null for free entry). */
  mainPool: PoolRow | null;
};

/** Long enough to serve a burst from memory; an edit is noticed at once anyway (see above). */
const CACHE_MS = 60_000;
const MAX_ENTRIES = 500;
const cache = new Map<string, { definition: EventDefinition; until: number }>();

async function load(env: Env, slug: string): Promise<EventDefinition> {
  const db = database(env.DB);
  const [eventRows, sessionRows, poolRows] = await db.batch(publicEventStatements(db, slug).statements);
  const event = eventRows[0];
  if (!event) throw new NotFoundError("error.event_not_found");
  return { event, sessions: sessionRows, pools: poolRows, mainPool: poolRows.find((p) => p.kind === "event") ?? null };
}

/**
 * The public event `slug` (404 for a draft or an unknown slug): from the isolate's copy
 * (`cached`) unless `fresh`.
 */
export async function eventDefinition(env: Env, slug: string, now: number, { fresh = false } = {}): Promise<{ definition: EventDefinition; cached: boolean }> {
  const key = `${databaseName(env)}\u0000${slug}`;
  const copy = cache.get(key);
  if (copy && !fresh && copy.until > now) return { definition: copy.definition, cached: true };
  const definition = await load(env, slug);
  cache.delete(key);
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(key, { definition, until: now + CACHE_MS });
  return { definition, cached: false };
}

/** Drops the isolate's copy (a batch found another version). */
export function forgetEventDefinition(env: Env, slug: string): void {
  cache.delete(`${databaseName(env)}\u0000${slug}`);
}

/** SQL condition (own parameters): the event still has the version `definition` was read at. */
export function versionHolds(definition: EventDefinition): SqlPart {
  return { sql: `(SELECT version FROM events WHERE id = ?1) = ?2`, params: [definition.event.id, definition.event.version] };
}
