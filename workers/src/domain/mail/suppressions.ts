/**
 * Addresses we no longer send to: the provider reported a permanent bounce or a complaint
 * (bounces.ts applies the webhook). The record keeps no address: it holds
 * HMAC-SHA256(TOKEN_SECRET, "suppression:" + normalised address), so the consumer can still
 * tell that an address is suppressed (it hashes the recipient and looks the hash up) while
 * the table on its own names nobody, and a guess cannot be checked without the secret.
 *
 * Rows from before the hash (and rows a test or an old Worker wrote) carry the plain address
 * in `email_normalized`. The hash needs the secret, which a SQL migration does not have, so
 * the minutely job `hashPlainSuppressions` rewrites them (address out, hash in, any address
 * in the provider's detail redacted); until then every look-up also matches the plain column.
 * Erasing a person hashes their row at once.
 */
import type { Env } from "../../env";
import { normalizeEmail } from "../../lib/email";
import { redactEmails } from "../../lib/log";
import { keyedHash } from "../../lib/tokens";
import type { StoredSuppression } from "../../../../db/rows";

export type SuppressionReason = "bounce" | "complaint";
export type Suppression = { reason: SuppressionReason; detail: string | null; since: string };

/** The keyed hash a suppression is stored under. */
export function suppressionHash(env: Env, address: string): Promise<string> {
  return keyedHash(env, `suppression:${normalizeEmail(address)}`);
}

const MATCH = `(email_hash = ?1 OR email_normalized = ?2)`;

/** A statement reading the suppression of an address (for a caller's batch); bind it with `suppressionKeys`. */
export function suppressionQuery(env: Env): D1PreparedStatement {
  return env.DB.prepare(`SELECT reason, detail, created_at AS createdAt FROM email_suppressions WHERE ${MATCH} LIMIT 1`);
}

/** The bind values of `suppressionQuery` for an address. */
export async function suppressionKeys(env: Env, address: string): Promise<[string, string]> {
  return [await suppressionHash(env, address), normalizeEmail(address)];
}

/** The bounce state of an address: what organisers see on a registration (null: none known). */
export async function suppressionFor(env: Env, address: string): Promise<Suppression | null> {
  const row = await suppressionQuery(env)
    .bind(...(await suppressionKeys(env, address)))
    .first<Pick<StoredSuppression, "reason" | "detail" | "createdAt">>();
  return row ? { reason: row.reason, detail: row.detail, since: new Date(row.createdAt).toISOString() } : null;
}

/** The addresses among `addresses` (as given) that are suppressed: one query for a whole list. */
export async function suppressedAmong(env: Env, addresses: readonly string[]): Promise<Set<string>> {
  const unique = [...new Set(addresses.filter((a) => a.length > 0))];
  if (unique.length === 0) return new Set();
  const keyed = await Promise.all(unique.map(async (address) => ({ address, hash: await suppressionHash(env, address), plain: normalizeEmail(address) })));
  const { results } = await env.DB.prepare(
    `SELECT email_hash AS hash, email_normalized AS plain FROM email_suppressions
     WHERE email_hash IN (SELECT value FROM json_each(?1)) OR email_normalized IN (SELECT value FROM json_each(?2))`,
  )
    .bind(JSON.stringify(keyed.map((k) => k.hash)), JSON.stringify(keyed.map((k) => k.plain)))
    .all<{ hash: StoredSuppression["emailHash"]; plain: StoredSuppression["emailNormalized"] }>();
  const found = new Set(results.flatMap((r) => [r.hash, r.plain]).filter((v): v is string => v !== null));
  return new Set(keyed.filter((k) => found.has(k.hash) || found.has(k.plain)).map((k) => k.address));
}

/** Statements that record suppressions (a later report replaces the reason). The detail keeps no address. */
export async function suppressStatements(
  env: Env,
  entries: { address: string; reason: SuppressionReason; detail: string | null }[],
  now: number,
): Promise<D1PreparedStatement[]> {
  return Promise.all(
    entries.map(async ({ address, reason, detail }) =>
      env.DB.prepare(
        `INSERT INTO email_suppressions (email_hash, reason, detail, created_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (email_hash) DO UPDATE SET reason = excluded.reason, detail = excluded.detail`,
      ).bind(await suppressionHash(env, address), reason, detail === null ? null : redactEmails(detail).slice(0, 500), now),
    ),
  );
}

/**
 * Replaces the plain address of one suppression by its hash (erasure), and removes addresses
 * from the provider's detail. A row already stored under the hash is the same address's
 * record: UPDATE OR REPLACE keeps one of the two.
 */
export async function hashSuppressionStatement(env: Env, address: string): Promise<D1PreparedStatement> {
  const plain = normalizeEmail(address);
  const row = await env.DB.prepare(`SELECT detail FROM email_suppressions WHERE email_normalized = ?1`).bind(plain).first<Pick<StoredSuppression, "detail">>();
  return env.DB.prepare(
    `UPDATE OR REPLACE email_suppressions SET email_hash = ?1, email_normalized = NULL, detail = ?3 WHERE email_normalized = ?2`,
  ).bind(await suppressionHash(env, address), plain, row?.detail ? redactEmails(row.detail) : null);
}

/** Rows hashed per scheduled run; the next run goes on. */
export const HASH_PER_RUN = 500;

/** The scheduled job: rewrites suppressions that still hold a plain address. Returns how many. */
export async function hashPlainSuppressions(env: Env): Promise<number> {
  const { results } = await env.DB.prepare(
    `SELECT id, email_normalized AS address, detail FROM email_suppressions WHERE email_normalized IS NOT NULL LIMIT ?1`,
  )
    .bind(HASH_PER_RUN)
    .all<Pick<StoredSuppression, "id" | "detail"> & { address: NonNullable<StoredSuppression["emailNormalized"]> }>();
  if (results.length === 0) return 0;
  const statements = await Promise.all(
    results.map(async (row) =>
      env.DB.prepare(`UPDATE OR REPLACE email_suppressions SET email_hash = ?2, email_normalized = NULL, detail = ?3 WHERE id = ?1`).bind(
        row.id,
        await suppressionHash(env, row.address),
        row.detail === null ? null : redactEmails(row.detail),
      ),
    ),
  );
  await env.DB.batch(statements);
  return results.length;
}
