/** The public programme: events, their calendar files, and registering for one. */
import { Hono } from "hono";
import * as z from "zod/mini";
import type { AppBindings } from "../env";
import { loadPublicEvent, presentEvent, presentEventDetail } from "../domain/events/public";
import { eventCalendarFile } from "../domain/reach/calendar-feed";
import { facetsOf, matchesFilter, programmeFilterSchema } from "../domain/reach/filters";
import { renderPoster } from "../domain/reach/poster";
import { loadProgramme, loadProgrammeEvent } from "../domain/reach/programme";
import { registerForEvent } from "../domain/registrations/register";
import { clientAddress, countsAddressInD1, RateLimitedError, rateLimited } from "../lib/rate-limit";
import { registrationRequestSchema } from "../domain/registrations/validate";
import { access } from "../http/access";
import { formGuard } from "../http/form-guard";
import { describe, named } from "../http/openapi";
import { BODY_ERRORS, documentedBody, domainContext, queryParams, readJson } from "../http/request";
import { eventDetailResponse, eventListResponse, pdfResponse, registrationResponse } from "./schemas";

const slug = { slug: { description: "The event's slug", schema: z.string() } };
const unknownEvent = { 404: "Unknown or unpublished event" };

/** Valid sign-ups of every kind (the document shows the first; the tests send them all). */
const registrationExamples = [
  { name: "Ayşe Yılmaz", email: "ayse@example.org", locale: "tr", consent: true },
  {
    name: "Olena Kovalenko",
    email: "olena@example.org",
    locale: "uk",
    places: 3,
    children: 2,
    needs: { interpreter: "uk", childcare: { children: 2, ages: "3, 6" }, accessibility: "Kinderwagen" },
    answers: { school: "Grundschule Eller", evening: true },
    consent: true,
    website: "",
    formStartedAt: 1767225600000,
  },
  {
    name: "Karim Haddad",
    email: "karim@example.org",
    locale: "ar",
    workshops: [{ slot: "morning", first: "health-literacy", second: "mental-health" }],
    consent: true,
    turnstileToken: "XXXX.DUMMY.TOKEN.XXXX",
  },
  {
    name: "Maria Schmidt",
    email: "stand@example.org",
    locale: "de",
    registrationType: "stand",
    exhibitor: { organisation: "Elternnetzwerk NRW", description: "Beratung für Eltern", contact: "0211 000000", needs: ["table", "power"] },
    consent: true,
  },
];
named("RegistrationRequest", registrationRequestSchema);

export const eventRoutes = new Hono<AppBindings>()
  .get(
    "/",
    access("public"),
    queryParams(programmeFilterSchema),
    describe({
      summary: "Published upcoming events, filtered by audience, organisation, format, language, dates, free places or title",
      tags: ["public"],
      responses: { 200: eventListResponse },
    }),
    async (c) => {
      const now = Date.now();
      const filter = c.req.valid("query");
      const programme = await loadProgramme(c.env, now);
      return c.json({
        events: programme.filter((event) => matchesFilter(event, filter, now)).map((event) => presentEvent(event, c.var.locale, now)),
        facets: facetsOf(programme),
      });
    },
  )
  .get(
    "/:slug",
    access("public"),
    describe({ summary: "One event with its dates, questions, workshops and places left", tags: ["public"], params: slug, responses: { 200: eventDetailResponse }, errors: unknownEvent }),
    async (c) => {
      const now = Date.now();
      return c.json({ event: presentEventDetail(await loadPublicEvent(c.env, c.req.param("slug")), c.var.locale, now) });
    },
  )
  .get(
    "/:slug/calendar.ics",
    access("public"),
    describe({
      summary: "The event's dates as an iCalendar file (never an online join link)",
      description: "The entries of the programme feed (GET /api/feeds/calendar.ics) for this event, with the same UIDs.",
      tags: ["public"],
      params: slug,
      responses: { 200: { type: "text/calendar", description: "attachment `<slug>.ics`" } },
      errors: unknownEvent,
    }),
    async (c) => {
      const ics = eventCalendarFile(c.env, await loadProgrammeEvent(c.env, c.req.param("slug")), c.var.locale);
      return c.body(ics, 200, {
        "Content-Type": "text/calendar; charset=utf-8",
        "Content-Disposition": `attachment; filename="${c.req.param("slug").replace(/[^a-z0-9-]/gi, "")}.ics"`,
      });
    },
  )
  .get(
    "/:slug/poster.pdf",
    access("public"),
    describe({
      summary: "The event's poster (A4, PDF): title, dates, place, a QR code to the short link, and \"sign up here\" in every language",
      description: "Title, dates and place in the request's language (`?locale=`).",
      tags: ["public"],
      params: slug,
      responses: { 200: pdfResponse("inline `<slug>-poster.pdf`") },
      errors: unknownEvent,
    }),
    async (c) => {
      const event = await loadProgrammeEvent(c.env, c.req.param("slug"));
      const pdf = await renderPoster(c.env, event, c.var.locale, Date.now());
      return c.body(pdf, 200, {
        "Content-Type": "application/pdf",
        "Content-Disposition": `inline; filename="${event.event.slug.replace(/[^a-z0-9-]/gi, "")}-poster.pdf"`,
        "Cache-Control": "public, max-age=300",
      });
    },
  )
  .post(
    "/:slug/registrations",
    access("public"),
    formGuard("registration", { turnstile: true, limitsInBatch: true }),
    describe({
      summary: "Register for an event",
      description:
        "Confirms, waitlists or (with email confirmation) holds places. The same Idempotency-Key with the same request returns the same registration; with another request it is refused (422 `idempotency_key_reused`). " +
        "The same email again for the event creates nothing, re-sends the manage link and answers `check_email`. The manage link is only ever sent by email. " +
        "Conferences: one workshop per parallel slot (`workshops`); fairs: a stand application (`registrationType`, `exhibitor`); households: `places` and `children`. " +
        "`website` (a honeypot) and `formStartedAt` are the page's bot checks; `turnstileToken` is needed where Turnstile is on.",
      tags: ["public"],
      params: slug,
      headers: {
        "Idempotency-Key": {
          description: "A retry of the same request with the same key returns the first answer; the same key with another request is 422 idempotency_key_reused",
          schema: z.string().check(z.maxLength(200)),
        },
      },
      // registerForEvent validates the body with this schema and the event's own rules.
      body: documentedBody(registrationRequestSchema, { examples: registrationExamples }),
      responses: { 201: registrationResponse },
      errors: {
        ...BODY_ERRORS,
        ...unknownEvent,
        409: "Registration closed or not open yet, event cancelled, no registration needed, full without waitlist, or the event changed during three tries (event_changed)",
      },
    }),
    async (c) => {
      const body = await readJson(c);
      const idempotencyKey = c.req.header("idempotency-key")?.slice(0, 200) || null;
      const address = countsAddressInD1(c.env) ? clientAddress(c) : null;
      c.header("Cache-Control", "no-store");
      try {
        return c.json(await registerForEvent(domainContext(c), c.req.param("slug"), body, idempotencyKey, { address }), 201);
      } catch (error) {
        // Counted in the registration's batch: the 429 in the participant's language, with Retry-After.
        if (error instanceof RateLimitedError) throw rateLimited(c, error.retryAfterSeconds, (body as { locale?: unknown } | null)?.locale);
        throw error;
      }
    },
  );
