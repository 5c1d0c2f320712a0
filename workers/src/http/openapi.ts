/**
 * The OpenAPI document, generated from the routes themselves (GET /api/openapi.json).
 *
 * A route documents itself through the middleware it runs: `access(rule)` (http/access.ts)
 * enforces who may call it and records that rule as `x-access`; `jsonBody(schema)` and
 * `queryParams(schema)` (http/request.ts) validate with the one wrapper (lib/validation.ts)
 * and record the very same zod schema; `describe({...})` adds the summary and the response
 * schemas. Each of them carries its part of the operation under a symbol, and
 * `openApiDocument(app.routes)` walks Hono's route table, merges the parts of each route and
 * renders the zod schemas with `z.toJSONSchema` (it renders zod/mini; inputs as clients send
 * them, responses as the Worker produces them). Nothing here is written twice, so the
 * document cannot drift from what the routes enforce.
 *
 * Why not hono-openapi: its resolver reaches zod through `import("zod/v4/core")`, which pulls
 * the whole of zod core with every locale into the Worker (+119 KB gzipped measured, against
 * +10 KB for `z.toJSONSchema` alone), and its validator answers with its own errors instead of
 * ours. The registry below is the part of it this project needs.
 */
import type { MiddlewareHandler } from "hono";
import * as z from "zod/mini";

/** Who may call an operation (`x-access`); http/access.ts enforces each of them. */
export type AccessRule =
  | "public"
  | "participant"
  | "staff"
  | "organiser"
  | "admin"
  | "event:manage"
  | "event:checkin"
  | "registration:manage"
  | "pool:manage"
  | "organisation:manage";

type Schema = z.ZodMiniType;
/** A JSON response (a schema), another content type (CSV, PDF, iCalendar, HTML, images), or none (304). */
export type ResponseDoc = Schema | { type?: string; description: string; schema?: Schema };
export type ParameterDoc = { description?: string; required?: boolean; schema: Schema };

export type OperationDoc = {
  summary?: string;
  description?: string;
  tags?: string[];
  access?: AccessRule;
  /** True where the console session (cookie, and the CSRF header on writes) is needed. */
  session?: boolean;
  params?: Record<string, ParameterDoc>;
  headers?: Record<string, ParameterDoc>;
  query?: Schema;
  body?: { schema: Schema; required: boolean; examples: unknown[]; type?: string };
  responses?: Record<number, ResponseDoc>;
  /** Error statuses this part can answer, with why. */
  errors?: Record<number, string>;
};

const DOCUMENTATION = Symbol("openapi");
type Documented = { [DOCUMENTATION]?: OperationDoc };

/** Attaches a part of the operation's documentation to a middleware that enforces it. */
export function documented<T extends object>(middleware: T, doc: OperationDoc): T {
  (middleware as Documented)[DOCUMENTATION] = doc;
  return middleware;
}

/** Documentation only: the summary, the responses and what the handler itself checks. */
export function describe(doc: OperationDoc): MiddlewareHandler {
  return documented<MiddlewareHandler>(async (_c, next) => next(), doc);
}

/** Names a schema: it becomes `#/components/schemas/<name>`, referenced wherever it is used. */
export function named<S extends Schema>(name: string, schema: S): S {
  NAMES.set(schema, name);
  return schema;
}
const NAMES = new Map<Schema, string>();
const COMPONENTS = "#/components/schemas/";

type RouteEntry = { method: string; path: string; handler: unknown };
export type DocumentedOperation = { method: string; path: string; doc: OperationDoc };

/** `/api/events/:slug` → `/api/events/{slug}` (a parameter's pattern, if any, is dropped). */
export function openApiPath(path: string): string {
  return path.replace(/:(\w+)(\{[^}]*\})?/g, "{$1}");
}

/**
 * The operations of a route table (`app.routes`), each with its parts merged in the order
 * the middleware runs. Only /api/ routes are operations; pages are not part of the API.
 */
export function documentedOperations(routes: readonly RouteEntry[]): DocumentedOperation[] {
  const operations = new Map<string, DocumentedOperation>();
  for (const route of routes) {
    if (route.method === "ALL" || !route.path.startsWith("/api/")) continue;
    const key = `${route.method} ${route.path}`;
    const operation = operations.get(key) ?? { method: route.method, path: route.path, doc: {} };
    operations.set(key, operation);
    const part = (route.handler as Documented)[DOCUMENTATION];
    if (part) operation.doc = merge(operation.doc, part);
  }
  return [...operations.values()];
}

function merge(a: OperationDoc, b: OperationDoc): OperationDoc {
  const errors: Record<number, string> = { ...a.errors };
  for (const [status, why] of Object.entries(b.errors ?? {})) {
    const code = Number(status);
    errors[code] = errors[code] && errors[code] !== why ? `${errors[code]}; ${why}` : why;
  }
  return {
    ...a,
    ...b,
    tags: b.tags ?? a.tags,
    session: a.session || b.session,
    params: { ...a.params, ...b.params },
    headers: { ...a.headers, ...b.headers },
    responses: { ...a.responses, ...b.responses },
    errors,
  };
}

const RESPONSE_TEXT: Record<number, string> = { 200: "OK", 201: "Created", 202: "Accepted" };
type JsonSchema = Record<string, unknown>;

/**
 * Renders zod schemas to JSON Schema (2020-12, as OpenAPI 3.1 uses), one set per direction
 * (requests as clients send them, responses as the Worker produces them). Named schemas
 * become components and every use of them a `$ref`; the others are put back inline.
 */
class SchemaSet {
  private registry = z.registry<{ id: string }>();
  private ids = new Map<Schema, string>();
  private counter = 0;
  constructor(private io: "input" | "output") {
    // Every named schema is known to both sets (a use deep inside another schema must become
    // a $ref); each set keeps only the components its own operations reach.
    for (const [schema, name] of NAMES) this.register(schema, name);
  }

  private register(schema: Schema, id: string): string {
    if (!this.ids.has(schema)) {
      this.ids.set(schema, id);
      this.registry.add(schema, { id });
    }
    return this.ids.get(schema)!;
  }

  /** A reference now; `resolve` renders it, inline or as a component. */
  add(schema: Schema): { $ref: string } {
    const id = this.ids.get(schema) ?? this.register(schema, `${this.prefix}${++this.counter}`);
    return { $ref: `${this.io}:${id}` };
  }

  private get prefix() {
    return `inline-${this.io}-`;
  }

  /** Renders every schema, puts the unnamed ones back inline in `target`, and returns the components it uses. */
  resolve(target: Record<string, unknown>): Record<string, JsonSchema> {
    const { schemas } = z.toJSONSchema(this.registry, {
      io: this.io,
      target: "draft-2020-12",
      unrepresentable: "any",
      uri: (id) => `#/components/schemas/${id}`,
      override: ({ jsonSchema }) => tidy(jsonSchema as JsonSchema),
    });
    const reached = new Set<string>();
    const placeholder = `${this.io}:`;
    // Placeholders (`input:<id>`) in the operations; `#/components/schemas/<id>` only inside this set's own rendered schemas.
    const inline = (value: unknown, own: boolean): unknown => {
      if (Array.isArray(value)) return value.map((v) => inline(v, own));
      if (!value || typeof value !== "object") return value;
      const ref = (value as { $ref?: unknown }).$ref;
      const id = typeof ref !== "string" ? null : ref.startsWith(placeholder) ? ref.slice(placeholder.length) : own && ref.startsWith(COMPONENTS) ? ref.slice(COMPONENTS.length) : null;
      if (id !== null && id in schemas) {
        if (id.startsWith(this.prefix)) return inline(schemas[id], true);
        if (!reached.has(id)) {
          reached.add(id);
          rendered.set(id, inline(schemas[id], true) as JsonSchema);
        }
        return { $ref: `${COMPONENTS}${id}` };
      }
      return Object.fromEntries(Object.entries(value).filter(([k]) => k !== "$schema" && k !== "$id").map(([k, v]) => [k, inline(v, own)]));
    };
    const rendered = new Map<string, JsonSchema>();
    for (const [key, value] of Object.entries(target)) target[key] = inline(value, false);
    return Object.fromEntries(rendered);
  }
}

/** Drops what says nothing to a client: `$schema`, and the safe-integer bounds of every integer. */
function tidy(schema: JsonSchema): void {
  delete schema.$schema;
  if (schema.maximum === Number.MAX_SAFE_INTEGER) delete schema.maximum;
  if (schema.minimum === Number.MIN_SAFE_INTEGER) delete schema.minimum;
}

const jsonContent = (schema: unknown) => ({ "application/json": { schema } });
const isOtherContent = (response: ResponseDoc): response is Exclude<ResponseDoc, Schema> => !("_zod" in response);

function operationObject(op: DocumentedOperation, inputs: SchemaSet, outputs: SchemaSet, errorRef: unknown): Record<string, unknown> {
  const { doc } = op;
  const parameters: Record<string, unknown>[] = [];
  for (const [, name] of op.path.matchAll(/:(\w+)/g)) {
    const param = doc.params?.[name!];
    parameters.push({ name, in: "path", required: true, description: param?.description, schema: param ? inputs.add(param.schema) : { type: "string" } });
  }
  if (doc.query) parameters.push({ query: inputs.add(doc.query) });
  for (const [name, header] of Object.entries(doc.headers ?? {})) {
    parameters.push({ name, in: "header", required: header.required ?? false, description: header.description, schema: inputs.add(header.schema) });
  }
  const responses: Record<string, unknown> = {};
  for (const [status, response] of Object.entries(doc.responses ?? {})) {
    const code = Number(status);
    responses[status] = isOtherContent(response)
      ? {
          description: response.description,
          ...(response.type ? { content: { [response.type]: { schema: response.schema ? outputs.add(response.schema) : { type: "string" } } } } : {}),
        }
      : { description: RESPONSE_TEXT[code] ?? "OK", content: jsonContent(outputs.add(response)) };
  }
  for (const [status, why] of Object.entries(doc.errors ?? {})) responses[status] = { description: why, content: jsonContent(errorRef) };
  const body = doc.body;
  return {
    summary: doc.summary,
    description: doc.description,
    tags: doc.tags,
    "x-access": doc.access,
    ...(doc.session ? { security: [{ session: [], csrf: [] }] } : {}),
    parameters,
    ...(body
      ? {
          requestBody: {
            required: body.required,
            content: { [body.type ?? "application/json"]: { schema: inputs.add(body.schema), ...(body.examples.length ? { example: body.examples[0] } : {}) } },
          },
        }
      : {}),
    responses,
  };
}

/** A query schema's properties as one parameter each (OpenAPI has no "object in the query"). */
function expandQuery(parameters: Record<string, unknown>[]): Record<string, unknown>[] {
  return parameters.flatMap((p) => {
    if (!("query" in p)) return [p];
    const schema = p.query as { properties?: Record<string, JsonSchema>; required?: string[] };
    return Object.entries(schema.properties ?? {}).map(([name, property]) => {
      const { description, ...rest } = property;
      return { name, in: "query", required: schema.required?.includes(name) ?? false, description, schema: rest };
    });
  });
}

/** Drops undefined members, so the document is plain JSON without empty keys. */
function compact<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** The OpenAPI 3.1 document of a route table. */
export function openApiDocument(routes: readonly RouteEntry[], info: { title: string; version: string; description: string }, components: { errorSchema: Schema }) {
  named("Error", components.errorSchema);
  const inputs = new SchemaSet("input");
  const outputs = new SchemaSet("output");
  const errorRef = outputs.add(components.errorSchema);
  const paths: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const op of documentedOperations(routes)) {
    (paths[openApiPath(op.path)] ??= {})[op.method.toLowerCase()] = operationObject(op, inputs, outputs, errorRef);
  }
  const schemas = { ...inputs.resolve(paths), ...outputs.resolve(paths) };
  for (const item of Object.values(paths)) {
    for (const operation of Object.values(item)) operation.parameters = expandQuery(operation.parameters as Record<string, unknown>[]);
  }
  return compact({
    openapi: "3.1.0",
    info,
    paths,
    components: {
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "zusammen_session", description: "Console session (POST /api/auth/verify)" },
        csrf: { type: "apiKey", in: "header", name: "X-CSRF-Token", description: "csrfToken from GET /api/auth/me; required on POST, PUT, PATCH and DELETE" },
      },
      schemas,
    },
  });
}
