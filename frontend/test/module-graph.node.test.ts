/**
 * The seams between modules: no import cycles (type imports included: a cycle of types is
 * still two modules that cannot be read apart), `lib/` takes nothing from `domain/`, and the
 * vocabulary and time-zone modules that the frontend shares stay free of Worker code.
 */
import { describe, expect, it } from "vitest";
import ts from "typescript";
import { filesUnder, fs, ROOT } from "./node";

const SOURCES = [...filesUnder("workers/src", /\.tsx?$/), ...filesUnder("emails", /\.tsx?$/), ...filesUnder("db", /\.ts$/), ...filesUnder("frontend/src", /\.ts$/)];

function resolve(from: string, specifier: string): string | null {
  if (!specifier.startsWith(".")) return null;
  const parts = from.split("/").slice(0, -1);
  for (const piece of specifier.split("/")) {
    if (piece === "..") parts.pop();
    else if (piece !== ".") parts.push(piece);
  }
  const base = parts.join("/");
  return [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`].find((candidate) => SOURCES.includes(candidate)) ?? null;
}

/** Every relative import of each source file, `import type` and `import("…")` types included. */
const graph = new Map<string, string[]>(
  SOURCES.map((file) => {
    const { importedFiles } = ts.preProcessFile(fs.readFileSync(ROOT + file, "utf8"), true, true);
    return [file, importedFiles.map((i) => resolve(file, i.fileName)).filter((f): f is string => f !== null)];
  }),
);

/** Strongly connected components with more than one module (Tarjan). */
function cycles(): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

/** Everything a module pulls in, transitively. */
function reach(file: string): Set<string> {
  const seen = new Set<string>();
  const todo = [file];
  while (todo.length > 0) {
    const next = todo.pop()!;
    for (const dep of graph.get(next) ?? []) if (!seen.has(dep)) todo.push(dep), seen.add(dep);
  }
  return seen;
}

describe("module graph", () => {
  it("reads the sources (the walk itself works)", () => {
    expect(graph.get("emails/render.ts")).toContain("emails/templates/confirmed.tsx");
  });

  it("has no import cycles", () => {
    // domain/documents belongs to the documents work, which splits fonts.ts and text.ts apart.
    const left = cycles().filter((c) => !c.every((f) => f.startsWith("workers/src/domain/documents/")));
    expect(left).toEqual([]);
  });

  it("lib/ imports nothing from domain/ (and nothing from routes/)", () => {
    const wrong = [...graph]
      .filter(([file]) => file.startsWith("workers/src/lib/"))
      .flatMap(([file, deps]) => deps.filter((d) => /^workers\/src\/(domain|routes)\//.test(d)).map((d) => `${file} → ${d}`));
    expect(wrong).toEqual([]);
  });

  it("the modules the frontend shares with the Worker pull in no Worker code", () => {
    for (const shared of ["workers/src/i18n/vocabulary.ts", "workers/src/lib/time-zone.ts"]) {
      const pulled = [...reach(shared)].filter((f) => !f.startsWith("workers/src/i18n/") && f !== "workers/src/lib/time-zone.ts");
      expect(pulled, shared).toEqual([]);
    }
  });
});
