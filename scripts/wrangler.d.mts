/** Types of ./wrangler.mjs for TypeScript callers (vitest.config.ts). */
export const wranglerEnv: Record<string, string | undefined>;
export const wranglerBin: string;
export function wrangler(args: string[], options?: { quiet?: boolean }): Promise<string>;
export function bundleWorker(config: string, outdir: string, options?: { minify?: boolean }): Promise<string>;
