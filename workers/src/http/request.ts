/**
 * Reading a request: a JSON body read strictly, bodies and queries validated by the one
 * validation wrapper (lib/validation.ts) and documented from the same schema, ids from the
 * path, and the domain context of a request.
 */
import type { Context, MiddlewareHandler } from "hono";
import * as z from "zod/mini";
import type { AppBindings } from "../env";
import type { DomainContext } from "../domain/change";
import { DomainError, NotFoundError } from "../lib/errors";
import { parseOrThrow } from "../lib/validation";
import { documented } from "./openapi";

/** Reads a JSON body: the wrong content type is 415, unparsable JSON is 400. An empty body is `{}` when allowed. */
export async function readJson(c: { req: Pick<Context["req"], "text" | "header"> }, { allowEmpty = false } = {}): Promise<unknown> {
  const text = await c.req.text();
  if (allowEmpty && text.trim() === "") return {};
  const type = c.req.header("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new DomainError("unsupported_media_type", 415, "error.unsupported_media_type");
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new DomainError("malformed_json", 400, "error.malformed_json");
  }
}

export function domainContext(c: Pick<Context<AppBindings>, "env" | "executionCtx">): DomainContext {
  return {
    env: c.env,
    now: Date.now(),
    waitUntil: (promise) => c.executionCtx.waitUntil(promise),
  };
}

/** How a body can fail before the handler sees it. */
export const BODY_ERRORS = {
  400: "Malformed JSON",
  413: "Body larger than 64 KB",
  415: "Not application/json",
  422: "Invalid fields, each named in error.fields",
} as const;

type Validated<Target extends "json" | "query", S extends z.ZodMiniType> = {
  in: { [K in Target]: z.input<S> };
  out: { [K in Target]: z.output<S> };
};

/**
 * Validates the JSON body with `schema` (handlers read it with `c.req.valid("json")`) and
 * documents that schema as the request body. `optional`: an empty body counts as `{}`.
 * `examples` are valid bodies: the document shows the first, the tests send them all.
 */
export function jsonBody<S extends z.ZodMiniType>(
  schema: S,
  options: { optional?: boolean; examples?: z.input<S>[] } = {},
): MiddlewareHandler<AppBindings, string, Validated<"json", S>> {
  const middleware: MiddlewareHandler<AppBindings, string, Validated<"json", S>> = async (c, next) => {
    c.req.addValidatedData("json", parseOrThrow(schema, await readJson(c, { allowEmpty: options.optional })) as object);
    await next();
  };
  return documented(middleware, { body: documentedBody(schema, options), errors: BODY_ERRORS });
}

/** The request-body part of the document, for a handler whose domain verb validates the body itself with `schema`. */
export function documentedBody(schema: z.ZodMiniType, options: { optional?: boolean; examples?: unknown[] } = {}) {
  return { schema, required: !options.optional, examples: options.examples ?? [] };
}

/** Validates the query string (each parameter once, as a string) with `schema`; read with `c.req.valid("query")`. */
export function queryParams<S extends z.ZodMiniType>(schema: S): MiddlewareHandler<AppBindings, string, Validated<"query", S>> {
  const middleware: MiddlewareHandler<AppBindings, string, Validated<"query", S>> = async (c, next) => {
    c.req.addValidatedData("query", parseOrThrow(schema, c.req.query()) as object);
    await next();
  };
  return documented(middleware, { query: schema, errors: { 422: "Invalid query parameters, each named in error.fields" } });
}

/** A positive integer id, as documented for every id in a path. */
export const ID_SCHEMA = z.int().check(z.minimum(1));

/** An id from the path; anything else is simply not found. */
export function idParam(value: string | undefined): number {
  const id = Number(value);
  if (!Number.isSafeInteger(id) || id <= 0) throw new NotFoundError();
  return id;
}

/** Documents integer ids in the path that the handler reads with `idParam`. */
export function idParams(descriptions: Record<string, string>) {
  return Object.fromEntries(Object.entries(descriptions).map(([name, description]) => [name, { description, schema: ID_SCHEMA }]));
}
