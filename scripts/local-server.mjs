/**
 * Starts the whole product locally: applies the D1 migrations to a local database, loads
 * the demo data and runs `wrangler dev` (API, static frontend, queue consumer, cron, dev
 * mailbox). Used by `npm start`, the browser tests and the benchmark.
 */
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { demoSeedSql } from "../db/seed/demo.mjs";
import { wrangler, wranglerBin, wranglerEnv } from "./wrangler.mjs";

/**
 * Settings for servers that browser tests drive: a test browser fills a form in well under
 * the 2 s a person needs and signs many people up at once, so the bot check's minimum fill
 * time and the rate limits are off there (both have their own tests in workers/test/abuse-*).
 */
export const BROWSER_TEST_VARS = { MIN_FORM_FILL_MS: "0", RATE_LIMITS: "off" };

/**
 * @param {{ port?: number, persistTo?: string, seed?: boolean, extraSql?: string, stdio?: "inherit" | "pipe", vars?: Record<string, string>, args?: string[] }} options
 *   `vars` are passed as `--var KEY:VALUE` (e.g. a Resend key and a stub's RESEND_BASE_URL); `args` go to `wrangler dev` as they are.
 * @returns {Promise<{ url: string, stop: () => Promise<void> }>}
 */
export async function startLocalServer({ port = 8787, persistTo = ".wrangler/state", seed = true, extraSql, stdio = "pipe", vars = {}, args = [] } = {}) {
  const url = `http://127.0.0.1:${port}`;
  if (await fetch(url).then(() => true, () => false)) throw new Error(`Port ${port} is already in use`);
  mkdirSync(persistTo, { recursive: true });
  await wrangler(["d1", "migrations", "apply", "DB", "--local", "--persist-to", persistTo], { quiet: stdio === "pipe" });
  const sql = [seed ? demoSeedSql(new Date()) : "", extraSql ?? ""].join("\n").trim();
  if (sql) {
    const file = join(persistTo, "seed.sql");
    writeFileSync(file, sql);
    await wrangler(["d1", "execute", "DB", "--local", "--persist-to", persistTo, "--file", file], { quiet: stdio === "pipe" });
  }

  const child = spawn(
    process.execPath,
    [
      wranglerBin,
      "dev",
      "--ip",
      "127.0.0.1",
      "--port",
      String(port),
      // Its own debugger port, so several local servers (parallel browser tests) never collide.
      "--inspector-port",
      String(port + 1),
      "--persist-to",
      persistTo,
      "--show-interactive-dev-session=false",
      ...Object.entries(vars).flatMap(([k, v]) => ["--var", `${k}:${v}`]),
      ...args,
    ],
    { env: wranglerEnv, stdio: stdio === "inherit" ? "inherit" : ["ignore", "pipe", "pipe"], detached: process.platform !== "win32" },
  );
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const exited = new Promise((resolve) => child.on("exit", resolve));

  const stop = async () => {
    if (child.exitCode !== null) return;
    try {
      process.kill(-child.pid, "SIGTERM"); // the whole group: wrangler and its workerd
    } catch {
      child.kill("SIGTERM");
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (child.exitCode === null) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {}
    }
  };

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited early:\n${output}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) break;
    } catch {}
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`wrangler dev did not answer within 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, stop };
}
