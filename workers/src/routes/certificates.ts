/**
 * Public and participant routes of check-in and certificates:
 * - GET /api/certificates/{code}: verification (public; only the facts printed on it);
 * - GET /api/checkin-qr/{code}.png: the check-in QR code as an image for emails (public; the
 *   code is what the picture shows, nothing more);
 * - GET /api/registrations/{token}/qr.svg, …/certificate (JSON) and …/certificate.pdf: the participant's own,
 *   reached only through the manage token;
 * - GET /verify/{code}: the verification page (the static verify.html, whatever the code).
 */
import { Hono } from "hono";
import * as z from "zod/mini";
import type { AppBindings } from "../env";
import { checkInQrPng, checkInQrSvg } from "../domain/attendance/qr";
import { renderCertificate } from "../domain/certificates/render";
import { certificateForToken, verifyCertificate } from "../domain/certificates/verify";
import { access } from "../http/access";
import { describe } from "../http/openapi";
import { NotFoundError } from "../lib/errors";
import { verifyUrl } from "../lib/tokens";
import { manageToken } from "./registrations";
import { certificateVerification, participantCertificate, pdfResponse } from "./schemas";

export const certificateRoutes = new Hono<AppBindings>().get(
  "/:code",
  access("public"),
  describe({
    summary: "Verify a certificate: genuine and in force (only the facts printed on it), or revoked",
    tags: ["public"],
    params: { code: { description: "e.g. 7K3M-Q9XD-2RTB-HW4E (case and dashes do not matter)", schema: z.string() } },
    responses: { 200: certificateVerification },
    errors: { 404: "Unknown or tampered code" },
  }),
  async (c) => {
    c.header("Cache-Control", "no-store");
    c.header("X-Robots-Tag", "noindex");
    return c.json({ certificate: await verifyCertificate(c.env, c.req.param("code").slice(0, 64)) });
  },
);

export const checkInQrRoutes = new Hono<AppBindings>().get(
  "/:file",
  access("public"),
  describe({
    summary: "A check-in QR code as PNG for emails (the path holds only the signed check-in code the image shows)",
    tags: ["public"],
    params: { file: { description: "The check-in code followed by .png (zc1.….png)", schema: z.string().check(z.regex(/\.png$/)) } },
    responses: { 200: { type: "image/png", description: "PNG" } },
    errors: { 404: "Not a genuine check-in code" },
  }),
  async (c) => {
    const file = c.req.param("file");
    if (!file.endsWith(".png")) throw new NotFoundError();
    const png = await checkInQrPng(c.env, file.slice(0, -4));
    return c.body(png, 200, {
      "Content-Type": "image/png",
      "Cache-Control": "public, max-age=31536000, immutable",
      // Webmail shows the email on its own origin and loads the image from there (or through its
      // proxy): the default same-origin resource policy would keep the code from showing.
      "Cross-Origin-Resource-Policy": "cross-origin",
      "Access-Control-Allow-Origin": "*",
    });
  },
);

const own = (summary: string, response: Parameters<typeof describe>[0]["responses"], missing: string) =>
  describe({ summary, tags: ["participant"], params: manageToken, responses: response, errors: { 404: missing } });

export const participantDocumentRoutes = new Hono<AppBindings>()
  .get(
    "/:token/qr.svg",
    access("participant"),
    own("Check-in QR code of a confirmed registration (SVG)", { 200: { type: "image/svg+xml", description: "SVG" } }, "Unknown link, or not confirmed"),
    async (c) => c.body(await checkInQrSvg(c.env, c.req.param("token")), 200, { "Content-Type": "image/svg+xml; charset=utf-8" }),
  )
  // For the manage page: whether there is a certificate to download, and its code.
  .get(
    "/:token/certificate",
    access("participant"),
    own("The participant's certificate in force: its code, issue date and verification address", { 200: participantCertificate }, "Unknown link, or no certificate"),
    async (c) => {
      const { code, issuedAt } = await certificateForToken(c.env, c.req.param("token"));
      return c.json({ certificate: { code, issuedAt: new Date(issuedAt).toISOString(), verifyUrl: verifyUrl(c.env, code) } });
    },
  )
  .get(
    "/:token/certificate.pdf",
    access("participant"),
    own(
      "The participant's certificate in force, as PDF (rendered on request from its stored facts)",
      { 200: pdfResponse("attachment `bescheinigung-<code>.pdf`") },
      "Unknown link, or no certificate",
    ),
    async (c) => {
      const certificate = await certificateForToken(c.env, c.req.param("token"));
      const bytes = await renderCertificate(c.env, certificate);
      return c.body(bytes, 200, {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="bescheinigung-${certificate.code}.pdf"`,
      });
    },
  );

/** /verify/{code} shows the static verification page, which reads the code from the address (a page, not part of the API document). */
export const verifyPageRoutes = new Hono<AppBindings>().get("/*", async (c) => {
  const page = await c.env.ASSETS.fetch(new Request(new URL("/verify", c.req.url)));
  return new Response(page.body, { status: page.ok ? 200 : page.status, headers: page.headers });
});
