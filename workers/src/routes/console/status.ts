/**
 * GET  /api/console/status: mail and scheduled-job health for administrators (domain/operations/status.ts).
 * POST /api/console/status/mail/{outboxId}/retry: queue a given-up email again (domain/operations/retry-mail.ts).
 */
import { Hono } from "hono";
import * as z from "zod/mini";
import type { AppBindings } from "../../env";
import { operationsStatus } from "../../domain/operations/status";
import { retryFailedEmail } from "../../domain/operations/retry-mail";
import { access } from "../../http/access";
import { describe } from "../../http/openapi";
import { domainContext, jsonBody } from "../../http/request";
import { mailRetried, operationsStatus as statusResponse } from "../schemas";

const tags = ["console"];
const emptyBody = z.strictObject({});

export const consoleStatusRoutes = new Hono<AppBindings>()
  .get(
    "/",
    access("admin"),
    describe({ summary: "Operations status: outbox backlog and failures (no addresses), last run of each scheduled job, hints", tags, responses: { 200: statusResponse } }),
    async (c) => c.json({ status: await operationsStatus(c.env, Date.now()) }),
  )
  .post(
    "/mail/:outboxId/retry",
    access("admin"),
    jsonBody(emptyBody, { optional: true, examples: [{}] }),
    describe({
      summary: "Send a given-up email again (retried for another 72 hours)",
      tags,
      params: { outboxId: { description: "Outbox id of a failed email (from the status)", schema: z.string() } },
      responses: { 200: mailRetried },
      errors: { 404: "not_found: no such email, or it was not given up" },
    }),
    async (c) => {
      await retryFailedEmail(domainContext(c), c.req.param("outboxId"), `user:${c.var.staff.id}`);
      return c.json({ status: "queued" as const });
    },
  );
