/**
 * The check-in QR code of a registration, for the manage page (SVG) and the confirmation
 * emails (a hosted PNG: many mail clients show no SVG and Gmail no data: URIs). The PNG's
 * address carries only the check-in code, which is what the picture shows anyway: never
 * the manage token, which would end up in image proxies' logs.
 */
import type { Env } from "../../env";
import { NotFoundError } from "../../lib/errors";
import { checkInCode, readCheckInCode } from "../../lib/tokens";
import { registrationOfManageToken } from "../registrations/manage-link";
import { qrPng, qrSvg } from "../documents/qr";
import type { StoredRegistration } from "../../../../db/rows";

/** The SVG QR code of the registration behind a manage token; only confirmed registrations have one. */
export async function checkInQrSvg(env: Env, token: string): Promise<string> {
  const linked = await registrationOfManageToken(env, token);
  const row = linked
    ? await env.DB.prepare(`SELECT id, status, awaiting_email AS awaitingEmail FROM registrations WHERE id = ?1`)
        .bind(linked.id)
        .first<Pick<StoredRegistration, "id" | "status" | "awaitingEmail">>()
    : null;
  if (!row) throw new NotFoundError("error.registration_not_found");
  if (row.status !== "confirmed" || row.awaitingEmail) throw new NotFoundError();
  return qrSvg(await checkInCode(env, row.id));
}

/** The PNG of a genuine check-in code (404 for anything else, without a look-up). */
export async function checkInQrPng(env: Env, code: string): Promise<Uint8Array<ArrayBuffer>> {
  if ((await readCheckInCode(env, code)) === null) throw new NotFoundError();
  return qrPng(code.trim(), 5);
}

/**
 * What a confirmation email shows: the registration's QR code as a PNG (base64) that goes with
 * the email as an inline image, and the address of the same image for the bulk emails.
 */
export async function checkInQrForEmail(env: Env, registrationId: number): Promise<{ url: string; png: string }> {
  const code = await checkInCode(env, registrationId);
  const bytes = await qrPng(code, 5);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { url: `${env.PUBLIC_URL.replace(/\/$/, "")}/api/checkin-qr/${code}.png`, png: btoa(binary) };
}
