import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { rmSync } from "node:fs";
import { dirname } from "node:path";
import { unstable_getMiniflareWorkerOptions } from "wrangler";
import { defineConfig } from "vitest/config";
import { bundleWorker, wranglerEnv } from "./scripts/wrangler.mjs";

Object.assign(process.env, wranglerEnv);

/**
 * The documents Worker, beside the API Worker as in production: bundled as `wrangler deploy`
 * bundles it and reached through the DOCUMENTS service binding of wrangler.toml.
 */
async function bundleDocumentsWorker() {
  const config = "./workers/documents/wrangler.toml";
  const outdir = `.wrangler/test-workers/documents-${process.pid}`;
  process.on("exit", () => rmSync(outdir, { recursive: true, force: true }));
  const scriptPath = await bundleWorker(config, outdir);
  const { workerOptions } = unstable_getMiniflareWorkerOptions(config, undefined, {});
  return { ...workerOptions, name: "zusammen-documents", modules: true, modulesRoot: dirname(scriptPath), scriptPath };
}

// Bundled once per run: the pool calls its options function each time it starts a worker
// (three at once), and a second bundle written into the same directory while miniflare reads
// the first one made it fail to parse a half-written index.js (CI, stop 19).
let documentsBundle: ReturnType<typeof bundleDocumentsWorker> | undefined;
const documentsWorker = async () => ({ ...(await (documentsBundle ??= bundleDocumentsWorker())) });

// Three projects: the API Worker's tests run inside workerd against real D1 (migrations
// applied in workers/test/setup.ts), with the documents Worker beside it; the browser tests
// run in Node and drive Debian's Chromium against the real local server
// (scripts/local-server.mjs); the node tests read the sources and the built frontend
// (catalogue usage, page weight) without a server.
export default defineConfig({
  test: {
    // The Worker logs one JSON line per request; keep the test output readable.
    onConsoleLog: (line) => !line.includes('"message":"request"'),
    // Three files at once, also on a 2-core machine (vitest's default there is one): every
    // file has its own database (and a browser file its own server), and a browser file waits
    // for emails and pages most of the time, so the run takes about half as long.
    maxWorkers: 3,
    projects: [
      {
        plugins: [
          cloudflareTest(async () => ({
            main: "./workers/src/index.ts",
            wrangler: { configPath: "./wrangler.toml" },
            miniflare: {
              workers: [await documentsWorker()],
              // A second local database for the tenant routing (workers/test/tenants.test.ts sets TENANTS).
              d1Databases: { DB_SECOND: "zusammen-second" },
              bindings: {
                TEST_MIGRATIONS: await readD1Migrations("./db/migrations"),
                // Development mode is explicit (workers/src/env.ts): the tests run in it, with the
                // dev mailbox; workers/test/configuration.test.ts takes it away.
                DEV_MODE: "local",
                // Test files reuse a few addresses across many events; the per-email limits are
                // exercised with their defaults in workers/test/abuse-rate-limits.test.ts.
                RATE_LIMITS: "registration.email=100000/3600,sign_in.email=100000/900,privacy.email=100000/3600",
              },
            },
          })),
        ],
        test: {
          name: "workers",
          include: ["workers/test/**/*.test.ts"],
          setupFiles: ["./workers/test/setup.ts"],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: "browser",
          include: ["frontend/test/**/*.e2e.test.ts"],
          globalSetup: ["./frontend/test/global-setup.ts"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // A page's reaction polled with expect.poll: a second (the default) is short for a
          // browser beside two busy workerds on a 2-core machine; a wrong answer still fails.
          expect: { poll: { timeout: 10_000 } },
        },
      },
      {
        test: {
          name: "node",
          include: ["frontend/test/**/*.node.test.ts"],
          environment: "node",
          // A timeout catches a hang, not slowness: beside two busy workerds on a 2-core CI
          // machine the year of quarter hours (1.4 s alone) took over vitest's default 5 s.
          testTimeout: 60_000,
        },
      },
    ],
  },
});
