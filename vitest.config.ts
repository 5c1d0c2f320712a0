import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

// Two projects: the Worker's tests run inside workerd against real D1 (migrations applied
// in workers/test/setup.ts); the browser tests run in Node and drive Debian's Chromium
// against a real `wrangler dev`.
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [
          cloudflareTest(async () => ({
            main: "./workers/src/index.ts",
            wrangler: { configPath: "./wrangler.toml" },
            miniflare: { bindings: { TEST_MIGRATIONS: await readD1Migrations("./db/migrations") } },
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
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
