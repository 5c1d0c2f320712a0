/** Builds the Hono app: request id and locale, security headers, the routes, and the one error mapping. */
import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { secureHeaders } from "hono/secure-headers";
import { routePath } from "hono/route";
import type { AppBindings } from "./env";
import { negotiateLocale, errorMessage } from "./i18n";
import { DomainError, NotConfiguredError, ValidationError } from "./lib/errors";
import { log } from "./lib/log";
import { randomId } from "./lib/tokens";
import { devApiRoutes, devPageRoutes } from "./routes/dev";
import { eventRoutes } from "./routes/events";
import { registrationRoutes } from "./routes/registrations";
import { webhookRoutes } from "./routes/webhooks";
import { authRoutes } from "./routes/auth";
import { consoleEventRoutes } from "./routes/console/events";
import { consoleEventRegistrationRoutes, consolePoolRoutes, consoleRegistrationRoutes } from "./routes/console/registrations";
import { consoleEventHelperRoutes, consoleOrganisationRoutes } from "./routes/console/organisations";
import { consoleCheckInRoutes, consoleCheckInStartRoutes } from "./routes/console/checkin";
import { consoleAttendanceRecordRoutes, consoleCertificateRoutes } from "./routes/console/certificates";
import { certificateRoutes, checkInQrRoutes, participantDocumentRoutes, verifyPageRoutes } from "./routes/certificates";
import type { ApiError } from "./api-types";
import { publicSiteKey } from "./domain/abuse/turnstile";
import { access } from "./http/access";
import { requestDatabase } from "./http/database";
import { describe, openApiDocument } from "./http/openapi";
import { apiErrorSchema, health, publicConfig } from "./routes/schemas";
import * as z from "zod/mini";
import { participantDataRoutes, privacyRequestRoutes } from "./routes/privacy";
import { consolePeopleRoutes } from "./routes/console/people";
import { consoleStatusRoutes } from "./routes/console/status";
import { feedRoutes } from "./routes/feeds";
import { pageRoutes } from "./routes/pages";
import { consoleEventReportingRoutes, consoleStatisticsRoutes } from "./routes/console/statistics";
import { consoleTranslationRoutes } from "./routes/console/translations";
import { manageLinkRoutes } from "./routes/manage-links";

const MAX_BODY_BYTES = 64 * 1024;
const API_INFO = {
  title: "zusammen API",
  version: "0.1.0",
  description:
    "Event registration for municipal integration centres. Times are ISO 8601 in UTC. Texts and error messages come in the request's language " +
    "(`Accept-Language`, or `?locale=` de, en, tr, ar, uk, ru).\n\n" +
    "Every operation names who may call it in `x-access`, and the same middleware enforces it (workers/src/http/access.ts): `public` (anyone), " +
    "`participant` (the holder of a private manage or data link), `staff` (any signed-in console user), `organiser` (organisers of any organisation, " +
    "and administrators), `event:manage` / `registration:manage` / `pool:manage` (organisers of the event's organisation, and administrators), " +
    "`event:checkin` (also check-in helpers assigned to the event), `organisation:manage` (organisers of the organisation, and administrators), " +
    "`admin` (administrators). Console calls without a session answer 401; things outside the caller's organisations 404, so their existence " +
    "does not leak; a check-in helper asking for more than the door of their event 403.",
};
/** Responses about one person: never stored by a cache. */
const PERSONAL_PATHS = /^\/(api\/(registrations|console|auth|privacy|dev)|manage|privacy-data|console|dev)(\/|$)/;

/** The matched route's pattern ("/api/registrations/:token"), safe to log; never the path itself. */
function routeOf(c: Context<AppBindings>): string {
  try {
    // The route of the handler that answered (the index is where dispatch stopped).
    return routePath(c);
  } catch {
    return "unmatched";
  }
}

export function buildApp() {
  const app = new Hono<AppBindings>();

  app.use(async (c, next) => {
    const started = Date.now();
    c.set("requestId", c.req.header("cf-ray") ?? randomId(8));
    c.set("locale", negotiateLocale(c.req.query("locale"), c.req.header("accept-language")));
    await next();
    c.header("X-Request-Id", c.var.requestId);
    // One line per request. The route pattern, never the path: paths carry tokens.
    log("info", "request", { requestId: c.var.requestId, method: c.req.method, route: routeOf(c), status: c.res.status, ms: Date.now() - started });
  });
  // A page that names the sites allowed to frame it (the embed's frame-ancestors) sends no
  // X-Frame-Options, which cannot name them. Registered before secureHeaders, so it runs after it.
  app.use(async (c, next) => {
    await next();
    if (/frame-ancestors (?!'none')/.test(c.res.headers.get("content-security-policy") ?? "")) c.res.headers.delete("X-Frame-Options");
  });
  app.use(
    secureHeaders({
      // A handler's own CSP wins: the dev mailbox and email previews allow the emails' inline styles.
      overwrite: false,
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        frameSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
    }),
  );
  app.use(
    "/api/*",
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new DomainError("payload_too_large", 413, "error.payload_too_large");
      },
    }),
  );

  // The request's database (its tenant's, a D1 session, metered) before any route reads it; after
  // the body limit, since finding the tenant may read a (small) body.
  app.use(requestDatabase);

  // Anything personal is never cached: the participant's own pages, the console, sign-in, privacy.
  app.use(async (c, next) => {
    await next();
    if (PERSONAL_PATHS.test(c.req.path)) {
      c.header("Cache-Control", "no-store");
      c.header("Referrer-Policy", "no-referrer");
    }
  });
  app.get("/api/health", access("public"), describe({ summary: "Liveness", tags: ["public"], responses: { 200: health } }), (c) => c.json({ status: "ok" as const }));
  app.get(
    "/api/config",
    access("public"),
    describe({ summary: "Public configuration for the pages: the Turnstile site key and script while Turnstile is on, else null", tags: ["public"], responses: { 200: publicConfig } }),
    (c) => {
      const turnstileSiteKey = publicSiteKey(c.env);
      // The widget's script address comes from here, so the pages hold no third-party address.
      return c.json({ turnstileSiteKey, turnstileScript: turnstileSiteKey ? "https://challenges.cloudflare.com/turnstile/v0/api.js?render=explicit" : null });
    },
  );
  // Generated from the routes on the first request (http/openapi.ts, ~50 ms), then kept as text for the isolate's life.
  let document: string | undefined;
  app.get(
    "/api/openapi.json",
    access("public"),
    describe({ summary: "This document, generated from the routes", tags: ["public"], responses: { 200: { type: "application/json", description: "OpenAPI 3.1", schema: z.record(z.string(), z.unknown()) } } }),
    (c) => {
      document ??= JSON.stringify(openApiDocument(app.routes, API_INFO, { errorSchema: apiErrorSchema }));
      return c.body(document, 200, { "Content-Type": "application/json; charset=utf-8" });
    },
  );
  app.route("/api/events", eventRoutes);
  app.route("/api/feeds", feedRoutes);
  app.route("/api/registrations", registrationRoutes);
  app.route("/api/registrations", participantDataRoutes);
  app.route("/api/privacy", privacyRequestRoutes);
  app.route("/api/manage-links", manageLinkRoutes);
  app.route("/api/console/people", consolePeopleRoutes);
  app.route("/api/console/status", consoleStatusRoutes);
  app.route("/api/auth", authRoutes);
  app.route("/api/console/events", consoleEventRoutes);
  // After the event routes: they share the prefix, and its session check runs once (requireStaff).
  app.route("/api/console/events", consoleEventRegistrationRoutes);
  app.route("/api/console/events", consoleEventHelperRoutes);
  app.route("/api/console/events", consoleTranslationRoutes);
  app.route("/api/console/registrations", consoleRegistrationRoutes);
  app.route("/api/console/pools", consolePoolRoutes);
  app.route("/api/console/organisations", consoleOrganisationRoutes);
  app.route("/api/webhooks", webhookRoutes);
  // Check-in, attendance, signature lists and certificates (issue 6).
  app.route("/api/console/events", consoleCheckInRoutes);
  app.route("/api/console/events", consoleCertificateRoutes);
  app.route("/api/console/registrations", consoleAttendanceRecordRoutes);
  // Statistics for funders and the council (issue 15).
  app.route("/api/console/statistics", consoleStatisticsRoutes);
  app.route("/api/console/events", consoleEventReportingRoutes);
  app.route("/api/console/checkin", consoleCheckInStartRoutes);
  app.route("/api/registrations", participantDocumentRoutes);
  app.route("/api/certificates", certificateRoutes);
  app.route("/api/checkin-qr", checkInQrRoutes);
  app.route("/verify", verifyPageRoutes);
  // The short link (/e/{slug}) and the embeddable list (/embed): pages, served through the Worker.
  app.route("/", pageRoutes);
  app.route("/api/dev", devApiRoutes);
  app.route("/dev", devPageRoutes);

  app.notFound((c) => {
    const body: ApiError = {
      error: { code: "not_found", message: errorMessage(c.var.locale, "error.not_found"), requestId: c.var.requestId },
    };
    return c.json(body, 404);
  });

  app.onError((error, c) => {
    const locale = c.var.locale ?? "de";
    if (error instanceof NotConfiguredError) {
      // The operator's cue: which secret is missing (never its value), on every refused request.
      log("error", "not_configured", { requestId: c.var.requestId, route: routeOf(c), missing: error.missing, devModeRequested: c.env.DEV_MODE === "local" });
    }
    if (error instanceof DomainError) {
      const body: ApiError = {
        error: { code: error.code, message: errorMessage(locale, error.messageKey, error.params), requestId: c.var.requestId },
      };
      if (error instanceof ValidationError) {
        body.error.fields = Object.fromEntries(
          Object.entries(error.fields).map(([field, problem]) => [field, errorMessage(locale, problem.key, problem.params)]),
        );
      }
      return c.json(body, error.status);
    }
    log("error", "request.failed", { requestId: c.var.requestId, route: routeOf(c), error: String(error), stack: (error as Error)?.stack });
    const body: ApiError = { error: { code: "internal", message: errorMessage(locale, "error.internal"), requestId: c.var.requestId } };
    return c.json(body, 500);
  });

  return app;
}
