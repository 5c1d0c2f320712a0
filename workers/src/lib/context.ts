import type { Env } from "../env";

/** What every domain verb needs: bindings, the time it acts at, and a way to finish work after the answer. */
export type DomainContext = {
  env: Env;
  now: number;
  waitUntil(promise: Promise<unknown>): void;
};
