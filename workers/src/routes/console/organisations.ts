/**
 * Console routes for organisations, their members (invitations) and the check-in helpers of
 * an event. Thin handlers: the access rule, the validated body, one domain verb.
 */
import { Hono } from "hono";
import * as z from "zod/mini";
import { ROLES } from "../../../../db/schema";
import type { AppBindings } from "../../env";
import {
  assignHelper,
  createOrganisation,
  inviteMember,
  listHelpers,
  listMembers,
  listOrganisations,
  removeMember,
  unassignHelper,
} from "../../domain/console/organisations";
import { access } from "../../http/access";
import { describe } from "../../http/openapi";
import { domainContext, idParam, idParams, jsonBody } from "../../http/request";
import { nameText } from "../../lib/validation";
import { helpersResponse, memberResponse, membersResponse, organisationResponse, organisationsResponse } from "../schemas";

const email = z.string().check(
  z.trim(),
  z.maxLength(254),
  z.refine((v) => !/[\u0000-\u001f\u007f]/.test(v), { params: { key: "field.line_break" } }),
  z.email(),
);
const organisationBody = z.strictObject({
  slug: z.string().check(z.regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/)),
  name: nameText(200),
});
const inviteBody = z.strictObject({ email, name: z.optional(nameText(200)), role: z.enum(ROLES) });
const helperBody = z.strictObject({ email });

const actorOf = (c: { var: { staff: { id: number } } }) => `user:${c.var.staff.id}` as const;
const tags = ["console"];
const userId = idParams({ userId: "User id" });

/** Routes under /api/console/organisations. */
export const consoleOrganisationRoutes = new Hono<AppBindings>()
  .get("/", access("staff"), describe({ summary: "Organisations of the user (administrators: all), with the user's role", tags, responses: { 200: organisationsResponse } }), async (c) =>
    c.json({ organisations: await listOrganisations(domainContext(c), c.var.staff) }),
  )
  .post(
    "/",
    access("admin"),
    jsonBody(organisationBody, { examples: [{ slug: "partnerbuero", name: "Partnerbüro Nord" }] }),
    describe({ summary: "Create an organisation", tags, responses: { 201: organisationResponse }, errors: { 409: "slug_taken" } }),
    async (c) => c.json({ organisation: await createOrganisation(domainContext(c), actorOf(c), c.req.valid("json")) }, 201),
  )
  .get("/:organisationId/members", access("organisation:manage"), describe({ summary: "Members of the organisation", tags, responses: { 200: membersResponse } }), async (c) =>
    c.json({ members: await listMembers(domainContext(c), c.var.organisationId) }),
  )
  .post(
    "/:organisationId/members",
    access("organisation:manage"),
    jsonBody(inviteBody, { examples: [{ email: "neu@example.org", name: "Neue Kollegin", role: "organiser" }, { email: "helfer@example.org", role: "checkin_helper" }] }),
    describe({
      summary: "Invite someone by email (organiser or check-in helper)",
      description:
        "Creates the user if new and the membership (or changes the role), and emails an `invitation` with a sign-in link. Invitation links are valid 7 days (sign-in links 10 minutes), single use, stored hashed.",
      tags,
      responses: { 201: memberResponse },
      errors: { 409: "user_disabled" },
    }),
    async (c) => c.json({ member: await inviteMember(domainContext(c), c.var.staff, c.var.organisationId, c.req.valid("json")) }, 201),
  )
  .delete(
    "/:organisationId/members/:userId",
    access("organisation:manage"),
    describe({ summary: "Remove a member (and their check-in assignments there)", tags, params: userId, responses: { 200: membersResponse } }),
    async (c) => {
      await removeMember(domainContext(c), actorOf(c), c.var.organisationId, idParam(c.req.param("userId")));
      return c.json({ members: await listMembers(domainContext(c), c.var.organisationId) });
    },
  );

/** Routes under /api/console/events/{eventId}/helpers. */
export const consoleEventHelperRoutes = new Hono<AppBindings>()
  .get("/:eventId/helpers", access("event:manage"), describe({ summary: "Check-in helpers assigned to the event", tags, responses: { 200: helpersResponse } }), async (c) =>
    c.json({ helpers: await listHelpers(domainContext(c), c.var.eventId) }),
  )
  .post(
    "/:eventId/helpers",
    access("event:manage"),
    jsonBody(helperBody, { examples: [{ email: "helfer@example.org" }] }),
    describe({ summary: "Assign a check-in helper of the organisation", tags, responses: { 201: helpersResponse }, errors: { 409: "not_a_checkin_helper: invite them to the organisation first" } }),
    async (c) => {
      await assignHelper(domainContext(c), actorOf(c), c.var.eventId, c.req.valid("json").email);
      return c.json({ helpers: await listHelpers(domainContext(c), c.var.eventId) }, 201);
    },
  )
  .delete("/:eventId/helpers/:userId", access("event:manage"), describe({ summary: "End a helper's assignment", tags, params: userId, responses: { 200: helpersResponse } }), async (c) => {
    await unassignHelper(domainContext(c), actorOf(c), c.var.eventId, idParam(c.req.param("userId")));
    return c.json({ helpers: await listHelpers(domainContext(c), c.var.eventId) });
  });
