/** The OpenAPI document of the public API, served at GET /api/openapi.json. */
import { privacyOpenApiPaths } from "./privacy";
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
  "x-access": "participant",
  parameters: [token, acceptLanguage],
  responses: {
    "200": json({ $ref: "#/components/schemas/ManagedRegistrationResponse" }),
    "404": errorResponse("Unknown token"),
    "409": errorResponse("Not possible in the registration's current state"),
  },
});

/* ---------- Console and sign-in (cookie session; see x-access) ---------- */

type Access = "public" | "participant" | "staff" | "event:view" | "event:manage" | "event:checkin" | "admin" | "organisation:manage";
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const pathId = (name: string, description: string) => ({ name, in: "path", required: true, description, schema: { type: "integer", minimum: 1 } });
const eventId = pathId("eventId", "Event id");
const registrationId = pathId("registrationId", "Registration id");
const poolId = pathId("poolId", "Capacity pool id");
const organisationId = pathId("organisationId", "Organisation id");
const userId = pathId("userId", "User id");
const statusQuery = {
  name: "status",
  in: "query",
  required: false,
  description: "Comma-separated registration statuses (held, confirmed, waitlisted, offered, pending_approval, rejected, cancelled, expired)",
  schema: { type: "string" },
};
const consoleErrors = (access: Access) => ({
  ...(access === "public"
    ? { "403": errorResponse("Not a same-origin request") }
    : {
        "401": errorResponse("No valid session"),
        "403": errorResponse("CSRF check failed, or the role does not allow this (e.g. a check-in helper)"),
      }),
  ...(access.startsWith("event:") || access === "organisation:manage" ? { "404": errorResponse("Unknown, or outside the caller's organisations") } : {}),
});
const body = (schema: unknown, example?: unknown) => ({
  required: true,
  content: { "application/json": { schema, ...(example === undefined ? {} : { example }) } },
});
/** One console operation. `example` bodies are valid requests (the security test sends them). */
function consoleOp(
  access: Access,
  summary: string,
  options: { parameters?: unknown[]; requestBody?: unknown; responses?: Record<string, unknown>; description?: string; tag?: string } = {},
) {
  return {
    summary,
    ...(options.description ? { description: options.description } : {}),
    tags: [options.tag ?? "console"],
    "x-access": access,
    security: access === "public" ? [] : [{ session: [], csrf: [] }],
    ...(options.parameters ? { parameters: options.parameters } : {}),
    ...(options.requestBody ? { requestBody: options.requestBody } : {}),
    responses: {
      ...(options.responses ?? { "200": json({ type: "object" }) }),
      "400": errorResponse("Malformed JSON"),
      "422": errorResponse("Invalid fields, each named in error.fields"),
      ...consoleErrors(access),
    },
  };
}
const reasonSchema = { type: "string", minLength: 1, maxLength: 1000 };
const statusEnum = { enum: ["held", "confirmed", "waitlisted", "offered", "pending_approval", "rejected", "cancelled", "expired"] };
const registrationResponse = json({ type: "object", properties: { registration: ref("ConsoleRegistrationDetail") } });
const eventResponse = json({ type: "object", properties: { event: ref("ConsoleEvent") } });
const conflict = (what: string) => ({ "409": errorResponse(what) });

const authPaths = {
  "/api/auth/login": {
    post: {
      ...consoleOp("public", "Email a sign-in link", {
        tag: "auth",
        description:
          "Sends a link `${PUBLIC_URL}/console/sign-in#TOKEN` (single use, valid 10 minutes, stored hashed) if the address belongs to staff; the same answer either way. Same-origin requests only.",
        requestBody: body({ type: "object", required: ["email"], properties: { email: { type: "string", format: "email" } } }, { email: "orga@example.org" }),
        responses: { "202": json({ type: "object", properties: { status: { const: "check_email" } } }) },
      }),
    },
  },
  "/api/auth/verify": {
    post: consoleOp("public", "Exchange a sign-in or invitation token for a session", {
      tag: "auth",
      description: "Sets the session cookie (HttpOnly, Secure, SameSite=Lax). A used, expired or tampered token answers 400 sign_in_link_invalid.",
      requestBody: body({ type: "object", required: ["token"], properties: { token: { type: "string" } } }),
      responses: { "200": json({ type: "object", properties: { status: { const: "signed_in" } } }) },
    }),
  },
  "/api/auth/me": {
    get: consoleOp("staff", "The signed-in user, their memberships and the CSRF token", { tag: "auth", responses: { "200": json(ref("MeResponse")) } }),
  },
  "/api/auth/logout": { post: consoleOp("staff", "End this session", { tag: "auth" }) },
  "/api/auth/logout-everywhere": {
    post: consoleOp("staff", "End every session of the user", {
      tag: "auth",
      responses: { "200": json({ type: "object", properties: { status: { const: "signed_out" }, sessionsEnded: { type: "integer" } } }) },
    }),
  },
};

const eventInputExample = {
  organisationId: 1,
  format: "workshop",
  texts: { de: { title: "Asylrecht für Beratende", summary: "Workshop" } },
  audience: ["professionals"],
  languages: ["de"],
  location: { name: "Zentralbibliothek", address: "Konrad-Adenauer-Platz 1" },
  onlineUrl: null,
  registrationMode: "open",
  registrationOpensAt: null,
  registrationClosesAt: null,
  maxPlacesPerRegistration: 1,
  emailConfirmation: false,
  holdMinutes: 30,
  waitlistEnabled: true,
  waitlistMode: "confirm",
  offerHours: 48,
  questions: [],
  reminderRules: [],
  sessions: [{ startsAt: "2030-05-05T16:00:00.000Z", endsAt: "2030-05-05T19:00:00.000Z" }],
  pools: [{ kind: "event", key: "main", capacity: 12 }],
};

const consolePaths = {
  "/api/console/events": {
    get: consoleOp("staff", "Events the user can see (organised or assigned)", {
      responses: { "200": json({ type: "object", properties: { events: { type: "array", items: { type: "object" } } } }) },
    }),
    post: consoleOp("organisation:manage", "Create a draft event", {
      description: "The organisation is `organisationId` in the body; the caller must organise it (404 otherwise).",
      requestBody: body(ref("EventInput"), eventInputExample),
      responses: { "201": eventResponse },
    }),
  },
  "/api/console/events/{eventId}": {
    get: consoleOp("event:view", "One event with capacity, waitlists, holds, offers and needs at a glance", { parameters: [eventId], responses: { "200": eventResponse } }),
    put: consoleOp("event:manage", "Replace the event's settings", {
      description: "A raised pool capacity serves the waitlist; changed dates or place of a published event email every registrant.",
      parameters: [eventId],
      requestBody: body(ref("EventInput"), eventInputExample),
      responses: { "200": eventResponse, ...conflict("Pool in use or organisation changed") },
    }),
  },
  "/api/console/events/{eventId}/publish": {
    post: consoleOp("event:manage", "Publish a draft", { parameters: [eventId], responses: { "200": eventResponse, ...conflict("Not a draft, or no date") } }),
  },
  "/api/console/events/{eventId}/cancel": {
    post: consoleOp("event:manage", "Cancel the event; every registrant is told the reason", {
      parameters: [eventId],
      requestBody: body({ type: "object", required: ["reason"], properties: { reason: reasonSchema } }, { reason: "Die Referentin ist erkrankt." }),
      responses: { "200": eventResponse, ...conflict("Already cancelled") },
    }),
  },
  "/api/console/events/{eventId}/duplicate": {
    post: consoleOp("event:manage", "Copy the event as a draft for its next edition", {
      parameters: [eventId],
      requestBody: body({ type: "object", properties: { shiftDays: { type: "integer", minimum: 1, maximum: 3660, default: 364 } } }, {}),
      responses: { "201": eventResponse },
    }),
  },
  "/api/console/events/{eventId}/registrations": {
    get: consoleOp("event:view", "Registrations of the event: search, filters, waitlist positions, email delivery", {
      description:
        "Ordered by pool, the waitlist last and in its order. Without `pool`, the event's registrations (not workshop choices). `q` matches part of the name or email, case-insensitively.",
      parameters: [
        eventId,
        { name: "q", in: "query", required: false, schema: { type: "string", maxLength: 200 } },
        statusQuery,
        { name: "pool", in: "query", required: false, description: "Pool id or key", schema: { type: "string" } },
      ],
      responses: { "200": json({ type: "object", properties: { registrations: { type: "array", items: ref("ConsoleRegistration") } } }) },
    }),
  },
  "/api/console/events/{eventId}/export.csv": {
    get: consoleOp("event:view", "CSV export for Excel", {
      description:
        "UTF-8 with BOM, RFC 4180 quoting, CRLF. Columns: Status, Position, Name, E-Mail, Sprache, Plätze, Angemeldet am (Berlin time), one per question (German label), Bedarf. Cells starting with =, +, -, @, tab or CR are prefixed with ' so that no spreadsheet runs them as formulas.",
      parameters: [
        eventId,
        { name: "delimiter", in: "query", required: false, schema: { enum: [";", ","], default: ";" } },
        statusQuery,
      ],
      responses: { "200": { description: "attachment `<slug>-anmeldungen.csv`", content: { "text/csv": { schema: { type: "string" } } } } },
    }),
  },
  "/api/console/events/{eventId}/print": {
    get: consoleOp("event:view", "Printable list with a signature column", {
      description: "HTML without scripts, styled by /print.css. Default status: confirmed.",
      parameters: [eventId, statusQuery],
      responses: { "200": { description: "HTML page", content: { "text/html": { schema: { type: "string" } } } } },
    }),
  },
  "/api/console/events/{eventId}/messages": {
    post: consoleOp("event:manage", "Email the registrants of some statuses through the outbox", {
      description:
        "One `organiser_message` per address among the registrations in `statuses` (workshop choices and unconfirmed addresses excluded), written in one batch with the audit rows.",
      parameters: [eventId],
      requestBody: body(
        {
          type: "object",
          required: ["subject", "body", "statuses"],
          properties: { subject: { type: "string", maxLength: 200 }, body: { type: "string", maxLength: 10000 }, statuses: { type: "array", minItems: 1, items: statusEnum } },
        },
        { subject: "Raumänderung", body: "Wir treffen uns in Raum 2.", statuses: ["confirmed"] },
      ),
      responses: { "202": json({ type: "object", properties: { queued: { type: "integer" } } }) },
    }),
  },
  "/api/console/events/{eventId}/audit": {
    get: consoleOp("event:view", "Audit log of the event: who did what, when, on which registration", {
      parameters: [eventId],
      responses: { "200": json({ type: "object", properties: { entries: { type: "array", items: ref("ConsoleAuditEntry") } } }) },
    }),
  },
  "/api/console/events/{eventId}/helpers": {
    get: consoleOp("event:view", "Check-in helpers assigned to the event", { parameters: [eventId], responses: { "200": json(ref("HelpersResponse")) } }),
    post: consoleOp("event:manage", "Assign a check-in helper of the organisation", {
      parameters: [eventId],
      requestBody: body({ type: "object", required: ["email"], properties: { email: { type: "string", format: "email" } } }, { email: "helfer@example.org" }),
      responses: { "201": json(ref("HelpersResponse")), ...conflict("not_a_checkin_helper: invite them to the organisation first") },
    }),
  },
  "/api/console/events/{eventId}/helpers/{userId}": {
    delete: consoleOp("event:manage", "End a helper's assignment", { parameters: [eventId, userId], responses: { "200": json(ref("HelpersResponse")) } }),
  },
  "/api/console/registrations/{registrationId}": {
    get: consoleOp("event:view", "One registration with its history (audit log) and every email", { parameters: [registrationId], responses: { "200": registrationResponse } }),
    patch: consoleOp("event:manage", "Edit on the participant's behalf (they get `updated_by_organiser`)", {
      description: "More places only if they fit (409 event_full). A new email address gets a new manage link. Answers and places follow the event's rules.",
      parameters: [registrationId],
      requestBody: body(
        {
          type: "object",
          additionalProperties: false,
          properties: {
            name: { type: "string", maxLength: 200 },
            email: { type: "string", format: "email" },
            places: { type: "integer", minimum: 1 },
            answers: { type: "object" },
            needs: { type: "object" },
            locale: { enum: ["de", "en", "tr", "ar", "uk", "ru"] },
          },
        },
        { name: "Ayşe Yılmaz" },
      ),
      responses: { "200": registrationResponse, ...conflict("event_full, email_taken, or not live any more") },
    }),
  },
  "/api/console/registrations/{registrationId}/cancel": {
    post: consoleOp("event:manage", "Cancel on the participant's behalf; freed places go to the waitlist", {
      parameters: [registrationId],
      requestBody: body({ type: "object", required: ["reason"], properties: { reason: reasonSchema } }, { reason: "Auf Wunsch der Teilnehmerin (Telefon)" }),
      responses: { "200": registrationResponse, ...conflict("Not live") },
    }),
  },
  "/api/console/registrations/{registrationId}/confirm": {
    post: consoleOp("event:manage", "Confirm a waitlisted or offered registration now (if its places fit)", {
      parameters: [registrationId],
      responses: { "200": registrationResponse, ...conflict("event_full, or not waitlisted/offered") },
    }),
  },
  "/api/console/registrations/{registrationId}/offer": {
    post: consoleOp("event:manage", "Give a waitlisted registration an offer now (deadline: the event's offer hours)", {
      parameters: [registrationId],
      responses: { "200": registrationResponse, ...conflict("event_full, or not waitlisted") },
    }),
  },
  "/api/console/registrations/{registrationId}/move": {
    post: consoleOp("event:manage", "Swap with the neighbour in the waitlist (reason in the audit log)", {
      parameters: [registrationId],
      requestBody: body(
        { type: "object", required: ["direction", "reason"], properties: { direction: { enum: ["up", "down"] }, reason: reasonSchema } },
        { direction: "up", reason: "Härtefall" },
      ),
      responses: { "200": registrationResponse, ...conflict("already_first, already_last, not waitlisted, or changed meanwhile") },
    }),
  },
  "/api/console/registrations/{registrationId}/approve": {
    post: consoleOp("event:manage", "Approve an application: confirmed if it fits, else waitlisted", {
      parameters: [registrationId],
      responses: { "200": registrationResponse, ...conflict("Not pending approval, or full without waitlist") },
    }),
  },
  "/api/console/registrations/{registrationId}/reject": {
    post: consoleOp("event:manage", "Reject an application (the applicant is told, with the reason if given)", {
      parameters: [registrationId],
      requestBody: body({ type: "object", properties: { reason: { type: "string", maxLength: 1000 } } }, { reason: "Leider sind alle Plätze vergeben." }),
      responses: { "200": registrationResponse, ...conflict("Not pending approval") },
    }),
  },
  "/api/console/pools/{poolId}/capacity": {
    post: consoleOp("event:manage", "Set a pool's capacity; a raise serves the waitlist at once", {
      parameters: [poolId],
      requestBody: body({ type: "object", required: ["capacity"], properties: { capacity: { type: "integer", minimum: 0, maximum: 100000 } } }, { capacity: 20 }),
      responses: { "200": eventResponse },
    }),
  },
  "/api/console/organisations": {
    get: consoleOp("staff", "Organisations of the user (administrators: all), with the user's role", {
      responses: { "200": json({ type: "object", properties: { organisations: { type: "array", items: ref("ConsoleOrganisation") } } }) },
    }),
    post: consoleOp("admin", "Create an organisation", {
      requestBody: body(
        { type: "object", required: ["slug", "name"], properties: { slug: { type: "string", pattern: "^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$" }, name: { type: "string", maxLength: 200 } } },
        { slug: "partnerbuero", name: "Partnerbüro Nord" },
      ),
      responses: { "201": json({ type: "object", properties: { organisation: ref("ConsoleOrganisation") } }), ...conflict("slug_taken") },
    }),
  },
  "/api/console/organisations/{organisationId}/members": {
    get: consoleOp("organisation:manage", "Members of the organisation", { parameters: [organisationId], responses: { "200": json(ref("MembersResponse")) } }),
    post: consoleOp("organisation:manage", "Invite someone by email (organiser or check-in helper)", {
      description:
        "Creates the user if new and the membership (or changes the role), and emails an `invitation` with a sign-in link. Invitation links are valid 7 days (sign-in links 10 minutes), single use, stored hashed.",
      parameters: [organisationId],
      requestBody: body(
        { type: "object", required: ["email", "role"], properties: { email: { type: "string", format: "email" }, name: { type: "string", maxLength: 200 }, role: { enum: ["organiser", "checkin_helper"] } } },
        { email: "neu@example.org", name: "Neue Kollegin", role: "organiser" },
      ),
      responses: { "201": json({ type: "object", properties: { member: ref("ConsoleMember") } }), ...conflict("user_disabled") },
    }),
  },
  "/api/console/organisations/{organisationId}/members/{userId}": {
    delete: consoleOp("organisation:manage", "Remove a member (and their check-in assignments there)", {
      parameters: [organisationId, userId],
      responses: { "200": json(ref("MembersResponse")) },
    }),
  },
};

/* Check-in, attendance and certificates (routes/console/checkin.ts, certificates.ts; response shapes there). */
const sessionId = pathId("sessionId", "Session (date) id");
const certificateId = pathId("certificateId", "Certificate id");
const idProperty = { type: "integer", minimum: 1 };
const placesProperty = { type: "integer", minimum: 1, maximum: 100 };
const strictBody = (required: string[], properties: Record<string, unknown>, example: unknown) =>
  body({ type: "object", additionalProperties: false, required, properties }, example);
const checkInPaths = {
  "/api/console/checkin/events": {
    get: consoleOp("staff", "Events the user may check people in for", { tag: "check-in" }),
  },
  "/api/console/events/{eventId}/checkin": {
    get: consoleOp("event:checkin", "The door view of an event: its dates and counts", { tag: "check-in", parameters: [eventId] }),
  },
  "/api/console/events/{eventId}/checkin/scan": {
    post: consoleOp("event:checkin", "Check in by the code of a QR ticket, or by registration id", {
      tag: "check-in",
      parameters: [eventId],
      requestBody: strictBody(["sessionId"], { sessionId: idProperty, code: { type: "string", maxLength: 200 }, registrationId: idProperty, places: placesProperty }, { sessionId: 1, code: "unknown-code" }),
    }),
  },
  "/api/console/events/{eventId}/checkin/undo": {
    post: consoleOp("event:checkin", "Undo a check-in", {
      tag: "check-in",
      parameters: [eventId],
      requestBody: strictBody(["sessionId", "registrationId"], { sessionId: idProperty, registrationId: idProperty }, { sessionId: 1, registrationId: 1 }),
    }),
  },
  "/api/console/events/{eventId}/checkin/places": {
    post: consoleOp("event:checkin", "Set how many places of a household came", {
      tag: "check-in",
      parameters: [eventId],
      requestBody: strictBody(["sessionId", "registrationId", "places"], { sessionId: idProperty, registrationId: idProperty, places: placesProperty }, { sessionId: 1, registrationId: 1, places: 1 }),
    }),
  },
  "/api/console/events/{eventId}/checkin/search": {
    get: consoleOp("event:checkin", "Find a registration by name at the door", {
      tag: "check-in",
      parameters: [eventId, { name: "sessionId", in: "query", required: true, schema: idProperty }, { name: "q", in: "query", required: false, schema: { type: "string" } }],
    }),
  },
  "/api/console/events/{eventId}/checkin/walk-in": {
    post: consoleOp("event:checkin", "Register and check in someone who came without registration", {
      tag: "check-in",
      parameters: [eventId],
      requestBody: strictBody(
        ["sessionId", "name"],
        { sessionId: idProperty, name: { type: "string", maxLength: 200 }, email: { type: "string" }, places: placesProperty, locale: { type: "string" } },
        { sessionId: 1, name: "Spontan Gekommen" },
      ),
    }),
  },
  "/api/console/events/{eventId}/attendance": {
    get: consoleOp("event:view", "Attendance per date and per registration", { tag: "check-in", parameters: [eventId] }),
  },
  "/api/console/events/{eventId}/sessions/{sessionId}/signature-list.pdf": {
    get: consoleOp("event:checkin", "Signature list of one date as PDF", {
      tag: "check-in",
      parameters: [eventId, sessionId],
      responses: { "200": { description: "PDF attachment", content: { "application/pdf": { schema: { type: "string", format: "binary" } } } } },
    }),
  },
  "/api/console/events/{eventId}/certificate-settings": {
    get: consoleOp("event:view", "Who gets a certificate and who signs it", { tag: "certificates", parameters: [eventId] }),
    put: consoleOp("event:manage", "Set the certificate rule and signer", {
      tag: "certificates",
      parameters: [eventId],
      requestBody: body(
        { type: "object", properties: { rule: { type: ["object", "null"] }, signer: { type: ["object", "null"] } } },
        { rule: { kind: "all_sessions" }, signer: { name: "Dr. Maria Beispiel", role: "Leitung" } },
      ),
    }),
  },
  "/api/console/events/{eventId}/certificates": {
    get: consoleOp("event:view", "Certificates of the event and who qualifies", { tag: "certificates", parameters: [eventId] }),
  },
  "/api/console/events/{eventId}/certificates/issue": {
    post: consoleOp("event:manage", "Issue certificates to everyone who qualifies", { tag: "certificates", parameters: [eventId] }),
  },
  "/api/console/events/{eventId}/certificates/{certificateId}/revoke": {
    post: consoleOp("event:manage", "Revoke a certificate (verification then says so)", {
      tag: "certificates",
      parameters: [eventId, certificateId],
      requestBody: body({ type: "object", required: ["reason"], properties: { reason: reasonSchema } }, { reason: "Falscher Name" }),
    }),
  },
  "/api/console/events/{eventId}/certificates/{certificateId}/reissue": {
    post: consoleOp("event:manage", "Replace a certificate (e.g. with a corrected name)", {
      tag: "certificates",
      parameters: [eventId, certificateId],
      requestBody: body({ type: "object", properties: { name: { type: "string", maxLength: 200 } } }, { name: "Richtiger Name" }),
      responses: { "201": json({ type: "object" }) },
    }),
  },
};

const isoTime = { type: "string", format: "date-time" };
const nullableIso = { type: ["string", "null"], format: "date-time" };
const consoleSchemas = {
  MeResponse: {
    type: "object",
    properties: {
      user: {
        type: "object",
        properties: {
          id: { type: "integer" },
          email: { type: "string" },
          name: { type: ["string", "null"] },
          isAdmin: { type: "boolean" },
          memberships: { type: "array", items: { type: "object", properties: { organisationId: { type: "integer" }, organisationName: { type: "string" }, role: { enum: ["organiser", "checkin_helper"] } } } },
          assignedEventIds: { type: "array", items: { type: "integer" } },
        },
      },
      csrfToken: { type: "string", description: "Send as X-CSRF-Token on every state-changing console request" },
    },
  },
  EventInput: {
    type: "object",
    description: "See workers/src/console-types.ts EventInput",
    required: ["organisationId", "format", "texts", "sessions", "pools"],
    properties: {
      organisationId: { type: "integer" },
      slug: { type: "string" },
      format: { type: "string" },
      texts: { type: "object" },
      audience: { type: "array", items: { type: "string" } },
      languages: { type: "array", items: { type: "string" } },
      location: { type: ["object", "null"] },
      onlineUrl: { type: ["string", "null"] },
      registrationMode: { enum: ["open", "approval", "none"] },
      registrationOpensAt: nullableIso,
      registrationClosesAt: nullableIso,
      maxPlacesPerRegistration: { type: "integer" },
      emailConfirmation: { type: "boolean" },
      holdMinutes: { type: "integer" },
      waitlistEnabled: { type: "boolean" },
      waitlistMode: { enum: ["confirm", "offer"] },
      offerHours: { type: "integer" },
      questions: { type: "array", items: { type: "object" } },
      reminderRules: { type: "array", items: { type: "object" } },
      sessions: { type: "array", items: { type: "object" } },
      pools: { type: "array", items: { type: "object" } },
    },
  },
  ConsoleEvent: { type: "object", description: "See workers/src/console-types.ts ConsoleEvent" },
  ConsoleRegistration: {
    type: "object",
    properties: {
      id: { type: "integer" },
      parentId: { type: ["integer", "null"] },
      name: { type: "string" },
      email: { type: "string" },
      locale: { type: "string" },
      status: statusEnum,
      places: { type: "integer" },
      poolId: { type: "integer" },
      poolKey: { type: "string" },
      waitlistPosition: { type: ["integer", "null"] },
      awaitingEmail: { type: "boolean" },
      holdExpiresAt: nullableIso,
      offerExpiresAt: nullableIso,
      answers: { type: "object" },
      needs: { type: "object" },
      createdAt: isoTime,
      emailStatus: {
        type: ["object", "null"],
        properties: { template: { type: "string" }, status: { enum: ["queued", "sending", "sent", "failed"] }, lastError: { type: ["string", "null"] }, at: isoTime },
      },
      bouncing: { type: "boolean" },
    },
  },
  ConsoleRegistrationDetail: {
    allOf: [
      ref("ConsoleRegistration"),
      {
        type: "object",
        properties: {
          history: { type: "array", items: ref("ConsoleAuditEntry") },
          emails: {
            type: "array",
            items: {
              type: "object",
              properties: {
                id: { type: "string" },
                template: { type: "string" },
                status: { type: "string" },
                attempts: { type: "integer" },
                lastError: { type: ["string", "null"] },
                createdAt: isoTime,
                sentAt: nullableIso,
              },
            },
          },
        },
      },
    ],
  },
  ConsoleAuditEntry: {
    type: "object",
    properties: {
      at: isoTime,
      actor: { type: "string", description: "participant, system or user:<id>" },
      actorEmail: { type: ["string", "null"] },
      action: { type: "string" },
      registrationId: { type: ["integer", "null"] },
      details: { type: "object" },
    },
  },
  ConsoleOrganisation: {
    type: "object",
    properties: { id: { type: "integer" }, slug: { type: "string" }, name: { type: "string" }, role: { enum: ["organiser", "checkin_helper", null] }, timeZone: { type: "string", example: "Europe/Berlin" } },
  },
  ConsoleMember: {
    type: "object",
    properties: { userId: { type: "integer" }, email: { type: "string" }, name: { type: ["string", "null"] }, role: { enum: ["organiser", "checkin_helper"] } },
  },
  MembersResponse: { type: "object", properties: { members: { type: "array", items: ref("ConsoleMember") } } },
  HelpersResponse: {
    type: "object",
    properties: { helpers: { type: "array", items: { type: "object", properties: { userId: { type: "integer" }, email: { type: "string" }, name: { type: ["string", "null"] } } } } },
  },
};

export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "zusammen API",
    version: "0.1.0",
    description:
      "Event registration for municipal integration centres. Times are ISO 8601 in UTC.\n\n" +
      "Every operation names who may call it in `x-access`: `public` (anyone), `participant` (the holder of a private manage link), " +
      "`staff` (any signed-in console user), `event:view` / `event:manage` (organisers of the event's organisation and administrators), " +
      "`event:checkin` (also check-in helpers assigned to the event), `organisation:manage` (organisers of the organisation and administrators), " +
      "`admin` (administrators). Console calls without a session answer 401; things outside the caller's organisations 404, so their " +
      "existence does not leak; a check-in helper asking for more than check-in on an event assigned to them 403.",
  },
  paths: {
    "/api/health": { get: { summary: "Liveness", tags: ["public"], "x-access": "public", responses: { "200": json({ type: "object" }) } } },
    "/api/events": {
      get: {
        summary: "Published upcoming events",
        tags: ["public"],
        "x-access": "public",
        parameters: [acceptLanguage],
        responses: { "200": json({ type: "object", properties: { events: { type: "array", items: { $ref: "#/components/schemas/EventSummary" } } } }) },
      },
    },
    "/api/events/{slug}": {
      get: {
        summary: "One event with its sessions, questions and places left",
        tags: ["public"],
        "x-access": "public",
        parameters: [slug, acceptLanguage],
        responses: { "200": json({ type: "object", properties: { event: { type: "object" } } }), "404": errorResponse("Unknown or unpublished event") },
      },
    },
    "/api/events/{slug}/calendar.ics": {
      get: {
        summary: "The event's dates as an iCalendar file (never an online join link)",
        tags: ["public"],
        "x-access": "public",
        parameters: [slug, acceptLanguage],
        responses: { "200": { description: "text/calendar", content: { "text/calendar": { schema: { type: "string" } } } }, "404": errorResponse("Unknown or unpublished event") },
      },
    },
    "/api/events/{slug}/registrations": {
      post: {
        summary: "Register for an event",
        description:
          "Confirms, waitlists or (with email confirmation) holds places. The same Idempotency-Key returns the same registration. The same email again for the event creates nothing, re-sends the manage link and answers `check_email`. The manage link is only ever sent by email.",
        tags: ["public"],
        "x-access": "public",
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
        "x-access": "participant",
        parameters: [token, acceptLanguage],
        responses: { "200": json({ $ref: "#/components/schemas/ManagedRegistrationResponse" }), "404": errorResponse("Unknown token") },
      },
    },
    "/api/registrations/{token}/cancel": { post: manageAction("Cancel the registration or leave the waitlist") },
    "/api/registrations/{token}/confirm": { post: manageAction("Confirm the email address (double opt-in)") },
    "/api/registrations/{token}/accept-offer": { post: manageAction("Accept a waitlist offer before its deadline") },
    "/api/registrations/{token}/workshops": {
      post: {
        ...manageAction("Choose or switch the workshop of a parallel slot (frees the old place)"),
        requestBody: {
          required: true,
          content: { "application/json": { schema: { type: "object", additionalProperties: false, required: ["slot", "key"], properties: { slot: { type: "string" }, key: { type: "string" } } } } },
        },
      },
    },
    "/api/webhooks/resend": {
      post: {
        summary: "Resend webhook (Svix-signed): email.bounced and email.complained suppress the address",
        description:
          "Verified with RESEND_WEBHOOK_SECRET (HMAC-SHA256 over `svix-id.svix-timestamp.body`, 5 minutes tolerance). Without the secret the route answers 404.",
        tags: ["webhooks"],
        "x-access": "public",
        parameters: [
          { name: "svix-id", in: "header", required: true, schema: { type: "string" } },
          { name: "svix-timestamp", in: "header", required: true, schema: { type: "string" } },
          { name: "svix-signature", in: "header", required: true, schema: { type: "string" } },
        ],
        requestBody: { required: true, content: { "application/json": { schema: { type: "object" } } } },
        responses: {
          "200": json({ type: "object" }),
          "400": errorResponse("Signature headers missing or body not JSON"),
          "401": errorResponse("Signature invalid or timestamp too old"),
          "404": errorResponse("No webhook secret configured"),
        },
      },
    },
    "/api/dev/mailbox": {
      get: {
        summary: "Dev mailbox (only without RESEND_API_KEY; 404 otherwise)",
        tags: ["dev"],
        "x-access": "public",
        parameters: [{ name: "to", in: "query", required: false, schema: { type: "string" } }],
        responses: { "200": json({ type: "object" }), "404": errorResponse("Not in dev mode") },
      },
    },
    ...authPaths,
    ...consolePaths,
    ...checkInPaths,
    // Participant data, privacy requests, public config, people erasure and the status page (routes/privacy.ts).
    ...privacyOpenApiPaths,
    // The participant's check-in QR code and certificate, and public verification (routes/certificates.ts).
    "/api/registrations/{token}/qr.svg": {
      get: {
        summary: "Check-in QR code of a confirmed registration (SVG); 404 while not confirmed",
        tags: ["participant"],
        "x-access": "participant",
        parameters: [token],
        responses: { "200": { description: "SVG", content: { "image/svg+xml": { schema: { type: "string" } } } }, "404": errorResponse("Unknown token, or not confirmed") },
      },
    },
    "/api/registrations/{token}/certificate": {
      get: {
        summary: "Whether the participant has a certificate in force: its code, issue date and verification address",
        tags: ["participant"],
        "x-access": "participant",
        parameters: [token],
        responses: { "200": json({ type: "object" }), "404": errorResponse("Unknown token, or no certificate") },
      },
    },
    "/api/registrations/{token}/certificate.pdf": {
      get: {
        summary: "The participant's certificate in force, as PDF (rendered on request from its stored facts)",
        tags: ["participant"],
        "x-access": "participant",
        parameters: [token],
        responses: { "200": { description: "PDF attachment", content: { "application/pdf": { schema: { type: "string", format: "binary" } } } }, "404": errorResponse("Unknown token, or no certificate") },
      },
    },
    "/api/checkin-qr/{code}.png": {
      get: {
        summary: "A check-in QR code as PNG for emails (the path holds only the signed check-in code the image shows)",
        tags: ["public"],
        "x-access": "public",
        parameters: [{ name: "code", in: "path", required: true, schema: { type: "string" } }],
        responses: { "200": { description: "PNG", content: { "image/png": { schema: { type: "string", format: "binary" } } } }, "404": errorResponse("Not a genuine check-in code") },
      },
    },
    "/api/certificates/{code}": {
      get: {
        summary: "Verify a certificate: genuine and in force (only the facts printed on it), or revoked",
        tags: ["public"],
        "x-access": "public",
        parameters: [{ name: "code", in: "path", required: true, description: "e.g. 7K3M-Q9XD-2RTB-HW4E (case and dashes do not matter)", schema: { type: "string" } }],
        responses: {
          "200": json({
            type: "object",
            properties: {
              certificate: {
                type: "object",
                required: ["status", "code", "issuedAt"],
                properties: {
                  status: { enum: ["valid", "revoked"] },
                  code: { type: "string" },
                  issuedAt: { type: "string", format: "date-time" },
                  revokedAt: { type: "string", format: "date-time" },
                  facts: { type: "object", description: "Only when valid: name, eventTitle, dates, hours, organiser, signer" },
                },
              },
            },
          }),
          "404": errorResponse("Unknown or tampered code"),
        },
      },
    },
  },
  components: {
    securitySchemes: {
      session: { type: "apiKey", in: "cookie", name: "zusammen_session", description: "Console session (POST /api/auth/verify)" },
      csrf: { type: "apiKey", in: "header", name: "X-CSRF-Token", description: "csrfToken from GET /api/auth/me; required on POST/PUT/PATCH/DELETE" },
    },
    schemas: {
      ...consoleSchemas,
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
