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
