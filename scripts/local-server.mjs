/**
 * Runs the whole product locally as Cloudflare would: the API Worker (static frontend, D1,
 * the mail queue and its consumer, the dev mailbox) and the documents Worker behind its
 * service binding, bundled exactly as `wrangler deploy` bundles them and run by Miniflare
 * in workerd, with the Cron Triggers of wrangler.toml fired at every minute. Used by
 * `npm start`, the browser tests and the benchmarks.
 *
 * Why Miniflare and not `wrangler dev`: `wrangler dev` puts a proxy Worker in front of the
 * Worker, which under ~50 concurrent requests answered some POSTs with 503 "Your worker
 * restarted mid-request" although nothing restarted (workers-sdk issue 14641), and it fires
 * no cron by itself. Miniflare's own entry (the one `wrangler dev` uses behind that proxy)
 * sets `CF-Connecting-IP` and serves the assets the same way; `scripts/bench.mjs` counts the
 * 5xx of every run.
 *
 * Also a command, for tests that must kill a server hard and start it again on the same
 * state: `node scripts/local-server.mjs --persist-to DIR [--port N] [--no-seed] [--var K=V]
 * [--no-queue-consumers]` prints `ready <url>` when it answers. Started with an IPC channel
 * (child_process.fork) it also sends `{ ready: url }`, and runs the scheduled handler when
 * sent `{ scheduled: epochMs }`, answering `{ scheduled: epochMs, outcome }`.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, watch, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { demoSeedSql } from "../db/seed/demo.mjs";
import { bundleWorker, wrangler, wranglerEnv } from "./wrangler.mjs";

Object.assign(process.env, wranglerEnv); // before wrangler's library is loaded
const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** The Workers of the product: the first is the one the local address reaches. */
export const WORKER_CONFIGS = ["wrangler.toml", "workers/documents/wrangler.toml"];

/**
 * Settings for servers that browser tests drive: a test browser fills a form in well under
 * the 2 s a person needs and signs many people up at once, so the bot check's minimum fill
 * time and the rate limits are off there (both have their own tests in workers/test/abuse-*).
 */
export const BROWSER_TEST_VARS = { MIN_FORM_FILL_MS: "0", RATE_LIMITS: "off" };

/* ---------- Cron Triggers ---------- */

/** Whether a five-field cron expression (`*`, `n`, `a-b`, lists, `/step`) matches a UTC minute. */
export function cronMatches(expression, date) {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) throw new Error(`unsupported cron expression "${expression}"`);
  const values = [date.getUTCMinutes(), date.getUTCHours(), date.getUTCDate(), date.getUTCMonth() + 1, date.getUTCDay()];
  const ranges = [[0, 59], [0, 23], [1, 31], [1, 12], [0, 7]];
  const matches = (field, value, [low, high]) =>
    field.split(",").some((part) => {
      const [range, step = "1"] = part.split("/");
      const [from, to] = range === "*" ? [low, high] : range.includes("-") ? range.split("-").map(Number) : [Number(range), step === "1" ? Number(range) : high];
      return value >= from && value <= to && (value - from) % Number(step) === 0;
    });
  const [minute, hour, day, month, weekday] = fields;
  const dayMatches =
    day === "*" || weekday === "*"
      ? matches(day, values[2], ranges[2]) && (matches(weekday, values[4], ranges[4]) || (values[4] === 0 && matches(weekday, 7, ranges[4])))
      : matches(day, values[2], ranges[2]) || matches(weekday, values[4], ranges[4]) || (values[4] === 0 && matches(weekday, 7, ranges[4]));
  return matches(minute, values[0], ranges[0]) && matches(hour, values[1], ranges[1]) && matches(month, values[3], ranges[3]) && dayMatches;
}

/* ---------- CPU time of the runtime ---------- */

/** The workerd processes this process started (Linux /proc), with the CPU time (user + system, ms) each has used. */
export function workerdProcesses() {
  const ticks = 100; // getconf CLK_TCK on Linux
  const stats = readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        return { pid: Number(pid), comm, ppid: Number(fields[1]), cpuMs: ((Number(fields[11]) + Number(fields[12])) * 1000) / ticks };
      } catch {
        return null; // ended meanwhile
      }
    })
    .filter(Boolean);
  const byPid = new Map(stats.map((s) => [s.pid, s]));
  const descends = (s) => {
    for (let p = s.ppid; p > 1; p = byPid.get(p)?.ppid ?? 0) if (p === process.pid) return true;
    return false;
  };
  return stats.filter((s) => s.comm === "workerd" && descends(s)).map(({ pid, cpuMs }) => ({ pid, cpuMs }));
}

/**
 * CPU time (ms) used so far by the workerd processes this process started. For benchmarks:
 * an upper bound of the Workers' CPU time, as it also counts local D1 (SQLite runs inside
 * workerd here, elsewhere on Cloudflare) and Miniflare's entry.
 */
export function runtimeCpuMs() {
  return workerdProcesses().reduce((sum, s) => sum + s.cpuMs, 0);
}

/* ---------- the server ---------- */

const bundleWorkers = (configs, buildDir) => Promise.all(configs.map((config, i) => bundleWorker(join(ROOT, config), join(buildDir, String(i)))));
const migrateDatabase = (persistTo, { quiet = true } = {}) => wrangler(["d1", "migrations", "apply", "DB", "--local", "--persist-to", persistTo], { quiet });

/**
 * What every server of one test run shares, made once (the browser tests start one server
 * per file): the Workers bundled as `wrangler deploy` bundles them, and a database that
 * `wrangler d1 migrations apply` migrated, which each server copies before its own seed.
 * Pass the result as `prepared` to `startLocalServer`.
 * @returns {Promise<{ buildDir: string, migratedDatabase: string }>}
 */
export async function prepareLocalServers(dir) {
  dir = resolve(ROOT, dir);
  const configs = WORKER_CONFIGS.filter((config) => existsSync(join(ROOT, config)));
  const buildDir = join(dir, "workers");
  const migratedDatabase = join(dir, "database");
  await Promise.all([bundleWorkers(configs, buildDir), migrateDatabase(migratedDatabase)]);
  return { buildDir, migratedDatabase };
}

/**
 * @param {{
 *   port?: number, persistTo?: string, seed?: boolean, extraSql?: string, stdio?: "inherit" | "pipe",
 *   vars?: Record<string, string>, crons?: boolean, queueConsumers?: boolean, watchSources?: boolean,
 *   prepared?: { buildDir: string, migratedDatabase: string },
 * }} options
 *   `port` 0 (the default) lets the system choose a free port; `vars` override variables and
 *   secrets of the API Worker (e.g. a Resend key and a stub's RESEND_BASE_URL); `crons: false`
 *   leaves the minutely trigger to the caller's `runScheduled`; `queueConsumers: false` leaves
 *   queued messages undelivered (a test's server that is killed with emails still queued);
 *   `watchSources` rebuilds and reloads the Workers when a source file changes (npm start);
 *   `prepared` (from `prepareLocalServers`) skips bundling and migrating.
 * @returns {Promise<{ url: string, stop: () => Promise<void>, runScheduled: (time?: number) => Promise<string> }>}
 */
export async function startLocalServer({
  port = 0,
  persistTo = ".wrangler/state",
  seed = true,
  extraSql,
  stdio = "pipe",
  vars = {},
  crons = true,
  queueConsumers = true,
  watchSources = false,
  prepared,
} = {}) {
  const quiet = stdio === "pipe";
  persistTo = resolve(ROOT, persistTo);
  mkdirSync(persistTo, { recursive: true });
  const buildDir = prepared?.buildDir ?? join(persistTo, "workers");
  const configs = WORKER_CONFIGS.filter((config) => existsSync(join(ROOT, config)));

  // The database as `wrangler d1 migrations apply` leaves it in production (or a copy of one
  // migrated so), then the demo data; the Workers are bundled meanwhile.
  const prepareDatabase = (async () => {
    if (prepared) cpSync(prepared.migratedDatabase, persistTo, { recursive: true });
    else await migrateDatabase(persistTo, { quiet });
    const sql = [seed ? demoSeedSql(new Date()) : "", extraSql ?? ""].join("\n").trim();
    if (sql) {
      const file = join(persistTo, "seed.sql");
      writeFileSync(file, sql);
      await wrangler(["d1", "execute", "DB", "--local", "--persist-to", persistTo, "--file", file], { quiet });
    }
  })();
  const bundle = () => bundleWorkers(configs, buildDir);
  const [scripts] = await Promise.all([prepared ? configs.map((_, i) => join(buildDir, String(i), "index.js")) : bundle(), prepareDatabase]);

  const { Miniflare, Log, LogLevel, NoOpLog } = await import("miniflare");
  const { unstable_getMiniflareWorkerOptions, unstable_readConfig } = await import("wrangler");
  let output = "";
  const optionsFor = (paths) => ({
    host: "127.0.0.1",
    port,
    cf: false, // a placeholder Request.cf instead of fetching one from workers.cloudflare.com
    defaultPersistRoot: join(persistTo, "v3"), // where `wrangler d1 ... --persist-to` keeps D1
    log: quiet ? new NoOpLog() : new Log(LogLevel.INFO),
    handleRuntimeStdio(stdout, stderr) {
      for (const stream of [stdout, stderr]) {
        stream.on("data", (chunk) => {
          if (quiet) output = (output + chunk).slice(-20_000);
          else process.stdout.write(chunk);
        });
      }
    },
    workers: configs.map((config, i) => {
      const { workerOptions } = unstable_getMiniflareWorkerOptions(join(ROOT, config), undefined, {});
      const options = { ...workerOptions, name: unstable_readConfig({ config: join(ROOT, config) }).name, modules: true, modulesRoot: join(buildDir, String(i)), scriptPath: paths[i] };
      // Development mode is explicit and local only (workers/src/env.ts): this server, and only
      // it, turns it on (`vars` may turn it off: DEV_MODE "").
      if (i === 0) options.bindings = { ...workerOptions.bindings, DEV_MODE: "local", ...vars };
      if (!queueConsumers) delete options.queueConsumers;
      return options;
    }),
  });
  const mf = new Miniflare(optionsFor(scripts));
  let url;
  try {
    let timer;
    const timeout = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error("not ready within 120 s")), 120_000)));
    url = (await Promise.race([mf.ready, timeout]).finally(() => clearTimeout(timer))).origin;
  } catch (error) {
    await mf.dispose().catch(() => {});
    throw new Error(`the local server did not start: ${error}\n${output}`);
  }

  // Cron Triggers, as Cloudflare fires them: at the start of every minute that matches.
  const apiConfig = unstable_readConfig({ config: join(ROOT, configs[0]) });
  const cronExpressions = apiConfig.triggers?.crons ?? [];
  let scheduledRunning = Promise.resolve();
  const runScheduled = (time = Date.now(), cron = cronExpressions[0] ?? "* * * * *") => {
    const run = scheduledRunning.then(async () => {
      const worker = await mf.getWorker(apiConfig.name);
      const { outcome } = await worker.scheduled({ scheduledTime: new Date(time), cron });
      if (outcome !== "ok") console.error(`scheduled handler (${cron}) at ${new Date(time).toISOString()}: ${outcome}\n${output.slice(-4000)}`);
      return outcome;
    });
    scheduledRunning = run.catch(() => {});
    return run;
  };
  let timer = null;
  const scheduleNextMinute = () => {
    const next = Math.floor(Date.now() / 60_000) * 60_000 + 60_000;
    timer = setTimeout(() => {
      for (const cron of cronExpressions) if (cronMatches(cron, new Date(next))) runScheduled(next, cron).catch((error) => console.error(`scheduled handler: ${error}`));
      scheduleNextMinute();
    }, next - Date.now());
    timer.unref?.();
  };
  if (crons && cronExpressions.length > 0) scheduleNextMinute();

  // npm start: rebuild and reload when a source changes, like `wrangler dev`, on the same port.
  const watchers = [];
  if (watchSources) {
    port = Number(new URL(url).port);
    let pending = null;
    for (const dir of ["workers/src", "workers/documents", "emails", "db"]) {
      watchers.push(
        watch(join(ROOT, dir), { recursive: true }, (_event, file) => {
          if (!file || file.startsWith(".wrangler")) return;
          clearTimeout(pending);
          pending = setTimeout(async () => {
            try {
              await mf.setOptions(optionsFor(await bundle()));
              console.log(`reloaded after a change to ${dir}/${file}`);
            } catch (error) {
              console.error(`reload failed: ${error.message}`);
            }
          }, 300);
        }),
      );
    }
  }

  let stopped = null;
  const stop = () =>
    (stopped ??= (async () => {
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
      await scheduledRunning;
      await mf.dispose();
    })());
  return { url, stop, runScheduled };
}

/* ---------- as a command ---------- */

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const value = (name) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const vars = Object.fromEntries(args.flatMap((arg, i) => (args[i - 1] === "--var" ? [arg.split(/=(.*)/s).slice(0, 2)] : [])));
  const server = await startLocalServer({
    port: Number(value("port") ?? 0),
    persistTo: value("persist-to") ?? ".wrangler/state",
    seed: !args.includes("--no-seed"),
    queueConsumers: !args.includes("--no-queue-consumers"),
    vars,
    stdio: args.includes("--verbose") ? "inherit" : "pipe",
  });
  process.on("message", async (message) => {
    if (typeof message?.scheduled === "number") process.send({ scheduled: message.scheduled, outcome: await server.runScheduled(message.scheduled) });
  });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.stop().finally(() => process.exit(0)));
  // Started by a test that has gone away: stop too.
  process.on("disconnect", () => server.stop().finally(() => process.exit(0)));
  console.log(`ready ${server.url}`);
  process.send?.({ ready: server.url });
}
