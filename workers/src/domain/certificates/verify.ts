/**
 * Verification of a certificate by its public code, and the participant's own download.
 * A code whose check characters fail is answered without a look-up; unknown and tampered
 * codes are both simply not found. A revoked certificate says so and shows nothing personal.
 */
import type { Env } from "../../env";
import { NotFoundError } from "../../lib/errors";
import { readCertificateCode } from "../../lib/tokens";
import { registrationOfManageToken } from "../registrations/manage-link";
import type { CertificateFacts } from "./issue";
import type { CertificateDocument } from "./render";
import type { StoredCertificate } from "../../../../db/rows";

export type Verification =
  | { status: "valid"; code: string; issuedAt: string; facts: Omit<CertificateFacts, "locale"> }
  | { status: "revoked"; code: string; issuedAt: string; revokedAt: string };

export async function verifyCertificate(env: Env, input: string): Promise<Verification> {
  const code = await readCertificateCode(env, input);
  if (!code) throw new NotFoundError();
  const row = await env.DB.prepare(`SELECT facts, issued_at AS issuedAt, revoked_at AS revokedAt FROM certificates WHERE code = ?1`)
    .bind(code)
    .first<Pick<StoredCertificate, "facts" | "issuedAt" | "revokedAt">>();
  if (!row) throw new NotFoundError();
  if (row.revokedAt !== null) {
    return { status: "revoked", code, issuedAt: new Date(row.issuedAt).toISOString(), revokedAt: new Date(row.revokedAt).toISOString() };
  }
  const { locale: _locale, ...facts } = JSON.parse(row.facts) as CertificateFacts;
  return { status: "valid", code, issuedAt: new Date(row.issuedAt).toISOString(), facts };
}

/** The certificate in force of the registration behind a manage token (404 when there is none). */
export async function certificateForToken(env: Env, token: string): Promise<CertificateDocument> {
  const linked = await registrationOfManageToken(env, token);
  if (!linked) throw new NotFoundError("error.registration_not_found");
  const row = await env.DB.prepare(
    `SELECT code, facts, issued_at AS issuedAt FROM certificates WHERE registration_id = ?1 AND revoked_at IS NULL ORDER BY issued_at DESC LIMIT 1`,
  )
    .bind(linked.id)
    .first<Pick<StoredCertificate, "code" | "facts" | "issuedAt">>();
  if (!row) throw new NotFoundError();
  return { code: row.code, facts: JSON.parse(row.facts) as CertificateFacts, issuedAt: row.issuedAt };
}
