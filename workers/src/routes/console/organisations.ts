/**
 * Console routes for organisations, their members (invitations) and the check-in helpers of
 * an event. Thin handlers: session, authorisation, validation, one domain verb.
 */
import { Hono } from "hono";
import * as z from "zod/mini";
import { ROLES } from "../../../../db/schema";
import type { AppBindings } from "../../env";
import { authorizeEvent, requireAdmin } from "../../domain/auth/access";
import {
  assignHelper,
  authorizeOrganisation,
  createOrganisation,
  inviteMember,
  listHelpers,
  listMembers,
  listOrganisations,
  removeMember,
  unassignHelper,
} from "../../domain/console/organisations";
import { domainContext, readJson } from "../../lib/http";
import { parseOrThrow } from "../../lib/validation";
import { idParam } from "./events";
import { requireStaff } from "./guard";

const email = z.string().check(
  z.trim(),
  z.maxLength(254),
  z.refine((v) => !/[\u0000-\u001f\u007f]/.test(v), { params: { key: "field.line_break" } }),
  z.email(),
);
const singleLine = (max: number) =>
  z.string().check(
    z.trim(),
    z.minLength(1),
    z.maxLength(max),
    z.refine((v) => !/[\u0000-\u001f\u007f]/.test(v), { params: { key: "field.line_break" } }),
  );
const organisationBody = z.strictObject({
  slug: z.string().check(z.regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/)),
  name: singleLine(200),
});
const inviteBody = z.strictObject({ email, name: z.optional(singleLine(200)), role: z.enum(ROLES) });
const helperBody = z.strictObject({ email });

const actorOf = (c: { var: { staff: { id: number } } }) => `user:${c.var.staff.id}` as const;

/** Routes under /api/console/organisations. */
export const consoleOrganisationRoutes = new Hono<AppBindings>()
  .use(requireStaff)
  .get("/", async (c) => c.json({ organisations: await listOrganisations(domainContext(c), c.var.staff) }))
  .post("/", async (c) => {
    requireAdmin(c.var.staff);
    const input = parseOrThrow(organisationBody, await readJson(c));
    return c.json({ organisation: await createOrganisation(domainContext(c), actorOf(c), input) }, 201);
  })
  .get("/:id/members", async (c) => {
    const id = idParam(c.req.param("id"));
    await authorizeOrganisation(c.env, c.var.staff, id);
    return c.json({ members: await listMembers(domainContext(c), id) });
  })
  .post("/:id/members", async (c) => {
    const id = idParam(c.req.param("id"));
    await authorizeOrganisation(c.env, c.var.staff, id);
    const input = parseOrThrow(inviteBody, await readJson(c));
    return c.json({ member: await inviteMember(domainContext(c), c.var.staff, id, input) }, 201);
  })
  .delete("/:id/members/:userId", async (c) => {
    const id = idParam(c.req.param("id"));
    await authorizeOrganisation(c.env, c.var.staff, id);
    await removeMember(domainContext(c), actorOf(c), id, idParam(c.req.param("userId")));
    return c.json({ members: await listMembers(domainContext(c), id) });
  });

/** Routes under /api/console/events/{id}/helpers. */
export const consoleEventHelperRoutes = new Hono<AppBindings>()
  .use(requireStaff)
  .get("/:id/helpers", async (c) => {
    const id = idParam(c.req.param("id"));
    await authorizeEvent(c.env, c.var.staff, id, "view");
    return c.json({ helpers: await listHelpers(domainContext(c), id) });
  })
  .post("/:id/helpers", async (c) => {
    const id = idParam(c.req.param("id"));
    await authorizeEvent(c.env, c.var.staff, id, "manage");
    const { email } = parseOrThrow(helperBody, await readJson(c));
    await assignHelper(domainContext(c), actorOf(c), id, email);
    return c.json({ helpers: await listHelpers(domainContext(c), id) }, 201);
  })
  .delete("/:id/helpers/:userId", async (c) => {
    const id = idParam(c.req.param("id"));
    await authorizeEvent(c.env, c.var.staff, id, "manage");
    await unassignHelper(domainContext(c), actorOf(c), id, idParam(c.req.param("userId")));
    return c.json({ helpers: await listHelpers(domainContext(c), id) });
  });
