import { Hono } from "hono";
import type { AppBindings } from "../env";
import * as z from "zod/mini";
import { acceptOffer, cancelRegistration, chooseWorkshop, confirmEmail, viewRegistration } from "../domain/registrations/manage";
import { domainContext, readJson } from "../lib/http";
import { parseOrThrow } from "../lib/validation";

const workshopBody = z.strictObject({ slot: z.string().check(z.maxLength(64)), key: z.string().check(z.maxLength(64)) });

/** The participant's own registration, reached only through the token of their manage link. */
export const registrationRoutes = new Hono<AppBindings>()
  .use(async (c, next) => {
    await next();
    c.header("Cache-Control", "no-store");
    c.header("Referrer-Policy", "no-referrer");
  })
  .get("/:token", async (c) => c.json({ registration: await viewRegistration(domainContext(c), c.req.param("token"), c.var.locale) }))
  .post("/:token/cancel", async (c) => {
    await readJson(c, { allowEmpty: true });
    return c.json({ registration: await cancelRegistration(domainContext(c), c.req.param("token")) });
  })
  .post("/:token/confirm", async (c) => {
    await readJson(c, { allowEmpty: true });
    return c.json({ registration: await confirmEmail(domainContext(c), c.req.param("token")) });
  })
  .post("/:token/workshops", async (c) => {
    const { slot, key } = parseOrThrow(workshopBody, await readJson(c));
    return c.json({ registration: await chooseWorkshop(domainContext(c), c.req.param("token"), slot, key) });
  })
  .post("/:token/accept-offer", async (c) => {
    await readJson(c, { allowEmpty: true });
    return c.json({ registration: await acceptOffer(domainContext(c), c.req.param("token")) });
  });
