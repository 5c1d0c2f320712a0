/** Builds the Hono app: request id and locale, security headers, the routes, and the one error mapping. */
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { secureHeaders } from "hono/secure-headers";
import type { AppBindings } from "./env";
import { negotiateLocale, errorMessage } from "./i18n";
import { DomainError, ValidationError } from "./lib/errors";
import { log } from "./lib/log";
import { randomId } from "./lib/tokens";
import { devApiRoutes, devPageRoutes } from "./routes/dev";
import { eventRoutes } from "./routes/events";
import { openApiDocument } from "./routes/openapi";
import { registrationRoutes } from "./routes/registrations";
import { authRoutes } from "./routes/auth";
import { consoleEventRoutes } from "./routes/console/events";
import type { ApiError } from "./api-types";

const MAX_BODY_BYTES = 64 * 1024;

export function buildApp() {
  const app = new Hono<AppBindings>();

  app.use(async (c, next) => {
    c.set("requestId", c.req.header("cf-ray") ?? randomId(8));
    c.set("locale", negotiateLocale(c.req.query("locale"), c.req.header("accept-language")));
    await next();
    c.header("X-Request-Id", c.var.requestId);
  });
  app.use(
    secureHeaders({
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

  app.get("/api/health", (c) => c.json({ status: "ok" }));
  app.get("/api/openapi.json", (c) => c.json(openApiDocument));
  app.route("/api/events", eventRoutes);
  app.route("/api/registrations", registrationRoutes);
  app.route("/api/auth", authRoutes);
  app.route("/api/console/events", consoleEventRoutes);
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
    log("error", "request.failed", { requestId: c.var.requestId, path: c.req.path, error: String(error), stack: (error as Error)?.stack });
    const body: ApiError = { error: { code: "internal", message: errorMessage(locale, "error.internal"), requestId: c.var.requestId } };
    return c.json(body, 500);
  });

  return app;
}
