/** Types of the demo seed (demo.mjs), for the tests that load the demo programme into D1. */
export function demoSeedSql(now?: Date): string;
export function berlinTime(year: number, month: number, day: number, hour: number, minute?: number): number;
export const DEMO_STAFF: { email: string; name: string; isAdmin: number; role: string | null; assignedTo?: string }[];
