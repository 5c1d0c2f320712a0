#!/usr/bin/env node
/**
 * Runs wrangler with telemetry and network look-ups switched off (see ../README.md):
 * `send_metrics = false` alone does not stop every attempt.
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";

export const wranglerEnv = {
  ...process.env,
  WRANGLER_SEND_METRICS: "false",
  WRANGLER_HIDE_BANNER: "true",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
};

const require = createRequire(import.meta.url);
export const wranglerBin = require.resolve("wrangler/bin/wrangler.js");

/** Runs `wrangler ...args`; resolves when it exits 0, rejects otherwise. */
export function wrangler(args, { quiet = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [wranglerBin, ...args], {
      env: wranglerEnv,
      stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit",
    });
    let output = "";
    child.stdout?.on("data", (d) => (output += d));
    child.stderr?.on("data", (d) => (output += d));
    child.on("exit", (code) =>
      code === 0 ? resolve(output) : reject(new Error(`wrangler ${args.join(" ")} exited with ${code}\n${output}`)),
    );
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  wrangler(process.argv.slice(2)).catch((error) => {
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
  outdir = resolve(outdir);
  await wrangler(["deploy", "--dry-run", "--config", resolve(config), "--outdir", outdir, ...(minify ? [] : ["--no-minify"])], { quiet: true });
  return join(outdir, "index.js");
}
