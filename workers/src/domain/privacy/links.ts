/**
 * Data-access links, sent when someone asks with an email address (request.ts).
 *
 * The token is "p2.<expiry>.<registration>.<signature>": the expiry (epoch ms) and a
 * registration id of that address, both base 36, signed with HMAC-SHA256(TOKEN_SECRET,
 * "privacy:<id>:<expiry>:<normalized address>"), the address being the one the email goes
 * to. Nothing is stored: the outbox row keeps only the expiry, and the email renders the
 * token from it and its recipient, like manage links are rendered from their nonce. The link
 * is valid 24 hours, and opens only while the registration holds the address it was sent to:
 * after an organiser changes that address (a typo corrected, or a registration moved onto
 * someone else's address), or after erasure, it opens nothing. ("p1" tokens named no address
 * and are no longer accepted.)
 *
 * Whoever holds the link sees and may erase everything held for that address, exactly like
 * the holder of a manage link, which is also only ever sent to that address.
 */
import type { Env } from "../../env";
import type { StaffEmailData } from "../../../../emails/types";
import { constantTimeEqual, keyedHash } from "../../lib/tokens";
import { NotFoundError } from "../../lib/errors";
import { registrationOfManageToken } from "../registrations/manage-link";
import { normalizeEmail } from "../../lib/email";
import type { StoredOrganisation, StoredRegistration } from "../../../../db/rows";

export const DATA_LINK_VALID_MS = 24 * 3_600_000;

const signed = (registrationId: number, expiresAt: number, emailNormalized: string) => `privacy:${registrationId}:${expiresAt}:${emailNormalized}`;

/** The token of a data-access link to the registration's address `emailNormalized`, valid until `expiresAt`. */
export async function dataAccessToken(env: Env, registrationId: number, expiresAt: number, emailNormalized: string): Promise<string> {
  const signature = await keyedHash(env, signed(registrationId, expiresAt, emailNormalized));
  return `p2.${expiresAt.toString(36)}.${registrationId.toString(36)}.${signature}`;
}

export function dataPageUrl(env: Env, token: string): string {
  return `${env.PUBLIC_URL.replace(/\/$/, "")}/privacy-data#${token}`;
}

/**
 * The normalized address a genuine, unexpired data-access token opens, or null: the address
 * its registration holds now, if that is the address the link was sent to.
 */
export async function readDataAccessToken(env: Env, token: string, now: number): Promise<string | null> {
  const match = /^p2\.([0-9a-z]{1,12})\.([0-9a-z]{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const expiresAt = parseInt(match[1]!, 36);
  const registrationId = parseInt(match[2]!, 36);
  if (!(expiresAt > now) || expiresAt > now + DATA_LINK_VALID_MS + 60_000) return null;
  const row = await env.DB.prepare(`SELECT email_normalized AS email FROM registrations WHERE id = ?1 AND anonymised_at IS NULL`)
    .bind(registrationId)
    .first<{ email: StoredRegistration["emailNormalized"] }>();
  if (!row) return null;
  const expected = await keyedHash(env, signed(registrationId, expiresAt, row.email));
  return constantTimeEqual(expected, match[3]!) ? row.email : null;
}

/** Whose data a token opens: a manage token or a data-access token → the normalized address. */
export async function subjectOfToken(env: Env, token: string, now: number): Promise<string> {
  if (token.startsWith("p")) {
    const email = await readDataAccessToken(env, token, now);
    if (email === null) throw new NotFoundError("error.data_link_invalid");
    return email;
  }
  const linked = await registrationOfManageToken(env, token);
  if (!linked) throw new NotFoundError("error.registration_not_found");
  return linked.emailNormalized;
}

/**
 * What the data_access email shows (deliver.ts): the link, its deadline, the organiser of that
 * registration; null when the registration is gone or no longer holds the address the email
 * goes to (the link would open nothing, so the email is not sent).
 */
export async function dataAccessEmailData(
  env: Env,
  row: { registrationId: number | null; toAddress: string; data: string; createdAt: number },
): Promise<StaffEmailData | null> {
  let expiresAt = row.createdAt + DATA_LINK_VALID_MS;
  try {
    const data = JSON.parse(row.data || "{}") as { expiresAt?: unknown };
    if (typeof data.expiresAt === "number") expiresAt = data.expiresAt;
  } catch {
    // The default deadline.
  }
  const registration = await env.DB.prepare(
    `SELECT o.name AS organiser, r.email_normalized AS email FROM registrations r JOIN events e ON e.id = r.event_id JOIN organisations o ON o.id = e.organisation_id
     WHERE r.id = ?1 AND r.anonymised_at IS NULL`,
  )
    .bind(row.registrationId ?? 0)
    .first<{ organiser: StoredOrganisation["name"]; email: StoredRegistration["emailNormalized"] }>();
  const recipient = normalizeEmail(row.toAddress);
  if (row.registrationId === null || !registration || registration.email !== recipient) return null;
  return {
    name: null,
    organisation: registration.organiser,
    url: dataPageUrl(env, await dataAccessToken(env, row.registrationId, expiresAt, recipient)),
    expiresAt: new Date(expiresAt).toISOString(),
  };
}
