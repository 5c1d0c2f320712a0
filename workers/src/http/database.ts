/**
 * The database a request works with, set once for the whole request (`c.env.DB`), before
 * any route runs:
 * - which one: the default `DB`, or the database of the organisation the request belongs to
 *   (../lib/tenants.ts);
 * - how it is read: public and participant requests go through a D1 session
 *   (https://developers.cloudflare.com/d1/best-practices/read-replication/). A GET may be
 *   answered by a read replica ("first-unconstrained"), unless the client sends the bookmark
 *   of its last answer (`X-D1-Bookmark`), so a participant reads their own writes; a POST
 *   starts at the primary ("first-primary"), since its guarded writes go there anyway. Every
 *   such answer carries the session's bookmark. The console reads the primary only;
 * - metered: round trips and busy time (../lib/d1-meter.ts), sent as `Server-Timing` in dev
 *   mode (the benchmark reads it; a deployment tells nobody its database timings). The look-up
 *   of the tenant (only where TENANTS is set) comes before and is not counted.
 */
import type { Context, MiddlewareHandler } from "hono";
import { isDevMode, type AppBindings } from "../env";
import { meteredDatabase, newMeter, serverTiming } from "../lib/d1-meter";
import { withDatabase } from "../lib/tenants";
import { databaseOfRequest } from "./tenant";

export const BOOKMARK_HEADER = "X-D1-Bookmark";

/** Requests whose reads may come from a replica: the public programme and participants' own links. */
const SESSION_PATHS = /^\/(api\/(events|registrations|certificates|checkin-qr)(\/|$)|verify\/)/;

/** D1 bookmarks look like `00000000-00000001-00000000-<32 hex>`; anything else is ignored. */
const BOOKMARK = /^([A-Z][A-Z0-9_]{0,63})~([0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{32})$/;

/** The client's bookmark for database `name`, if it sent a well-formed one. */
function clientBookmark(c: Context<AppBindings>, name: string): string | null {
  const match = BOOKMARK.exec(c.req.header(BOOKMARK_HEADER) ?? "");
  return match && match[1] === name ? match[2]! : null;
}

export const requestDatabase: MiddlewareHandler<AppBindings> = async (c, next) => {
  const env = withDatabase(c.env, await databaseOfRequest(c));
  const name = env.DB_NAME ?? "DB";
  const database = env.DB;
  const meter = newMeter();
  const useSession = SESSION_PATHS.test(c.req.path) && typeof database.withSession === "function";
  const read = c.req.method === "GET" || c.req.method === "HEAD";
  const session = useSession ? database.withSession(read ? (clientBookmark(c, name) ?? "first-unconstrained") : "first-primary") : null;
  c.env = { ...env, DB: meteredDatabase(database, meter, session ?? database), DB_NAME: name, DB_DEFAULT: name === "DB" ? database : env.DB_DEFAULT };
  await next();
  const bookmark = session?.getBookmark();
  if (bookmark) c.header(BOOKMARK_HEADER, `${name}~${bookmark}`);
  if (isDevMode(c.env)) c.header("Server-Timing", serverTiming(meter), { append: true });
};
