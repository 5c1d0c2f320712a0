/**
 * The one way from a manage link to its registration: the manage page, its actions, the QR
 * code, the certificate and the participant's data all ask here.
 *
 * A link opens a day registration (workshop choices are reached through theirs) only while
 * the registration holds the address the link was made for (lib/tokens.ts binds the nonce to
 * it). The console's edit issues a new link with a new address; any other change of address,
 * present or future, closes the old link too instead of handing it the new person's data.
 */
import type { Env } from "../../env";
import { looksLikeToken, nonceFitsAddress, sha256 } from "../../lib/tokens";
import type { StoredRegistration } from "../../../../db/rows";

export type LinkedRegistration = { id: number; emailNormalized: string };

/** The registration a manage token opens, or null: unknown, erased, a workshop choice, or made for another address. */
export async function registrationOfManageToken(env: Env, token: string): Promise<LinkedRegistration | null> {
  if (!looksLikeToken(token)) return null;
  const row = await env.DB.prepare(
    `SELECT id, email_normalized AS emailNormalized, token_nonce AS nonce FROM registrations
     WHERE manage_token_hash = ?1 AND parent_id IS NULL AND anonymised_at IS NULL`,
  )
    .bind(await sha256(token))
    .first<Pick<StoredRegistration, "id" | "emailNormalized"> & { nonce: StoredRegistration["tokenNonce"] }>();
  if (!row || !(await nonceFitsAddress(env, row.nonce, row.emailNormalized))) return null;
  return { id: row.id, emailNormalized: row.emailNormalized };
}
