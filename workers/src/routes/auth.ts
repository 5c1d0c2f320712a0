import { Hono } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import * as z from "zod/mini";
import type { AppBindings } from "../env";
import { csrfToken, requestSignIn, SESSION_LIFETIME_MS, signOut, signOutEverywhere, verifySignIn } from "../domain/auth/sign-in";
import { domainContext, readJson } from "../lib/http";
import { parseOrThrow } from "../lib/validation";
import { requireStaff, sameOriginWrites, SESSION_COOKIE } from "./console/guard";

const emailBody = z.strictObject({ email: z.string().check(z.trim(), z.maxLength(254), z.email()) });
const tokenBody = z.strictObject({ token: z.string().check(z.maxLength(100)) });

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
  .post("/login", async (c) => {
    const { email } = parseOrThrow(emailBody, await readJson(c));
    await requestSignIn(domainContext(c), email);
    // The same answer whether or not the address has an account.
    return c.json({ status: "check_email" }, 202);
  })
  .post("/verify", async (c) => {
    const { token } = parseOrThrow(tokenBody, await readJson(c));
    const { sessionToken } = await verifySignIn(domainContext(c), token);
    setCookie(c, SESSION_COOKIE, sessionToken, {
      httpOnly: true,
      secure: secureCookie(c.req.url),
      sameSite: "Lax",
      path: "/",
      maxAge: Math.floor(SESSION_LIFETIME_MS / 1000),
    });
    return c.json({ status: "signed_in" });
  })
  .get("/me", requireStaff, async (c) => {
    const staff = c.var.staff;
    const { results } = await c.env.DB.prepare(
      `SELECT m.organisation_id AS organisationId, o.name AS organisationName, m.role FROM memberships m
       JOIN organisations o ON o.id = m.organisation_id WHERE m.user_id = ?1 ORDER BY o.name`,
    )
      .bind(staff.id)
      .all();
    return c.json({
      user: { id: staff.id, email: staff.email, name: staff.name, isAdmin: staff.isAdmin, memberships: results, assignedEventIds: [...staff.assignedEventIds] },
      csrfToken: await csrfToken(c.var.sessionToken),
    });
  })
  .post("/logout", requireStaff, async (c) => {
    await signOut(domainContext(c), c.var.sessionToken);
    deleteCookie(c, SESSION_COOKIE, { path: "/" });
    return c.json({ status: "signed_out" });
  })
  .post("/logout-everywhere", requireStaff, async (c) => {
    const ended = await signOutEverywhere(domainContext(c), c.var.staff.id);
    deleteCookie(c, SESSION_COOKIE, { path: "/" });
    return c.json({ status: "signed_out", sessionsEnded: ended });
  });
