/**
 * Statistics for funders and the council (domain/statistics/):
 *   GET /api/console/statistics              the figures of a period (year, quarter or range) and funding line
 *   GET /api/console/statistics/review.pdf   the year's review, a PDF for the council
 * Both in German (the council's), or with ?locale=en the events' English titles (the console's languages).
 *   PUT /api/console/events/{eventId}/reporting   an event's funding lines and partners
 * Organisers see their organisations' figures; administrators everyone's.
 */
import { Hono } from "hono";
import * as z from "zod/mini";
import type { AppBindings } from "../../env";
import { fundingLinesSchema, partnersSchema } from "../../domain/console/event-input";
import { setEventReporting } from "../../domain/statistics/event-reporting";
import { statisticsReport, type QueryCost } from "../../domain/statistics/figures";
import { periodQuery } from "../../domain/statistics/period";
import { reviewPdf } from "../../domain/statistics/review";
import { REVIEW_LOCALES } from "../../domain/statistics/review-words";
import { titledIn } from "../../domain/statistics/titles";
import { access } from "../../http/access";
import { describe } from "../../http/openapi";
import { domainContext, jsonBody, queryParams } from "../../http/request";
import { eventReporting, pdfResponse, statisticsResponse } from "../schemas";

const tags = ["statistics"];
/** The period and filters, and the language the report is read in. */
const reportQuery = z.extend(periodQuery, {
  locale: z.optional(
    z.enum(REVIEW_LOCALES).check(z.describe("de (default, for the council) or en (the console's languages): the review's language, and the events' titles where written or reviewed in it")),
  ),
});
const reportingBody = z.strictObject({ fundingLines: fundingLinesSchema, partners: partnersSchema });

export const consoleStatisticsRoutes = new Hono<AppBindings>().get(
  "/",
  access("organiser"),
  queryParams(reportQuery),
  describe({
    summary: "Figures of a period for funders and the council",
    description:
      "A year (default: this year), a quarter of it, or a range of days (at most 5 years), in each organisation's time zone; optionally one organisation " +
      "and one funding line. An event counts in the period of its first date, with all its dates. A period without events answers zeros, never an error; " +
      "an end before the start or a range over 5 years is 422. With `locale=en` an event's title is the English one the organisers wrote or reviewed, else the German.",
    tags,
    responses: { 200: statisticsResponse },
    errors: { 404: "The organisation asked for is outside the caller's organisations" },
  }),
  async (c) => {
    const cost: QueryCost = { queries: 0, rowsRead: 0 };
    const { locale = "de", ...query } = c.req.valid("query");
    const statistics = await titledIn(c.env, await statisticsReport(c.env, c.var.staff, query, Date.now(), cost), locale);
    // What the report cost D1, for the benchmark (npm run bench:statistics) and the browser's network panel.
    c.header("Server-Timing", `d1;desc="queries=${cost.queries} rows_read=${cost.rowsRead}"`);
    return c.json({ statistics });
  },
).get(
  "/review.pdf",
  access("organiser"),
  queryParams(reportQuery),
  describe({
    summary: "The year's review for the council as PDF",
    description:
      "Per month the events held with dates, format, partners, participants and attendance, then the totals, in German or (`locale=en`) English; " +
      "the same period and filters as the figures.",
    tags,
    responses: { 200: pdfResponse() },
    errors: { 404: "The organisation asked for is outside the caller's organisations" },
  }),
  async (c) => {
    const now = Date.now();
    const { locale, ...query } = c.req.valid("query");
    const { bytes, filename } = await reviewPdf(c.env, await statisticsReport(c.env, c.var.staff, query, now), now, locale);
    return c.body(bytes, 200, { "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="${filename}"` });
  },
);

/** Mounted at /api/console/events, beside the event routes. */
export const consoleEventReportingRoutes = new Hono<AppBindings>().put(
  "/:eventId/reporting",
  access("event:manage"),
  jsonBody(reportingBody, { examples: [{ fundingLines: ["KOMM-AN NRW"], partners: ["Amt für Gleichstellung und Antidiskriminierung"] }] }),
  describe({ summary: "Set the funding lines (tags) and partners an event is reported under", tags, responses: { 200: eventReporting } }),
  async (c) => c.json(await setEventReporting(domainContext(c), `user:${c.var.staff.id}`, c.var.eventId, c.req.valid("json"))),
);
