/**
 * Who may call a route, enforced and documented in one place. Every API route names its
 * rule once, `access("event:manage")`, ahead of its handler: the middleware checks the
 * rule (session, CSRF, the id in the path, the caller's role in its organisation), puts
 * what it found on the context (`c.var.eventId`, …), and records the rule as the
 * operation's `x-access` in the OpenAPI document, so the two cannot drift.
 *
 * - public: anyone;
 * - participant: the holder of a private link (manage or data-access token in the path,
 *   checked by the domain verb; unknown links answer 404); answers are never cached and
 *   send no referrer;
 * - staff: any signed-in console user;
 * - organiser: organisers (of any organisation) and administrators; what the body names
 *   must be within their organisations (404 otherwise);
 * - admin: administrators;
 * - event:manage / registration:manage / pool:manage: organisers of the event's organisation
 *   (the registration's or pool's event) and administrators;
 * - event:checkin: those, and check-in helpers assigned to the event;
 * - organisation:manage: organisers of the organisation and administrators.
 * Outside the caller's organisations things answer 404, so their existence does not leak; a
 * check-in helper asking for more than the door of their event gets 403.
 *
 * Fail closed: a deployment that lacks a secret it needs (env.ts missingConfiguration: no
 * TOKEN_SECRET or no Resend key outside development mode) refuses every participant and
 * console route and every public write with 503 not_configured before anything else runs;
 * public reads go on (the programme stays visible), and those that need the secret (a
 * certificate's check characters) are refused by lib/tokens.ts with the same error.
 */
import type { Context, MiddlewareHandler } from "hono";
import { missingConfiguration, type AppBindings, type Env } from "../env";
import { authorizeEvent, authorizeThroughEvent, managedOrganisationIds, requireAdmin } from "../domain/auth/access";
import { authorizeOrganisation } from "../domain/console/organisations";
import { ForbiddenError, NotConfiguredError } from "../lib/errors";
import { documented, type AccessRule, type OperationDoc } from "./openapi";
import { ID_SCHEMA, idParam } from "./request";
import { requireStaff } from "./session";

type With<V> = { Bindings: Env; Variables: AppBindings["Variables"] & V };
type Middleware = MiddlewareHandler<AppBindings>;

const SESSION_ERRORS = { 401: "No valid session", 403: "CSRF check failed (writes need X-CSRF-Token from the same origin)" };
const OUT_OF_REACH = "Unknown, or outside the caller's organisations";
const session = (doc: OperationDoc): OperationDoc => ({ session: true, ...doc, errors: { ...SESSION_ERRORS, ...doc.errors } });
const pathId = (name: string, description: string) => ({ [name]: { description, schema: ID_SCHEMA } });

/** The staff check, then `check` (which may put what it found on the context), then the route. */
function signedIn<V = object>(check: (c: Context<With<V>>) => Promise<void> | void): Middleware {
  return (c, next) =>
    requireStaff(c, async () => {
      await check(c as unknown as Context<With<V>>);
      await next();
    });
}

const noStore: Middleware = async (c, next) => {
  await next();
  c.header("Cache-Control", "no-store");
  c.header("Referrer-Policy", "no-referrer");
};

const RULES: Record<AccessRule, () => { middleware: Middleware; doc: OperationDoc }> = {
  public: () => ({ middleware: (_c, next) => next(), doc: {} }),
  participant: () => ({ middleware: noStore, doc: { errors: { 404: "Unknown, expired or erased link" } } }),
  staff: () => ({ middleware: requireStaff, doc: session({}) }),
  organiser: () => ({
    middleware: signedIn((c) => {
      const managed = managedOrganisationIds(c.var.staff);
      if (managed !== null && managed.length === 0) throw new ForbiddenError();
    }),
    doc: session({ errors: { 403: "Not an organiser", 404: "The organisation named in the body is outside the caller's organisations" } }),
  }),
  admin: () => ({
    middleware: signedIn((c) => requireAdmin(c.var.staff)),
    doc: session({ errors: { 403: "Not an administrator" } }),
  }),
  "event:manage": () => eventRule("manage"),
  "event:checkin": () => eventRule("checkin"),
  "registration:manage": () => throughEvent("registration", "registrationId", "Registration id"),
  "pool:manage": () => throughEvent("pool", "poolId", "Capacity pool id"),
  "organisation:manage": () => ({
    middleware: signedIn<{ organisationId: number }>(async (c) => {
      const organisationId = idParam(c.req.param("organisationId"));
      await authorizeOrganisation(c.env, c.var.staff, organisationId);
      c.set("organisationId", organisationId);
    }),
    doc: session({ params: pathId("organisationId", "Organisation id"), errors: { 403: "A check-in helper of the organisation", 404: OUT_OF_REACH } }),
  }),
};

/** A registration or a pool in the path, authorised through its event ("manage"). */
function throughEvent<P extends "registrationId" | "poolId">(kind: "registration" | "pool", param: P, description: string) {
  return {
    middleware: signedIn<{ eventId: number } & Record<P, number>>(async (c) => {
      const id = idParam(c.req.param(param));
      c.set("eventId", await authorizeThroughEvent(c.env, c.var.staff, kind, id, "manage"));
      c.set(param, id as never);
    }),
    doc: session({ params: pathId(param, description), errors: { 403: "A check-in helper", 404: OUT_OF_REACH } }),
  };
}

function eventRule(permission: "manage" | "checkin") {
  return {
    middleware: signedIn<{ eventId: number; organisationId: number }>(async (c) => {
      const eventId = idParam(c.req.param("eventId"));
      c.set("organisationId", await authorizeEvent(c.env, c.var.staff, eventId, permission));
      c.set("eventId", eventId);
    }),
    doc: session({
      params: pathId("eventId", "Event id"),
      errors: { 403: permission === "manage" ? "A check-in helper (the door only)" : "Not assigned to this event", 404: OUT_OF_REACH },
    }),
  };
}

const NOT_CONFIGURED = { 503: "not_configured: the deployment lacks TOKEN_SECRET or RESEND_API_KEY (see the README's deployment section)" };

/** Refuses, before its access rule, anything but a public read on a deployment that is not configured. */
function refuseUnlessConfigured(c: Context<AppBindings>, rule: AccessRule): void {
  if (rule === "public" && (c.req.method === "GET" || c.req.method === "HEAD")) return;
  const missing = missingConfiguration(c.env);
  if (missing.length > 0) throw new NotConfiguredError(missing);
}

const built = new Map<AccessRule, Middleware>();

/** The access rule of a route: enforces it and documents it as `x-access`. */
export function access(rule: "event:manage" | "event:checkin"): MiddlewareHandler<With<{ eventId: number; organisationId: number }>>;
export function access(rule: "registration:manage"): MiddlewareHandler<With<{ eventId: number; registrationId: number }>>;
export function access(rule: "pool:manage"): MiddlewareHandler<With<{ eventId: number; poolId: number }>>;
export function access(rule: "organisation:manage"): MiddlewareHandler<With<{ organisationId: number }>>;
export function access(rule: "public" | "participant" | "staff" | "organiser" | "admin"): MiddlewareHandler<AppBindings>;
export function access(rule: AccessRule): MiddlewareHandler {
  let middleware = built.get(rule);
  if (!middleware) {
    const { middleware: check, doc } = RULES[rule]();
    middleware = documented<Middleware>(
      (c, next) => {
        refuseUnlessConfigured(c, rule);
        return check(c, next);
      },
      { ...doc, errors: { ...doc.errors, ...NOT_CONFIGURED }, access: rule },
    );
    built.set(rule, middleware);
  }
  return middleware as MiddlewareHandler;
}
