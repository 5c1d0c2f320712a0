/**
 * Growth beyond one database: an organisation that outgrows the shared database (or wants
 * its data apart) gets a D1 database of its own. `TENANTS` maps organisation slugs to D1
 * binding names, e.g. `TENANTS = "stadt-koeln=DB_KOELN, kreis-mettmann=DB_METTMANN"` with a
 * `[[d1_databases]]` entry for each binding; every organisation not named lives in `DB`.
 * Several organisations may share one binding. Each database holds the whole schema (the
 * same migrations) and only the data of its organisations, their staff included.
 *
 * Everything the Worker does runs against one database at a time: a request against the
 * database it belongs to (http/tenant.ts finds it), a queue message against the database of
 * its outbox row (the message names it), the scheduled jobs once per database. The code
 * below `env.DB` does not know about tenants at all.
 */
import type { Env } from "../env";

export const DEFAULT_DATABASE = "DB";

/** TENANTS as organisation slug → binding name (empty when unset). */
export function tenantMap(env: Pick<Env, "TENANTS">): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of (env.TENANTS ?? "").split(",")) {
    const match = /^\s*([a-z0-9][a-z0-9-]*)\s*=\s*([A-Z][A-Z0-9_]*)\s*$/.exec(part);
    if (match) map.set(match[1]!, match[2]!);
    else if (part.trim()) throw new Error(`TENANTS: "${part.trim()}" is not organisation-slug=BINDING`);
  }
  return map;
}

/** The binding name that holds organisation `slug`. */
export function databaseOfOrganisation(env: Pick<Env, "TENANTS">, slug: string): string {
  return tenantMap(env).get(slug) ?? DEFAULT_DATABASE;
}

/** Every database of the deployment: `DB` first, then each tenant binding once, in the order of TENANTS. */
export function databaseNames(env: Pick<Env, "TENANTS">): string[] {
  return [...new Set([DEFAULT_DATABASE, ...tenantMap(env).values()])];
}

/** Is more than the default database configured? */
export function hasTenants(env: Pick<Env, "TENANTS">): boolean {
  return databaseNames(env).length > 1;
}

/** The D1 binding `name`; a name that is no D1 binding is a configuration error, never a silent fall-back. */
export function databaseBinding(env: Env, name: string): D1Database {
  // `DB` itself may stand for a tenant's database in this environment: the default is kept apart.
  if (name === DEFAULT_DATABASE && (env.DB_NAME ?? DEFAULT_DATABASE) !== DEFAULT_DATABASE) {
    if (!env.DB_DEFAULT) throw new Error("the default database is not known in this environment");
    return env.DB_DEFAULT;
  }
  const binding = (env as unknown as Record<string, unknown>)[name] as Partial<D1Database> | undefined;
  if (typeof binding?.prepare !== "function" || typeof binding.batch !== "function") {
    throw new Error(`TENANTS names ${name}, which is not a D1 binding of this Worker (wrangler.toml [[d1_databases]])`);
  }
  return binding as D1Database;
}

/** The environment of the database `name`: `env.DB` is that database. */
export function withDatabase(env: Env, name: string): Env {
  const current = env.DB_NAME ?? DEFAULT_DATABASE;
  if (current === name) return env;
  return { ...env, DB: databaseBinding(env, name), DB_NAME: name, DB_DEFAULT: current === DEFAULT_DATABASE ? env.DB : env.DB_DEFAULT };
}

/** `task` once per database, in parallel; the request's own database keeps its session and meter. */
export function forEachDatabase<T>(env: Env, task: (env: Env, name: string) => Promise<T>): Promise<T[]> {
  return Promise.all(databaseNames(env).map((name) => task(withDatabase(env, name), name)));
}
