/**
 * Node's file system and gzip for the tests that read the sources and the built frontend.
 * The frontend's type config has no Node types (it describes browser code), so the few
 * functions used are declared here and loaded with a dynamic import.
 */
type Fs = {
  readFileSync(path: string, encoding: "utf8"): string;
  readFileSync(path: string): Uint8Array;
  readdirSync(path: string, options: { recursive: true }): string[];
  existsSync(path: string): boolean;
  statSync(path: string): { isFile(): boolean };
};
type Zlib = { gzipSync(data: Uint8Array | string, options?: { level?: number }): Uint8Array };

export const fs = (await import(/* @vite-ignore */ "node:fs" as string)) as Fs;
export const zlib = (await import(/* @vite-ignore */ "node:zlib" as string)) as Zlib;

/** The repository's root, with a trailing slash. */
export const ROOT = decodeURIComponent(new URL("../../", import.meta.url).pathname);

/** Every file under `dir` (relative to the root) whose name matches `pattern`, as root-relative paths. */
export function filesUnder(dir: string, pattern: RegExp): string[] {
  if (!fs.existsSync(ROOT + dir)) return [];
  return fs
    .readdirSync(ROOT + dir, { recursive: true })
    .map((name) => `${dir}/${name}`)
    .filter((path) => pattern.test(path) && !path.includes("node_modules") && fs.statSync(ROOT + path).isFile())
    .sort();
}

export const read = (path: string) => fs.readFileSync(ROOT + path, "utf8");
/** Size after gzip at level 6, the usual setting of servers that compress on the fly. */
export const gzipSize = (data: Uint8Array | string) => zlib.gzipSync(data, { level: 6 }).length;
