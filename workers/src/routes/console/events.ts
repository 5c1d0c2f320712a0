/** Console routes for events: list, create, read, replace, publish, cancel, duplicate. */
import { Hono } from "hono";
import * as z from "zod/mini";
import type { AppBindings } from "../../env";
import { organisesFor } from "../../domain/auth/access";
import { eventInputSchema, parseEventInput } from "../../domain/console/event-input";
import { cancelEvent, createEvent, duplicateEvent, getConsoleEvent, listConsoleEvents, publishEvent, updateEvent } from "../../domain/console/events";
import { access } from "../../http/access";
import { describe, named } from "../../http/openapi";
import { BODY_ERRORS, documentedBody, domainContext, jsonBody, readJson } from "../../http/request";
import { NotFoundError } from "../../lib/errors";
import { multiLineText } from "../../lib/validation";
import { consoleEventList, consoleEventResponse } from "../schemas";

const cancelBody = z.strictObject({ reason: multiLineText(1000) });
const duplicateBody = z.strictObject({ shiftDays: z.optional(z.int().check(z.minimum(1), z.maximum(3660))) });
const emptyBody = z.strictObject({});

/** A valid event form (the document shows it; the tests send it). */
export const eventInputExample = {
  organisationId: 1,
  format: "workshop" as const,
  texts: { de: { title: "Asylrecht für Beratende", summary: "Workshop" } },
  audience: ["professionals"],
  languages: ["de"],
  location: { name: "Zentralbibliothek", address: "Konrad-Adenauer-Platz 1" },
  onlineUrl: null,
  registrationMode: "open" as const,
  registrationOpensAt: null,
  registrationClosesAt: null,
  maxPlacesPerRegistration: 1,
  emailConfirmation: false,
  holdMinutes: 30,
  waitlistEnabled: true,
  waitlistMode: "confirm" as const,
  offerHours: 48,
  questions: [],
  reminderRules: [],
  sessions: [{ startsAt: "2030-05-05T16:00:00.000Z", endsAt: "2030-05-05T19:00:00.000Z" }],
  pools: [{ kind: "event" as const, key: "main", capacity: 12 }],
};
named("EventInput", eventInputSchema);
// parseEventInput validates with eventInputSchema, then the rules across fields (a German title, dates in order, one event pool).
const eventInput = documentedBody(eventInputSchema, { examples: [eventInputExample] });
const tags = ["console"];
const eventAnswer = { 200: consoleEventResponse };
const actor = (c: { var: { staff: { id: number } } }) => `user:${c.var.staff.id}` as const;

export const consoleEventRoutes = new Hono<AppBindings>()
  .get("/", access("staff"), describe({ summary: "Events the user can see (organised or assigned)", tags, responses: { 200: consoleEventList } }), async (c) =>
    c.json({ events: await listConsoleEvents(domainContext(c), c.var.staff) }),
  )
  .post(
    "/",
    access("organiser"),
    describe({ summary: "Create a draft event", description: "The organisation is `organisationId` in the body; the caller must organise it (404 otherwise).", tags, body: eventInput, responses: { 201: consoleEventResponse }, errors: BODY_ERRORS }),
    async (c) => {
      const input = parseEventInput(await readJson(c));
      if (!organisesFor(c.var.staff, input.organisationId)) throw new NotFoundError();
      const id = await createEvent(domainContext(c), actor(c), input);
      return c.json({ event: await getConsoleEvent(domainContext(c), c.var.staff, id) }, 201);
    },
  )
  .get("/:eventId", access("event:manage"), describe({ summary: "One event with capacity, waitlists, holds, offers and needs at a glance", tags, responses: eventAnswer }), async (c) =>
    c.json({ event: await getConsoleEvent(domainContext(c), c.var.staff, c.var.eventId) }),
  )
  .put(
    "/:eventId",
    access("event:manage"),
    describe({
      summary: "Replace the event's settings",
      description: "A raised pool capacity serves the waitlist; changed dates or place of a published event email every registrant.",
      tags,
      body: eventInput,
      responses: eventAnswer,
      errors: { ...BODY_ERRORS, 409: "Pool in use or organisation changed" },
    }),
    async (c) => {
      const input = parseEventInput(await readJson(c));
      await updateEvent(domainContext(c), actor(c), c.var.eventId, input);
      return c.json({ event: await getConsoleEvent(domainContext(c), c.var.staff, c.var.eventId) });
    },
  )
  .post(
    "/:eventId/publish",
    access("event:manage"),
    jsonBody(emptyBody, { optional: true, examples: [{}] }),
    describe({ summary: "Publish a draft", tags, responses: eventAnswer, errors: { 409: "Not a draft, or no date" } }),
    async (c) => {
      await publishEvent(domainContext(c), actor(c), c.var.eventId);
      return c.json({ event: await getConsoleEvent(domainContext(c), c.var.staff, c.var.eventId) });
    },
  )
  .post(
    "/:eventId/cancel",
    access("event:manage"),
    jsonBody(cancelBody, { examples: [{ reason: "Die Referentin ist erkrankt." }] }),
    describe({ summary: "Cancel the event; every registrant is told the reason", tags, responses: eventAnswer, errors: { 409: "Already cancelled" } }),
    async (c) => {
      await cancelEvent(domainContext(c), actor(c), c.var.eventId, c.req.valid("json").reason);
      return c.json({ event: await getConsoleEvent(domainContext(c), c.var.staff, c.var.eventId) });
    },
  )
  .post(
    "/:eventId/duplicate",
    access("event:manage"),
    jsonBody(duplicateBody, { optional: true, examples: [{}, { shiftDays: 364 }] }),
    describe({ summary: "Copy the event as a draft for its next edition (dates moved by shiftDays, default 364)", tags, responses: { 201: consoleEventResponse } }),
    async (c) => {
      const copy = await duplicateEvent(domainContext(c), actor(c), c.var.eventId, c.req.valid("json").shiftDays);
      return c.json({ event: await getConsoleEvent(domainContext(c), c.var.staff, copy) }, 201);
    },
  );
