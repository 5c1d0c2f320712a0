/**
 * Check-in at the door, attendance and signature lists. Everything here is "event:checkin"
 * (organisers, and check-in helpers on the events assigned to them), except the attendance
 * report, which is the organisers' ("event:manage").
 */
import { Hono } from "hono";
import * as z from "zod/mini";
import { LOCALES } from "../../../../db/schema";
import type { AppBindings } from "../../env";
import { checkIn, checkInEventsFor, doorEvent, searchForCheckIn, setCheckedInPlaces, undoCheckIn } from "../../domain/attendance/checkin";
import { attendanceReport } from "../../domain/attendance/report";
import { seriesSignatureListsFor, signatureListFor } from "../../domain/attendance/signature-list";
import { addWalkIn } from "../../domain/attendance/walk-in";
import { access } from "../../http/access";
import { describe } from "../../http/openapi";
import { BODY_ERRORS, documentedBody, domainContext, idParam, idParams, jsonBody, queryParams, readJson } from "../../http/request";
import { NotFoundError } from "../../lib/errors";
import { parseOrThrow } from "../../lib/validation";
import { attendanceResponse, doorEventResponse, doorEventsResponse, placesResponse, scanOutcome, searchResponse, undoResponse, walkInOutcome } from "../schemas";

const id = z.int().check(z.minimum(1));
const places = z.int().check(z.minimum(1), z.maximum(100));
const scanByCode = z.strictObject({ sessionId: id, code: z.string().check(z.maxLength(200)), places: z.optional(places) });
const scanById = z.strictObject({ sessionId: id, registrationId: id, places: z.optional(places) });
const scanBody = z.union([scanByCode, scanById]);
const undoBody = z.strictObject({ sessionId: id, registrationId: id });
const placesBody = z.strictObject({ sessionId: id, registrationId: id, places });
const walkInBody = z.strictObject({
  sessionId: id,
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  email: z.optional(z.union([z.literal(""), z.email().check(z.maxLength(254))])),
  places: z._default(places, 1),
  locale: z._default(z.enum(LOCALES), "de"),
});
/** An unknown date is simply not found, like an unknown id in the path. */
const searchQuery = z.object({
  sessionId: z.string().check(z.regex(/^[1-9][0-9]{0,15}$/), z.describe("The date (session id)")),
  q: z.optional(z.string().check(z.describe("Part of the name, any case and accents; the first 100 characters count"))),
});

/** `{code}` and `{registrationId}` bodies differ in one key; name the field that is wrong. */
function parseScan(body: unknown) {
  return body && typeof body === "object" && "registrationId" in body ? parseOrThrow(scanById, body) : parseOrThrow(scanByCode, body);
}

const signatureListQuery = z.object({
  times: z.optional(z.enum(["1"]).check(z.describe("1: empty columns for the time of arrival and of leaving"))),
});
const tags = ["check-in"];
const notFound = { 404: "Unknown registration or date of this event" };

/** The check-in page's choice of events (mounted at /api/console/checkin). */
export const consoleCheckInStartRoutes = new Hono<AppBindings>().get(
  "/events",
  access("staff"),
  describe({ summary: "Events the user may check people in for", tags, responses: { 200: doorEventsResponse } }),
  async (c) => c.json({ events: await checkInEventsFor(c.env, c.var.staff, Date.now(), c.var.locale) }),
);

/** Per event (mounted at /api/console/events, beside the event routes). */
export const consoleCheckInRoutes = new Hono<AppBindings>()
  .get("/:eventId/checkin", access("event:checkin"), describe({ summary: "The door view of an event: its dates and counts", tags, responses: { 200: doorEventResponse } }), async (c) =>
    c.json({ event: await doorEvent(c.env, c.var.eventId, c.var.locale) }),
  )
  .post(
    "/:eventId/checkin/scan",
    access("event:checkin"),
    describe({
      summary: "Check in by the code of a QR ticket, or by registration id (from the name search)",
      description: "Every scan has an outcome for the page to show: checked_in, already_checked_in, cancelled, waitlisted, not_confirmed, wrong_event, wrong_session or invalid.",
      tags,
      body: documentedBody(scanBody, { examples: [{ sessionId: 1, code: "zc1.1.AAAAAAAAAAAAAAAAAAAAAA" }, { sessionId: 1, registrationId: 1, places: 1 }] }),
      responses: { 200: scanOutcome },
      errors: BODY_ERRORS,
    }),
    async (c) => c.json(await checkIn(domainContext(c), c.var.staff, c.var.eventId, parseScan(await readJson(c)))),
  )
  .post(
    "/:eventId/checkin/undo",
    access("event:checkin"),
    jsonBody(undoBody, { examples: [{ sessionId: 1, registrationId: 1 }] }),
    describe({ summary: "Undo a check-in", tags, responses: { 200: undoResponse }, errors: notFound }),
    async (c) => {
      const body = c.req.valid("json");
      const undone = await undoCheckIn(domainContext(c), c.var.staff, c.var.eventId, body.registrationId, body.sessionId);
      if (!undone) throw new NotFoundError();
      return c.json({ outcome: "undone" as const });
    },
  )
  .post(
    "/:eventId/checkin/places",
    access("event:checkin"),
    jsonBody(placesBody, { examples: [{ sessionId: 1, registrationId: 1, places: 1 }] }),
    describe({ summary: "Set how many places of a household came", tags, responses: { 200: placesResponse }, errors: notFound }),
    async (c) => {
      const body = c.req.valid("json");
      const person = await setCheckedInPlaces(domainContext(c), c.var.staff, c.var.eventId, body.registrationId, body.sessionId, body.places);
      if (!person) throw new NotFoundError();
      return c.json({ outcome: "checked_in" as const, person });
    },
  )
  .get(
    "/:eventId/checkin/search",
    access("event:checkin"),
    queryParams(searchQuery),
    describe({ summary: "Find a registration by name at the door (confirmed people first, at most 20)", tags, responses: { 200: searchResponse } }),
    async (c) => {
      const { sessionId, q } = c.req.valid("query");
      return c.json({ people: await searchForCheckIn(c.env, c.var.eventId, Number(sessionId), (q ?? "").slice(0, 100)) });
    },
  )
  .post(
    "/:eventId/checkin/walk-in",
    access("event:checkin"),
    jsonBody(walkInBody, { examples: [{ sessionId: 1, name: "Spontan Gekommen" }, { sessionId: 1, name: "Familie Demir", email: "demir@example.org", places: 3, locale: "tr" }] }),
    describe({
      summary: "Register and check in someone who came without registration (where places are free)",
      tags,
      responses: { 200: walkInOutcome, 201: walkInOutcome },
      errors: { 409: "event_full" },
    }),
    async (c) => {
      const outcome = await addWalkIn(domainContext(c), c.var.staff, c.var.eventId, c.req.valid("json"));
      return c.json(outcome, outcome.outcome === "checked_in" ? 201 : 200);
    },
  )
  .get("/:eventId/attendance", access("event:manage"), describe({ summary: "Attendance per date and per registration", tags, responses: { 200: attendanceResponse } }), async (c) =>
    c.json(await attendanceReport(c.env, c.var.eventId, Date.now())),
  )
  .get(
    "/:eventId/signature-list.pdf",
    access("event:checkin"),
    queryParams(signatureListQuery),
    describe({
      summary: "Signature lists of every coming date of the event in one PDF (a list per date; past and cancelled dates get none)",
      tags,
      responses: { 200: { type: "application/pdf", description: "PDF attachment", schema: z.string().check(z.meta({ format: "binary" })) } },
      errors: { 404: "The event has no coming date" },
    }),
    async (c) => {
      const { bytes, filename } = await seriesSignatureListsFor(c.env, c.var.eventId, Date.now(), { timeColumns: c.req.valid("query").times === "1" });
      return c.body(bytes, 200, { "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="${filename}"` });
    },
  )
  .get(
    "/:eventId/sessions/:sessionId/signature-list.pdf",
    access("event:checkin"),
    queryParams(signatureListQuery),
    describe({
      summary: "Signature list of one date as PDF",
      tags,
      params: idParams({ sessionId: "Session (date) id" }),
      responses: { 200: { type: "application/pdf", description: "PDF attachment", schema: z.string().check(z.meta({ format: "binary" })) } },
      errors: { 404: "Unknown date of this event" },
    }),
    async (c) => {
      const { bytes, filename } = await signatureListFor(c.env, c.var.eventId, idParam(c.req.param("sessionId")), Date.now(), { timeColumns: c.req.valid("query").times === "1" });
      return c.body(bytes, 200, {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="${filename}"`,
      });
    },
  );
