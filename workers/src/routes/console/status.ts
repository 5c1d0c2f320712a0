/** GET /api/console/status: mail and scheduled-job health for administrators (domain/operations/status.ts). */
import { Hono } from "hono";
import type { AppBindings } from "../../env";
import { operationsStatus } from "../../domain/operations/status";
import { access } from "../../http/access";
import { describe } from "../../http/openapi";
import { operationsStatus as statusResponse } from "../schemas";

export const consoleStatusRoutes = new Hono<AppBindings>().get(
  "/",
  access("admin"),
  describe({ summary: "Operations status: outbox backlog and failures (no addresses), last run of each scheduled job, hints", tags: ["console"], responses: { 200: statusResponse } }),
  async (c) => c.json({ status: await operationsStatus(c.env, Date.now()) }),
);
