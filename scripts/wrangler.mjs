#!/usr/bin/env node
/**
 * Runs wrangler with telemetry and network look-ups switched off (see ../README.md):
 * `send_metrics = false` alone does not stop every attempt.
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { join, resolve as resolvePath } from "node:path";

export const wranglerEnv = {
  ...process.env,
  WRANGLER_SEND_METRICS: "false",
  WRANGLER_HIDE_BANNER: "true",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
};

const require = createRequire(import.meta.url);
export const wranglerBin = require.resolve("wrangler/bin/wrangler.js");

/**
 * Runs `wrangler ...args`; resolves when it exits 0, rejects otherwise, and kills it after
 * `timeoutMs` (0: never), so that a script or test waiting for it cannot hang.
 */
export function wrangler(args, { quiet = false, timeoutMs = 300_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [wranglerBin, ...args], {
      env: wranglerEnv,
      stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit",
    });
    let output = "";
    child.stdout?.on("data", (d) => (output += d));
    child.stderr?.on("data", (d) => (output += d));
    const timer = timeoutMs > 0 ? setTimeout(() => child.kill("SIGKILL"), timeoutMs) : null;
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else reject(new Error(`wrangler ${args.join(" ")} ${signal ? `was killed (${signal}${signal === "SIGKILL" ? `, after ${timeoutMs / 1000} s` : ""})` : `exited with ${code}`}\n${output}`));
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  wrangler(process.argv.slice(2), { timeoutMs: 0 }).catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}

/**
 * Bundles a Worker as `wrangler deploy` would (`--dry-run --outdir`), for the local server
 * and the tests' auxiliary Workers; resolves to the bundle's path. Not minified unless asked
 * (deployments are: wrangler.toml `minify`), so local stack traces stay readable.
 */
export async function bundleWorker(config, outdir, { minify = false } = {}) {
  // Absolute: wrangler resolves a relative --outdir against the config's directory.
  outdir = resolvePath(outdir);
  await wrangler(["deploy", "--dry-run", "--config", resolvePath(config), "--outdir", outdir, ...(minify ? [] : ["--no-minify"])], { quiet: true });
  return join(outdir, "index.js");
}
