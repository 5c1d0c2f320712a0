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
import type { AppBindings } from "../env";
import { checkInQrPng, checkInQrSvg } from "../domain/attendance/qr";
import { renderCertificate } from "../domain/certificates/render";
import { certificateForToken, verifyCertificate } from "../domain/certificates/verify";
import { NotFoundError } from "../lib/errors";
import { verifyUrl } from "../lib/tokens";

export const certificateRoutes = new Hono<AppBindings>().get("/:code", async (c) => {
  c.header("Cache-Control", "no-store");
  c.header("X-Robots-Tag", "noindex");
  return c.json({ certificate: await verifyCertificate(c.env, c.req.param("code").slice(0, 64)) });
});

export const checkInQrRoutes = new Hono<AppBindings>().get("/:file", async (c) => {
  const file = c.req.param("file");
  if (!file.endsWith(".png")) throw new NotFoundError();
  const png = await checkInQrPng(c.env, file.slice(0, -4));
  return c.body(png, 200, { "Content-Type": "image/png", "Cache-Control": "public, max-age=31536000, immutable" });
});

export const participantDocumentRoutes = new Hono<AppBindings>()
  .use(async (c, next) => {
    await next();
    c.header("Cache-Control", "no-store");
    c.header("Referrer-Policy", "no-referrer");
  })
  .get("/:token/qr.svg", async (c) => c.body(await checkInQrSvg(c.env, c.req.param("token")), 200, { "Content-Type": "image/svg+xml; charset=utf-8" }))
  // For the manage page: whether there is a certificate to download, and its code.
  .get("/:token/certificate", async (c) => {
    const { code, issuedAt } = await certificateForToken(c.env, c.req.param("token"));
    return c.json({ certificate: { code, issuedAt: new Date(issuedAt).toISOString(), verifyUrl: verifyUrl(c.env, code) } });
  })
  .get("/:token/certificate.pdf", async (c) => {
    const certificate = await certificateForToken(c.env, c.req.param("token"));
    const bytes = await renderCertificate(c.env, certificate);
    return c.body(bytes, 200, {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="bescheinigung-${certificate.code}.pdf"`,
    });
  });

/** /verify/{code} shows the static verification page, which reads the code from the address. */
export const verifyPageRoutes = new Hono<AppBindings>().get("/*", async (c) => {
  const page = await c.env.ASSETS.fetch(new Request(new URL("/verify", c.req.url)));
  return new Response(page.body, { status: page.ok ? 200 : page.status, headers: page.headers });
});
