/**
 * `/console/translations?id=<event>`: the translations of an event's texts, language by
 * language, with where each comes from (the organiser, the machine, a review, or missing), and
 * a form per text to correct or approve it. A saved text is "reviewed": no machine translation
 * overwrites it (domain/events/translation.ts). It uses only the console's API client and frame
 * (core.ts) and its own strings, so it stands apart from the rest of the console.
 */
import type { ConsoleEventResponse, ConsoleTranslationField, ConsoleTranslationLocale, ConsoleTranslations, ConsoleTranslationsResponse } from "../../../../workers/src/console-types";
import { isRtl, languageName } from "../../../../workers/src/i18n/vocabulary";
import { append, call, failureMessage, h, startConsole, type Child } from "../core";
import { consoleLocale } from "../strings";
import { fieldKind, tr } from "./translations-strings";

const eventId = Number(new URLSearchParams(location.search).get("id"));
let title = "";

const language = (locale: ConsoleTranslationLocale["locale"]) => languageName(locale, consoleLocale());
const dirOf = (locale: ConsoleTranslationLocale["locale"]) => (isRtl(locale) ? "rtl" : "ltr");

function fieldRow(locale: ConsoleTranslationLocale["locale"], field: ConsoleTranslationField, index: number, onSaved: (next: ConsoleTranslations) => void): HTMLElement {
  const id = `t-${locale}-${index}`;
  const status = h("p", { class: `translation-status status-${field.status}`, "data-status": field.status }, tr(`status.${field.status}`));
  const source = h("div", { class: "translation-source" }, h("p", { class: "hint" }, tr("source", { language: language(field.source.locale) })), h("p", { lang: field.source.locale, dir: dirOf(field.source.locale) }, field.source.text));
  if (field.status === "original") {
    return h("li", { class: "translation", "data-field": field.field }, h("h4", null, fieldKind(field.field)), status, h("p", { lang: locale, dir: dirOf(locale) }, field.text), h("p", { class: "hint" }, tr("original_hint")));
  }
  const textarea = h("textarea", { id, name: id, rows: field.source.text.length > 120 ? "6" : "2", lang: locale, dir: dirOf(locale) });
  textarea.value = field.text ?? "";
  const message = h("p", { role: "status", "aria-live": "polite" });
  const button = h("button", { type: "submit", class: "button button-secondary" }, tr("save"));
  const form = h(
    "form",
    {
      class: "translation-form",
      onsubmit: async (event: Event) => {
        event.preventDefault();
        button.disabled = true;
        message.replaceChildren();
        try {
          const { translations } = await call<ConsoleTranslationsResponse>(`/api/console/events/${eventId}/translations/${locale}`, {
            method: "PUT",
            body: { field: field.field, text: textarea.value },
          });
          onSaved(translations);
          document.getElementById(id)?.closest("li")?.querySelector<HTMLElement>("[role=status]")?.replaceChildren(tr("saved"));
        } catch (error) {
          message.replaceChildren(h("span", { class: "field-error" }, failureMessage(error)));
          button.disabled = false;
        }
      },
    },
    h("label", { for: id }, tr("translation", { language: language(locale) })),
    textarea,
    h("div", { class: "button-row" }, button),
  );
  return h(
    "li",
    { class: "translation", "data-field": field.field },
    h("h4", null, fieldKind(field.field)),
    status,
    field.stale ? h("p", { class: "notice" }, tr("stale")) : null,
    source,
    form,
    message,
  );
}

function localeSection(block: ConsoleTranslationLocale, onSaved: (next: ConsoleTranslations) => void): HTMLElement {
  const heading = `${language(block.locale)}${block.locale === consoleLocale() ? "" : ` (${languageName(block.locale, block.locale)})`}`;
  return h(
    "section",
    { class: "translation-locale", "data-locale": block.locale, "aria-labelledby": `locale-${block.locale}` },
    h("h2", { id: `locale-${block.locale}` }, heading),
    h("p", { class: "hint" }, tr("counts", block.counts)),
    h("ol", { class: "translations" }, block.fields.map((field, index) => fieldRow(block.locale, field, index, onSaved))),
  );
}

function show(main: HTMLElement, translations: ConsoleTranslations): void {
  const sections: Child[] = translations.locales.map((block) =>
    localeSection(block, (next) => {
      const fresh = next.locales.find((l) => l.locale === block.locale);
      const old = main.querySelector(`section[data-locale="${block.locale}"]`);
      if (fresh && old) old.replaceWith(localeSection(fresh, (again) => show(main, again)));
    }),
  );
  main.replaceChildren();
  append(
    main,
    h("h1", null, tr("heading", { event: title })),
    h("p", null, h("a", { href: `/console/event?id=${eventId}` }, tr("back"))),
    h("p", { class: "lead" }, tr("intro")),
    translations.configured ? null : h("p", { class: "notice", "data-configured": "false" }, tr("not_configured")),
    sections,
  );
}

void startConsole({
  needsUser: true,
  title: () => title || tr("title"),
  async render(main) {
    if (!Number.isSafeInteger(eventId) || eventId <= 0) {
      main.replaceChildren(h("h1", null, tr("title")), h("p", { class: "notice" }, tr("missing_event")));
      return;
    }
    const [{ event }, { translations }] = await Promise.all([
      call<ConsoleEventResponse>(`/api/console/events/${eventId}`),
      call<ConsoleTranslationsResponse>(`/api/console/events/${eventId}/translations`),
    ]);
    title = event.texts.de?.title ?? event.slug;
    show(main, translations);
  },
});
