/**
 * The statistics facts of a registration: what the figures for funders need, written with the
 * registration and kept when its personal data is anonymised (privacy/anonymise.ts clears
 * name, address, answers and needs, never these). They hold nothing that names anyone:
 *
 * - `stat_participant_key`: HMAC-SHA256(TOKEN_SECRET, "statistics:" + normalized address), so
 *   "distinct participants" and "new or returning" can be counted across events and years.
 *   Pseudonymous: whoever holds the secret and guesses an address can tell whether it
 *   registered, so it is personal data in the GDPR's sense (README, "Statistics"). An erasure
 *   on request replaces it by a random value shared by that person's erased registrations
 *   (privacy/erase.ts): the figures stay, the link to the address is gone.
 * - `stat_interpreter`: the language an interpreter was asked for, as a language code when the
 *   participant's words name one ("Arabisch", "فارسی", "ukr"), else "other": the free text
 *   (which may say more than a language) is not kept.
 * - `stat_childcare_children`, `stat_accessibility`: a number and a yes, not the ages or the
 *   description.
 * - `stat_certified_at`: set when a certificate is issued, cleared when it is revoked
 *   (certificates/issue.ts), kept when retention deletes the certificate; and the registrations'
 *   own `cancelled_from` (places/cancel.ts) tells who gave up waiting.
 *
 * Registrations from before the facts get them from `deriveMissingFacts`, run by the scheduler
 * and by anonymisation just before it clears the data the facts come from.
 */
import type { Needs } from "../../../../db/schema";
import type { Env } from "../../env";
import { keyedHash } from "../../lib/tokens";
import type { StoredRegistration } from "../../../../db/rows";

export type NeedsFacts = { interpreter: string | null; childcareChildren: number; accessibility: boolean };

/** The participant key of an address (normalized: trimmed, lower case); null for a registration without one. */
export async function participantKey(env: Env, email: string, emailNormalized: string): Promise<string | null> {
  return email.trim() === "" ? null : keyedHash(env, `statistics:${emailNormalized}`);
}

/** Languages organisers are asked to interpret in, by code; recognised from their names in the six languages and their own. */
const INTERPRETER_LANGUAGES = [
  "ar", "fa", "prs", "ps", "ku", "kmr", "ckb", "tr", "uk", "ru", "pl", "ro", "bg", "sq", "sr", "hr", "bs", "mk", "el",
  "it", "es", "pt", "fr", "en", "de", "ti", "am", "so", "ha", "yo", "ig", "ln", "wo", "ff", "sw", "rom", "ur", "hi",
  "bn", "ta", "pa", "ne", "zh", "vi", "th", "ka", "hy", "az", "uz", "kk", "ky", "tg", "tk", "he", "hu", "cs", "sk",
  "lt", "lv", "et", "nl", "ja", "ko", "id", "tl",
] as const;
/** German Sign Language: not in every runtime's language names. */
const SIGN_LANGUAGE = "gsg";
const ALIASES: Record<string, string> = {
  farsi: "fa",
  kurmanci: "kmr",
  kurmandschi: "kmr",
  kurmanji: "kmr",
  sorani: "ckb",
  dgs: SIGN_LANGUAGE,
  gebardensprache: SIGN_LANGUAGE,
  "deutsche gebardensprache": SIGN_LANGUAGE,
  "sign language": SIGN_LANGUAGE,
  "german sign language": SIGN_LANGUAGE,
  ukr: "uk",
  rus: "ru",
  ara: "ar",
  tur: "tr",
  deu: "de",
  ger: "de",
  eng: "en",
  per: "fa",
  fas: "fa",
};
const NAME_LOCALES = ["de", "en", "tr", "ar", "uk", "ru"];

/** Lower case, without accents and punctuation at the edges: "Arabisch." and "arabisch" are one. */
function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

let namesToCodes: Map<string, string> | null = null;

function languageIndex(): Map<string, string> {
  if (namesToCodes) return namesToCodes;
  const index = new Map<string, string>(Object.entries(ALIASES));
  for (const code of INTERPRETER_LANGUAGES) {
    index.set(code, code);
    for (const locale of [...NAME_LOCALES, code]) {
      try {
        const name = new Intl.DisplayNames([locale], { type: "language", fallback: "none" }).of(code);
        if (name) index.set(fold(name), code);
      } catch {
        // A runtime without that locale's names: the others still match.
      }
    }
  }
  namesToCodes = index;
  return index;
}

/** The language code an interpreter request names ("Arabisch" → "ar"), "other" when it names none, null when empty. */
export function interpreterLanguage(text: string | undefined | null): string | null {
  if (!text || text.trim() === "") return null;
  const folded = fold(text);
  return languageIndex().get(folded) ?? "other";
}

/** The names staff read for an interpreter language code (the console's languages). */
export function interpreterLanguageName(code: string, locale: "de" | "en"): string {
  if (code === "other") return locale === "de" ? "andere Sprache" : "other language";
  if (code === SIGN_LANGUAGE) return locale === "de" ? "Deutsche Gebärdensprache" : "German Sign Language";
  try {
    return new Intl.DisplayNames([locale], { type: "language", fallback: "code" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The needs as the statistics keep them. */
export function needsFacts(needs: Needs): NeedsFacts {
  return {
    interpreter: interpreterLanguage(needs.interpreter),
    childcareChildren: Math.max(0, Math.trunc(needs.childcare?.children ?? 0)),
    accessibility: Boolean(needs.accessibility && needs.accessibility.trim() !== ""),
  };
}

function parseNeeds(json: string): Needs {
  try {
    const value = JSON.parse(json) as unknown;
    return value && typeof value === "object" ? (value as Needs) : {};
  } catch {
    return {};
  }
}

/** Statements that derive the facts of registrations still without them (rows from before the facts), for a caller's batch. */
async function deriveStatements(env: Env, rows: { id: number; email: string; emailNormalized: string; needs: string }[], now: number): Promise<D1PreparedStatement[]> {
  return Promise.all(
    rows.map(async (row) => {
      const facts = needsFacts(parseNeeds(row.needs));
      return env.DB.prepare(
        `UPDATE registrations SET stat_participant_key = ?2, stat_interpreter = ?3, stat_childcare_children = ?4, stat_accessibility = ?5, stat_facts_at = ?6
         WHERE id = ?1 AND stat_facts_at IS NULL AND anonymised_at IS NULL`,
      ).bind(row.id, await participantKey(env, row.email, row.emailNormalized), facts.interpreter, facts.childcareChildren, facts.accessibility ? 1 : 0, now);
    }),
  );
}

const MISSING_SQL = `SELECT id, email, email_normalized AS emailNormalized, needs FROM registrations WHERE stat_facts_at IS NULL AND anonymised_at IS NULL`;

/**
 * Statements deriving the missing facts of the given registrations: anonymisation puts them
 * first in its batch, so no figure changes when the data they come from is cleared.
 */
export async function missingFactsStatements(env: Env, ids: number[], now: number): Promise<D1PreparedStatement[]> {
  const { results } = await env.DB.prepare(`${MISSING_SQL} AND id IN (SELECT value FROM json_each(?1))`)
    .bind(JSON.stringify(ids))
    .all<Pick<StoredRegistration, "id" | "email" | "emailNormalized" | "needs">>();
  return deriveStatements(env, results, now);
}

export const DERIVE_BATCH = 500;

/** The scheduled job: derives the facts of up to DERIVE_BATCH registrations from before them (an index finds them; none in steady state). */
export async function deriveMissingFacts(env: Env, now: number): Promise<{ derived: number }> {
  const { results } = await env.DB.prepare(`${MISSING_SQL} ORDER BY id LIMIT ?1`)
    .bind(DERIVE_BATCH)
    .all<Pick<StoredRegistration, "id" | "email" | "emailNormalized" | "needs">>();
  if (results.length === 0) return { derived: 0 };
  const outcomes = await env.DB.batch(await deriveStatements(env, results, now));
  return { derived: outcomes.reduce((sum, r) => sum + (r.meta.changes ?? 0), 0) };
}
