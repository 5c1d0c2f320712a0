/**
 * The OpenAPI document as the route walks use it: its operations, values for their path
 * placeholders, and a JSON Schema validator (@cfworker/json-schema, which runs in workerd)
 * for its request and response schemas.
 */
import { SELF } from "cloudflare:test";
import { Validator, type OutputUnit } from "@cfworker/json-schema";

export type JsonSchema = Record<string, unknown>;
export type Operation = {
  summary?: string;
  tags?: string[];
  "x-access"?: string;
  security?: unknown[];
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: JsonSchema }[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema; example?: unknown }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: JsonSchema }> }>;
};
export type Document = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, JsonSchema> } };
export type WalkedOperation = { method: string; path: string; access: string; op: Operation };

export const METHODS = ["get", "post", "put", "patch", "delete"];
/** Every rule http/access.ts knows. */
export const ACCESS_RULES = ["public", "participant", "staff", "organiser", "admin", "event:manage", "event:checkin", "registration:manage", "pool:manage", "organisation:manage"];

export async function loadDocument(): Promise<Document> {
  const response = await SELF.fetch("https://zusammen.test/api/openapi.json");
  if (response.status !== 200) throw new Error(`GET /api/openapi.json answered ${response.status}`);
  return (await response.json()) as Document;
}

/** Every operation of the document (method upper case, path with `{placeholders}`). */
export function operationsOf(doc: Document): WalkedOperation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, op]) => ({ method: method.toUpperCase(), path, access: op["x-access"] ?? "(missing)", op })),
  );
}

/** The names of a path's `{placeholders}`. */
export function placeholders(path: string): string[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
}

/** Fills `{name}` from `values`; a placeholder without a value is an error in the test, not a skipped route. */
export function fill(path: string, values: Record<string, string | number>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`no test value for {${name}} in ${path}: add one to the walk`);
    return encodeURIComponent(String(values[name]));
  });
}

/** Required query parameters as `?name={name}`, filled like path placeholders. */
export function withRequiredQuery(op: WalkedOperation): string {
  const query = (op.op.parameters ?? []).filter((p) => p.in === "query" && p.required).map((p) => `${p.name}={${p.name}}`);
  return query.length ? `${op.path}?${query.join("&")}` : op.path;
}

/** The documented example body of an operation (a valid request), if it has one. */
export function exampleBody(op: Operation): unknown {
  return op.requestBody?.content?.["application/json"]?.example;
}

const BASE = "https://zusammen.test/schemas/";

function absolute(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(absolute);
  if (!value || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [key, key === "$ref" && typeof v === "string" && v.startsWith("#/components/schemas/") ? BASE + v.slice(21) : absolute(v)]),
  );
}

/** A validator for one schema of the document, with its components resolvable. */
export function validatorFor(doc: Document, schema: JsonSchema): (value: unknown) => { valid: boolean; errors: OutputUnit[] } {
  const validator = new Validator(absolute(schema) as JsonSchema, "2020-12", false);
  for (const [name, component] of Object.entries(doc.components.schemas)) validator.addSchema(absolute(component) as JsonSchema, BASE + name);
  return (value) => validator.validate(value);
}

/** Why a value does not fit a schema, short enough for an assertion message. */
export function explain(errors: OutputUnit[]): string {
  return errors
    .slice(-6)
    .map((e) => `${e.instanceLocation}: ${e.error}`)
    .join("; ");
}

/** The schema of a JSON response, or null when the status is not documented as JSON. */
export function responseSchema(op: Operation, status: number): JsonSchema | null {
  return op.responses?.[String(status)]?.content?.["application/json"]?.schema ?? null;
}
