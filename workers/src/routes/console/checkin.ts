/**
 * Check-in at the door, attendance and signature lists. Everything here is "event:checkin"
 * (organisers, and check-in helpers on the events assigned to them), except the attendance
 * report, which is the organisers' ("event:manage").
 */
import { Hono } from "hono";
import * as z from "zod/mini";
import { LOCALES } from "../../../../db/schema";
import type { AppBindings } from "../../env";
import { checkIn, checkInEventsFor, doorEvent, doorList, recordCheckIns, searchForCheckIn, setCheckedInPlaces, undoCheckIn } from "../../domain/attendance/checkin";
import { attendanceReport } from "../../domain/attendance/report";
import { seriesSignatureListsFor, signatureListFor } from "../../domain/attendance/signature-list";
import { addWalkIn } from "../../domain/attendance/walk-in";
import { access } from "../../http/access";
import { describe } from "../../http/openapi";
import { BODY_ERRORS, documentedBody, domainContext, idParam, idParams, jsonBody, queryParams, readJson } from "../../http/request";
import { errorMessage } from "../../i18n";
import { NotFoundError } from "../../lib/errors";
import { staffRateLimit } from "../../lib/rate-limit";
import { nameText, parseOrThrow } from "../../lib/validation";
import {
  attendanceResponse,
  checkInSyncResponse,
  doorEventResponse,
  doorEventsResponse,
  doorListResponse,
  pdfResponse,
  placesResponse,
  scanOutcome,
  searchResponse,
  undoResponse,
  walkInOutcome,
} from "../schemas";

const id = z.int().check(z.minimum(1));
const places = z.int().check(z.minimum(1), z.maximum(100));
/** The phone's own id for a check-in: sent again after a lost answer, it is recorded once. */
const clientId = z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/), z.describe("The phone's id for this check-in (a UUID); a repeat is answered, not recorded again")));
const recordedAt = z.optional(
  z.string().check(
    z.refine((v) => !Number.isNaN(Date.parse(v)), { params: { key: "field.invalid_type" } }),
    z.describe("When the phone recorded it (ISO 8601), for check-ins kept while offline; later than now counts as now"),
  ),
);
const scanByCode = z.strictObject({ sessionId: id, code: z.string().check(z.maxLength(200)), places: z.optional(places), clientId, recordedAt });
const scanById = z.strictObject({ sessionId: id, registrationId: id, places: z.optional(places), clientId, recordedAt });
const scanBody = z.union([scanByCode, scanById]);
const syncItem = z.union([
  z.strictObject({ clientId: z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/)), sessionId: id, registrationId: id, places: z.optional(places), recordedAt }),
  z.strictObject({ clientId: z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/)), sessionId: id, code: z.string().check(z.maxLength(200)), places: z.optional(places), recordedAt }),
]);
/** At most 20 at a time: each is a batch of its own (D1 counts queries per request); the page sends the rest next. */
const syncBody = z.strictObject({ checkIns: z.array(syncItem).check(z.minLength(1), z.maxLength(20)) });
const listQuery = z.object({ sessionId: z.string().check(z.regex(/^[1-9][0-9]{0,15}$/), z.describe("The date (session id)")) });
const undoBody = z.strictObject({ sessionId: id, registrationId: id });
const placesBody = z.strictObject({ sessionId: id, registrationId: id, places });
const walkInBody = z.strictObject({
  sessionId: id,
  name: nameText(200),
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
  const scan = body && typeof body === "object" && "registrationId" in body ? parseOrThrow(scanById, body) : parseOrThrow(scanByCode, body);
  return { ...scan, recordedAt: scan.recordedAt === undefined ? undefined : Date.parse(scan.recordedAt) };
}

const signatureListQuery = z.object({
  times: z.optional(z.enum(["1"]).check(z.describe("1: empty columns for the time of arrival and of leaving"))),
});
const tags = ["check-in"];
const notFound = { 404: "Unknown registration or date of this event" };
/** Undo and a household's places follow the check-in window too (organisers may still change a closed day). */
const changeErrors = { ...notFound, 409: "checkin_not_open, checkin_closed" };

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
      description:
        "Every scan has an outcome for the page to show: checked_in, already_checked_in, cancelled, waitlisted, not_confirmed, undone_meanwhile, wrong_event, wrong_session or invalid. " +
        "Only within the date's check-in window (from the event's `checkinOpensMinutes` before it starts to the end of its day): before it 409 `checkin_not_open`; " +
        "after it 409 `checkin_closed`, except for organisers, whose check-in is recorded as made afterwards.",
      tags,
      body: documentedBody(scanBody, { examples: [{ sessionId: 1, code: "zc1.1.AAAAAAAAAAAAAAAAAAAAAA" }, { sessionId: 1, registrationId: 1, places: 1 }] }),
      responses: { 200: scanOutcome },
      errors: { ...BODY_ERRORS, 409: "checkin_not_open, checkin_closed" },
    }),
    async (c) => c.json(await checkIn(domainContext(c), c.var.staff, c.var.eventId, parseScan(await readJson(c)))),
  )
  .post(
    "/:eventId/checkin/sync",
    access("event:checkin"),
    jsonBody(syncBody, {
      examples: [{ checkIns: [{ clientId: "0f8fad5b-d9cb-469f-a165-70867728950e", sessionId: 1, registrationId: 1, recordedAt: "2030-05-05T16:05:00.000Z" }] }],
    }),
    describe({
      summary: "Send check-ins the phone kept while offline (or any check-in with the phone's own id)",
      description:
        "Each is recorded as by /checkin/scan, at the time the phone recorded it, and answered with its outcome. One sent again (the same clientId) is " +
        "answered, not recorded twice; one recorded before an undo on another phone is `undone_meanwhile`. A refused one (outside the check-in window, " +
        "a bad number of places) is `refused` with its code and message; the others are still recorded.",
      tags,
      responses: { 200: checkInSyncResponse },
    }),
    async (c) => {
      const items = c.req.valid("json").checkIns.map((item) => ({ ...item, recordedAt: item.recordedAt === undefined ? undefined : Date.parse(item.recordedAt) }));
      const results = await recordCheckIns(domainContext(c), c.var.staff, c.var.eventId, items);
      return c.json({
        results: results.map((r) =>
          "outcome" in r
            ? { clientId: r.clientId, ...r.outcome }
            : { clientId: r.clientId, outcome: "refused" as const, code: r.error.code, message: errorMessage(c.var.locale, r.error.messageKey, r.error.params) },
        ),
      });
    },
  )
  .get(
    "/:eventId/checkin/list",
    access("event:checkin"),
    queryParams(listQuery),
    describe({ summary: "The date's list for the door: everyone confirmed and whoever is checked in (the page keeps it for offline use)", tags, responses: { 200: doorListResponse }, errors: notFound }),
    async (c) => c.json(await doorList(c.env, c.var.eventId, Number(c.req.valid("query").sessionId), Date.now())),
  )
  .post(
    "/:eventId/checkin/undo",
    access("event:checkin"),
    jsonBody(undoBody, { examples: [{ sessionId: 1, registrationId: 1 }] }),
    describe({ summary: "Undo a check-in", tags, responses: { 200: undoResponse }, errors: changeErrors }),
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
    describe({ summary: "Set how many places of a household came", tags, responses: { 200: placesResponse }, errors: changeErrors }),
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
    staffRateLimit("walk_in.staff"),
    jsonBody(walkInBody, { examples: [{ sessionId: 1, name: "Spontan Gekommen" }, { sessionId: 1, name: "Familie Demir", email: "demir@example.org", places: 3, locale: "tr" }] }),
    describe({
      summary: "Register and check in someone who came without registration (where places are free)",
      tags,
      responses: { 200: walkInOutcome, 201: walkInOutcome },
      errors: { 409: "event_full, checkin_not_open, checkin_closed", 429: "rate_limited: more walk-ins by this helper in an hour than `walk_in.staff` allows (default 60)" },
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
      responses: { 200: pdfResponse() },
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
      responses: { 200: pdfResponse() },
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
