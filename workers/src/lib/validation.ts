/**
 * The one validation wrapper: every bad request fails the same way, naming each bad field
 * with a catalogue key, so the answer can be given in the participant's language.
 */
import type { $ZodIssue } from "zod/v4/core";
import * as z from "zod/mini";
import { ValidationError, type FieldProblem } from "./errors";

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function problemFor(issue: $ZodIssue, input: unknown): FieldProblem {
  switch (issue.code) {
    case "invalid_type":
      return valueAt(input, issue.path) === undefined ? { key: "field.required" } : { key: "field.invalid_type" };
    case "too_big":
      if (issue.origin === "string") return { key: "field.too_long", params: { max: Number(issue.maximum) } };
      return { key: "field.number_max", params: { max: Number(issue.maximum) } };
    case "too_small":
      if (issue.origin === "string") return { key: "field.required" };
      if (issue.path.join(".") === "places") return { key: "field.places_min" };
      return { key: "field.number_min", params: { min: Number(issue.minimum) } };
    case "invalid_format":
      return issue.format === "email" ? { key: "field.email" } : { key: "field.invalid_type" };
    case "invalid_value":
      return { key: "field.invalid_type" };
    case "custom":
      return { key: (issue.params?.key as FieldProblem["key"]) ?? "field.invalid_type" };
    default:
      return { key: "field.invalid_type" };
  }
}

/** Field problems of a failed parse, keyed by dotted path ("needs.childcare.children"). */
export function fieldProblems(error: z.core.$ZodError, input: unknown): Record<string, FieldProblem> {
  const fields: Record<string, FieldProblem> = {};
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) fields[[...issue.path, key].join(".")] ??= { key: "field.unknown_field" };
      continue;
    }
    const path = issue.path.join(".") || "body";
    fields[path] ??= problemFor(issue, input);
  }
  return fields;
}

/** Parses or throws a ValidationError naming every bad field. */
export function parseOrThrow<T extends z.ZodMiniType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError(fieldProblems(result.error, input));
  return result.data;
}

/* ---------- Field rules for text people type ---------- */

/** Line breaks and other control characters (C0, DEL, C1, the Unicode line and paragraph separators). */
const LINE_BREAK_OR_CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
/** Control characters a multi-line text may not hold: all but tab and line feed. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
/** Half of a surrogate pair without the other: not a character, and not storable as UTF-8. */
const LONE_SURROGATE = /\p{Cs}/u;
const LETTER = /\p{L}/u;

/** NFC, so that "é" typed two ways is one name (search, duplicates, certificates). */
const composed = z.overwrite<string>((value: string) => (LONE_SURROGATE.test(value) ? value : value.normalize("NFC")));
const storable = z.refine<string>((value: string) => !LONE_SURROGATE.test(value), { params: { key: "field.invalid_characters" } });

/**
 * One line of text (a title, a place, a label): tabs become spaces, surrounding space goes;
 * line breaks and control characters are refused (they end up in email subjects and headers,
 * CSV cells and PDFs), as are broken characters. Empty is "required" unless `optional`.
 */
export function singleLineText(max: number, { optional = false } = {}) {
  return z.string().check(
    composed,
    z.overwrite((value: string) => value.replace(/\t/g, " ")),
    z.trim(),
    ...(optional ? [] : [z.minLength(1)]),
    z.maxLength(max),
    storable,
    z.refine((value: string) => !LINE_BREAK_OR_CONTROL.test(value), { params: { key: "field.line_break" } }),
  );
}

/**
 * A person's or an organisation's name: one line that holds at least one letter, so a name
 * made of zero-width or other invisible characters, digits or punctuation alone is refused
 * ("a name needs letters"): it would show as nothing in a list, an email or on a certificate.
 */
export function nameText(max: number) {
  return singleLineText(max).check(z.refine((value: string) => value === "" || LETTER.test(value), { params: { key: "field.name_letters" } }));
}

/** Free text over several lines (a description, a reason, a message): CR LF becomes LF; other control characters and broken characters are refused. */
export function multiLineText(max: number, { optional = false } = {}) {
  return z.string().check(
    composed,
    z.overwrite((value: string) => value.replace(/\r\n?/g, "\n")),
    z.trim(),
    ...(optional ? [] : [z.minLength(1)]),
    z.maxLength(max),
    storable,
    z.refine((value: string) => !CONTROL.test(value), { params: { key: "field.invalid_characters" } }),
  );
}
