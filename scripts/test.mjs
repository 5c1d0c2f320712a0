#!/usr/bin/env node
/**
 * `npm test`: builds the frontend (the Worker's static assets, also needed by the browser
 * tests), runs every vitest project (Worker tests inside workerd with real D1; browser tests
 * in Debian's Chromium against the local server of scripts/local-server.mjs), and ends with
 * one plain summary line. Extra arguments go to vitest (e.g. `npm test -- --project workers`).
 * vitest and everything it started are killed after TEST_TIMEOUT_MINUTES (default 45), so a
 * hung server never hangs CI.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { wranglerEnv } from "./wrangler.mjs";

const run = (bin, args) => spawnSync(process.execPath, [bin, ...args], { stdio: "inherit", env: wranglerEnv }).status ?? 1;

if (run(fileURLToPath(new URL("../node_modules/vite/bin/vite.js", import.meta.url)), ["build", "--config", "frontend/vite.config.ts", "--logLevel", "warn"]) !== 0) process.exit(1);

const dir = mkdtempSync(join(tmpdir(), "zusammen-test-"));
const report = join(dir, "vitest.json");
const timeoutMinutes = Number(process.env.TEST_TIMEOUT_MINUTES ?? 45);
const vitest = spawn(
  process.execPath,
  [fileURLToPath(new URL("../node_modules/vitest/vitest.mjs", import.meta.url)), "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...process.argv.slice(2)],
  { stdio: "inherit", env: wranglerEnv, detached: true },
);
const killGroup = (signal) => {
  try {
    process.kill(-vitest.pid, signal);
  } catch {}
};
const timer = setTimeout(() => {
  console.error(`\nnpm test: no result after ${timeoutMinutes} minutes; stopping vitest and its servers`);
  killGroup("SIGKILL");
}, timeoutMinutes * 60_000);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => killGroup(signal));
const status = await new Promise((resolve) => vitest.on("exit", (code) => resolve(code ?? 1)));
clearTimeout(timer);
// Whatever vitest left running (a server of a test that timed out) goes with it.
killGroup("SIGKILL");
try {
  const { numPassedTests, numFailedTests, numPendingTests, numTodoTests } = JSON.parse(readFileSync(report, "utf8"));
  console.log(`\nTests: ${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests + numTodoTests} skipped`);
} catch {
  console.log("\nTests: 0 passed, 1 failed (no test report was written)");
}
rmSync(dir, { recursive: true, force: true });
process.exit(status === 0 ? 0 : 1);
