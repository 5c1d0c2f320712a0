/**
 * Editing a registration on the participant's behalf (after, say, a phone call): name,
 * email, places, answers, needs or language. Places follow the capacity rules of
 * ../../places: more places only if they fit (inside the one guarded UPDATE), fewer places
 * serve the waitlist (commitPlaceChange).
 */
import type { StoredEvent, StoredRegistration } from "../../../../../db/rows";
import type { RegistrationEditInput } from "../../../console-types";
import { ConflictError, DomainError, NotFoundError, ValidationError, type FieldProblem } from "../../../lib/errors";
import { newManageToken } from "../../../lib/tokens";
import { Change, type Actor, type DomainContext } from "../../change";
import { placesChangeFitsSql } from "../../places/capacity";
import { commitPlaceChange, stateOf } from "../../places/commit";
import { isLive, LIVE_SQL } from "../../places/statuses";
import { normalizeEmail } from "../../../lib/email";
import { validateRegistration } from "../../registrations/validate";
import { needsFacts, participantKey } from "../../statistics/facts";

type EditedRow = Pick<StoredRegistration, "status" | "places" | "name" | "email" | "emailNormalized" | "locale" | "poolId" | "parentId" | "answers" | "needs"> &
  Pick<StoredEvent, "questions"> & { maxPlaces: StoredEvent["maxPlacesPerRegistration"]; liveChoices: number };

/**
 * Changes name, email, places, answers, needs or language after, say, a phone call. The
 * answers and places follow the event's rules as on the public form; more places are taken
 * only if they fit (one guarded UPDATE). A new email address gets a new manage link, so the
 * old address (perhaps a typo reaching a stranger) can no longer act on it. The participant
 * is told with `updated_by_organiser`; fewer places serve the waitlist.
 */
export async function editRegistration(ctx: DomainContext, actor: Actor, registrationId: number, requested: RegistrationEditInput): Promise<void> {
  const db = ctx.env.DB;
  const current = await db
    .prepare(
      `SELECT r.status, r.places, r.name, r.email, r.email_normalized AS emailNormalized, r.locale, r.pool_id AS poolId,
              r.parent_id AS parentId, r.answers, r.needs, e.questions, e.max_places_per_registration AS maxPlaces,
              (SELECT COUNT(*) FROM registrations c WHERE c.parent_id = r.id AND c.status IN ${LIVE_SQL}) AS liveChoices
       FROM registrations r JOIN events e ON e.id = r.event_id WHERE r.id = ?1`,
    )
    .bind(registrationId)
    .first<EditedRow>();
  if (!current) throw new NotFoundError("error.registration_not_found");
  // A workshop choice carries its day registration's person: edit that one.
  if (current.parentId !== null || !isLive(current.status)) throw new ConflictError("invalid_state", "error.invalid_state");

  // The console form sends every field; only what differs is a change (and is emailed).
  const before: Record<keyof RegistrationEditInput, string> = {
    name: current.name,
    email: current.email,
    places: String(current.places),
    answers: canonicalJson(JSON.parse(current.answers)),
    needs: canonicalJson(JSON.parse(current.needs)),
    locale: current.locale,
  };
  const changedFields = (Object.keys(requested) as (keyof RegistrationEditInput)[]).filter((key) => {
    const value = requested[key];
    if (value === undefined) return false;
    const text = typeof value === "object" ? canonicalJson(value) : key === "email" ? String(value).trim() : String(value);
    return text !== before[key];
  });
  if (changedFields.length === 0) return;
  const changes: RegistrationEditInput = Object.fromEntries(changedFields.map((key) => [key, requested[key]]));
  checkAgainstEvent(changes, { questions: JSON.parse(current.questions), maxPlacesPerRegistration: current.maxPlaces });
  // Workshop choices take as many places as their day registration, in pools of their own.
  if (changes.places !== undefined && current.liveChoices > 0) throw new ConflictError("has_workshop_choices", "error.invalid_state");
  const input = changes;

  const newEmail = input.email !== undefined && normalizeEmail(input.email) !== current.emailNormalized ? input.email.trim() : null;
  const token = newEmail ? await newManageToken(ctx.env, normalizeEmail(newEmail)) : null;
  // The statistics facts follow a new address or new needs (../../statistics/facts.ts).
  const key = newEmail ? await participantKey(ctx.env, newEmail, normalizeEmail(newEmail)) : null;
  const needs = input.needs !== undefined ? needsFacts(input.needs) : null;
  const change = new Change(ctx, actor);
  const write = db
    .prepare(
      `UPDATE registrations SET
         name = COALESCE(?4, name), email = COALESCE(?5, email), email_normalized = COALESCE(?6, email_normalized),
         locale = COALESCE(?7, locale), answers = COALESCE(?8, answers), needs = COALESCE(?9, needs),
         places = COALESCE(?10, places), children = MIN(children, COALESCE(?10, places)), token_nonce = COALESCE(?11, token_nonce), manage_token_hash = COALESCE(?12, manage_token_hash),
         stat_participant_key = COALESCE(?13, stat_participant_key),
         stat_interpreter = CASE WHEN ?14 = 1 THEN ?15 ELSE stat_interpreter END,
         stat_childcare_children = COALESCE(?16, stat_childcare_children), stat_accessibility = COALESCE(?17, stat_accessibility),
         change_id = ?1, updated_at = ?2
       WHERE id = ?3 AND status IN ${LIVE_SQL}
         -- More places for a registration that holds places: only if they fit now.
         AND ${placesChangeFitsSql("COALESCE(?10, places)")}`,
    )
    .bind(
      change.id,
      ctx.now,
      registrationId,
      input.name ?? null,
      input.email !== undefined ? input.email.trim() : null,
      input.email !== undefined ? normalizeEmail(input.email) : null,
      input.locale ?? null,
      input.answers !== undefined ? JSON.stringify(input.answers) : null,
      input.needs !== undefined ? JSON.stringify(input.needs) : null,
      input.places ?? null,
      token?.nonce ?? null,
      token?.hash ?? null,
      key,
      needs ? 1 : 0,
      needs?.interpreter ?? null,
      needs?.childcareChildren ?? null,
      needs === null ? null : needs.accessibility ? 1 : 0,
    );
  let changed: boolean;
  try {
    ({ changed } = await commitPlaceChange(change, {
      write,
      follow: [
        // Workshop choices carry copies of the person's name, address and language.
        db
          .prepare(
            `UPDATE registrations SET name = p.name, email = p.email, email_normalized = p.email_normalized, locale = p.locale, updated_at = ?2
             FROM (SELECT name, email, email_normalized, locale FROM registrations WHERE id = ?1) AS p
             WHERE registrations.parent_id = ?1 AND changes() > 0`,
          )
          .bind(registrationId, ctx.now),
      ],
      audit: change.audit("registration.updated_by_organiser", { fields: changedFields, ...(newEmail ? { newManageLink: true } : {}) }),
      outbox: change.outbox("updated_by_organiser", { changes: changedFields }),
    }));
  } catch (error) {
    // The partial unique index: one live registration per address and event.
    if (String(error).includes("UNIQUE")) {
      throw new ConflictError("email_taken", "error.email_taken");
    }
    throw error;
  }
  if (!changed) {
    if (!isLive((await stateOf(ctx, registrationId)).status)) throw new ConflictError("invalid_state", "error.invalid_state");
    throw new DomainError("event_full", 409, "error.not_enough_places");
  }
}

/** JSON with sorted keys, to compare what the form sent with what is stored. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}

/** Answers and places by the event's own rules, through the same checks as the public form. */
function checkAgainstEvent(input: RegistrationEditInput, event: Parameters<typeof validateRegistration>[1]): void {
  if (input.answers === undefined && input.places === undefined) return;
  const probe = { name: "x", email: "probe@example.org", locale: "de", consent: true, places: input.places ?? 1, answers: input.answers ?? {} };
  try {
    validateRegistration(probe, input.answers === undefined ? { ...event, questions: [] } : event);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const fields: Record<string, FieldProblem> = {};
    for (const [field, problem] of Object.entries(error.fields)) {
      if ((field === "places" && input.places !== undefined) || (field.startsWith("answers") && input.answers !== undefined)) fields[field] = problem;
    }
    if (Object.keys(fields).length > 0) throw new ValidationError(fields);
  }
}
