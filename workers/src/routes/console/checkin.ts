/**
 * Check-in at the door, attendance and signature lists. Everything here needs the "checkin"
 * permission on the event (organisers, and check-in helpers on the events assigned to
 * them), except the attendance report, which is the organisers' ("view").
 */
import { Hono } from "hono";
import * as z from "zod/mini";
import { LOCALES } from "../../../../db/schema";
import type { AppBindings } from "../../env";
import { authorizeEvent } from "../../domain/auth/access";
import { checkIn, checkInEventsFor, doorEvent, searchForCheckIn, setCheckedInPlaces, undoCheckIn } from "../../domain/attendance/checkin";
import { attendanceReport } from "../../domain/attendance/report";
import { signatureListFor } from "../../domain/attendance/signature-list";
import { addWalkIn } from "../../domain/attendance/walk-in";
import { NotFoundError } from "../../lib/errors";
import { domainContext, readJson } from "../../lib/http";
import { parseOrThrow } from "../../lib/validation";
import { idParam } from "./events";
import { requireStaff } from "./guard";


const id = z.int().check(z.minimum(1));
const places = z.int().check(z.minimum(1), z.maximum(100));
const scanByCode = z.strictObject({ sessionId: id, code: z.string().check(z.maxLength(200)), places: z.optional(places) });
const scanById = z.strictObject({ sessionId: id, registrationId: id, places: z.optional(places) });
const undoBody = z.strictObject({ sessionId: id, registrationId: id });
const placesBody = z.strictObject({ sessionId: id, registrationId: id, places });
const walkInBody = z.strictObject({
  sessionId: id,
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  email: z.optional(z.union([z.literal(""), z.email().check(z.maxLength(254))])),
  places: z._default(places, 1),
  locale: z._default(z.enum(LOCALES), "de"),
});

/** `{code}` and `{registrationId}` bodies differ in one key; name the field that is wrong. */
function parseScan(body: unknown) {
  return body && typeof body === "object" && "registrationId" in body ? parseOrThrow(scanById, body) : parseOrThrow(scanByCode, body);
}

/** The check-in page's choice of events (mounted at /api/console/checkin). */
export const consoleCheckInStartRoutes = new Hono<AppBindings>()
  .use(requireStaff)
  .get("/events", async (c) => c.json({ events: await checkInEventsFor(c.env, c.var.staff, Date.now(), c.var.locale) }));

/** Per event (mounted at /api/console/events, beside the event routes). */
export const consoleCheckInRoutes = new Hono<AppBindings>()
  .use(requireStaff)
  .get("/:id/checkin", async (c) => {
    const eventId = idParam(c.req.param("id"));
    await authorizeEvent(c.env, c.var.staff, eventId, "checkin");
    return c.json({ event: await doorEvent(c.env, eventId, c.var.locale) });
  })
  .post("/:id/checkin/scan", async (c) => {
    const eventId = idParam(c.req.param("id"));
    await authorizeEvent(c.env, c.var.staff, eventId, "checkin");
    return c.json(await checkIn(domainContext(c), c.var.staff, eventId, parseScan(await readJson(c))));
  })
  .post("/:id/checkin/undo", async (c) => {
    const eventId = idParam(c.req.param("id"));
    await authorizeEvent(c.env, c.var.staff, eventId, "checkin");
    const body = parseOrThrow(undoBody, await readJson(c));
    const undone = await undoCheckIn(domainContext(c), c.var.staff, eventId, body.registrationId, body.sessionId);
    if (!undone) throw new NotFoundError();
    return c.json({ outcome: "undone" });
  })
  .post("/:id/checkin/places", async (c) => {
    const eventId = idParam(c.req.param("id"));
    await authorizeEvent(c.env, c.var.staff, eventId, "checkin");
    const body = parseOrThrow(placesBody, await readJson(c));
    const person = await setCheckedInPlaces(domainContext(c), c.var.staff, eventId, body.registrationId, body.sessionId, body.places);
    if (!person) throw new NotFoundError();
    return c.json({ outcome: "checked_in", person });
  })
  .get("/:id/checkin/search", async (c) => {
    const eventId = idParam(c.req.param("id"));
    await authorizeEvent(c.env, c.var.staff, eventId, "checkin");
    const sessionId = Number(c.req.query("sessionId"));
    if (!Number.isSafeInteger(sessionId) || sessionId <= 0) throw new NotFoundError();
    const query = (c.req.query("q") ?? "").slice(0, 100);
    return c.json({ people: await searchForCheckIn(c.env, eventId, sessionId, query) });
  })
  .post("/:id/checkin/walk-in", async (c) => {
    const eventId = idParam(c.req.param("id"));
    await authorizeEvent(c.env, c.var.staff, eventId, "checkin");
    const body = parseOrThrow(walkInBody, await readJson(c));
    const outcome = await addWalkIn(domainContext(c), c.var.staff, eventId, body);
    return c.json(outcome, outcome.outcome === "checked_in" ? 201 : 200);
  })
  .get("/:id/attendance", async (c) => {
    const eventId = idParam(c.req.param("id"));
    await authorizeEvent(c.env, c.var.staff, eventId, "view");
    return c.json(await attendanceReport(c.env, eventId, Date.now()));
  })
  .get("/:id/sessions/:sessionId/signature-list.pdf", async (c) => {
    const eventId = idParam(c.req.param("id"));
    await authorizeEvent(c.env, c.var.staff, eventId, "checkin");
    const { bytes, filename } = await signatureListFor(c.env, eventId, idParam(c.req.param("sessionId")), Date.now());
    return c.body(bytes, 200, {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${filename}"`,
    });
  });
