/**
 * Loads Worker code into Node for CPU measurements (the benchmarks): bundles `source` (an
 * ES module whose imports are absolute paths) with Vite for Node and imports the result.
 * `.ttf` imports become their bytes, as wrangler's Data rule makes them in the Worker.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";

const root = fileURLToPath(new URL("..", import.meta.url));

export async function importForNode(source) {
  const entry = "virtual:bench-entry";
  const out = await build({
    configFile: false,
    logLevel: "warn",
    // wrangler.toml [alias]: @react-email/render imports prettier only for its unused `pretty` option.
    resolve: { alias: { "prettier/standalone": `${root}emails/stubs/prettier.ts`, "prettier/plugins/html": `${root}emails/stubs/prettier.ts` } },
    plugins: [
      {
        name: "bench-entry",
        enforce: "pre",
        resolveId: (id) => (id === entry ? `\0${entry}` : null),
        load(id) {
          if (id === `\0${entry}`) return source;
          if (id.endsWith(".ttf")) return `import { readFileSync } from "node:fs"; export default new Uint8Array(readFileSync(${JSON.stringify(id)})).buffer;`;
          return null;
        },
      },
    ],
    build: { ssr: true, write: false, target: "node20", rolldownOptions: { input: entry, output: { format: "es" } } },
    ssr: { noExternal: true },
  });
  const dir = mkdtempSync(join(tmpdir(), "zusammen-bench-"));
  const [main, ...chunks] = (Array.isArray(out) ? out[0] : out).output.filter((o) => o.type === "chunk");
  for (const chunk of chunks) {
    mkdirSync(dirname(join(dir, chunk.fileName)), { recursive: true });
    writeFileSync(join(dir, chunk.fileName), chunk.code);
  }
  writeFileSync(join(dir, main.fileName), main.code);
  // Kept until exit: the bundle may import its chunks later, on first use.
  process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
  return import(join(dir, main.fileName));
}

/** CPU time (user + system, ms) of `task` in this process. */
export async function cpuMs(task) {
  const start = process.cpuUsage();
  const value = await task();
  const used = process.cpuUsage(start);
  return { ms: (used.user + used.system) / 1000, value };
}

/**
 * Median CPU time (ms) of rendering one email with the Worker's templates and renderEmail,
 * per template and language, after one warm-up render each (V8 as in workerd).
 */
export async function emailRenderCpu(templates, locales, runs = 15) {
  const { renderEmail, previews } = await importForNode(
    `export { renderEmail } from "${root}emails/render.ts";\n` +
      templates.map((t, i) => `import { previewProps as p${i} } from "${root}emails/templates/${t}.tsx";`).join("\n") +
      `\nexport const previews = { ${templates.map((t, i) => `${t}: p${i}`).join(", ")} };`,
  );
  const results = [];
  for (const template of templates) {
    for (const locale of locales) {
      const render = () => renderEmail(template, locale, previews[template].data);
      await render();
      const times = [];
      for (let i = 0; i < runs; i++) times.push((await cpuMs(render)).ms);
      results.push({ template, locale, median: times.sort((a, b) => a - b)[Math.floor(runs / 2)] });
    }
  }
  return results;
}

export { root };
