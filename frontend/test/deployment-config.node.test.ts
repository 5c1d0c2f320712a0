/**
 * What gets deployed never turns development mode on (issue 17): DEV_MODE (workers/src/env.ts)
 * is set only by the local server and the Worker's tests, never in a wrangler config, where
 * `wrangler deploy` would carry it to Cloudflare.
 */
import { describe, expect, it } from "vitest";
import { filesUnder, fs, ROOT } from "./node";

describe("the deployed configuration", () => {
  const configs = [...filesUnder("workers", /wrangler\.(toml|jsonc?)$/), "wrangler.toml"];

  it("no wrangler config sets DEV_MODE, in [vars] or any environment", () => {
    expect(configs.length).toBeGreaterThanOrEqual(2);
    for (const config of configs) {
      const settings = fs
        .readFileSync(ROOT + config, "utf8")
        .split("\n")
        .map((line) => line.replace(/#.*$/, "").trim())
        .filter(Boolean);
      expect(settings.filter((line) => /^"?DEV_MODE"?\s*[=:]/.test(line)), config).toEqual([]);
    }
  });

  it(".dev.vars, where a local DEV_MODE or secret would live, is never committed", () => {
    expect(fs.readFileSync(ROOT + ".gitignore", "utf8").split("\n")).toContain(".dev.vars");
  });
});
