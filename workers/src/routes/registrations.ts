/** The participant's own registration, reached only through the token of their manage link. */
import { Hono } from "hono";
import * as z from "zod/mini";
import type { AppBindings } from "../env";
import { acceptOffer, cancelRegistration, chooseWorkshop, confirmEmail, viewRegistration } from "../domain/registrations/manage";
import { access } from "../http/access";
import { describe, type OperationDoc } from "../http/openapi";
import { domainContext, jsonBody } from "../http/request";
import { managedRegistrationResponse } from "./schemas";

const workshopBody = z.strictObject({ slot: z.string().check(z.maxLength(64)), key: z.string().check(z.maxLength(64)) });
/** Nothing, or `{}`. */
const noBody = jsonBody(z.strictObject({}), { optional: true, examples: [{}] });

export const manageToken = { token: { description: "The token of the private manage link", schema: z.string() } };
const action = (summary: string, extra: OperationDoc = {}) =>
  describe({
    summary,
    tags: ["participant"],
    params: manageToken,
    responses: { 200: managedRegistrationResponse },
    errors: { 409: "Not possible in the registration's current state" },
    ...extra,
  });

export const registrationRoutes = new Hono<AppBindings>()
  .get("/:token", access("participant"), describe({ summary: "The participant's own registration", tags: ["participant"], params: manageToken, responses: { 200: managedRegistrationResponse } }), async (c) =>
    c.json({ registration: await viewRegistration(domainContext(c), c.req.param("token"), c.var.locale) }),
  )
  .post("/:token/cancel", access("participant"), noBody, action("Cancel the registration or leave the waitlist"), async (c) =>
    c.json({ registration: await cancelRegistration(domainContext(c), c.req.param("token")) }),
  )
  .post("/:token/confirm", access("participant"), noBody, action("Confirm the email address (double opt-in)"), async (c) =>
    c.json({ registration: await confirmEmail(domainContext(c), c.req.param("token")) }),
  )
  .post(
    "/:token/workshops",
    access("participant"),
    jsonBody(workshopBody, { examples: [{ slot: "morning", key: "health-literacy" }] }),
    action("Choose or switch the workshop of a parallel slot (frees the old place and serves its waitlist)"),
    async (c) => {
      const { slot, key } = c.req.valid("json");
      return c.json({ registration: await chooseWorkshop(domainContext(c), c.req.param("token"), slot, key) });
    },
  )
  .post("/:token/accept-offer", access("participant"), noBody, action("Accept a waitlist offer before its deadline"), async (c) =>
    c.json({ registration: await acceptOffer(domainContext(c), c.req.param("token")) }),
  );
