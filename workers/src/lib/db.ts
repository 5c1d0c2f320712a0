import { drizzle } from "drizzle-orm/d1";
import * as schema from "../../../db/schema";

/** A drizzle handle on the request's D1 binding; never a module global. */
export function database(d1: D1Database) {
  return drizzle(d1, { schema });
}
export type Database = ReturnType<typeof database>;
