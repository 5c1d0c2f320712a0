#!/usr/bin/env node
/**
 * `npm run deploy:dry-run`: bundles both Workers as `wrangler deploy` would upload them
 * (minified, --dry-run: nothing leaves the machine) into .wrangler/dist (API) and
 * .wrangler/dist-documents, and prints their gzipped sizes. Fails when the API Worker is
 * over 400 KB gzipped: it serves every request and should start fast.
 */
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { bundleWorker } from "./wrangler.mjs";

const API_LIMIT = 400_000;
const workers = [
  { name: "API Worker", config: "wrangler.toml", outdir: ".wrangler/dist" },
  { name: "documents Worker", config: "workers/documents/wrangler.toml", outdir: ".wrangler/dist-documents" },
];

const sizes = [];
for (const { name, config, outdir } of workers) {
  rmSync(outdir, { recursive: true, force: true });
  await bundleWorker(config, outdir, { minify: true });
  // The script and its other modules (the documents Worker's fonts), without source maps.
  const files = readdirSync(outdir).filter((file) => !/\.(map|md)$/.test(file));
  const raw = Buffer.concat(files.map((file) => readFileSync(join(outdir, file))));
  const gzipped = gzipSync(raw).length;
  sizes.push(gzipped);
  console.log(`${name.padEnd(17)} ${(raw.length / 1000).toFixed(0).padStart(5)} KB, ${(gzipped / 1000).toFixed(0).padStart(4)} KB gzipped (${files.length === 1 ? files[0] : `index.js and ${files.length - 1} other modules`})`);
}
if (sizes[0] > API_LIMIT) {
  console.error(`The API Worker is ${(sizes[0] / 1000).toFixed(0)} KB gzipped, over ${API_LIMIT / 1000} KB.`);
  process.exit(1);
}
