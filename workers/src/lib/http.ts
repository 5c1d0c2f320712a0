/** Small pieces every route shares: reading a JSON body strictly, and the domain context of a request. */
import type { Context } from "hono";
import type { AppBindings } from "../env";
import type { DomainContext } from "./context";
import { DomainError } from "./errors";

/** Reads a JSON body: the wrong content type is 415, unparsable JSON is 400. An empty body is `{}` when allowed. */
export async function readJson(c: Context<AppBindings>, { allowEmpty = false } = {}): Promise<unknown> {
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

export function domainContext(c: Context<AppBindings>): DomainContext {
  return {
    env: c.env,
    now: Date.now(),
    waitUntil: (promise) => c.executionCtx.waitUntil(promise),
  };
}
