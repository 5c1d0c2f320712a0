#!/usr/bin/env node
/**
 * `npm test`: builds the frontend (the Worker's static assets, also needed by the browser
 * tests), runs every vitest project (Worker tests inside workerd with real D1; browser tests
 * in Debian's Chromium against the local server of scripts/local-server.mjs), and ends with
 * one plain summary line. Extra arguments go to vitest (e.g. `npm test -- --project workers`).
 *
 * A run that stalls is stopped, not waited for: when no test has finished for
 * TEST_STALL_MINUTES (default 6; the longest test takes about 2), the files then running are
 * named, vitest and everything it started are killed, and the whole run starts once more.
 * (Seen twice in 2026-12, once in CI: a workerd of the Worker tests at full CPU for minutes
 * and no test finishing; a test's own timeout cannot fire inside a busy workerd.)
 * The busiest workerd is named with its CPU time and, where gdb is installed, its stack (JS
 * frames show as the interpreter's, workerd's own by name). A second stall fails the run, and
 * so does TEST_TIMEOUT_MINUTES (default 45) in all.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { workerdProcesses } from "./local-server.mjs";
import { wranglerEnv } from "./wrangler.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const run = (bin, args) => spawnSync(process.execPath, [bin, ...args], { stdio: "inherit", env: wranglerEnv }).status ?? 1;

if (run(fileURLToPath(new URL("../node_modules/vite/bin/vite.js", import.meta.url)), ["build", "--config", "frontend/vite.config.ts", "--logLevel", "warn"]) !== 0) process.exit(1);

const dir = mkdtempSync(join(tmpdir(), "zusammen-test-"));
const report = join(dir, "vitest.json");
const progress = join(dir, "progress.log");
const minutes = (name, fallback) => Number(process.env[name] ?? fallback) * 60_000;
const timeoutMs = minutes("TEST_TIMEOUT_MINUTES", 45);
const stallMs = minutes("TEST_STALL_MINUTES", 6);
const startedAt = Date.now();

/** The test files started and not ended, from the progress reporter's lines. */
function runningFiles() {
  const running = new Set();
  for (const line of existsSync(progress) ? readFileSync(progress, "utf8").split("\n") : []) {
    const [kind, ...rest] = line.split(" ");
    if (kind === "start") running.add(rest.join(" "));
    if (kind === "end") running.delete(rest.join(" "));
  }
  return [...running].map((file) => relative(ROOT, file));
}

/**
 * For the next one to look into a stall: the CPU time of the busiest workerd this run started,
 * and where its main thread is (gdb, where the machine has it).
 */
function printBusiestWorkerd() {
  const [busiest] = workerdProcesses().sort((a, b) => b.cpuMs - a.cpuMs);
  if (!busiest) return;
  console.error(`npm test: busiest workerd: pid ${busiest.pid}, ${(busiest.cpuMs / 1000).toFixed(0)} s of CPU`);
  const gdb = spawnSync("gdb", ["-p", String(busiest.pid), "-batch", "-ex", "bt 12"], { encoding: "utf8", timeout: 30_000 });
  if (gdb.status === 0) console.error(gdb.stdout.split("\n").filter((line) => line.startsWith("#")).join("\n"));
}

/** One vitest run: "passed", "failed", "stalled" or "timeout". */
async function vitestRun() {
  writeFileSync(progress, "");
  rmSync(report, { force: true });
  const vitest = spawn(
    process.execPath,
    [
      fileURLToPath(new URL("../node_modules/vitest/vitest.mjs", import.meta.url)),
      "run",
      "--reporter=default",
      "--reporter=json",
      `--reporter=${fileURLToPath(new URL("./test-progress.mjs", import.meta.url))}`,
      `--outputFile.json=${report}`,
      ...process.argv.slice(2),
    ],
    { stdio: "inherit", env: { ...wranglerEnv, ZUSAMMEN_TEST_PROGRESS: progress }, detached: true },
  );
  const killGroup = (signal) => {
    try {
      process.kill(-vitest.pid, signal);
    } catch {}
  };
  const onSignal = (signal) => killGroup(signal);
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, onSignal);
  let outcome = null;
  const watch = setInterval(() => {
    const quietFor = Date.now() - statSync(progress).mtimeMs;
    if (Date.now() - startedAt > timeoutMs) outcome = "timeout";
    else if (quietFor > stallMs) outcome = "stalled";
    else return;
    const running = runningFiles();
    console.error(
      outcome === "timeout"
        ? `\nnpm test: no result after ${timeoutMs / 60_000} minutes; stopping vitest and its servers`
        : `\nnpm test: no test finished for ${(quietFor / 60_000).toFixed(1)} min; stopping vitest and its servers`,
    );
    if (running.length) console.error(`npm test: running then: ${running.join(", ")}`);
    printBusiestWorkerd();
    killGroup("SIGKILL");
  }, 10_000);
  const status = await new Promise((resolve) => vitest.on("exit", (code) => resolve(code ?? 1)));
  clearInterval(watch);
  for (const signal of ["SIGINT", "SIGTERM"]) process.off(signal, onSignal);
  // Whatever vitest left running (a server of a test that timed out) goes with it.
  killGroup("SIGKILL");
  return outcome ?? (status === 0 ? "passed" : "failed");
}

let outcome = await vitestRun();
if (outcome === "stalled") {
  console.error("npm test: running all tests once more");
  outcome = await vitestRun();
}
try {
  const { numPassedTests, numFailedTests, numPendingTests, numTodoTests } = JSON.parse(readFileSync(report, "utf8"));
  console.log(`\nTests: ${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests + numTodoTests} skipped`);
} catch {
  console.log(`\nTests: 0 passed, 1 failed (no test report was written: ${outcome})`);
}
rmSync(dir, { recursive: true, force: true });
process.exit(outcome === "passed" ? 0 : 1);
