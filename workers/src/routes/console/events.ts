import { Hono } from "hono";
import * as z from "zod/mini";
import type { AppBindings } from "../../env";
import { authorizeEvent, organisesFor } from "../../domain/auth/access";
import { parseEventInput } from "../../domain/console/event-input";
import { cancelEvent, createEvent, duplicateEvent, getConsoleEvent, listConsoleEvents, publishEvent, updateEvent } from "../../domain/console/events";
import { NotFoundError } from "../../lib/errors";
import { domainContext, readJson } from "../../lib/http";
import { parseOrThrow } from "../../lib/validation";
import { requireStaff } from "./guard";

const cancelBody = z.strictObject({ reason: z.string().check(z.trim(), z.minLength(1), z.maxLength(1000)) });
const duplicateBody = z.strictObject({ shiftDays: z.optional(z.int().check(z.minimum(1), z.maximum(3660))) });

/** An id from the path; anything else is simply not found. */
export function idParam(value: string): number {
  const id = Number(value);
  if (!Number.isSafeInteger(id) || id <= 0) throw new NotFoundError();
  return id;
}

export const consoleEventRoutes = new Hono<AppBindings>()
  .use(requireStaff)
  .get("/", async (c) => c.json({ events: await listConsoleEvents(domainContext(c), c.var.staff) }))
  .post("/", async (c) => {
    const input = parseEventInput(await readJson(c));
    if (!organisesFor(c.var.staff, input.organisationId)) throw new NotFoundError();
    const id = await createEvent(domainContext(c), `user:${c.var.staff.id}`, input);
    return c.json({ event: await getConsoleEvent(domainContext(c), c.var.staff, id) }, 201);
  })
  .get("/:id", async (c) => {
    const id = idParam(c.req.param("id"));
    await authorizeEvent(c.env, c.var.staff, id, "view");
    return c.json({ event: await getConsoleEvent(domainContext(c), c.var.staff, id) });
  })
  .put("/:id", async (c) => {
    const id = idParam(c.req.param("id"));
    await authorizeEvent(c.env, c.var.staff, id, "manage");
    const input = parseEventInput(await readJson(c));
    await updateEvent(domainContext(c), `user:${c.var.staff.id}`, id, input);
    return c.json({ event: await getConsoleEvent(domainContext(c), c.var.staff, id) });
  })
  .post("/:id/publish", async (c) => {
    const id = idParam(c.req.param("id"));
    await authorizeEvent(c.env, c.var.staff, id, "manage");
    await readJson(c, { allowEmpty: true });
    await publishEvent(domainContext(c), `user:${c.var.staff.id}`, id);
    return c.json({ event: await getConsoleEvent(domainContext(c), c.var.staff, id) });
  })
  .post("/:id/cancel", async (c) => {
    const id = idParam(c.req.param("id"));
    await authorizeEvent(c.env, c.var.staff, id, "manage");
    const { reason } = parseOrThrow(cancelBody, await readJson(c));
    await cancelEvent(domainContext(c), `user:${c.var.staff.id}`, id, reason);
    return c.json({ event: await getConsoleEvent(domainContext(c), c.var.staff, id) });
  })
  .post("/:id/duplicate", async (c) => {
    const id = idParam(c.req.param("id"));
    await authorizeEvent(c.env, c.var.staff, id, "manage");
    const { shiftDays } = parseOrThrow(duplicateBody, await readJson(c, { allowEmpty: true }));
    const copy = await duplicateEvent(domainContext(c), `user:${c.var.staff.id}`, id, shiftDays);
    return c.json({ event: await getConsoleEvent(domainContext(c), c.var.staff, copy) }, 201);
  });
