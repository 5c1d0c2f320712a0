/**
 * Machine translation of event texts through Workers AI (the optional `AI` binding), and the
 * organisers' review of it.
 *
 * When an event is created, saved or published, every text the organiser did not write in a
 * language is translated into it (from German, else English) and stored per locale and field
 * (event_translations) as "machine"; the request does not wait (waitUntil), and what a run
 * could not finish stays "missing" until the minutely job takes it up. Without the binding
 * (locally, offline, in the tests) the same run records "missing": the pages show the
 * organiser's English, then German, marked as such (texts.ts), and the console says that
 * translation is not configured. A text an organiser corrected or approved is "reviewed"
 * and never overwritten by a machine: the guarded upserts below refuse to, whatever runs at
 * the same time.
 *
 * Model: @cf/meta/m2m100-1.2b, https://developers.cloudflare.com/workers-ai/models/m2m100-1.2b/
 * (input `{ text, source_lang, target_lang }` with ISO 639-1 codes, which cover de, en, tr,
 * ar, uk and ru; output `{ translated_text }`). One text per call, so a description is sent
 * line by line: its paragraphs and lists keep their shape.
 */
import type { ConsoleTranslationField, ConsoleTranslations } from "../../console-types";
import type { Env, TranslationModel } from "../../env";
import { ConflictError, NotFoundError, ValidationError } from "../../lib/errors";
import { log } from "../../lib/log";
import { LOCALES, type Locale } from "../../i18n/vocabulary";
import type { DomainContext } from "../change";
import { NOT_DUE } from "../jobs";
import { eventTextFields, sourceLocaleOf, textHash, type EventTextField, type EventTextSources, type StoredTranslation } from "./texts";
import type { StoredEventTranslation } from "../../../../db/rows";

export const TRANSLATION_MODEL = "@cf/meta/m2m100-1.2b";
/** Model calls one run may make (each is a subrequest; the Free plan allows 50 per invocation, D1 queries included). */
export const CALLS_PER_RUN = 30;
/** The most text one field may send to the model, line by line (longer texts stay "missing"; an organiser may translate them). */
const MAX_SOURCE_CHARS = 12_000;

/** Whether machine translation is set up (the console says so when it is not). */
export function translationConfigured(env: Pick<Env, "AI">): boolean {
  return typeof env.AI?.run === "function";
}

type EventSourceRow = { texts: string; location: string | null; questions: string };

/** The event's texts as the organiser wrote them (null: no such event). */
async function loadSources(env: Env, eventId: number): Promise<EventTextSources | null> {
  const [eventResult, sessionResult, poolResult] = await env.DB.batch([
    env.DB.prepare(`SELECT texts, location, questions FROM events WHERE id = ?1`).bind(eventId),
    env.DB.prepare(`SELECT id, title FROM sessions WHERE event_id = ?1 ORDER BY starts_at`).bind(eventId),
    env.DB.prepare(`SELECT key, kind, name FROM capacity_pools WHERE event_id = ?1 ORDER BY id`).bind(eventId),
  ]);
  const event = eventResult?.results[0] as EventSourceRow | undefined;
  if (!event) return null;
  const parse = <T>(value: string | null, empty: T): T => (value ? (JSON.parse(value) as T) : empty);
  return {
    texts: JSON.parse(event.texts),
    location: parse(event.location, null),
    questions: JSON.parse(event.questions),
    sessions: ((sessionResult?.results ?? []) as { id: number; title: string | null }[]).map((s) => ({ id: s.id, title: parse(s.title, null) })),
    pools: ((poolResult?.results ?? []) as { key: string; kind: string; name: string | null }[]).map((p) => ({ key: p.key, kind: p.kind, name: parse(p.name, null) })),
  };
}

async function loadStored(env: Env, eventId: number): Promise<Map<string, StoredTranslation>> {
  const { results } = await env.DB.prepare(
    `SELECT locale, field, text, status, source_locale AS sourceLocale, source_hash AS sourceHash FROM event_translations WHERE event_id = ?1`,
  )
    .bind(eventId)
    .all<StoredTranslation>();
  return new Map(results.map((row) => [`${row.locale}:${row.field}`, row]));
}

/** A text still to translate: its field, target language, and the source it is made from. */
type Needed = { field: string; locale: Locale; sourceLocale: Locale; source: string; hash: string };

/** What is missing or out of date: no organiser text in the locale, no review, no machine text of the current source. */
function neededTranslations(fields: EventTextField[], stored: Map<string, StoredTranslation>): Needed[] {
  const needed: Needed[] = [];
  for (const { field, source } of fields) {
    const sourceLocale = sourceLocaleOf(source);
    if (!sourceLocale) continue;
    const text = source[sourceLocale]!;
    const hash = textHash(text);
    for (const locale of LOCALES) {
      if (source[locale]) continue; // the organiser's own
      const row = stored.get(`${locale}:${field}`);
      if (row?.status === "reviewed") continue;
      if (row?.status === "machine" && row.sourceHash === hash && row.text) continue;
      needed.push({ field, locale, sourceLocale, source: text, hash });
    }
  }
  return needed;
}

/**
 * Upserts a machine translation or a "missing" record; a reviewed row is never touched (the
 * WHERE of the conflict clause), whatever another run or an organiser did meanwhile.
 */
function storeStatement(env: Env, eventId: number, need: Needed, text: string | null, now: number): D1PreparedStatement {
  return env.DB.prepare(
    `INSERT INTO event_translations (event_id, locale, field, text, status, source_locale, source_hash, updated_at)
     VALUES (?1, ?2, ?3, ?4, CASE WHEN ?4 IS NULL THEN 'missing' ELSE 'machine' END, ?5, ?6, ?7)
     ON CONFLICT (event_id, locale, field) DO UPDATE SET
       text = excluded.text, status = excluded.status, source_locale = excluded.source_locale,
       source_hash = excluded.source_hash, updated_at = excluded.updated_at, reviewed_by = NULL
     WHERE event_translations.status <> 'reviewed'`,
  ).bind(eventId, need.locale, need.field, text, need.sourceLocale, need.hash, now);
}

/**
 * Translates one text line by line (blank lines and list dashes kept); null when the model
 * gives nothing usable for a line. `spend` counts the calls against the run's budget.
 */
async function translateText(model: TranslationModel, need: Needed, spend: () => boolean): Promise<string | null> {
  const lines = need.source.split("\n");
  const out: string[] = [];
  for (const line of lines) {
    const match = /^(\s*(?:[-–•*]\s+)?)(.*?)(\s*)$/.exec(line)!;
    const [, lead = "", body = "", trail = ""] = match;
    if (!/\p{L}/u.test(body)) {
      out.push(line);
      continue;
    }
    if (!spend()) return null;
    const answer = await model.run(TRANSLATION_MODEL, { text: body, source_lang: need.sourceLocale, target_lang: need.locale });
    const translated = typeof answer?.translated_text === "string" ? answer.translated_text.trim() : "";
    if (!translated) return null;
    out.push(`${lead}${translated}${trail}`);
  }
  return out.join("\n");
}

/** Texts translated, texts left missing (the fallback shows), model calls made. */
export type TranslationRun = { translated: number; missing: number; calls: number };

/**
 * Brings the event's translations up to date: every text the organiser did not write in a
 * language is machine-translated into it, at most `budget` model calls; the rest (and all of
 * it without the AI binding) is recorded as "missing". Rows of texts the event no longer has
 * are removed. Never touches a reviewed translation.
 */
export async function translateEvent(env: Env, eventId: number, now: number, budget = CALLS_PER_RUN): Promise<TranslationRun> {
  const sources = await loadSources(env, eventId);
  if (!sources) return { translated: 0, missing: 0, calls: 0 };
  const fields = eventTextFields(sources);
  const stored = await loadStored(env, eventId);
  const needed = neededTranslations(fields, stored);
  const model = translationConfigured(env) ? env.AI! : null;
  let calls = 0;
  const spend = () => (calls < budget ? (calls++, true) : false);
  const statements: D1PreparedStatement[] = [];
  let translated = 0;
  let missing = 0;
  for (const need of needed) {
    let text: string | null = null;
    if (model && need.source.length <= MAX_SOURCE_CHARS && calls < budget) {
      try {
        text = await translateText(model, need, spend);
      } catch (error) {
        // A failing model leaves the text missing: the page falls back, the minutely job tries again.
        log("warn", "translation.failed", { eventId, field: need.field, locale: need.locale, error: String(error instanceof Error ? error.message : error) });
      }
    }
    if (text) {
      translated++;
      statements.push(storeStatement(env, eventId, need, text, now));
      continue;
    }
    missing++;
    const row = stored.get(`${need.locale}:${need.field}`);
    // Recorded already; with a model the row is written again, so the minutely job moves on to other events first.
    if (!model && row?.status === "missing" && row.sourceHash === need.hash) continue;
    statements.push(storeStatement(env, eventId, need, null, now));
  }
  const current = new Set(fields.map((f) => f.field));
  const gone = [...new Set([...stored.values()].map((row) => row.field))].filter((field) => !current.has(field));
  if (gone.length > 0) {
    statements.push(env.DB.prepare(`DELETE FROM event_translations WHERE event_id = ?1 AND field IN (SELECT value FROM json_each(?2))`).bind(eventId, JSON.stringify(gone)));
  }
  if (statements.length > 0) await env.DB.batch(statements);
  return { translated, missing, calls };
}

/** After an event was created, saved or published: translate in the background, the answer does not wait. */
export function translateInBackground(ctx: DomainContext, eventId: number): void {
  ctx.waitUntil(
    translateEvent(ctx.env, eventId, ctx.now).catch((error: unknown) => {
      log("error", "translation.run_failed", { eventId, error: String(error instanceof Error ? error.message : error) });
    }),
  );
}

/**
 * The minutely job: with the AI binding, finishes what earlier runs left missing (a run out of
 * budget, a model that failed, texts saved before the binding was added), a few events at a
 * time. Without the binding it is not due.
 */
export async function translateMissing(ctx: DomainContext): Promise<TranslationRun | typeof NOT_DUE> {
  if (!translationConfigured(ctx.env)) return NOT_DUE;
  const { results } = await ctx.env.DB.prepare(
    `SELECT DISTINCT t.event_id AS eventId FROM event_translations t JOIN events e ON e.id = t.event_id
     WHERE t.status = 'missing' AND e.status <> 'cancelled' ORDER BY t.updated_at LIMIT 3`,
  ).all<Pick<StoredEventTranslation, "eventId">>();
  if (results.length === 0) return NOT_DUE;
  const total: TranslationRun = { translated: 0, missing: 0, calls: 0 };
  for (const { eventId } of results) {
    const run = await translateEvent(ctx.env, eventId, ctx.now, CALLS_PER_RUN - total.calls);
    total.translated += run.translated;
    total.missing += run.missing;
    total.calls += run.calls;
    if (total.calls >= CALLS_PER_RUN) break;
  }
  return total;
}

/** What the console shows: per locale, each text with its source, the shown translation and its status. */
export async function listTranslations(env: Env, eventId: number): Promise<ConsoleTranslations> {
  const sources = await loadSources(env, eventId);
  if (!sources) throw new NotFoundError("error.event_not_found");
  const fields = eventTextFields(sources);
  const stored = await loadStored(env, eventId);
  return {
    configured: translationConfigured(env),
    locales: LOCALES.map((locale) => {
      const rows: ConsoleTranslationField[] = fields.map(({ field, source }) => {
        const own = source[locale];
        const sourceLocale = sourceLocaleOf(source)!;
        const row = stored.get(`${locale}:${field}`);
        const stale = row?.text ? row.sourceHash !== textHash(source[row.sourceLocale] ?? "") : false;
        if (own) return { field, source: { locale, text: own }, text: own, status: "original", stale: false };
        return {
          field,
          source: { locale: sourceLocale, text: source[sourceLocale]! },
          text: row?.text ?? null,
          // A machine text of an older source is not shown on the pages: as good as missing.
          status: !row || !row.text || (row.status === "machine" && stale) ? "missing" : row.status,
          stale: row?.status === "reviewed" ? stale : false,
        };
      });
      const count = (status: ConsoleTranslationField["status"]) => rows.filter((r) => r.status === status).length;
      return { locale, counts: { original: count("original"), machine: count("machine"), reviewed: count("reviewed"), missing: count("missing") }, fields: rows };
    }),
  };
}

/**
 * An organiser corrects (or approves, unchanged) the translation of one text into `locale`:
 * stored as "reviewed", made from the current source, and never overwritten by a machine.
 * A text the organiser wrote in that language is edited in the event itself (409).
 */
export async function reviewTranslation(ctx: DomainContext, reviewerId: number, eventId: number, locale: Locale, field: string, text: string): Promise<void> {
  const sources = await loadSources(ctx.env, eventId);
  if (!sources) throw new NotFoundError("error.event_not_found");
  const entry = eventTextFields(sources).find((f) => f.field === field);
  if (!entry) throw new ValidationError({ field: { key: "field.unknown_option" } });
  if (entry.source[locale]) throw new ConflictError("original_text", "error.invalid_state");
  const sourceLocale = sourceLocaleOf(entry.source)!;
  await ctx.env.DB.batch([
    ctx.env.DB.prepare(
      `INSERT INTO event_translations (event_id, locale, field, text, status, source_locale, source_hash, reviewed_by, updated_at)
       VALUES (?1, ?2, ?3, ?4, 'reviewed', ?5, ?6, ?7, ?8)
       ON CONFLICT (event_id, locale, field) DO UPDATE SET text = excluded.text, status = 'reviewed', source_locale = excluded.source_locale,
         source_hash = excluded.source_hash, reviewed_by = excluded.reviewed_by, updated_at = excluded.updated_at`,
    ).bind(eventId, locale, field, text, sourceLocale, textHash(entry.source[sourceLocale]!), reviewerId, ctx.now),
    ctx.env.DB.prepare(`INSERT INTO audit_log (at, actor, action, event_id, details) VALUES (?1, ?2, 'event.translation_reviewed', ?3, ?4)`).bind(
      ctx.now,
      `user:${reviewerId}`,
      eventId,
      JSON.stringify({ locale, field }),
    ),
  ]);
}

/** A duplicated event keeps the organisers' reviewed translations (the machine ones are made again). */
export function copyReviewedTranslationsStatement(env: Env, fromEventId: number, toEventIdSql: string, ...params: unknown[]): D1PreparedStatement {
  return env.DB.prepare(
    `INSERT INTO event_translations (event_id, locale, field, text, status, source_locale, source_hash, reviewed_by, updated_at)
     SELECT ${toEventIdSql}, locale, field, text, status, source_locale, source_hash, reviewed_by, updated_at
     FROM event_translations WHERE event_id = ?1 AND status = 'reviewed'`,
  ).bind(fromEventId, ...params);
}
