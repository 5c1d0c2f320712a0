/**
 * The participant's own data (GDPR access, portability, erasure), reached only through a
 * secret link: the manage link's token or a data-access token from the email that
 * "send me my data" sends (domain/privacy/links.ts).
 *
 * - GET  /api/registrations/{token}/data   everything held about that address, all events
 * - POST /api/registrations/{token}/erase  {"confirm": true, "deleteCertificates"?: boolean}
 * - POST /api/privacy/requests             {"email", "locale", "turnstileToken"?}: always 202
 */
import { Hono } from "hono";
import * as z from "zod/mini";
import { LOCALES } from "../../../db/schema";
import type { AppBindings } from "../env";
import { erasePerson } from "../domain/privacy/erase";
import { collectPersonData } from "../domain/privacy/export";
import { subjectOfToken } from "../domain/privacy/links";
import { requestDataAccess } from "../domain/privacy/request";
import { domainContext, readJson } from "../lib/http";
import { parseOrThrow } from "../lib/validation";

const eraseBody = z.strictObject({ confirm: z.literal(true), deleteCertificates: z.optional(z.boolean()) });
const requestBody = z.strictObject({
  email: z.string().check(z.trim(), z.maxLength(254), z.email()),
  locale: z.enum(LOCALES),
  turnstileToken: z.optional(z.string().check(z.maxLength(2048))),
});

export const participantDataRoutes = new Hono<AppBindings>()
  .use(async (c, next) => {
    await next();
    c.header("Cache-Control", "no-store");
    c.header("Referrer-Policy", "no-referrer");
    c.header("X-Robots-Tag", "noindex");
  })
  .get("/:token/data", async (c) => {
    const ctx = domainContext(c);
    const email = await subjectOfToken(c.env, c.req.param("token"), ctx.now);
    return c.json({ data: await collectPersonData(c.env, email, c.var.locale, ctx.now) });
  })
  .post("/:token/erase", async (c) => {
    const ctx = domainContext(c);
    const email = await subjectOfToken(c.env, c.req.param("token"), ctx.now);
    const { deleteCertificates } = parseOrThrow(eraseBody, await readJson(c));
    const erased = await erasePerson(ctx, email, { actor: "participant", organisationIds: null, deleteCertificates: deleteCertificates ?? false });
    return c.json({ erased });
  });

export const privacyRequestRoutes = new Hono<AppBindings>()
  .use(async (c, next) => {
    await next();
    c.header("Cache-Control", "no-store");
  })
  .post("/requests", async (c) => {
    const { email, locale } = parseOrThrow(requestBody, await readJson(c));
    await requestDataAccess(domainContext(c), email, locale);
    // The same answer whether or not the address is known.
    return c.json({ status: "check_email" }, 202);
  });

/** OpenAPI paths of these routes (spread into routes/openapi.ts). */
const errorRef = (description: string) => ({ description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } });
const tokenParam = {
  name: "token",
  in: "path",
  required: true,
  description: "The manage link's token, or a data-access token (p1.…) from the privacy email",
  schema: { type: "string" },
};
const consoleErrors = {
  "400": errorRef("Malformed JSON"),
  "401": errorRef("No valid session"),
  "403": errorRef("CSRF check failed, or the role does not allow this"),
  "422": errorRef("Invalid fields, each named in error.fields"),
};
export const privacyOpenApiPaths = {
  "/api/console/people/erase": {
    post: {
      summary: "Erase one person (by email) across all events of the caller's organisations, on their request",
      description:
        "Cancels open registrations (serving waitlists), then anonymises every registration of the address in the caller's organisations " +
        "(administrators: all; organisationId narrows it). Certificates stay verifiable without the link to the person unless deleteCertificates. " +
        "Logged in the audit log (counts, never the address).",
      tags: ["console"],
      "x-access": "organisation:manage",
      security: [{ session: [], csrf: [] }],
      requestBody: {
        required: true,
        content: {
          "application/json": {
            schema: {
              type: "object",
              additionalProperties: false,
              required: ["email"],
              properties: { email: { type: "string", format: "email" }, organisationId: { type: "integer", minimum: 1 }, deleteCertificates: { type: "boolean" } },
            },
            example: { email: "nobody@example.org", organisationId: 1 },
          },
        },
      },
      responses: { "200": { description: "Counts of what was erased" }, ...consoleErrors, "404": errorRef("Organisation outside the caller's reach") },
    },
  },
  "/api/console/status": {
    get: {
      summary: "Operations status: outbox backlog and failures (no addresses), last run of each scheduled job, hints",
      tags: ["console"],
      "x-access": "admin",
      security: [{ session: [], csrf: [] }],
      responses: { "200": { description: "{ status }" }, ...consoleErrors },
    },
  },
  "/api/console/status/mail/{outboxId}/retry": {
    post: {
      summary: "Queue a given-up (failed) email again, with a fresh retry period; audited",
      tags: ["console"],
      "x-access": "admin",
      security: [{ session: [], csrf: [] }],
      parameters: [{ name: "outboxId", in: "path", required: true, schema: { type: "string" } }],
      responses: { "200": { description: '{ "status": "queued" }' }, ...consoleErrors, "404": errorRef("No failed email with this id") },
    },
  },
  "/api/registrations/{token}/data": {
    get: {
      summary: "Everything held about the link holder's email address, across all events (JSON)",
      tags: ["participant"],
      "x-access": "participant",
      parameters: [tokenParam],
      responses: { "200": { description: "The data", content: { "application/json": { schema: { type: "object" } } } }, "404": errorRef("Unknown, erased or expired link") },
    },
  },
  "/api/registrations/{token}/erase": {
    post: {
      summary: "Cancel open registrations (serving waitlists) and erase the person's data across all events",
      description:
        "Certificates stay verifiable by their code (without a link to the person) unless deleteCertificates is true. The link stops working afterwards.",
      tags: ["participant"],
      "x-access": "participant",
      parameters: [tokenParam],
      requestBody: {
        required: true,
        content: {
          "application/json": {
            schema: { type: "object", additionalProperties: false, required: ["confirm"], properties: { confirm: { const: true }, deleteCertificates: { type: "boolean" } } },
          },
        },
      },
      responses: { "200": { description: "Counts of what was erased" }, "404": errorRef("Unknown, erased or expired link"), "422": errorRef("confirm missing") },
    },
  },
  "/api/privacy/requests": {
    post: {
      summary: "Ask for a link to one's own data by email (always 202; the email goes out only if the address has data)",
      tags: ["public"],
      "x-access": "public",
      requestBody: {
        required: true,
        content: {
          "application/json": {
            schema: {
              type: "object",
              additionalProperties: false,
              required: ["email", "locale"],
              properties: { email: { type: "string", format: "email" }, locale: { enum: [...LOCALES] }, turnstileToken: { type: "string" } },
            },
          },
        },
      },
      responses: {
        "202": { description: "Check your email" },
        "403": errorRef("Turnstile check failed (only where configured)"),
        "422": errorRef("Invalid fields"),
        "429": errorRef("Too many requests (Retry-After)"),
      },
    },
  },
  "/api/config": {
    get: {
      summary: "Public configuration for the pages: the Turnstile site key while Turnstile is on, else null",
      tags: ["public"],
      "x-access": "public",
      responses: { "200": { description: "{ turnstileSiteKey }" } },
    },
  },
};
