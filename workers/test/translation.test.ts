/**
 * Event texts in every language: the fallback chain (for real, through the public API, with
 * no AI binding as here), machine translation through a stand-in for Workers AI passed as the
 * binding (the outside world), the organisers' review in the console, and that a reviewed text
 * is never overwritten by a machine.
 */
import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { LocalizedText } from "../../db/schema";
import type { TranslationModel } from "../src/env";
import type { DomainContext } from "../src/domain/change";
import { updateEvent } from "../src/domain/console/events";
import { parseEventInput } from "../src/domain/console/event-input";
import { showText, textHash, translationMap, type StoredTranslation } from "../src/domain/events/texts";
import { reviewTranslation, translateEvent, translateMissing } from "../src/domain/events/translation";
import { consoleFetch, createEvent, createStaff, eventInput, rows } from "./fixtures";

/**
 * A stand-in for the m2m100 model at the binding boundary: answers "[<target>] <text>" and
 * records every call, so a test sees what was asked and can tell a translation by its form.
 */
function fakeModel(options: { failFor?: string } = {}): TranslationModel & { calls: { text: string; source_lang: string; target_lang: string }[] } {
  const calls: { text: string; source_lang: string; target_lang: string }[] = [];
  return {
    calls,
    async run(model, input) {
      expect(model).toBe("@cf/meta/m2m100-1.2b");
      calls.push(input);
      if (options.failFor && input.target_lang === options.failFor) throw new Error("3040: capacity exceeded");
      return { translated_text: `[${input.target_lang}] ${input.text}` };
    },
  };
}

function withModel(model: TranslationModel | undefined): DomainContext {
  const pending: Promise<unknown>[] = [];
  return { env: { ...env, AI: model }, now: Date.now(), waitUntil: (p) => void pending.push(p) };
}

async function publicEvent(slug: string, locale: string) {
  const response = await SELF.fetch(`https://zusammen.test/api/events/${slug}?locale=${locale}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { event: any }).event;
}

/** An event with German and English texts, a question with options and a workshop. */
async function multilingualEvent() {
  const { slug, eventId } = await createEvent();
  await env.DB.prepare(`UPDATE events SET texts = ?2, questions = ?3 WHERE id = ?1`)
    .bind(
      eventId,
      JSON.stringify({ de: { title: "Elterncafé", summary: "Austausch", description: "Erster Absatz.\n\n– Punkt eins\n– Punkt zwei" }, en: { title: "Parents' café" } }),
      JSON.stringify([{ id: "ages", type: "single_choice", required: false, label: { de: "Alter" }, options: [{ id: "small", label: { de: "unter 3" } }] }]),
    )
    .run();
  await env.DB.prepare(`INSERT INTO capacity_pools (event_id, kind, key, slot, name, capacity) VALUES (?1, 'workshop', 'wa', 'morning', ?2, 5)`)
    .bind(eventId, JSON.stringify({ de: "Workshop Sprache" }))
    .run();
  return { slug, eventId };
}

describe("the fallback chain", () => {
  const source: LocalizedText = { de: "Elterncafé", en: "Parents' café" };
  const row = (locale: StoredTranslation["locale"], status: StoredTranslation["status"], text: string, from = "Elterncafé"): StoredTranslation => ({
    locale,
    field: "title",
    text,
    status,
    sourceLocale: "de",
    sourceHash: textHash(from),
  });

  it("the organiser's own words first, with no mark", () => {
    expect(showText("title", source, "de")).toEqual({ text: "Elterncafé" });
    expect(showText("title", source, "en", translationMap([row("en", "machine", "Parent café")]))).toEqual({ text: "Parents' café" });
  });

  it("then a reviewed translation (the organiser's too, no mark), then a machine one (marked), then English, then German", () => {
    const reviewed = translationMap([row("ar", "reviewed", "مقهى الآباء")]);
    expect(showText("title", source, "ar", reviewed)).toEqual({ text: "مقهى الآباء" });
    expect(showText("title", source, "uk", translationMap([row("uk", "machine", "Батьківське кафе")]))).toEqual({ text: "Батьківське кафе", mark: { lang: "uk", machine: true } });
    expect(showText("title", source, "tr")).toEqual({ text: "Parents' café", mark: { lang: "en", machine: false } });
    expect(showText("title", { de: "Elterncafé" }, "tr")).toEqual({ text: "Elterncafé", mark: { lang: "de", machine: false } });
    expect(showText("title", { de: "Elterncafé" }, "en")).toEqual({ text: "Elterncafé", mark: { lang: "de", machine: false } });
  });

  it("a machine translation of an older source is not shown; a missing one falls back", () => {
    const stale = translationMap([row("ru", "machine", "Старое кафе", "Altes Café")]);
    expect(showText("title", source, "ru", stale)).toEqual({ text: "Parents' café", mark: { lang: "en", machine: false } });
    expect(showText("title", source, "ru", translationMap([{ ...row("ru", "missing", ""), text: null }]))).toEqual({ text: "Parents' café", mark: { lang: "en", machine: false } });
  });

  it("a text only in another language than German or English is still shown, marked with that language", () => {
    expect(showText("title", { tr: "Veli kahvesi" }, "ar")).toEqual({ text: "Veli kahvesi", mark: { lang: "tr", machine: false } });
    expect(showText("title", {}, "ar")).toBeNull();
  });

  it("through the public API without an AI binding: English, then German, each marked with its language", async () => {
    const { slug } = await multilingualEvent();
    const ar = await publicEvent(slug, "ar");
    expect(ar.title).toBe("Parents' café");
    expect(ar.summary).toBe("Austausch");
    expect(ar.marks.title).toEqual({ lang: "en", machine: false });
    expect(ar.marks.summary).toEqual({ lang: "de", machine: false });
    expect(ar.marks.description).toEqual({ lang: "de", machine: false });
    expect(ar.fallback).toBe(true);
    expect(ar.questions[0]).toMatchObject({ label: "Alter", mark: { lang: "de", machine: false }, options: [{ label: "unter 3", mark: { lang: "de", machine: false } }] });
    expect(ar.workshops[0]).toMatchObject({ name: "Workshop Sprache", mark: { lang: "de", machine: false } });
    const de = await publicEvent(slug, "de");
    expect(de.marks).toEqual({});
    expect(de.fallback).toBe(false);
  });
});

describe("machine translation through Workers AI (a stand-in at the binding)", () => {
  it("translates every text the organiser did not write into each language, line by line, and the pages show it marked", async () => {
    const { slug, eventId } = await multilingualEvent();
    const model = fakeModel();
    const run = await translateEvent({ ...env, AI: model }, eventId, Date.now(), 500);
    expect(run.missing).toBe(0);
    // English has its own title: only the German-only texts are translated into it.
    expect(model.calls.filter((c) => c.target_lang === "en" && c.text === "Elterncafé")).toEqual([]);
    expect(model.calls.every((c) => c.source_lang === "de")).toBe(true);
    // The description went line by line: the list dashes and the blank line are kept, not sent.
    expect(model.calls.filter((c) => c.target_lang === "uk").map((c) => c.text)).toEqual(expect.arrayContaining(["Erster Absatz.", "Punkt eins", "Punkt zwei"]));
    const stored = await rows(`SELECT locale, status FROM event_translations WHERE event_id = ?1 AND field = 'title'`, eventId);
    expect(stored.map((r) => r.locale).sort()).toEqual(["ar", "ru", "tr", "uk"]);
    expect(new Set(stored.map((r) => r.status))).toEqual(new Set(["machine"]));

    const uk = await publicEvent(slug, "uk");
    expect(uk.title).toBe("[uk] Elterncafé");
    expect(uk.marks.title).toEqual({ lang: "uk", machine: true });
    expect(uk.description).toBe("[uk] Erster Absatz.\n\n– [uk] Punkt eins\n– [uk] Punkt zwei");
    expect(uk.fallback).toBe(false);
    expect(uk.workshops[0]).toMatchObject({ name: "[uk] Workshop Sprache", mark: { lang: "uk", machine: true } });
    expect(uk.questions[0].options[0]).toMatchObject({ label: "[uk] unter 3", mark: { lang: "uk", machine: true } });
    // English keeps the organiser's title, and gets a machine summary.
    const en = await publicEvent(slug, "en");
    expect(en.title).toBe("Parents' café");
    expect(en.marks.title).toBeUndefined();
    expect(en.summary).toBe("[en] Austausch");
  });

  it("is started by saving and by publishing the event, without the answer waiting", async () => {
    const staff = await createStaff({ role: "organiser", organisationId: 1 });
    const created = await consoleFetch(staff, "POST", "/api/console/events", eventInput());
    expect(created.status).toBe(201);
    const { event } = (await created.json()) as { event: { id: number } };
    // Saving through the console (the route's Worker has no AI binding here): after the answer, the texts are recorded as missing.
    const deadline = Date.now() + 5000;
    let missing = await rows(`SELECT DISTINCT status FROM event_translations WHERE event_id = ?1`, event.id);
    while (missing.length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      missing = await rows(`SELECT DISTINCT status FROM event_translations WHERE event_id = ?1`, event.id);
    }
    expect(missing).toEqual([{ status: "missing" }]);
    // The same save with the binding: the verb hands the translation to waitUntil.
    const pending: Promise<unknown>[] = [];
    const model = fakeModel();
    const ctx: DomainContext = { env: { ...env, AI: model }, now: Date.now(), waitUntil: (p) => void pending.push(p) };
    await updateEvent(ctx, `user:${staff.userId}`, event.id, parseEventInput(eventInput({ texts: { de: { title: "Elterncafé am Samstag" } } })));
    expect(pending.length).toBeGreaterThan(0);
    await Promise.all(pending);
    const [title] = await rows(`SELECT text, status FROM event_translations WHERE event_id = ?1 AND locale = 'ar' AND field = 'title'`, event.id);
    expect(title).toEqual({ text: "[ar] Elterncafé am Samstag", status: "machine" });
  });

  it("a corrected text is never overwritten: not by a later run, not after the source changed (then it is flagged)", async () => {
    const { slug, eventId } = await multilingualEvent();
    await translateEvent({ ...env, AI: fakeModel() }, eventId, Date.now(), 500);
    const staff = await createStaff({ role: "organiser", organisationId: 1 });
    const put = await consoleFetch(staff, "PUT", `/api/console/events/${eventId}/translations/ar`, { field: "title", text: "مقهى الأهل" });
    expect(put.status).toBe(200);
    // Runs at the same time as another save, and after the German title changed.
    await Promise.all([translateEvent({ ...env, AI: fakeModel() }, eventId, Date.now(), 500), reviewTranslation(withModel(undefined), staff.userId, eventId, "tr", "title", "Veli kahvesi")]);
    await env.DB.prepare(`UPDATE events SET texts = json_set(texts, '$.de.title', 'Elterncafé im Sommer') WHERE id = ?1`).bind(eventId).run();
    const model = fakeModel();
    await translateEvent({ ...env, AI: model }, eventId, Date.now(), 500);
    expect(model.calls.some((c) => c.target_lang === "ar" && c.text === "Elterncafé im Sommer")).toBe(false);
    expect(model.calls.some((c) => c.target_lang === "uk" && c.text === "Elterncafé im Sommer")).toBe(true);
    expect((await publicEvent(slug, "ar")).title).toBe("مقهى الأهل");
    expect((await publicEvent(slug, "tr")).title).toBe("Veli kahvesi");
    expect((await publicEvent(slug, "uk")).title).toBe("[uk] Elterncafé im Sommer");

    const list = await consoleFetch(staff, "GET", `/api/console/events/${eventId}/translations`);
    const { translations } = (await list.json()) as { translations: any };
    const ar = translations.locales.find((l: any) => l.locale === "ar");
    expect(ar.fields.find((f: any) => f.field === "title")).toMatchObject({ status: "reviewed", stale: true, text: "مقهى الأهل", source: { locale: "de", text: "Elterncafé im Sommer" } });
    const en = translations.locales.find((l: any) => l.locale === "en");
    expect(en.fields.find((f: any) => f.field === "title")).toMatchObject({ status: "original", text: "Parents' café" });
    expect(en.counts.original).toBeGreaterThan(0);
  });

  it("without the binding, or when the model fails, the texts are missing and the page falls back; the minutely job finishes them later", async () => {
    const { slug, eventId } = await multilingualEvent();
    const failing = await translateEvent({ ...env, AI: fakeModel({ failFor: "ru" }) }, eventId, Date.now(), 500);
    expect(failing.missing).toBeGreaterThan(0);
    const ru = await publicEvent(slug, "ru");
    expect(ru.title).toBe("Parents' café");
    expect(ru.marks.title).toEqual({ lang: "en", machine: false });
    expect(await translateMissing(withModel(undefined))).toEqual({ skipped: "not_due" });
    const later = await translateMissing(withModel(fakeModel()));
    expect(later).toMatchObject({ missing: 0 });
    expect((await publicEvent(slug, "ru")).title).toBe("[ru] Elterncafé");
  });

  it("a run stops at its budget of model calls and leaves the rest missing for the next", async () => {
    const { eventId } = await multilingualEvent();
    const model = fakeModel();
    const run = await translateEvent({ ...env, AI: model }, eventId, Date.now(), 3);
    expect(model.calls.length).toBe(3);
    expect(run.calls).toBe(3);
    expect(run.missing).toBeGreaterThan(0);
    expect((await rows(`SELECT COUNT(*) AS n FROM event_translations WHERE event_id = ?1 AND status = 'missing'`, eventId))[0]!.n).toBe(run.missing);
  });
});

describe("the console's review of translations", () => {
  it("says whether translation is configured and lists every text per language with its status", async () => {
    const { eventId } = await multilingualEvent();
    const staff = await createStaff({ role: "organiser", organisationId: 1 });
    const response = await consoleFetch(staff, "GET", `/api/console/events/${eventId}/translations`);
    expect(response.status).toBe(200);
    const { translations } = (await response.json()) as { translations: any };
    expect(translations.configured).toBe(false);
    expect(translations.locales.map((l: any) => l.locale)).toEqual(["de", "en", "tr", "ar", "uk", "ru"]);
    const de = translations.locales[0];
    expect(de.fields.map((f: any) => f.field)).toEqual(expect.arrayContaining(["title", "summary", "description", "location.name", "location.accessibility", "question.ages", "question.ages.option.small", "pool.wa"]));
    expect(new Set(de.fields.map((f: any) => f.status))).toEqual(new Set(["original"]));
    expect(translations.locales[3].fields.find((f: any) => f.field === "summary")).toMatchObject({ status: "missing", text: null, source: { locale: "de", text: "Austausch" } });
  });

  it("refuses bad input in the caller's language and stores nothing", async () => {
    const { eventId } = await multilingualEvent();
    const staff = await createStaff({ role: "organiser", organisationId: 1 });
    const cases: [string, unknown, number][] = [
      ["ar", { field: "title", text: "   " }, 422],
      ["ar", { field: "no.such.field", text: "x" }, 422],
      ["ar", { field: "title" }, 422],
      ["xx", { field: "title", text: "x" }, 404],
      // German is the organiser's own: edited in the event, not here.
      ["de", { field: "title", text: "Anders" }, 409],
    ];
    for (const [locale, body, status] of cases) {
      const response = await consoleFetch(staff, "PUT", `/api/console/events/${eventId}/translations/${locale}`, body, { "accept-language": "uk" });
      expect(response.status, JSON.stringify(body)).toBe(status);
      const { error } = (await response.json()) as { error: { message: string } };
      expect(error.message).toMatch(/[\u0400-\u04FF]/);
    }
    expect(await rows(`SELECT * FROM event_translations WHERE event_id = ?1`, eventId)).toEqual([]);
    const other = await createStaff({ role: "organiser", organisationId: 2 });
    expect((await consoleFetch(other, "PUT", `/api/console/events/${eventId}/translations/ar`, { field: "title", text: "x" })).status).toBe(404);
    expect((await consoleFetch(null, "GET", `/api/console/events/${eventId}/translations`)).status).toBe(401);
  });
});
