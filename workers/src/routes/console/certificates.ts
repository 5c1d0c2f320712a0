/**
 * Certificates in the console: the event's rule and signer, who is eligible and why not,
 * issuing to all eligible, revoking and reissuing. Reading needs "view", changing "manage".
 */
import { Hono } from "hono";
import * as z from "zod/mini";
import type { AppBindings } from "../../env";
import { authorizeEvent } from "../../domain/auth/access";
import {
  certificateOverview,
  certificateSettings,
  issueCertificates,
  reissueCertificate,
  revokeCertificate,
  saveCertificateSettings,
} from "../../domain/certificates/issue";
import { domainContext, readJson } from "../../lib/http";
import { parseOrThrow } from "../../lib/validation";
import { idParam } from "./events";
import { requireStaff } from "./guard";


const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
const ruleSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("none") }),
  z.strictObject({ kind: z.literal("all_sessions") }),
  z.strictObject({ kind: z.literal("min_sessions"), sessions: z.int().check(z.minimum(1), z.maximum(1000)) }),
  z.strictObject({ kind: z.literal("min_hours_percent"), percent: z.number().check(z.minimum(1), z.maximum(100)) }),
]);
const settingsBody = z.strictObject({
  rule: ruleSchema,
  signer: z.nullable(z.strictObject({ name: text(200), role: text(200) })),
});
const revokeBody = z.strictObject({ reason: text(1000) });
const reissueBody = z.strictObject({ name: z.optional(text(200)) });

export const consoleCertificateRoutes = new Hono<AppBindings>()
  .use(requireStaff)
  .get("/:id/certificate-settings", async (c) => {
    const eventId = idParam(c.req.param("id"));
    await authorizeEvent(c.env, c.var.staff, eventId, "view");
    return c.json(await certificateSettings(c.env, eventId));
  })
  .put("/:id/certificate-settings", async (c) => {
    const eventId = idParam(c.req.param("id"));
    await authorizeEvent(c.env, c.var.staff, eventId, "manage");
    const body = parseOrThrow(settingsBody, await readJson(c));
    return c.json(await saveCertificateSettings(domainContext(c), c.var.staff, eventId, body));
  })
  .get("/:id/certificates", async (c) => {
    const eventId = idParam(c.req.param("id"));
    await authorizeEvent(c.env, c.var.staff, eventId, "view");
    return c.json(await certificateOverview(c.env, eventId, c.var.locale));
  })
  .post("/:id/certificates/issue", async (c) => {
    const eventId = idParam(c.req.param("id"));
    await authorizeEvent(c.env, c.var.staff, eventId, "manage");
    await readJson(c, { allowEmpty: true });
    return c.json(await issueCertificates(domainContext(c), c.var.staff, eventId));
  })
  .post("/:id/certificates/:certificateId/revoke", async (c) => {
    const eventId = idParam(c.req.param("id"));
    await authorizeEvent(c.env, c.var.staff, eventId, "manage");
    const { reason } = parseOrThrow(revokeBody, await readJson(c));
    return c.json({ certificate: await revokeCertificate(domainContext(c), c.var.staff, eventId, idParam(c.req.param("certificateId")), reason) });
  })
  .post("/:id/certificates/:certificateId/reissue", async (c) => {
    const eventId = idParam(c.req.param("id"));
    await authorizeEvent(c.env, c.var.staff, eventId, "manage");
    const { name } = parseOrThrow(reissueBody, await readJson(c, { allowEmpty: true }));
    return c.json({ certificate: await reissueCertificate(domainContext(c), c.var.staff, eventId, idParam(c.req.param("certificateId")), name) }, 201);
  });
