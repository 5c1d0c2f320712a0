/**
 * Secrets in links. A manage token is HMAC-SHA256(TOKEN_SECRET, "manage:" + nonce): 256 bits,
 * never stored; the database keeps the nonce and SHA-256(token) for look-up. Deriving the
 * token lets us re-send the same link (a repeated registration) without storing it.
 */
import type { Env } from "../env";
import { isDevMode } from "../env";

const encoder = new TextEncoder();

export function base64url(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let binary = "";
  for (const byte of view) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function randomId(bytes = 16): string {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

export async function sha256(value: string): Promise<string> {
  return base64url(await crypto.subtle.digest("SHA-256", encoder.encode(value)));
}

/** A fixed secret for local development and tests only; production refuses to run without its own. */
const DEV_TOKEN_SECRET = "zusammen-local-development-secret-not-for-production";

function tokenSecret(env: Env): string {
  if (env.TOKEN_SECRET) return env.TOKEN_SECRET;
  if (isDevMode(env)) return DEV_TOKEN_SECRET;
  throw new Error("TOKEN_SECRET is not set (wrangler secret put TOKEN_SECRET)");
}

const keyCache = new Map<string, Promise<CryptoKey>>();
function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keyCache.get(secret);
  if (!key) {
    key = crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
    keyCache.set(secret, key);
  }
  return key;
}

/** A link token of a purpose, derived from a stored nonce (so emails can be rendered later without storing it). */
async function derivedToken(env: Env, purpose: "manage" | "sign-in", nonce: string): Promise<string> {
  const key = await hmacKey(tokenSecret(env));
  return base64url(await crypto.subtle.sign("HMAC", key, encoder.encode(`${purpose}:${nonce}`)));
}

export function manageToken(env: Env, nonce: string): Promise<string> {
  return derivedToken(env, "manage", nonce);
}

/** The console sign-in link token; login_tokens keeps only its SHA-256, the outbox row its nonce. */
export function signInToken(env: Env, nonce: string): Promise<string> {
  return derivedToken(env, "sign-in", nonce);
}

/** A new nonce with its token and the hash to store. */
export async function newManageToken(env: Env): Promise<{ nonce: string; token: string; hash: string }> {
  const nonce = randomId(16);
  const token = await manageToken(env, nonce);
  return { nonce, token, hash: await sha256(token) };
}

/** Tokens are 43 base64url characters; anything else cannot be one and needs no look-up. */
export function looksLikeToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}

export function manageUrl(env: Env, token: string): string {
  return `${env.PUBLIC_URL.replace(/\/$/, "")}/manage#${token}`;
}

export function signInUrl(env: Env, token: string): string {
  return `${env.PUBLIC_URL.replace(/\/$/, "")}/console/sign-in#${token}`;
}
