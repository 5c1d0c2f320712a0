/**
 * Certificates in the console: the event's rule and signer, who is eligible and why not,
 * issuing to all eligible, revoking and reissuing. All "event:manage". Beside them, a
 * participant's attendance record for the funder's file ("registration:manage").
 */
import { Hono } from "hono";
import * as z from "zod/mini";
import type { AppBindings } from "../../env";
import {
  certificateOverview,
  certificateSettings,
  issueCertificates,
  reissueCertificate,
  revokeCertificate,
  saveCertificateSettings,
} from "../../domain/certificates/issue";
import { attendanceRecordPdf } from "../../domain/certificates/attendance-record";
import { access } from "../../http/access";
import { describe } from "../../http/openapi";
import { domainContext, idParam, idParams, jsonBody } from "../../http/request";
import { multiLineText, nameText, singleLineText } from "../../lib/validation";
import { certificateOverview as overviewResponse, certificateResponse, certificateSettings as settingsResponse, issuedResponse, pdfResponse } from "../schemas";

const ruleSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("none") }),
  z.strictObject({ kind: z.literal("all_sessions") }),
  z.strictObject({ kind: z.literal("min_sessions"), sessions: z.int().check(z.minimum(1), z.maximum(1000)) }),
  z.strictObject({ kind: z.literal("min_hours_percent"), percent: z.number().check(z.minimum(1), z.maximum(100)) }),
]);
const settingsBody = z.strictObject({
  rule: ruleSchema,
  signer: z.nullable(z.strictObject({ name: nameText(200), role: singleLineText(200) })),
});
const revokeBody = z.strictObject({ reason: multiLineText(1000) });
const reissueBody = z.strictObject({ name: z.optional(nameText(200)) });
const emptyBody = z.strictObject({});

const tags = ["certificates"];
const certificateId = idParams({ certificateId: "Certificate id" });
const unknownCertificate = { 404: "Unknown certificate of this event" };

export const consoleCertificateRoutes = new Hono<AppBindings>()
  .get("/:eventId/certificate-settings", access("event:manage"), describe({ summary: "Who gets a certificate and who signs it", tags, responses: { 200: settingsResponse } }), async (c) =>
    c.json(await certificateSettings(c.env, c.var.eventId)),
  )
  .put(
    "/:eventId/certificate-settings",
    access("event:manage"),
    jsonBody(settingsBody, {
      examples: [
        { rule: { kind: "all_sessions" }, signer: { name: "Dr. Maria Beispiel", role: "Leitung" } },
        { rule: { kind: "min_sessions", sessions: 2 }, signer: null },
        { rule: { kind: "min_hours_percent", percent: 75 }, signer: null },
      ],
    }),
    describe({ summary: "Set the certificate rule and signer", tags, responses: { 200: settingsResponse } }),
    async (c) => c.json(await saveCertificateSettings(domainContext(c), c.var.staff, c.var.eventId, c.req.valid("json"))),
  )
  .get("/:eventId/certificates", access("event:manage"), describe({ summary: "Certificates of the event and who qualifies, with why (not)", tags, responses: { 200: overviewResponse } }), async (c) =>
    c.json(await certificateOverview(c.env, c.var.eventId, c.var.locale, Date.now())),
  )
  .post(
    "/:eventId/certificates/issue",
    access("event:manage"),
    jsonBody(emptyBody, { optional: true, examples: [{}] }),
    describe({ summary: "Issue certificates to everyone who qualifies and has none yet (emailed)", tags, responses: { 200: issuedResponse } }),
    async (c) => c.json(await issueCertificates(domainContext(c), c.var.staff, c.var.eventId)),
  )
  .post(
    "/:eventId/certificates/:certificateId/revoke",
    access("event:manage"),
    jsonBody(revokeBody, { examples: [{ reason: "Falscher Name" }] }),
    describe({ summary: "Revoke a certificate (verification then says so)", tags, params: certificateId, responses: { 200: certificateResponse }, errors: unknownCertificate }),
    async (c) =>
      c.json({ certificate: await revokeCertificate(domainContext(c), c.var.staff, c.var.eventId, idParam(c.req.param("certificateId")), c.req.valid("json").reason) }),
  )
  .post(
    "/:eventId/certificates/:certificateId/reissue",
    access("event:manage"),
    jsonBody(reissueBody, { optional: true, examples: [{ name: "Richtiger Name" }, {}] }),
    describe({
      summary: "Replace a certificate (e.g. with a corrected name)",
      tags,
      params: certificateId,
      responses: { 201: certificateResponse },
      errors: { ...unknownCertificate, 409: "registration_gone, newer_certificate, nothing_attended (no ended date attended any more)" },
    }),
    async (c) =>
      c.json({ certificate: await reissueCertificate(domainContext(c), c.var.staff, c.var.eventId, idParam(c.req.param("certificateId")), c.req.valid("json").name) }, 201),
  );

/** Mounted at /api/console/registrations, beside the registration routes. */
export const consoleAttendanceRecordRoutes = new Hono<AppBindings>().get(
  "/:registrationId/attendance.pdf",
  access("registration:manage"),
  describe({
    summary: "A participant's attendance record for the funder's file as PDF",
    description:
      "Each date of the event the registration attended (taken place and ended), with its time and hours, and the total hours, in German, " +
      "with a line for the organiser's signature. Read from the attendance as it stands; nothing is stored.",
    tags,
    responses: { 200: pdfResponse() },
    errors: { 409: "registration_gone (its personal data has been removed)" },
  }),
  async (c) => {
    const { bytes, filename } = await attendanceRecordPdf(c.env, c.var.eventId, c.var.registrationId, Date.now());
    return c.body(bytes, 200, { "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="${filename}"` });
  },
);
