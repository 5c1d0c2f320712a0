/**
 * Instants as the API, feeds and emails write them: epoch milliseconds (how D1 stores them)
 * as ISO 8601 in UTC. A missing instant (null, or undefined for a column not loaded) stays null.
 */
export function iso(ms: number): string;
export function iso(ms: number | null | undefined): string | null;
export function iso(ms: number | null | undefined): string | null {
  return ms === null || ms === undefined ? null : new Date(ms).toISOString();
}
