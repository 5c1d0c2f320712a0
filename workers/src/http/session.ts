/**
 * The console's gate: a live session (401 otherwise) and, on every state-changing request,
 * CSRF protection — the request must come from this origin (Origin / Sec-Fetch-Site) and
 * carry the session's CSRF token in `X-CSRF-Token`. The session cookie is also SameSite=Lax.
 * Routes do not use these directly: they name an access rule (http/access.ts).
 */
import type { Context, MiddlewareHandler } from "hono";
import { getCookie } from "hono/cookie";
import type { AppBindings } from "../env";
import { loadStaff } from "../domain/auth/access";
import { csrfToken, resolveSession } from "../domain/auth/sign-in";
import { ForbiddenError, UnauthenticatedError } from "../lib/errors";
import { domainContext } from "./request";

export const SESSION_COOKIE = "zusammen_session";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** True when the request comes from a page of this origin. */
export function sameOrigin(c: Context<AppBindings>): boolean {
  const site = c.req.header("sec-fetch-site");
  if (site) return site === "same-origin";
  const origin = c.req.header("origin");
  if (origin) return origin === new URL(c.req.url).origin || origin === new URL(c.env.PUBLIC_URL).origin;
  return false;
}

/** Rejects state-changing requests from other sites (used before a session exists, e.g. sign-in). */
export const sameOriginWrites: MiddlewareHandler<AppBindings> = async (c, next) => {
  if (!SAFE_METHODS.has(c.req.method) && !sameOrigin(c)) throw new ForbiddenError("csrf_failed");
  await next();
};

/** A signed-in staff member (`c.var.staff`), with the CSRF check on writes. */
export const requireStaff: MiddlewareHandler<AppBindings> = async (c, next) => {
  c.header("Cache-Control", "no-store");
  const token = getCookie(c, SESSION_COOKIE);
  const userId = await resolveSession(domainContext(c), token);
  if (!userId || !token) throw new UnauthenticatedError();
  if (!SAFE_METHODS.has(c.req.method)) {
    if (!sameOrigin(c) || c.req.header("x-csrf-token") !== (await csrfToken(token))) throw new ForbiddenError("csrf_failed");
  }
  c.set("staff", await loadStaff(c.env, userId));
  c.set("sessionToken", token);
  await next();
};
