/**
 * An idempotency key is bound to the request it came with. The first request stores a keyed
 * hash of what it asked for next to the key; the same key again with the same request is a
 * retry (a double click, an answer lost on the way) and is answered as before; the same key
 * with another request is refused with `idempotency_key_reused` (422), and tells nothing
 * about the registration the key belongs to.
 *
 * What is hashed is the validated request (name, address, language, places, answers,
 * needs, choices, stand), not the bot checks or the Turnstile token, which change with every
 * try of the same person. Keyed (HMAC with TOKEN_SECRET), so the stored hash cannot be
 * matched against guessed addresses; anonymisation removes it with the key.
 */
import type { Env } from "../../env";
import { DomainError } from "../../lib/errors";
import { constantTimeEqual, keyedHash } from "../../lib/tokens";
import type { RegistrationInput } from "./validate";

/** The parts of a registration body that say what is asked for. */
type Request = Omit<RegistrationInput, "website" | "formStartedAt" | "turnstileToken">;

export async function requestHash(env: Env, slug: string, input: RegistrationInput): Promise<string> {
  const { website: _website, formStartedAt: _startedAt, turnstileToken: _token, ...request } = input;
  return keyedHash(env, `idempotency:${slug}:${JSON.stringify(request satisfies Request)}`);
}

/** Does a stored hash (null for keys stored before hashes were) belong to this request? */
export function sameRequest(stored: string | null, hash: string): boolean {
  return stored !== null && constantTimeEqual(stored, hash);
}

export class IdempotencyKeyReusedError extends DomainError {
  constructor() {
    super("idempotency_key_reused", 422, "error.idempotency_key_reused");
  }
}
