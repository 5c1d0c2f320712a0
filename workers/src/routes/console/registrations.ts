/**
 * Console routes for registrations, waitlists, exports and messages. Thin handlers: the
 * access rule (http/access.ts) checks the session and the caller's reach, the body or
 * query is validated, one domain verb is called, and the answer given.
 */
import { Hono, type Context } from "hono";
import * as z from "zod/mini";
import { REGISTRATION_STATUSES } from "../../../../db/schema";
import type { AppBindings } from "../../env";
import type { RegistrationNeedFilter } from "../../console-types";
import type { Actor, DomainContext } from "../../domain/change";
import { getConsoleEvent } from "../../domain/console/events";
import { exportCsv, printableList } from "../../domain/console/exports";
import { messageRegistrants } from "../../domain/console/messages";
import { editRegistration } from "../../domain/console/registrations/edit";
import { eventAudit } from "../../domain/console/registrations/history";
import { getConsoleRegistration, listRegistrations } from "../../domain/console/registrations/list";
import { approveApplication, cancelOnBehalf, confirmNow, moveInWaitlist, offerNow, rejectApplication } from "../../domain/places/organiser-actions";
import { registrationRequestSchema } from "../../domain/registrations/validate";
import { setPoolCapacity } from "../../domain/places/pool-size";
import { access } from "../../http/access";
import { describe, type OperationDoc } from "../../http/openapi";
import { domainContext, jsonBody, queryParams } from "../../http/request";
import { multiLineText, singleLineText } from "../../lib/validation";
import { auditResponse, consoleEventResponse, consoleRegistrationList, consoleRegistrationResponse, messageResponse } from "../schemas";

const reason = multiLineText(1000);
const reasonBody = z.strictObject({ reason });
const rejectBody = z.strictObject({ reason: z.optional(multiLineText(1000, { optional: true })) });
const moveBody = z.strictObject({ direction: z.enum(["up", "down"]), reason });
const capacityBody = z.strictObject({ capacity: z.int().check(z.minimum(0), z.maximum(100_000)) });
const editBody = z.partial(z.omit(registrationRequestSchema, { consent: true }));
/** Nothing, or `{}`. */
const noBody = jsonBody(z.strictObject({}), { optional: true, examples: [{}] });
const statusList = z.array(z.enum(REGISTRATION_STATUSES)).check(z.minLength(1));
const messageBody = z.strictObject({
  subject: singleLineText(200),
  body: multiLineText(10_000),
  statuses: statusList,
});

/** `?status=confirmed,waitlisted` as a list (absent or empty: all). */
const statusQuery = z.optional(
  z.pipe(
    z.pipe(
      z.string().check(z.describe("Comma-separated registration statuses (held, confirmed, waitlisted, offered, pending_approval, rejected, cancelled, expired)")),
      z.transform((value) => {
        const list = value.split(",").map((s) => s.trim()).filter(Boolean);
        return list.length ? list : undefined;
      }),
    ),
    z.optional(statusList),
  ),
);
const NEED_FILTERS = ["interpreter", "childcare", "accessibility", "children", "stand", "table", "power", "wall"] as const satisfies readonly RegistrationNeedFilter[];
const listQuery = z.object({
  q: z.optional(z.string().check(z.maxLength(200), z.describe("Part of the name or email, any case"))),
  status: statusQuery,
  pool: z.optional(z.string().check(z.maxLength(100), z.describe("Pool id or key; without it the event's registrations (not workshop choices)"))),
  need: z.optional(z.enum(NEED_FILTERS).check(z.describe("Only registrations with this need: interpreter, childcare, accessibility, children, stand (an application), or a stand need (table, power, wall)"))),
});
/** The console's languages: the lists' headers and values are in the language of whoever takes them out. */
const listLocale = z.optional(z.enum(["de", "en"]).check(z.describe("Language of headers and values (the console's): de (default) or en")));
const exportQuery = z.object({ delimiter: z.optional(z.enum([";", ","])), status: statusQuery, locale: listLocale });
const printQuery = z.object({ status: statusQuery, locale: listLocale });

const actorOf = (c: { var: { staff: { id: number } } }) => `user:${c.var.staff.id}` as const;
const tags = ["console"];

/** Routes under /api/console/events/{eventId}/… (beside the event routes themselves). */
export const consoleEventRegistrationRoutes = new Hono<AppBindings>()
  .get(
    "/:eventId/registrations",
    access("event:manage"),
    queryParams(listQuery),
    describe({
      summary: "Registrations of the event: search, filters, waitlist positions, email delivery",
      description: "Ordered by pool, the waitlist last and in its order.",
      tags,
      responses: { 200: consoleRegistrationList },
    }),
    async (c) => {
      const query = c.req.valid("query");
      const registrations = await listRegistrations(domainContext(c), c.var.eventId, { q: query.q, statuses: query.status, pool: query.pool || undefined, need: query.need });
      return c.json({ registrations });
    },
  )
  .get(
    "/:eventId/export.csv",
    access("event:manage"),
    queryParams(exportQuery),
    describe({
      summary: "CSV export for Excel",
      description:
        "UTF-8 with BOM, RFC 4180 quoting, CRLF, headers and values in `locale`. Columns: status, waitlist position, name, email, language, places, " +
        "children (where counted), registered on (organisation's time zone), places group (several), the workshop per slot (conferences), one per " +
        "question, one per need (interpreting, childcare, children's ages, accessibility), the stand application (fairs: organisation, description, " +
        "contact, table, power, wall) and attendance per date (places; recorded afterwards marked). A field holding either delimiter, a quote, a line " +
        "break or white space at its ends is quoted; =, +, -, @, tab or CR at a cell's start or after either delimiter is prefixed with ' so that no " +
        "spreadsheet runs it as a formula, whichever delimiter it splits on.",
      tags,
      responses: { 200: { type: "text/csv", description: "attachment `<slug>-anmeldungen.csv`" } },
    }),
    async (c) => {
      const query = c.req.valid("query");
      const { filename, body } = await exportCsv(domainContext(c), c.var.eventId, { delimiter: query.delimiter, statuses: query.status, locale: query.locale });
      return c.body(body, 200, {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${filename}"`,
        "Cache-Control": "no-store",
      });
    },
  )
  .get(
    "/:eventId/print",
    access("event:manage"),
    queryParams(printQuery),
    describe({
      summary: "Printable list with a signature column",
      description: "HTML without scripts, styled by /print.css. Default status: confirmed.",
      tags,
      responses: { 200: { type: "text/html", description: "HTML page" } },
    }),
    async (c) => {
      const query = c.req.valid("query");
      const html = await printableList(domainContext(c), c.var.eventId, query.status, query.locale);
      return c.html(html, 200, { "Cache-Control": "no-store" });
    },
  )
  .post(
    "/:eventId/messages",
    access("event:manage"),
    jsonBody(messageBody, { examples: [{ subject: "Raumänderung", body: "Wir treffen uns in Raum 2.", statuses: ["confirmed"] }] }),
    describe({
      summary: "Email the registrants of some statuses through the outbox",
      description:
        "One `organiser_message` per address among the registrations in `statuses` (workshop choices and unconfirmed addresses excluded), written in one batch with the audit rows.",
      tags,
      responses: { 202: messageResponse },
    }),
    async (c) => {
      const queued = await messageRegistrants(domainContext(c), actorOf(c), c.var.eventId, c.req.valid("json"));
      return c.json({ queued }, 202);
    },
  )
  .get("/:eventId/audit", access("event:manage"), describe({ summary: "Audit log of the event: who did what, when, on which registration", tags, responses: { 200: auditResponse } }), async (c) =>
    c.json({ entries: await eventAudit(domainContext(c), c.var.eventId) }),
  );

type RegistrationContext = Pick<Context<AppBindings>, "env" | "executionCtx" | "json"> & { var: { staff: { id: number }; registrationId: number } };

/** The registration as it is now. */
async function answerRegistration(c: RegistrationContext) {
  return c.json({ registration: await getConsoleRegistration(domainContext(c), c.var.registrationId) });
}
/** A change without a body: the domain verb on the registration, then the registration as it is now. */
const change = (verb: (ctx: DomainContext, actor: Actor, registrationId: number) => Promise<unknown>) => async (c: RegistrationContext) => {
  await verb(domainContext(c), actorOf(c), c.var.registrationId);
  return answerRegistration(c);
};
const registrationDoc = (summary: string, conflict: string, extra: OperationDoc = {}) =>
  describe({ summary, tags, responses: { 200: consoleRegistrationResponse }, errors: { 409: conflict }, ...extra });

/** Routes under /api/console/registrations/{registrationId}. */
export const consoleRegistrationRoutes = new Hono<AppBindings>()
  .get(
    "/:registrationId",
    access("registration:manage"),
    describe({ summary: "One registration with its history (audit log) and every email", tags, responses: { 200: consoleRegistrationResponse } }),
    async (c) => answerRegistration(c),
  )
  .patch(
    "/:registrationId",
    access("registration:manage"),
    jsonBody(editBody, { examples: [{ name: "Ayşe Yılmaz" }, { places: 2, needs: { interpreter: "tr" }, locale: "tr" }] }),
    registrationDoc("Edit on the participant's behalf (they get `updated_by_organiser`)", "event_full, email_taken, or not live any more", {
      description: "More places only if they fit (409 event_full). A new email address gets a new manage link. Answers and places follow the event's rules.",
    }),
    async (c) => {
      await editRegistration(domainContext(c), actorOf(c), c.var.registrationId, c.req.valid("json"));
      return answerRegistration(c);
    },
  )
  .post(
    "/:registrationId/cancel",
    access("registration:manage"),
    jsonBody(reasonBody, { examples: [{ reason: "Auf Wunsch der Teilnehmerin (Telefon)" }] }),
    registrationDoc("Cancel on the participant's behalf; freed places go to the waitlist", "Not live"),
    async (c) => {
      await cancelOnBehalf(domainContext(c), actorOf(c), c.var.registrationId, c.req.valid("json").reason);
      return answerRegistration(c);
    },
  )
  .post(
    "/:registrationId/confirm",
    access("registration:manage"),
    noBody,
    registrationDoc("Confirm a waitlisted or offered registration now (if its places fit)", "event_full, or not waitlisted/offered"),
    change(confirmNow),
  )
  .post(
    "/:registrationId/offer",
    access("registration:manage"),
    noBody,
    registrationDoc("Give a waitlisted registration an offer now (deadline: the event's offer hours)", "event_full, or not waitlisted"),
    change(offerNow),
  )
  .post(
    "/:registrationId/move",
    access("registration:manage"),
    jsonBody(moveBody, { examples: [{ direction: "up", reason: "Härtefall" }] }),
    registrationDoc("Swap with the neighbour in the waitlist (reason in the audit log)", "already_first, already_last, not waitlisted, or changed meanwhile"),
    async (c) => {
      const { direction, reason } = c.req.valid("json");
      await moveInWaitlist(domainContext(c), actorOf(c), c.var.registrationId, direction, reason);
      return answerRegistration(c);
    },
  )
  .post(
    "/:registrationId/approve",
    access("registration:manage"),
    noBody,
    registrationDoc("Approve an application: confirmed if it fits, else waitlisted", "Not pending approval, or full without waitlist"),
    change(approveApplication),
  )
  .post(
    "/:registrationId/reject",
    access("registration:manage"),
    jsonBody(rejectBody, { optional: true, examples: [{ reason: "Leider sind alle Plätze vergeben." }, {}] }),
    registrationDoc("Reject an application (the applicant is told, with the reason if given)", "Not pending approval"),
    async (c) => {
      await rejectApplication(domainContext(c), actorOf(c), c.var.registrationId, c.req.valid("json").reason || null);
      return answerRegistration(c);
    },
  );

/** Routes under /api/console/pools/{poolId}. */
export const consolePoolRoutes = new Hono<AppBindings>().post(
  "/:poolId/capacity",
  access("pool:manage"),
  jsonBody(capacityBody, { examples: [{ capacity: 20 }] }),
  describe({ summary: "Set a pool's capacity; a raise serves the waitlist at once", tags, responses: { 200: consoleEventResponse } }),
  async (c) => {
    const ctx = domainContext(c);
    await setPoolCapacity(ctx, c.var.poolId, c.req.valid("json").capacity, actorOf(c));
    return c.json({ event: await getConsoleEvent(ctx, c.var.staff, c.var.eventId) });
  },
);
