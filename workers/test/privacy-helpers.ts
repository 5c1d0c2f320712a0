/** Shared pieces of the privacy tests (not a test file itself). */
import { expect } from "vitest";
import { env, SELF } from "cloudflare:test";
import { newCertificateCode } from "../src/lib/tokens";

export const DAY = 86_400_000;

/** Moves every date of an event so that its last one ended `days` ago. */
export async function endEventDaysAgo(eventId: number, days: number): Promise<void> {
  const end = Date.now() - days * DAY;
  await env.DB.prepare(`UPDATE sessions SET starts_at = ?2 - 3 * 3600000, ends_at = ?2 WHERE event_id = ?1`).bind(eventId, end).run();
}

/** A certificate as the certificate feature issues it: a genuine code and the facts verification shows. */
export async function issueCertificate(registrationId: number, eventId: number, name: string, issuedAt = Date.now()): Promise<string> {
  const code = await newCertificateCode(env);
  const facts = { name, eventTitle: "Qualifizierungsreihe", dates: ["2025-05-10"], hours: 12, organiser: "KI Test", signer: null, locale: "de" };
  await env.DB.prepare(`INSERT INTO certificates (code, registration_id, event_id, facts, issued_at) VALUES (?1, ?2, ?3, ?4, ?5)`)
    .bind(code, registrationId, eventId, JSON.stringify(facts), issuedAt)
    .run();
  return code;
}

export async function verify(code: string): Promise<{ status: number; body: any }> {
  const response = await SELF.fetch(`https://zusammen.test/api/certificates/${code}`);
  return { status: response.status, body: await response.json() };
}

/**
 * Every place in the database where one of `needles` appears (case-insensitive): every
 * table from sqlite_master, every column of it (text columns and JSON alike).
 */
export async function findEverywhere(needles: string[], except: (table: string, column: string) => boolean = () => false): Promise<string[]> {
  const hits: string[] = [];
  const { results: tables } = await env.DB.prepare(
    `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'`,
  ).all<{ name: string }>();
  expect(tables.length).toBeGreaterThan(10);
  for (const { name: table } of tables) {
    const { results: columns } = await env.DB.prepare(`SELECT name FROM pragma_table_info(?1)`).bind(table).all<{ name: string }>();
    for (const { name: column } of columns) {
      if (except(table, column)) continue;
      const any = needles.map((_, i) => `instr(lower(CAST("${column}" AS TEXT)), lower(?${i + 1})) > 0`).join(" OR ");
      const { results } = await env.DB.prepare(`SELECT CAST("${column}" AS TEXT) AS value FROM "${table}" WHERE ${any} LIMIT 20`)
        .bind(...needles)
        .all<{ value: string }>();
      for (const { value } of results) {
        for (const needle of needles) if (value.toLowerCase().includes(needle.toLowerCase())) hits.push(`${table}.${column} contains "${needle}"`);
      }
    }
  }
  return hits;
}

/** The data-access link from the last data_access email to `to` (the dev mailbox). */
export function dataLinkIn(text: string): string | null {
  return /\/privacy-data#(p2\.[A-Za-z0-9._-]+)/.exec(text)?.[1] ?? null;
}
