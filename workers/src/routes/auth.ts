/** Console sign-in by emailed link, the signed-in user, and signing out. */
import { Hono } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import * as z from "zod/mini";
import type { AppBindings } from "../env";
import { csrfToken, requestSignIn, SESSION_LIFETIME_MS, signOut, signOutEverywhere, verifySignIn } from "../domain/auth/sign-in";
import { access } from "../http/access";
import { formGuard } from "../http/form-guard";
import { describe } from "../http/openapi";
import { domainContext, jsonBody } from "../http/request";
import { sameOriginWrites, SESSION_COOKIE } from "../http/session";
import { checkEmail, meResponse, signedIn, signedOut } from "./schemas";
import type { StoredMembership, StoredOrganisation } from "../../../db/rows";

const emailBody = z.strictObject({ email: z.string().check(z.trim(), z.maxLength(254), z.email()) });
const tokenBody = z.strictObject({ token: z.string().check(z.maxLength(100)) });
const emptyBody = z.strictObject({});
const tags = ["auth"];
const notSameOrigin = { 403: "Not a same-origin request" };

/** Secure everywhere but plain-http loopback development. */
function secureCookie(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return protocol === "https:" || !["localhost", "127.0.0.1", "[::1]"].includes(hostname);
}

export const authRoutes = new Hono<AppBindings>()
  .use(async (c, next) => {
    await next();
    c.header("Cache-Control", "no-store");
  })
  .use(sameOriginWrites)
  .post(
    "/login",
    access("public"),
    formGuard("sign_in"),
    jsonBody(emailBody, { examples: [{ email: "orga@example.org" }] }),
    describe({
      summary: "Email a sign-in link",
      description:
        "Sends a link `${PUBLIC_URL}/console/sign-in#TOKEN` (single use, valid 10 minutes, stored hashed) if the address belongs to staff; the same answer either way. Same-origin requests only.",
      tags,
      responses: { 202: checkEmail },
      errors: notSameOrigin,
    }),
    async (c) => {
      await requestSignIn(domainContext(c), c.req.valid("json").email);
      // The same answer whether or not the address has an account.
      return c.json({ status: "check_email" as const }, 202);
    },
  )
  .post(
    "/verify",
    access("public"),
    jsonBody(tokenBody, { examples: [{ token: "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" }] }),
    describe({
      summary: "Exchange a sign-in or invitation token for a session",
      description: "Sets the session cookie (HttpOnly, Secure, SameSite=Lax). A used, expired or tampered token answers 400 sign_in_link_invalid.",
      tags,
      responses: { 200: signedIn },
      errors: { ...notSameOrigin, 400: "Malformed JSON, or the link is used, expired or tampered (sign_in_link_invalid)" },
    }),
    async (c) => {
      const { sessionToken } = await verifySignIn(domainContext(c), c.req.valid("json").token);
      setCookie(c, SESSION_COOKIE, sessionToken, {
        httpOnly: true,
        secure: secureCookie(c.req.url),
        sameSite: "Lax",
        path: "/",
        maxAge: Math.floor(SESSION_LIFETIME_MS / 1000),
      });
      return c.json({ status: "signed_in" as const });
    },
  )
  .get("/me", access("staff"), describe({ summary: "The signed-in user, their memberships and the CSRF token", tags, responses: { 200: meResponse } }), async (c) => {
    const staff = c.var.staff;
    const { results } = await c.env.DB.prepare(
      `SELECT m.organisation_id AS organisationId, o.name AS organisationName, m.role FROM memberships m
       JOIN organisations o ON o.id = m.organisation_id WHERE m.user_id = ?1 ORDER BY o.name`,
    )
      .bind(staff.id)
      .all<Pick<StoredMembership, "organisationId" | "role"> & { organisationName: StoredOrganisation["name"] }>();
    return c.json({
      user: { id: staff.id, email: staff.email, name: staff.name, isAdmin: staff.isAdmin, memberships: results, assignedEventIds: [...staff.assignedEventIds] },
      csrfToken: await csrfToken(c.var.sessionToken),
    });
  })
  .post("/logout", access("staff"), jsonBody(emptyBody, { optional: true, examples: [{}] }), describe({ summary: "End this session", tags, responses: { 200: signedOut } }), async (c) => {
    await signOut(domainContext(c), c.var.sessionToken);
    deleteCookie(c, SESSION_COOKIE, { path: "/" });
    return c.json({ status: "signed_out" as const });
  })
  .post(
    "/logout-everywhere",
    access("staff"),
    jsonBody(emptyBody, { optional: true, examples: [{}] }),
    describe({ summary: "End every session of the user", tags, responses: { 200: signedOut } }),
    async (c) => {
      const ended = await signOutEverywhere(domainContext(c), c.var.staff.id);
      deleteCookie(c, SESSION_COOKIE, { path: "/" });
      return c.json({ status: "signed_out" as const, sessionsEnded: ended });
    },
  );
