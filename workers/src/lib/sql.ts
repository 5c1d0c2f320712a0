/**
 * SQL fragments that carry their own parameters, for conditions that one module writes and
 * another module's statement embeds (e.g. the rate limits and the event's version stamp
 * inside the guarded insert of a registration). D1 takes numbered parameters (?1, ?2, …):
 * a fragment is written with its own ?1… and renumbered where it is placed.
 */
export type SqlPart = { sql: string; params: unknown[] };

/** The part with its parameters renumbered to follow `offset` parameters of the statement it goes into. */
export function shifted(part: SqlPart, offset: number): SqlPart {
  return { sql: part.sql.replace(/\?(\d+)/g, (_, n: string) => `?${Number(n) + offset}`), params: part.params };
}

/** The parts joined with `separator` (" AND " for conditions, ", " for columns), parameters renumbered in order. */
export function joined(parts: SqlPart[], separator: string): SqlPart {
  const sql: string[] = [];
  const params: unknown[] = [];
  for (const part of parts) {
    const placed = shifted(part, params.length);
    sql.push(placed.sql);
    params.push(...placed.params);
  }
  return { sql: sql.join(separator), params };
}

/** All conditions at once (true for none). */
export function allOf(...conditions: SqlPart[]): SqlPart {
  return conditions.length === 0 ? { sql: "1 = 1", params: [] } : joined(conditions.map((c) => ({ sql: `(${c.sql})`, params: c.params })), " AND ");
}

/** A statement from a part. */
export function prepared(db: D1Database, part: SqlPart): D1PreparedStatement {
  return db.prepare(part.sql).bind(...part.params);
}

/** A text as an SQL string literal (quotes doubled), for values the server made itself, e.g. a hash. */
export function sqlText(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
