/** GET /api/console/status: mail and scheduled-job health for administrators (domain/operations/status.ts). */
import { Hono } from "hono";
import type { AppBindings } from "../../env";
import { requireAdmin } from "../../domain/auth/access";
import { operationsStatus } from "../../domain/operations/status";
import { requireStaff } from "./guard";

export const consoleStatusRoutes = new Hono<AppBindings>().get("/", requireStaff, async (c) => {
  requireAdmin(c.var.staff);
  return c.json({ status: await operationsStatus(c.env, Date.now()) });
});
