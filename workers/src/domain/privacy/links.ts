/**
 * Data-access links, sent when someone asks with an email address (request.ts).
 *
 * The token is "p1.<expiry>.<registration>.<signature>": the expiry (epoch ms) and a
 * registration id of that address, both base 36, signed with HMAC-SHA256(TOKEN_SECRET,
 * "privacy:<id>:<expiry>"). Nothing is stored: the outbox row keeps only the expiry, and the
 * email renders the token from it, like manage links are rendered from their nonce. The
 * link is valid 24 hours; it stops working earlier when that registration's data is erased
 * (the registration no longer carries the address).
 *
 * Whoever holds the link sees and may erase everything held for that address, exactly like
 * the holder of a manage link, which is also only ever sent to that address.
 */
import type { Env } from "../../env";
import type { StaffEmailData } from "../../../../emails/types";
import { constantTimeEqual, keyedHash, looksLikeToken, sha256 } from "../../lib/tokens";
import { NotFoundError } from "../../lib/errors";

export const DATA_LINK_VALID_MS = 24 * 3_600_000;

export async function dataAccessToken(env: Env, registrationId: number, expiresAt: number): Promise<string> {
  const signature = await keyedHash(env, `privacy:${registrationId}:${expiresAt}`);
  return `p1.${expiresAt.toString(36)}.${registrationId.toString(36)}.${signature}`;
}

export function dataPageUrl(env: Env, token: string): string {
  return `${env.PUBLIC_URL.replace(/\/$/, "")}/privacy-data#${token}`;
}

/** The registration id a genuine, unexpired data-access token names, or null. */
export async function readDataAccessToken(env: Env, token: string, now: number): Promise<number | null> {
  const match = /^p1\.([0-9a-z]{1,12})\.([0-9a-z]{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const expiresAt = parseInt(match[1]!, 36);
  const registrationId = parseInt(match[2]!, 36);
  if (!(expiresAt > now) || expiresAt > now + DATA_LINK_VALID_MS + 60_000) return null;
  const expected = await keyedHash(env, `privacy:${registrationId}:${expiresAt}`);
  return constantTimeEqual(expected, match[3]!) ? registrationId : null;
}

/** Whose data a token opens: a manage token or a data-access token → the normalized address. */
export async function subjectOfToken(env: Env, token: string, now: number): Promise<string> {
  if (token.startsWith("p1.")) {
    const id = await readDataAccessToken(env, token, now);
    const row = id === null ? null : await env.DB.prepare(
      `SELECT email_normalized AS email FROM registrations WHERE id = ?1 AND anonymised_at IS NULL`,
    ).bind(id).first<{ email: string }>();
    if (!row) throw new NotFoundError("error.data_link_invalid");
    return row.email;
  }
  if (!looksLikeToken(token)) throw new NotFoundError("error.registration_not_found");
  const row = await env.DB.prepare(
    `SELECT email_normalized AS email FROM registrations WHERE manage_token_hash = ?1 AND parent_id IS NULL AND anonymised_at IS NULL`,
  ).bind(await sha256(token)).first<{ email: string }>();
  if (!row) throw new NotFoundError("error.registration_not_found");
  return row.email;
}

/** What the data_access email shows (deliver.ts): the link, its deadline, the organiser of that registration. */
export async function dataAccessEmailData(
  env: Env,
  row: { registrationId: number | null; data: string; createdAt: number },
): Promise<StaffEmailData> {
  let expiresAt = row.createdAt + DATA_LINK_VALID_MS;
  try {
    const data = JSON.parse(row.data || "{}") as { expiresAt?: unknown };
    if (typeof data.expiresAt === "number") expiresAt = data.expiresAt;
  } catch {
    // The default deadline.
  }
  const organiser = await env.DB.prepare(
    `SELECT o.name FROM registrations r JOIN events e ON e.id = r.event_id JOIN organisations o ON o.id = e.organisation_id WHERE r.id = ?1`,
  ).bind(row.registrationId ?? 0).first<{ name: string }>();
  if (row.registrationId === null || !organiser) throw new Error("data_access: the registration no longer exists");
  return {
    name: null,
    organisation: organiser.name,
    url: dataPageUrl(env, await dataAccessToken(env, row.registrationId, expiresAt)),
    expiresAt: new Date(expiresAt).toISOString(),
  };
}
