/**
 * Counting what a request asks of D1: round trips (each `batch`, `first`, `all`, `run`, `raw`
 * or `exec` is one) and the database's busy time, the sum of each statement's
 * `meta.duration`. The busy time sets the ceiling of one database: D1 runs one statement at
 * a time, so 1,000 ms ÷ busy time per registration is registrations per second.
 *
 * `first` and `raw` answer without `meta`, so their time is not known: they are counted as
 * round trips and as `unmeasured` statements. The sign-up path uses only batches.
 *
 * The wrapper is a D1Database for the code that uses it; statements it hands out are unwrapped
 * again when they reach `batch`, so D1 sees its own objects.
 */
export type D1Meter = { roundTrips: number; busyMs: number; statements: number; unmeasured: number };

export function newMeter(): D1Meter {
  return { roundTrips: 0, busyMs: 0, statements: 0, unmeasured: 0 };
}

/** What a request runs its queries through: the database itself or one of its sessions. */
export type D1Queryable = Pick<D1Database, "prepare" | "batch">;

class MeteredStatement {
  constructor(
    readonly inner: D1PreparedStatement,
    private readonly meter: D1Meter,
  ) {}

  bind(...values: unknown[]): D1PreparedStatement {
    return new MeteredStatement(this.inner.bind(...values), this.meter) as unknown as D1PreparedStatement;
  }

  private measured<R extends D1Result>(result: R): R {
    this.meter.roundTrips += 1;
    this.meter.statements += 1;
    this.meter.busyMs += result.meta?.duration ?? 0;
    return result;
  }

  private unmeasured(): void {
    this.meter.roundTrips += 1;
    this.meter.statements += 1;
    this.meter.unmeasured += 1;
  }

  async all<T>(): Promise<D1Result<T>> {
    return this.measured(await this.inner.all<T>());
  }

  async run<T>(): Promise<D1Result<T>> {
    return this.measured(await this.inner.run<T>());
  }

  first<T>(column?: string): Promise<T | null> {
    this.unmeasured();
    return column === undefined ? this.inner.first<T>() : this.inner.first<T>(column);
  }

  raw<T>(options?: { columnNames?: boolean }): Promise<unknown> {
    this.unmeasured();
    return options?.columnNames ? this.inner.raw<T>({ columnNames: true }) : this.inner.raw<T>();
  }
}

const unwrap = (statement: D1PreparedStatement): D1PreparedStatement =>
  statement instanceof MeteredStatement ? statement.inner : statement;

class MeteredDatabase {
  constructor(
    private readonly queries: D1Queryable,
    private readonly database: D1Database,
    private readonly meter: D1Meter,
  ) {}

  prepare(query: string): D1PreparedStatement {
    return new MeteredStatement(this.queries.prepare(query), this.meter) as unknown as D1PreparedStatement;
  }

  async batch<T = unknown>(statements: D1PreparedStatement[]): Promise<D1Result<T>[]> {
    const results = await this.queries.batch<T>(statements.map(unwrap));
    this.meter.roundTrips += 1;
    this.meter.statements += results.length;
    for (const result of results) this.meter.busyMs += result.meta?.duration ?? 0;
    return results;
  }

  async exec(query: string): Promise<D1ExecResult> {
    const result = await this.database.exec(query);
    this.meter.roundTrips += 1;
    this.meter.statements += result.count;
    this.meter.busyMs += result.duration;
    return result;
  }

  withSession(constraintOrBookmark?: D1SessionBookmark | D1SessionConstraint): D1DatabaseSession {
    return this.database.withSession(constraintOrBookmark);
  }

  dump(): Promise<ArrayBuffer> {
    return this.database.dump();
  }
}

/** `database` (queried through `queries`, e.g. one of its sessions), counting into `meter`. */
export function meteredDatabase(database: D1Database, meter: D1Meter, queries: D1Queryable = database): D1Database {
  return new MeteredDatabase(queries, database, meter) as unknown as D1Database;
}

/** The meter as a Server-Timing entry: `d1;dur=<busy ms>;desc="<round trips> round trips, <statements> statements"`. */
export function serverTiming(meter: D1Meter): string {
  const unmeasured = meter.unmeasured > 0 ? `, ${meter.unmeasured} unmeasured` : "";
  return `d1;dur=${meter.busyMs.toFixed(3)};desc="${meter.roundTrips} round trips, ${meter.statements} statements${unmeasured}"`;
}
