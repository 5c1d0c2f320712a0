/**
 * The participant's own data (GDPR access, portability, erasure), reached only through a
 * secret link: the manage link's token or a data-access token from the email that
 * "send me my data" sends (domain/privacy/links.ts); and the request for that email.
 */
import { Hono } from "hono";
import * as z from "zod/mini";
import { LOCALES } from "../../../db/schema";
import type { AppBindings } from "../env";
import { erasePerson } from "../domain/privacy/erase";
import { collectPersonData } from "../domain/privacy/export";
import { subjectOfToken } from "../domain/privacy/links";
import { requestDataAccess } from "../domain/privacy/request";
import { access } from "../http/access";
import { formGuard } from "../http/form-guard";
import { describe } from "../http/openapi";
import { domainContext, jsonBody } from "../http/request";
import { checkEmail, erasureResponse, personDataResponse } from "./schemas";

const eraseBody = z.strictObject({ confirm: z.literal(true), deleteCertificates: z.optional(z.boolean()) });
const requestBody = z.strictObject({
  email: z.string().check(z.trim(), z.maxLength(254), z.email()),
  locale: z.enum(LOCALES),
  turnstileToken: z.optional(z.string().check(z.maxLength(2048))),
});
const dataToken = { token: { description: "The manage link's token, or a data-access token (p2.…) from the privacy email", schema: z.string() } };

export const participantDataRoutes = new Hono<AppBindings>()
  .use(async (c, next) => {
    await next();
    c.header("X-Robots-Tag", "noindex");
  })
  .get(
    "/:token/data",
    access("participant"),
    describe({ summary: "Everything held about the link holder's email address, across all events (JSON)", tags: ["participant"], params: dataToken, responses: { 200: personDataResponse } }),
    async (c) => {
      const ctx = domainContext(c);
      const email = await subjectOfToken(c.env, c.req.param("token"), ctx.now);
      return c.json({ data: await collectPersonData(c.env, email, c.var.locale, ctx.now) });
    },
  )
  .post(
    "/:token/erase",
    access("participant"),
    jsonBody(eraseBody, { examples: [{ confirm: true }, { confirm: true, deleteCertificates: true }] }),
    describe({
      summary: "Cancel open registrations (serving waitlists) and erase the person's data across all events",
      description: "Certificates stay verifiable by their code (without a link to the person) unless deleteCertificates is true. The link stops working afterwards.",
      tags: ["participant"],
      params: dataToken,
      responses: { 200: erasureResponse },
    }),
    async (c) => {
      const ctx = domainContext(c);
      const email = await subjectOfToken(c.env, c.req.param("token"), ctx.now);
      const { deleteCertificates } = c.req.valid("json");
      const erased = await erasePerson(ctx, email, { actor: "participant", organisationIds: null, deleteCertificates: deleteCertificates ?? false });
      return c.json({ erased });
    },
  );

export const privacyRequestRoutes = new Hono<AppBindings>()
  .use(async (c, next) => {
    await next();
    c.header("Cache-Control", "no-store");
  })
  .post(
    "/requests",
    access("public"),
    formGuard("privacy", { turnstile: true }),
    jsonBody(requestBody, { examples: [{ email: "ayse@example.org", locale: "tr" }, { email: "olena@example.org", locale: "uk", turnstileToken: "XXXX.DUMMY.TOKEN.XXXX" }] }),
    describe({
      summary: "Ask for a link to one's own data by email (always 202; the email goes out only if the address has data)",
      tags: ["public"],
      responses: { 202: checkEmail },
    }),
    async (c) => {
      const { email, locale } = c.req.valid("json");
      await requestDataAccess(domainContext(c), email, locale);
      // The same answer whether or not the address is known.
      return c.json({ status: "check_email" as const }, 202);
    },
  );
