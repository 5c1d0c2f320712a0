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
import { normalizeEmail } from "../../domain/registrations/register";
import { ForbiddenError, NotFoundError } from "../../lib/errors";
import { domainContext, readJson } from "../../lib/http";
import { parseOrThrow } from "../../lib/validation";
import { requireStaff } from "./guard";

const eraseBody = z.strictObject({
  email: z.string().check(z.trim(), z.maxLength(254), z.email()),
  /** Only this organisation's events (else every organisation the caller organises for). */
  organisationId: z.optional(z.int().check(z.minimum(1))),
  deleteCertificates: z.optional(z.boolean()),
});

export const consolePeopleRoutes = new Hono<AppBindings>().post("/erase", requireStaff, async (c) => {
  const { email, organisationId, deleteCertificates } = parseOrThrow(eraseBody, await readJson(c));
  const managed = managedOrganisationIds(c.var.staff);
  if (managed !== null && managed.length === 0) throw new ForbiddenError();
  // An organisation outside the caller's reach answers 404, like everywhere in the console.
  if (organisationId !== undefined && !organisesFor(c.var.staff, organisationId)) throw new NotFoundError();
  const organisationIds = organisationId !== undefined ? [organisationId] : managed;
  const erased = await erasePerson(domainContext(c), normalizeEmail(email), {
    actor: `user:${c.var.staff.id}`,
    organisationIds,
    deleteCertificates: deleteCertificates ?? false,
  });
  return c.json({ erased });
});
