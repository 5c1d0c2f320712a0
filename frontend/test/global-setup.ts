/**
 * Once per run of the browser tests: the Workers bundled and a migrated database, shared by
 * the local server each test file starts (scripts/local-server.mjs `prepareLocalServers`), so
 * that a file's server only copies the database and adds its own seed.
 */
import type { TestProject } from "vitest/node";

type Prepared = { buildDir: string; migratedDatabase: string };

declare module "vitest" {
  export interface ProvidedContext {
    localServers: Prepared | null;
  }
}

export default async function setup(project: TestProject) {
  const nodeFs = (await import(/* @vite-ignore */ "node:fs" as string)) as { rmSync(path: string, options: { recursive: boolean; force: boolean }): void };
  const modulePath = "../../scripts/local-server.mjs";
  const { prepareLocalServers } = (await import(/* @vite-ignore */ modulePath)) as { prepareLocalServers(dir: string): Promise<Prepared> };
  const dir = `.wrangler/e2e/prepared-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  // Against a server given by E2E_URL nothing is started.
  const env = (globalThis as unknown as { process: { env: Record<string, string | undefined> } }).process.env;
  project.provide("localServers", env.E2E_URL ? null : await prepareLocalServers(dir));
  return () => nodeFs.rmSync(dir, { recursive: true, force: true });
}
