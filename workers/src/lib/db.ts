import { drizzle } from "drizzle-orm/d1";
import * as schema from "../../../db/schema";

/** A drizzle handle on the request's D1 binding; never a module global. */
export function database(d1: D1Database) {
  return drizzle(d1, { schema });
}
export type Database = ReturnType<typeof database>;

/** The binding name of the request's database ("DB" unless the tenant routing chose another). */
export function databaseName(env: { DB_NAME?: string }): string {
  return env.DB_NAME ?? "DB";
}
