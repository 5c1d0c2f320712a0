/**
 * The seams between modules: no import cycles (type imports included: a cycle of types is
 * still two modules that cannot be read apart), `lib/` takes nothing from `domain/`, and the
 * vocabulary and time-zone modules that the frontend shares bundle no Worker code.
 */
import { describe, expect, it } from "vitest";
import ts from "typescript";
import { filesUnder, fs, ROOT } from "./node";

const SOURCES = [...filesUnder("workers/src", /\.tsx?$/), ...filesUnder("emails", /\.tsx?$/), ...filesUnder("db", /\.ts$/), ...filesUnder("frontend/src", /\.tsx?$/)];

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

type Edge = { to: string; typeOnly: boolean };

/** The module an import or export names, and whether it is for types only (erased from the bundle). */
function edgesOf(file: string): Edge[] {
  const source = ts.createSourceFile(file, fs.readFileSync(ROOT + file, "utf8"), ts.ScriptTarget.ES2022, false);
  const edges: Edge[] = [];
  const add = (specifier: ts.Expression | undefined, typeOnly: boolean) => {
    const to = specifier && ts.isStringLiteral(specifier) ? resolve(file, specifier.text) : null;
    if (to) edges.push({ to, typeOnly });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const onlyTypeNames = !!clause?.namedBindings && ts.isNamedImports(clause.namedBindings) && !clause.name && clause.namedBindings.elements.every((e) => e.isTypeOnly);
      add(node.moduleSpecifier, !!clause && (clause.isTypeOnly || onlyTypeNames));
    } else if (ts.isExportDeclaration(node)) {
      add(node.moduleSpecifier, node.isTypeOnly);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node.argument.literal as ts.Expression, true);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      add(node.arguments[0], false);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return edges;
}

/** Every relative import of each source file, `import type` and `import("…")` types included. */
const edges = new Map<string, Edge[]>(SOURCES.map((file) => [file, edgesOf(file)]));
const graph = new Map<string, string[]>([...edges].map(([file, list]) => [file, list.map((e) => e.to)]));

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

/** Everything a module pulls into a bundle, transitively (type-only imports are erased). */
function bundled(file: string): Set<string> {
  const seen = new Set<string>();
  const todo = [file];
  while (todo.length > 0) {
    const next = todo.pop()!;
    for (const edge of edges.get(next) ?? []) {
      if (!edge.typeOnly && !seen.has(edge.to)) {
        seen.add(edge.to);
        todo.push(edge.to);
      }
    }
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

  it("the modules the frontend shares with the Worker bundle no Worker code", () => {
    const shared = ["workers/src/i18n/vocabulary.ts", "workers/src/lib/time-zone.ts"];
    for (const module of shared) expect([...bundled(module)].filter((f) => !f.startsWith("workers/src/i18n/")), module).toEqual([]);
    // And the participant pages reach them, not the Worker: nothing under domain/, routes/, lib/ but the shared module.
    for (const page of filesUnder("frontend/src/pages", /\.ts$/)) {
      const worker = [...bundled(page)].filter((f) => f.startsWith("workers/src/") && !f.startsWith("workers/src/i18n/") && !shared.includes(f));
      expect(worker, page).toEqual([]);
    }
  });
});
