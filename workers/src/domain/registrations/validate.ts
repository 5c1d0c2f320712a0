/**
 * What a registration request must look like. The shape is checked by zod; the answers
 * are checked against the event's own questions. Names and emails may not contain line
 * breaks or other control characters (they end up in email headers), and a name needs
 * letters (lib/validation.ts has the field rules, shared with what organisers enter).
 */
import * as z from "zod/mini";
import { LOCALES, STAND_NEEDS, type Question } from "../../../../db/schema";
import { ValidationError, type FieldProblem } from "../../lib/errors";
import { fieldProblems, multiLineText, nameText } from "../../lib/validation";

const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;
const optionalText = (max: number) => z.optional(multiLineText(max, { optional: true }));

export const MAX_ANSWER_LENGTH = 2000;

export const registrationRequestSchema = z.strictObject({
  name: nameText(200),
  email: z.string().check(
    z.trim(),
    z.maxLength(254),
    z.refine((value) => !CONTROL_CHARACTERS.test(value), { params: { key: "field.line_break" } }),
    z.email(),
  ),
  locale: z.enum(LOCALES),
  places: z.optional(z.int().check(z.minimum(1))),
  answers: z.optional(
    z.record(
      z.string().check(z.maxLength(64)),
      z.union([z.string().check(z.maxLength(MAX_ANSWER_LENGTH)), z.number(), z.boolean(), z.array(z.string().check(z.maxLength(200))).check(z.maxLength(50))]),
    ),
  ),
  needs: z.optional(
    z.strictObject({
      interpreter: optionalText(100),
      childcare: z.optional(
        z.strictObject({ children: z.int().check(z.minimum(0), z.maximum(20)), ages: optionalText(200) }),
      ),
      accessibility: optionalText(1000),
    }),
  ),
  /** Households: how many of the places are for children (where the event counts them). */
  children: z.optional(z.int().check(z.minimum(0))),
  /** Conferences: one workshop per parallel slot, optionally a second choice held meanwhile. */
  workshops: z.optional(
    z
      .array(z.strictObject({ slot: z.string().check(z.maxLength(64)), first: z.string().check(z.maxLength(64)), second: z.optional(z.string().check(z.maxLength(64))) }))
      .check(z.maxLength(10)),
  ),
  /** Fairs: apply for a stand (a registration type) instead of visiting. */
  registrationType: z.optional(z.string().check(z.maxLength(64))),
  exhibitor: z.optional(
    z.strictObject({
      organisation: nameText(200),
      description: multiLineText(1000),
      contact: optionalText(200),
      needs: z.optional(z.array(z.enum(STAND_NEEDS)).check(z.maxLength(3))),
    }),
  ),
  consent: z.literal(true),
  /** Bot checks and Turnstile (domain/abuse): read by the form guard before validation, ignored here. */
  website: z.optional(z.string().check(z.maxLength(200))),
  formStartedAt: z.optional(z.number()),
  turnstileToken: z.optional(z.string().check(z.maxLength(2048))),
});

export type RegistrationInput = z.infer<typeof registrationRequestSchema>;
export type Answers = NonNullable<RegistrationInput["answers"]>;

function isEmpty(value: unknown): boolean {
  return value === undefined || value === "" || value === false || (Array.isArray(value) && value.length === 0);
}

function checkAnswer(question: Question, value: unknown): FieldProblem | null {
  if (isEmpty(value)) return question.required ? { key: "field.required" } : null;
  const optionIds = new Set((question.options ?? []).map((option) => option.id));
  switch (question.type) {
    case "short_text":
      if (typeof value !== "string") return { key: "field.invalid_type" };
      if (value.length > 200) return { key: "field.too_long", params: { max: 200 } };
      return CONTROL_CHARACTERS.test(value) ? { key: "field.line_break" } : null;
    case "long_text":
      return typeof value === "string" ? null : { key: "field.invalid_type" };
    case "number":
      return typeof value === "number" && Number.isFinite(value) ? null : { key: "field.number" };
    case "checkbox":
      return typeof value === "boolean" ? null : { key: "field.invalid_type" };
    case "single_choice":
      if (typeof value !== "string") return { key: "field.invalid_type" };
      return optionIds.has(value) ? null : { key: "field.unknown_option" };
    case "multiple_choice":
      if (!Array.isArray(value)) return { key: "field.invalid_type" };
      return value.every((id) => optionIds.has(id)) ? null : { key: "field.unknown_option" };
  }
}

/**
 * Validates a registration body for an event; throws a ValidationError naming every bad
 * field (shape, places beyond the household limit, unknown or invalid answers).
 */
/** What validation needs to know about the event. */
export type EventRules = {
  questions: Question[];
  maxPlacesPerRegistration: number;
  countChildren?: boolean;
  /** Workshop pools by slot: slot → pool keys. */
  workshopSlots?: Map<string, Set<string>>;
  /** Registration-type pool keys (e.g. exhibitor stands). */
  registrationTypes?: Set<string>;
};

export function validateRegistration(body: unknown, event: EventRules): RegistrationInput & { places: number; answers: Answers } {
  const parsed = registrationRequestSchema.safeParse(body);
  const fields: Record<string, FieldProblem> = parsed.success ? {} : fieldProblems(parsed.error, body);
  if (fields.consent) fields.consent = { key: "field.consent" };
  if (fields.locale && fields.locale.key !== "field.required") fields.locale = { key: "field.locale" };

  // The event's own rules are checked even when the shape is wrong, so every bad field is named at once.
  const raw = (typeof body === "object" && body !== null ? body : {}) as { places?: unknown; answers?: unknown; registrationType?: unknown };
  // The event's own questions are for its participants; a stand application brings its own details.
  const questions = raw.registrationType === undefined ? event.questions : [];
  if (Number.isInteger(raw.places) && (raw.places as number) > event.maxPlacesPerRegistration) {
    fields.places = { key: "field.places_max", params: { max: event.maxPlacesPerRegistration } };
  }
  const answers = raw.answers ?? {};
  if (typeof answers === "object" && answers !== null && !Array.isArray(answers)) {
    const given = answers as Record<string, unknown>;
    const byId = new Map(questions.map((question) => [question.id, question]));
    for (const id of Object.keys(given)) {
      if (!byId.has(id)) fields[`answers.${id}`] = { key: "field.unknown_question" };
    }
    for (const question of questions) {
      const problem = checkAnswer(question, given[question.id]);
      if (problem) fields[`answers.${question.id}`] ??= problem;
    }
  }

  if (parsed.success) {
    const input = parsed.data;
    const places = input.places ?? 1;
    if (input.children !== undefined && (!event.countChildren || input.children > places))
      fields.children = { key: "field.number_max", params: { max: event.countChildren ? places : 0 } };
    const seen = new Set<string>();
    (input.workshops ?? []).forEach((choice, i) => {
      const keys = event.workshopSlots?.get(choice.slot);
      if (!keys || seen.has(choice.slot)) fields[`workshops.${i}.slot`] = { key: "field.unknown_option" };
      else {
        if (!keys.has(choice.first)) fields[`workshops.${i}.first`] = { key: "field.unknown_option" };
        if (choice.second !== undefined && (!keys.has(choice.second) || choice.second === choice.first))
          fields[`workshops.${i}.second`] = { key: "field.unknown_option" };
      }
      seen.add(choice.slot);
    });
    if (input.registrationType !== undefined) {
      if (!event.registrationTypes?.has(input.registrationType)) fields.registrationType = { key: "field.unknown_option" };
      else if (!input.exhibitor) fields["exhibitor.organisation"] = { key: "field.required" };
      if (input.workshops?.length) fields.workshops = { key: "field.unknown_field" };
    } else if (input.exhibitor) fields.exhibitor = { key: "field.unknown_field" };
  }

  if (parsed.success && Object.keys(fields).length === 0) {
    return { ...parsed.data, places: parsed.data.places ?? 1, answers: parsed.data.answers ?? {} };
  }
  throw new ValidationError(fields);
}
