/**
 * GET  /api/console/status: mail and scheduled-job health for administrators (domain/operations/status.ts).
 * POST /api/console/status/mail/{outboxId}/retry: queue a given-up email again (domain/operations/retry-mail.ts).
 */
import { Hono } from "hono";
import type { AppBindings } from "../../env";
import { requireAdmin } from "../../domain/auth/access";
import { operationsStatus } from "../../domain/operations/status";
import { retryFailedEmail } from "../../domain/operations/retry-mail";
import { domainContext } from "../../lib/http";
import { requireStaff } from "./guard";

export const consoleStatusRoutes = new Hono<AppBindings>()
  .get("/", requireStaff, async (c) => {
    requireAdmin(c.var.staff);
    return c.json({ status: await operationsStatus(c.env, Date.now()) });
  })
  .post("/mail/:outboxId/retry", requireStaff, async (c) => {
    requireAdmin(c.var.staff);
    await retryFailedEmail(domainContext(c), c.req.param("outboxId"), `user:${c.var.staff.id}`);
    return c.json({ status: "queued" });
  });
