/**
 * Console routes for registrations, waitlists, exports and messages. Thin handlers: check
 * the session (requireStaff), authorise on the event ("view" to read, "manage" to change),
 * validate, call one domain verb, answer.
 */
import { Hono, type Context } from "hono";
import * as z from "zod/mini";
import { REGISTRATION_STATUSES } from "../../../../db/schema";
import type { AppBindings } from "../../env";
import { authorizeEvent, authorizeRegistration } from "../../domain/auth/access";
import { getConsoleEvent } from "../../domain/console/events";
import { exportCsv, printableList } from "../../domain/console/exports";
import { messageRegistrants } from "../../domain/console/messages";
import { editRegistration } from "../../domain/console/registrations/edit";
import { eventAudit } from "../../domain/console/registrations/history";
import { eventOfPool, getConsoleRegistration, listRegistrations } from "../../domain/console/registrations/list";
import { approveApplication, cancelOnBehalf, confirmNow, moveInWaitlist, offerNow, rejectApplication } from "../../domain/places/organiser-actions";
import { registrationRequestSchema } from "../../domain/registrations/validate";
import { setPoolCapacity } from "../../domain/places/pool-size";
import { domainContext, readJson } from "../../lib/http";
import { parseOrThrow } from "../../lib/validation";
import { idParam } from "./events";
import { requireStaff } from "./guard";

const reason = z.string().check(z.trim(), z.minLength(1), z.maxLength(1000));
const reasonBody = z.strictObject({ reason });
const rejectBody = z.strictObject({ reason: z.optional(z.string().check(z.trim(), z.maxLength(1000))) });
const moveBody = z.strictObject({ direction: z.enum(["up", "down"]), reason });
const capacityBody = z.strictObject({ capacity: z.int().check(z.minimum(0), z.maximum(100_000)) });
const editBody = z.partial(z.omit(registrationRequestSchema, { consent: true }));
const statusList = z.array(z.enum(REGISTRATION_STATUSES)).check(z.minLength(1));
const messageBody = z.strictObject({
  subject: z.string().check(
    z.trim(),
    z.minLength(1),
    z.maxLength(200),
    z.refine((v) => !/[\r\n]/.test(v), { params: { key: "field.line_break" } }),
  ),
  body: z.string().check(z.trim(), z.minLength(1), z.maxLength(10_000)),
  statuses: statusList,
});
const listQuery = z.object({
  q: z.optional(z.string().check(z.maxLength(200))),
  status: z.optional(statusList),
  pool: z.optional(z.string().check(z.maxLength(100))),
});
const exportQuery = z.object({
  delimiter: z.optional(z.enum([";", ","])),
  status: z.optional(statusList),
});

/** `?status=confirmed,waitlisted` as a list (absent or empty: undefined). */
function statusesOf(value: string | undefined): string[] | undefined {
  const list = (value ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  return list.length ? list : undefined;
}

const actorOf = (c: { var: { staff: { id: number } } }) => `user:${c.var.staff.id}` as const;

/** Routes under /api/console/events/{id}/… (beside the event routes themselves). */
export const consoleEventRegistrationRoutes = new Hono<AppBindings>()
  .use(requireStaff)
  .get("/:id/registrations", async (c) => {
    const id = idParam(c.req.param("id"));
    await authorizeEvent(c.env, c.var.staff, id, "view");
    const query = parseOrThrow(listQuery, { q: c.req.query("q"), status: statusesOf(c.req.query("status")), pool: c.req.query("pool") || undefined });
    const registrations = await listRegistrations(domainContext(c), id, { q: query.q, statuses: query.status, pool: query.pool });
    return c.json({ registrations });
  })
  .get("/:id/export.csv", async (c) => {
    const id = idParam(c.req.param("id"));
    await authorizeEvent(c.env, c.var.staff, id, "view");
    const query = parseOrThrow(exportQuery, { delimiter: c.req.query("delimiter"), status: statusesOf(c.req.query("status")) });
    const { filename, body } = await exportCsv(domainContext(c), id, { delimiter: query.delimiter, statuses: query.status });
    return c.body(body, 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    });
  })
  .get("/:id/print", async (c) => {
    const id = idParam(c.req.param("id"));
    await authorizeEvent(c.env, c.var.staff, id, "view");
    const query = parseOrThrow(z.object({ status: z.optional(statusList) }), { status: statusesOf(c.req.query("status")) });
    const html = await printableList(domainContext(c), id, query.status);
    return c.html(html, 200, { "Cache-Control": "no-store" });
  })
  .post("/:id/messages", async (c) => {
    const id = idParam(c.req.param("id"));
    await authorizeEvent(c.env, c.var.staff, id, "manage");
    const input = parseOrThrow(messageBody, await readJson(c));
    const queued = await messageRegistrants(domainContext(c), actorOf(c), id, input);
    return c.json({ queued }, 202);
  })
  .get("/:id/audit", async (c) => {
    const id = idParam(c.req.param("id"));
    await authorizeEvent(c.env, c.var.staff, id, "view");
    return c.json({ entries: await eventAudit(domainContext(c), id) });
  });

/** The registration as it is now. */
async function answerRegistration(c: Context<AppBindings>, id: number) {
  return c.json({ registration: await getConsoleRegistration(domainContext(c), id) });
}

/** Routes under /api/console/registrations/{id}. */
export const consoleRegistrationRoutes = new Hono<AppBindings>()
  .use(requireStaff)
  .get("/:id", async (c) => {
    const id = idParam(c.req.param("id"));
    await authorizeRegistration(c.env, c.var.staff, id, "view");
    return answerRegistration(c, id);
  })
  .patch("/:id", async (c) => {
    const id = idParam(c.req.param("id"));
    await authorizeRegistration(c.env, c.var.staff, id, "manage");
    const input = parseOrThrow(editBody, await readJson(c));
    await editRegistration(domainContext(c), actorOf(c), id, input);
    return answerRegistration(c, id);
  })
  .post("/:id/cancel", async (c) => {
    const id = idParam(c.req.param("id"));
    await authorizeRegistration(c.env, c.var.staff, id, "manage");
    const body = parseOrThrow(reasonBody, await readJson(c));
    await cancelOnBehalf(domainContext(c), actorOf(c), id, body.reason);
    return answerRegistration(c, id);
  })
  .post("/:id/confirm", async (c) => {
    const id = idParam(c.req.param("id"));
    await authorizeRegistration(c.env, c.var.staff, id, "manage");
    parseOrThrow(z.strictObject({}), await readJson(c, { allowEmpty: true }));
    await confirmNow(domainContext(c), actorOf(c), id);
    return answerRegistration(c, id);
  })
  .post("/:id/offer", async (c) => {
    const id = idParam(c.req.param("id"));
    await authorizeRegistration(c.env, c.var.staff, id, "manage");
    parseOrThrow(z.strictObject({}), await readJson(c, { allowEmpty: true }));
    await offerNow(domainContext(c), actorOf(c), id);
    return answerRegistration(c, id);
  })
  .post("/:id/move", async (c) => {
    const id = idParam(c.req.param("id"));
    await authorizeRegistration(c.env, c.var.staff, id, "manage");
    const body = parseOrThrow(moveBody, await readJson(c));
    await moveInWaitlist(domainContext(c), actorOf(c), id, body.direction, body.reason);
    return answerRegistration(c, id);
  })
  .post("/:id/approve", async (c) => {
    const id = idParam(c.req.param("id"));
    await authorizeRegistration(c.env, c.var.staff, id, "manage");
    parseOrThrow(z.strictObject({}), await readJson(c, { allowEmpty: true }));
    await approveApplication(domainContext(c), actorOf(c), id);
    return answerRegistration(c, id);
  })
  .post("/:id/reject", async (c) => {
    const id = idParam(c.req.param("id"));
    await authorizeRegistration(c.env, c.var.staff, id, "manage");
    const body = parseOrThrow(rejectBody, await readJson(c, { allowEmpty: true }));
    await rejectApplication(domainContext(c), actorOf(c), id, body.reason || null);
    return answerRegistration(c, id);
  });

/** Routes under /api/console/pools/{id}. */
export const consolePoolRoutes = new Hono<AppBindings>().use(requireStaff).post("/:id/capacity", async (c) => {
  const poolId = idParam(c.req.param("id"));
  const ctx = domainContext(c);
  const eventId = await eventOfPool(ctx, poolId);
  await authorizeEvent(c.env, c.var.staff, eventId, "manage");
  const { capacity } = parseOrThrow(capacityBody, await readJson(c));
  await setPoolCapacity(ctx, poolId, capacity, actorOf(c));
  return c.json({ event: await getConsoleEvent(ctx, c.var.staff, eventId) });
});
