/**
 * POST /api/console/people/erase {email, organisationId?, deleteCertificates?}: organisers
 * erase one person across all events of their organisations on request (administrators:
 * every organisation; `organisationId` narrows it to one),
 * cancelling open registrations first and serving the waitlists (domain/privacy/erase.ts).
 * The audit log records who did it and the counts, never the address.
 */
import { Hono } from "hono";
import * as z from "zod/mini";
import type { AppBindings } from "../../env";
import { managedOrganisationIds, organisesFor } from "../../domain/auth/access";
import { erasePerson } from "../../domain/privacy/erase";
import { normalizeEmail } from "../../lib/email";
import { access } from "../../http/access";
import { describe } from "../../http/openapi";
import { domainContext, jsonBody } from "../../http/request";
import { NotFoundError } from "../../lib/errors";
import { erasureResponse } from "../schemas";

const eraseBody = z.strictObject({
  email: z.string().check(z.trim(), z.maxLength(254), z.email()),
  /** Only this organisation's events (else every organisation the caller organises for). */
  organisationId: z.optional(z.int().check(z.minimum(1))),
  deleteCertificates: z.optional(z.boolean()),
});

export const consolePeopleRoutes = new Hono<AppBindings>().post(
  "/erase",
  access("organiser"),
  jsonBody(eraseBody, { examples: [{ email: "nobody@example.org", organisationId: 1 }, { email: "nobody@example.org", deleteCertificates: true }] }),
  describe({
    summary: "Erase one person (by email) across all events of the caller's organisations, on their request",
    description:
      "Cancels open registrations (serving waitlists), then anonymises every registration of the address in the caller's organisations " +
      "(administrators: all; organisationId narrows it). Certificates stay verifiable without the link to the person unless deleteCertificates. " +
      "Logged in the audit log (counts, never the address).",
    tags: ["console"],
    responses: { 200: erasureResponse },
  }),
  async (c) => {
    const { email, organisationId, deleteCertificates } = c.req.valid("json");
    // An organisation outside the caller's reach answers 404, like everywhere in the console.
    if (organisationId !== undefined && !organisesFor(c.var.staff, organisationId)) throw new NotFoundError();
    const organisationIds = organisationId !== undefined ? [organisationId] : managedOrganisationIds(c.var.staff);
    const erased = await erasePerson(domainContext(c), normalizeEmail(email), {
      actor: `user:${c.var.staff.id}`,
      organisationIds,
      deleteCertificates: deleteCertificates ?? false,
    });
    return c.json({ erased });
  },
);
