/**
 * Two quiet bot checks on the registration form, invisible to people:
 * - a honeypot field `website`, hidden from people and from assistive technology
 *   (the page hides it with `hidden`/`aria-hidden`, `tabindex="-1"` and `autocomplete="off"`),
 *   that only form-filling scripts fill in;
 * - a minimum fill time: `formStartedAt` (epoch ms, when the page showed the form) less than
 *   2 seconds before the submission. Nobody reads and fills the form that fast.
 *
 * The checks run after validation: a person who sends an incomplete form quickly gets the
 * real errors; only a complete form with a bot sign is answered as below.
 *
 * A caught bot gets exactly the answer of a successful registration whose address must be
 * checked ("check_email", 201) and nothing is stored or sent: a bot that is told it failed
 * tries again differently, one that is told it succeeded moves on. A person hit by mistake
 * (no email arrives) simply registers again. Both checks are optional: a request without
 * the fields (an API client, an old page) is not a bot for them.
 */
import type { RegistrationResponse } from "../../api-types";

export const MIN_FILL_MS = 2000;

/** The minimum fill time: MIN_FORM_FILL_MS where set (0 turns it off, e.g. for browser tests), else 2 s. */
export function minFillMs(env: { MIN_FORM_FILL_MS?: string }): number {
  const configured = Number(env.MIN_FORM_FILL_MS);
  return env.MIN_FORM_FILL_MS !== undefined && Number.isFinite(configured) && configured >= 0 ? configured : MIN_FILL_MS;
}

/** True when a registration body shows one of the bot signs. */
export function looksLikeBot(body: unknown, now: number, minimumFillMs = MIN_FILL_MS): boolean {
  if (typeof body !== "object" || body === null) return false;
  const { website, formStartedAt } = body as { website?: unknown; formStartedAt?: unknown };
  if (website !== undefined && website !== null && website !== "") return true;
  if (typeof formStartedAt === "number" && Number.isFinite(formStartedAt)) {
    const elapsed = now - formStartedAt;
    // A start in the future is a clock that runs ahead, not a bot: only 0 ≤ elapsed < 2 s counts.
    if (elapsed >= 0 && elapsed < minimumFillMs) return true;
  }
  return false;
}

/** The answer a bot gets: the same as a real "check your email". */
export function botAnswer(body: unknown): RegistrationResponse {
  const places = (body as { places?: unknown } | null)?.places;
  return {
    registration: {
      status: "check_email",
      places: typeof places === "number" && Number.isInteger(places) && places >= 1 ? places : 1,
      waitlistPosition: null,
    },
  };
}
