import { defineConfig } from "vite";

/** This folder, as a path (no node:path: the project's type config has no Node types). */
const here = decodeURIComponent(new URL(".", import.meta.url).pathname).replace(/\/$/, "");
const pages = ["index", "event", "manage", "privacy", "accessibility", "404", "verify", "privacy-data", "embed", "lost-link"] as const;
/** The organiser console: frontend/console/*.html, served under /console/. */
const consolePages = ["index", "sign-in", "new", "event", "edit", "checkin", "status", "records", "statistics", "translations"] as const;

export default defineConfig({
  root: here,
  // The console's components are Preact with JSX (frontend/src/console/ui); participant pages use none.
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  // Absolute asset URLs, so that 404.html works at any depth.
  base: "/",
  build: {
    outDir: `${here}/dist`,
    emptyOutDir: true,
    target: "es2022",
    // Hashed names can be cached for ever; HTML stays uncached by the assets layer.
    assetsInlineLimit: 0,
    rolldownOptions: {
      input: {
        ...Object.fromEntries(pages.map((page) => [page, `${here}/${page}.html`])),
        ...Object.fromEntries(consolePages.map((page) => [`console-${page}`, `${here}/console/${page}.html`])),
      },
      output: {
        // "web-en-<hash>.js": one chunk per language catalogue, named so it is easy to spot.
        chunkFileNames: (chunk) => {
          // The module ids, not only the facade: the console's event preview imports the German
          // catalogue statically, which leaves its chunk without a facade module.
          const catalogues = [chunk.facadeModuleId ?? "", ...chunk.moduleIds].map((id) => /i18n\/(\w+)\/web\.ts$/.exec(id)?.[1]);
          const locale = [...new Set(catalogues.filter(Boolean))].length === 1 ? catalogues.find(Boolean) : undefined;
          return locale ? `assets/web-${locale}-[hash].js` : "assets/[name]-[hash].js";
        },
      },
    },
  },
  server: {
    // The catalogues live in workers/src/i18n, outside this root.
    fs: { allow: [`${here}/..`] },
    proxy: { "/api": "http://localhost:8787", "/dev": "http://localhost:8787" },
  },
});
