/**
 * Secrets in links. A manage token is HMAC-SHA256(TOKEN_SECRET, "manage:" + nonce): 256 bits,
 * never stored; the database keeps the nonce and SHA-256(token) for look-up. Deriving the
 * token lets us re-send the same link (a repeated registration) without storing it.
 *
 * A manage link belongs to the address it was sent to: the nonce ends in a keyed hash of that
 * address ("<random>.<address tag>"), and a link whose registration now holds another address
 * opens nothing (domain/registrations/manage-link.ts), whichever code changed the address.
 */
import type { Env } from "../env";
import { DEV_TOKEN_SECRET, isDevMode, missingConfiguration } from "../env";
import { NotConfiguredError } from "./errors";

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

/**
 * The base secret: TOKEN_SECRET, or in development mode (explicit and local) the fixed development
 * one. Anywhere else a missing, short or published secret derives nothing: NotConfiguredError.
 */
function baseSecret(env: Env): string {
  if (isDevMode(env)) return env.TOKEN_SECRET || DEV_TOKEN_SECRET;
  const missing = missingConfiguration(env);
  if (missing.includes("TOKEN_SECRET")) throw new NotConfiguredError(missing);
  return env.TOKEN_SECRET!;
}

/**
 * The secret of the request's database: TOKEN_SECRET for `DB`, and for a tenant's own
 * database (lib/tenants.ts) one derived from it with the binding's name. Signatures over an
 * id (data-access links, check-in codes) and certificate codes are thereby bound to their
 * database: the same id in another database is another registration, and its link is no link there.
 */
function tokenSecret(env: Env): string {
  const name = env.DB_NAME ?? "DB";
  return name === "DB" ? baseSecret(env) : `${baseSecret(env)}\u0000database:${name}`;
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

/** A keyed hash of a normalized address, cut to 128 bits: what a nonce is bound to, without the address. */
async function addressTag(env: Env, emailNormalized: string): Promise<string> {
  return base64url((await hmacBytes(env, `link-address:${emailNormalized}`)).slice(0, 16));
}

/** A new nonce for the link sent to this (normalized) address, with its token and the hash to store. */
export async function newManageToken(env: Env, emailNormalized: string): Promise<{ nonce: string; token: string; hash: string }> {
  const nonce = `${randomId(16)}.${await addressTag(env, emailNormalized)}`;
  const token = await manageToken(env, nonce);
  return { nonce, token, hash: await sha256(token) };
}

/**
 * Whether a manage link made from `nonce` still belongs to the registration's address. Nonces
 * from before the binding carry no tag: every address change so far issued a new one (the
 * console's edit), so they belong to the address the registration holds.
 */
export async function nonceFitsAddress(env: Env, nonce: string, emailNormalized: string): Promise<boolean> {
  const dot = nonce.indexOf(".");
  if (dot < 0) return nonce.length > 0;
  return sameText(nonce.slice(dot + 1), await addressTag(env, emailNormalized));
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

/* ---------- Check-in and certificate codes ---------- */

/** Equal without telling, through timing, how much of it was equal. */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

async function hmacBytes(env: Env, message: string): Promise<Uint8Array> {
  const key = await hmacKey(tokenSecret(env));
  return new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(message)));
}

/**
 * HMAC-SHA256(TOKEN_SECRET, message) as base64url: a keyed hash that cannot be reversed by
 * guessing (rate-limit keys of email addresses) or a signature (data-access links).
 */
export async function keyedHash(env: Env, message: string): Promise<string> {
  return base64url(await hmacBytes(env, message));
}

/** Equal without telling, through timing, how much of it was equal. */
export function constantTimeEqual(a: string, b: string): boolean {
  return sameText(a, b);
}

/**
 * The value in a registration's check-in QR code: "zc1.<registration id>.<signature>", the
 * signature being HMAC-SHA256(TOKEN_SECRET, "checkin:" + id) cut to 128 bits. No personal
 * data; nothing stored; it cannot be forged without the secret, and it is not the manage
 * token (a scanned code changes nothing but the attendance at the door).
 */
export async function checkInCode(env: Env, registrationId: number): Promise<string> {
  const signature = base64url((await hmacBytes(env, `checkin:${registrationId}`)).slice(0, 16));
  return `zc1.${registrationId}.${signature}`;
}

/** The registration id of a genuine check-in code, or null for anything else (forged, mistyped, another QR code). */
export async function readCheckInCode(env: Env, code: string): Promise<number | null> {
  const match = /^zc1\.(\d{1,12})\.([A-Za-z0-9_-]{22})$/.exec(code.trim());
  if (!match) return null;
  const id = Number(match[1]);
  return sameText(await checkInCode(env, id), `zc1.${id}.${match[2]}`) ? id : null;
}

/** Crockford's base 32: no I, L, O, U, so a code read aloud or typed is hard to get wrong. */
const CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const CODE_RANDOM_CHARS = 12; // 60 random bits: not guessable, not enumerable
const CODE_CHECK_CHARS = 4; // 20 bits of HMAC: a mistyped or tampered code fails without a look-up

function base32(bytes: Uint8Array, length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += CODE_ALPHABET[bytes[i]! & 31];
  return out;
}

async function certificateCheck(env: Env, random: string): Promise<string> {
  return base32(await hmacBytes(env, `certificate:${random}`), CODE_CHECK_CHARS);
}

/** A new public certificate code, e.g. "7K3M-Q9XD-2RTB-HW4E": 12 random characters and 4 check characters. */
export async function newCertificateCode(env: Env): Promise<string> {
  const random = base32(crypto.getRandomValues(new Uint8Array(CODE_RANDOM_CHARS)), CODE_RANDOM_CHARS);
  const raw = random + (await certificateCheck(env, random));
  return raw.match(/.{4}/g)!.join("-");
}

/**
 * The canonical form ("XXXX-XXXX-XXXX-XXXX") of a certificate code as someone typed it
 * (any case, with or without dashes, O for 0, I or L for 1), or null when it is not a
 * genuine code: its check characters do not match.
 */
export async function readCertificateCode(env: Env, input: string): Promise<string | null> {
  const raw = input
    .toUpperCase()
    .replace(/[\s-]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  if (raw.length !== CODE_RANDOM_CHARS + CODE_CHECK_CHARS || [...raw].some((ch) => !CODE_ALPHABET.includes(ch))) return null;
  const random = raw.slice(0, CODE_RANDOM_CHARS);
  if (!sameText(await certificateCheck(env, random), raw.slice(CODE_RANDOM_CHARS))) return null;
  return raw.match(/.{4}/g)!.join("-");
}

export function verifyUrl(env: Env, code: string): string {
  return `${env.PUBLIC_URL.replace(/\/$/, "")}/verify/${code}`;
}
