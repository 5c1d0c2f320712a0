/**
 * The programme feeds, for calendars, the city's app (integreat-cms imports the iCalendar
 * feed), its website and partners: the same filters as the event list, answered with an
 * ETag from the programme's version stamp and a short public max-age.
 */
import { Hono, type Context } from "hono";
import * as z from "zod/mini";
import type { AppBindings } from "../env";
import { programmeCalendar } from "../domain/reach/calendar-feed";
import { matchesFilter, programmeFilterSchema, type ProgrammeFilter } from "../domain/reach/filters";
import { programmeFeed } from "../domain/reach/json-feed";
import { feedTitle, loadProgramme, programmeVersion, type ProgrammeEvent } from "../domain/reach/programme";
import { access } from "../http/access";
import { notModified, pollingHeaders, weakEtag } from "../http/conditional";
import { describe, type OperationDoc } from "../http/openapi";
import { queryParams } from "../http/request";
import { programmeFeedResponse } from "./schemas";


const conditional: Pick<OperationDoc, "headers" | "responses"> = {
  headers: { "If-None-Match": { description: "The ETag of the copy the client holds: 304 while it is current", schema: z.string().check(z.maxLength(200)) } },
  responses: { 304: { description: "Not modified since the ETag given" } },
};
const FILTERS_NOTE =
  "Filters as on the event list (audience, organisation, format, language, from, to, free, q); `locale` picks the language of the texts. " +
  "Every published event is in it, free-entry events too, and cancelled ones (marked) until their date; an online event's join link never is. ";

type Feed = { programme: ProgrammeEvent[]; title: string; headers: Record<string, string> };

/**
 * The feed's answer: 304 while the client holds the current version, else the filtered
 * programme (and its title) for `render`, with the caching headers. With `free` the answer
 * depends on places left, which the version stamp does not follow: no ETag, a shorter max-age.
 */
async function answerFeed(c: Context<AppBindings>, filter: ProgrammeFilter, render: (feed: Feed) => Response): Promise<Response> {
  const now = Date.now();
  const etag = filter.free === "1" || filter.free === "true" ? null : weakEtag(`${await programmeVersion(c.env, now)}-${c.var.locale}`);
  const unchanged = etag && notModified(c, etag);
  if (unchanged) return unchanged;
  const programme = (await loadProgramme(c.env, now)).filter((event) => matchesFilter(event, filter, now));
  const headers = etag ? pollingHeaders(etag) : { "Cache-Control": "public, max-age=60", Vary: "Accept-Language" };
  return render({ programme, title: feedTitle(programme, filter.organisation, c.var.locale), headers });
}

export const feedRoutes = new Hono<AppBindings>()
  .get(
    "/calendar.ics",
    access("public"),
    queryParams(programmeFilterSchema),
    describe({
      summary: "The programme as an iCalendar feed (all events, or per audience, organisation, …)",
      description:
        FILTERS_NOTE +
        "One VEVENT per date (no RRULE), each with UID (stable across edits), SUMMARY, DTSTART and DTEND in the organisation's time zone (with VTIMEZONE); " +
        "a date over 28 days is listed in parts of at most 28 days. DESCRIPTION (plain text) holds the summary, the place and the link to register; " +
        "CATEGORIES the audience codes, the format and the organisation's slug. Imports into integreat-cms's external calendar.",
      tags: ["public"],
      ...conditional,
      responses: { 200: { type: "text/calendar", description: "iCalendar (RFC 5545)" }, ...conditional.responses },
    }),
    (c) =>
      answerFeed(c, c.req.valid("query"), ({ programme, title, headers }) =>
        c.body(programmeCalendar(c.env, programme, c.var.locale, title), 200, { "Content-Type": "text/calendar; charset=utf-8", ...headers }),
      ),
  )
  .get(
    "/events.json",
    access("public"),
    queryParams(programmeFilterSchema),
    describe({
      summary: "The programme as JSON (the events of the iCalendar feed)",
      description: FILTERS_NOTE + "Places left are not in it (they change by the second; the event's page shows them): poll with If-None-Match.",
      tags: ["public"],
      ...conditional,
      responses: { 200: programmeFeedResponse, ...conditional.responses },
    }),
    (c) => answerFeed(c, c.req.valid("query"), ({ programme, title, headers }) => c.json(programmeFeed(c.env, programme, c.var.locale, title), 200, headers)),
  );
