/**
 * Passwordless sign-in for staff. `requestSignIn` emails a link whose token is single use,
 * valid 10 minutes and stored only as its SHA-256 (the outbox row keeps the nonce the token
 * is derived from, so the email can be rendered later). `verifySignIn` exchanges the token
 * for a session: a 256-bit random cookie value, stored as its SHA-256, with an idle timeout
 * and an absolute lifetime; a user can end every session at once.
 */
import type { Env } from "../../env";
import { DomainError } from "../../lib/errors";
import { base64url, randomId, sha256, signInToken } from "../../lib/tokens";
import type { DomainContext } from "../change";
import { normalizeEmail } from "../../lib/email";
import type { StoredUserSession } from "../../../../db/rows";

export const SIGN_IN_LINK_MINUTES = 10;
export const SESSION_IDLE_MS = 8 * 3_600_000; // a working day without activity
export const SESSION_LIFETIME_MS = 7 * 24 * 3_600_000;
/** last_seen_at is written at most this often, so reading pages costs no write each time. */
const TOUCH_INTERVAL_MS = 5 * 60_000;

/** Administrators named in configuration (ADMIN_EMAILS, comma-separated). */
export function configuredAdmins(env: Env): Set<string> {
  return new Set(
    (env.ADMIN_EMAILS ?? "")
      .split(",")
      .map((e) => normalizeEmail(e))
      .filter(Boolean),
  );
}

/**
 * Emails a sign-in link if the address belongs to an active staff member (or a configured
 * administrator, who is created on first sign-in). Answers the same either way, so the
 * form reveals nothing about who has an account.
 */
export async function requestSignIn(ctx: DomainContext, email: string): Promise<void> {
  const { env, now } = ctx;
  const normalized = normalizeEmail(email);
  if (configuredAdmins(env).has(normalized)) {
    await env.DB.prepare(
      `INSERT INTO users (email, email_normalized, is_admin) VALUES (?1, ?2, 1)
       ON CONFLICT (email_normalized) DO UPDATE SET is_admin = 1`,
    )
      .bind(email.trim(), normalized)
      .run();
  }
  const nonce = randomId(16);
  const hash = await sha256(await signInToken(env, nonce));
  const [, outbox] = await env.DB.batch([
    env.DB.prepare(
      `INSERT INTO login_tokens (token_hash, user_id, expires_at, created_at)
       SELECT ?1, id, ?2, ?3 FROM users WHERE email_normalized = ?4 AND disabled_at IS NULL`,
    ).bind(hash, now + SIGN_IN_LINK_MINUTES * 60_000, now, normalized),
    env.DB.prepare(
      `INSERT INTO outbox (id, template, to_address, locale, data, created_at, updated_at)
       SELECT lower(hex(randomblob(16))), 'login_link', email, locale, json_object('nonce', ?1), ?2, ?2
       FROM users WHERE email_normalized = ?3 AND disabled_at IS NULL
       RETURNING id`,
    ).bind(nonce, now, normalized),
  ]);
  const ids = ((outbox?.results ?? []) as { id: string }[]).map((r) => r.id);
  if (ids.length > 0) {
    const { enqueueMail } = await import("../mail/outbox");
    ctx.waitUntil(enqueueMail(env, ids));
  }
}

/** Exchanges a sign-in token for a new session; the token can never be used again. */
export async function verifySignIn(ctx: DomainContext, token: string): Promise<{ sessionToken: string; userId: number }> {
  const { env, now } = ctx;
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) throw new DomainError("sign_in_link_invalid", 400, "error.sign_in_link_invalid");
  const hash = await sha256(token);
  const sessionToken = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const sessionHash = await sha256(sessionToken);
  // Marking the token used and opening the session are one batch: the guard (used_at IS NULL,
  // not expired) admits exactly one of any number of concurrent clicks.
  const [used] = await env.DB.batch([
    env.DB.prepare(
      `UPDATE login_tokens SET used_at = ?2 WHERE token_hash = ?1 AND used_at IS NULL AND expires_at > ?2
       AND user_id IN (SELECT id FROM users WHERE disabled_at IS NULL) RETURNING user_id AS userId`,
    ).bind(hash, now),
    env.DB.prepare(
      `INSERT INTO user_sessions (token_hash, user_id, created_at, last_seen_at, expires_at)
       SELECT ?1, user_id, ?2, ?2, ?3 FROM login_tokens WHERE token_hash = ?4 AND used_at = ?2`,
    ).bind(sessionHash, now, now + SESSION_LIFETIME_MS, hash),
    env.DB.prepare(
      `INSERT INTO audit_log (at, actor, action, details)
       SELECT ?2, 'user:' || user_id, 'auth.signed_in', '{}' FROM login_tokens WHERE token_hash = ?1 AND used_at = ?2`,
    ).bind(hash, now),
  ]);
  const row = (used?.results as { userId: number }[] | undefined)?.[0];
  if (!row) throw new DomainError("sign_in_link_invalid", 400, "error.sign_in_link_invalid");
  return { sessionToken, userId: row.userId };
}

/** The user of a live session, or null; refreshes the idle timer now and then. */
export async function resolveSession(ctx: DomainContext, sessionToken: string | undefined): Promise<number | null> {
  if (!sessionToken || !/^[A-Za-z0-9_-]{43}$/.test(sessionToken)) return null;
  const { env, now } = ctx;
  const hash = await sha256(sessionToken);
  const session = await env.DB.prepare(
    `SELECT s.user_id AS userId, s.last_seen_at AS lastSeenAt FROM user_sessions s JOIN users u ON u.id = s.user_id
     WHERE s.token_hash = ?1 AND s.revoked_at IS NULL AND s.expires_at > ?2 AND s.last_seen_at > ?3 AND u.disabled_at IS NULL`,
  )
    .bind(hash, now, now - SESSION_IDLE_MS)
    .first<Pick<StoredUserSession, "userId" | "lastSeenAt">>();
  if (!session) return null;
  if (now - session.lastSeenAt > TOUCH_INTERVAL_MS) {
    ctx.waitUntil(env.DB.prepare(`UPDATE user_sessions SET last_seen_at = ?2 WHERE token_hash = ?1`).bind(hash, now).run());
  }
  return session.userId;
}

/** Ends this session. */
export async function signOut(ctx: DomainContext, sessionToken: string): Promise<void> {
  await ctx.env.DB.prepare(`UPDATE user_sessions SET revoked_at = ?2 WHERE token_hash = ?1 AND revoked_at IS NULL`)
    .bind(await sha256(sessionToken), ctx.now)
    .run();
}

/** Ends every session of the user (e.g. a lost phone). */
export async function signOutEverywhere(ctx: DomainContext, userId: number): Promise<number> {
  const result = await ctx.env.DB.prepare(`UPDATE user_sessions SET revoked_at = ?2 WHERE user_id = ?1 AND revoked_at IS NULL`)
    .bind(userId, ctx.now)
    .run();
  return result.meta.changes;
}

/** A value for the CSRF header, bound to the session (the page reads it from /api/auth/me). */
export async function csrfToken(sessionToken: string): Promise<string> {
  return (await sha256(`csrf:${sessionToken}`)).slice(0, 32);
}

