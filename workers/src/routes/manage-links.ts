/** "I lost my link": a participant asks for the manage links of their registrations by email. */
import { Hono } from "hono";
import * as z from "zod/mini";
import { LOCALES } from "../../../db/schema";
import type { AppBindings } from "../env";
import { sendManageLinks } from "../domain/registrations/lost-link";
import { access } from "../http/access";
import { formGuard } from "../http/form-guard";
import { describe } from "../http/openapi";
import { domainContext, jsonBody } from "../http/request";
import { forEachDatabase } from "../lib/tenants";
import { checkEmail } from "./schemas";

const requestBody = z.strictObject({
  email: z.string().check(z.trim(), z.maxLength(254), z.email()),
  // The page's language: only for the answer's messages (the email speaks the registrations' language).
  locale: z.optional(z.enum(LOCALES)),
  turnstileToken: z.optional(z.string().check(z.maxLength(2048))),
});

export const manageLinkRoutes = new Hono<AppBindings>()
  .use(async (c, next) => {
    await next();
    c.header("Cache-Control", "no-store");
  })
  .post(
    "/",
    access("public"),
    formGuard("manage_links", { turnstile: true }),
    jsonBody(requestBody, { examples: [{ email: "olena@example.org", locale: "uk" }, { email: "karim@example.org" }] }),
    describe({
      summary: "Ask for the manage links of one's registrations by email (always 202; one email lists every live registration of the address, if it has any)",
      tags: ["public"],
      responses: { 202: checkEmail },
    }),
    async (c) => {
      const ctx = domainContext(c);
      // With TENANTS, each database holding live registrations of the address sends its own list.
      await forEachDatabase(ctx.env, (env) => sendManageLinks({ ...ctx, env }, c.req.valid("json").email));
      // The same answer whether or not the address is known.
      return c.json({ status: "check_email" as const }, 202);
    },
  );
