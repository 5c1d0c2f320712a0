import { drizzle } from "drizzle-orm/d1";
import type { StoredOrganisation } from "../../../db/rows";
import * as schema from "../../../db/schema";
import { DEFAULT_TIME_ZONE } from "./time-zone";

/** A drizzle handle on the request's D1 binding; never a module global. */
export function database(d1: D1Database) {
  return drizzle(d1, { schema });
}
export type Database = ReturnType<typeof database>;

/** The binding name of the request's database ("DB" unless the tenant routing chose another). */
export function databaseName(env: { DB_NAME?: string }): string {
  return env.DB_NAME ?? "DB";
}

/** The time zone an organisation's wall times are in (organisations.time_zone); the default once it is gone. */
export async function organisationTimeZone(d1: D1Database, organisationId: number): Promise<string> {
  const row = await d1.prepare(`SELECT time_zone AS zone FROM organisations WHERE id = ?1`).bind(organisationId).first<{ zone: StoredOrganisation["timeZone"] }>();
  return row?.zone ?? DEFAULT_TIME_ZONE;
}
