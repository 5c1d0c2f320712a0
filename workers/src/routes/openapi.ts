/** The OpenAPI document of the public API, served at GET /api/openapi.json. */
const error = { $ref: "#/components/schemas/Error" };
const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: error } } });
const json = (schema: unknown, description = "OK") => ({ description, content: { "application/json": { schema } } });
const token = { name: "token", in: "path", required: true, description: "The token of the private manage link", schema: { type: "string" } };
const slug = { name: "slug", in: "path", required: true, schema: { type: "string" } };
const acceptLanguage = {
  name: "Accept-Language",
  in: "header",
  required: false,
  description: "Language of texts and error messages (de, en, tr, ar, uk, ru); `?locale=` overrides it",
  schema: { type: "string" },
};
const manageAction = (summary: string) => ({
  summary,
  tags: ["participant"],
  parameters: [token, acceptLanguage],
  responses: {
    "200": json({ $ref: "#/components/schemas/ManagedRegistrationResponse" }),
    "404": errorResponse("Unknown token"),
    "409": errorResponse("Not possible in the registration's current state"),
  },
});

export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "zusammen API",
    version: "0.1.0",
    description: "Event registration for municipal integration centres. Times are ISO 8601 in UTC.",
  },
  paths: {
    "/api/health": { get: { summary: "Liveness", tags: ["public"], responses: { "200": json({ type: "object" }) } } },
    "/api/events": {
      get: {
        summary: "Published upcoming events",
        tags: ["public"],
        parameters: [acceptLanguage],
        responses: { "200": json({ type: "object", properties: { events: { type: "array", items: { $ref: "#/components/schemas/EventSummary" } } } }) },
      },
    },
    "/api/events/{slug}": {
      get: {
        summary: "One event with its sessions, questions and places left",
        tags: ["public"],
        parameters: [slug, acceptLanguage],
        responses: { "200": json({ type: "object", properties: { event: { type: "object" } } }), "404": errorResponse("Unknown or unpublished event") },
      },
    },
    "/api/events/{slug}/registrations": {
      post: {
        summary: "Register for an event",
        description:
          "Confirms, waitlists or (with email confirmation) holds places. The same Idempotency-Key returns the same registration. The same email again for the event creates nothing, re-sends the manage link and answers `check_email`. The manage link is only ever sent by email.",
        tags: ["public"],
        parameters: [
          slug,
          acceptLanguage,
          { name: "Idempotency-Key", in: "header", required: false, schema: { type: "string", maxLength: 200 } },
        ],
        requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/RegistrationRequest" } } } },
        responses: {
          "201": json({ $ref: "#/components/schemas/RegistrationResponse" }, "Registered (or check your email)"),
          "400": errorResponse("Malformed JSON"),
          "404": errorResponse("Unknown or unpublished event"),
          "409": errorResponse("Registration closed or not open yet, event cancelled, no registration needed, or full without waitlist"),
          "413": errorResponse("Body too large"),
          "415": errorResponse("Not application/json"),
          "422": errorResponse("Invalid fields, each named in error.fields"),
        },
      },
    },
    "/api/registrations/{token}": {
      get: {
        summary: "The participant's own registration",
        tags: ["participant"],
        parameters: [token, acceptLanguage],
        responses: { "200": json({ $ref: "#/components/schemas/ManagedRegistrationResponse" }), "404": errorResponse("Unknown token") },
      },
    },
    "/api/registrations/{token}/cancel": { post: manageAction("Cancel the registration or leave the waitlist") },
    "/api/registrations/{token}/confirm": { post: manageAction("Confirm the email address (double opt-in)") },
    "/api/registrations/{token}/accept-offer": { post: manageAction("Accept a waitlist offer before its deadline") },
    "/api/dev/mailbox": {
      get: {
        summary: "Dev mailbox (only without RESEND_API_KEY; 404 otherwise)",
        tags: ["dev"],
        parameters: [{ name: "to", in: "query", required: false, schema: { type: "string" } }],
        responses: { "200": json({ type: "object" }), "404": errorResponse("Not in dev mode") },
      },
    },
  },
  components: {
    schemas: {
      Error: {
        type: "object",
        required: ["error"],
        properties: {
          error: {
            type: "object",
            required: ["code", "message", "requestId"],
            properties: {
              code: { type: "string" },
              message: { type: "string", description: "In the request's language" },
              fields: { type: "object", additionalProperties: { type: "string" } },
              requestId: { type: "string" },
            },
          },
        },
      },
      EventSummary: {
        type: "object",
        properties: {
          slug: { type: "string" },
          format: { type: "string" },
          title: { type: "string" },
          summary: { type: ["string", "null"] },
          fallback: { type: "boolean", description: "True when a text is shown in German for lack of a translation" },
          sessions: { type: "array", items: { type: "object" } },
          registration: {
            type: "object",
            properties: {
              open: { type: "boolean" },
              placesLeft: { type: ["integer", "null"] },
              waitlistOpen: { type: "boolean" },
              maxPlaces: { type: "integer" },
            },
          },
        },
      },
      RegistrationRequest: {
        type: "object",
        additionalProperties: false,
        required: ["name", "email", "locale", "consent"],
        properties: {
          name: { type: "string", maxLength: 200 },
          email: { type: "string", format: "email", maxLength: 254 },
          locale: { enum: ["de", "en", "tr", "ar", "uk", "ru"] },
          places: { type: "integer", minimum: 1, description: "At most the event's household limit" },
          answers: { type: "object", description: "Answers to the event's own questions, by question id" },
          needs: {
            type: "object",
            additionalProperties: false,
            properties: {
              interpreter: { type: "string" },
              childcare: { type: "object", properties: { children: { type: "integer" }, ages: { type: "string" } } },
              accessibility: { type: "string" },
            },
          },
          consent: { const: true },
        },
      },
      RegistrationResponse: {
        type: "object",
        properties: {
          registration: {
            type: "object",
            properties: {
              status: { enum: ["confirmed", "waitlisted", "check_email", "pending_approval"] },
              places: { type: "integer" },
              waitlistPosition: { type: ["integer", "null"] },
            },
          },
        },
      },
      ManagedRegistrationResponse: { type: "object", properties: { registration: { type: "object" } } },
    },
  },
} as const;
