/**
 * `/console/translations?id=<event>`: the translations of an event's texts, language by
 * language, with where each comes from (the organiser, the machine, a review, or missing), and
 * a form per text to correct or approve it. A saved text is "reviewed": no machine translation
 * overwrites it (domain/events/translation.ts). Its texts are its own (translations-strings.ts).
 */
import { useState } from "preact/hooks";
import type { ConsoleEventResponse, ConsoleTranslationField, ConsoleTranslationLocale, ConsoleTranslations, ConsoleTranslationsResponse } from "../../../../workers/src/console-types";
import { isRtl, languageName } from "../../../../workers/src/i18n/vocabulary";
import { api } from "../ui/api";
import { Form, TextField, useForm } from "../ui/form";
import { Loaded, useLoad } from "../ui/load";
import { Notice } from "../ui/messages";
import { mountPage, PageHeading, useTitle } from "../ui/page";
import { consoleLocale, eventTitle } from "../strings";
import { fieldKind, tr } from "./translations-strings";

type Locale = ConsoleTranslationLocale["locale"];

const eventId = Number(new URLSearchParams(location.search).get("id"));
const language = (locale: Locale) => languageName(locale, consoleLocale());
const dirOf = (locale: Locale) => (isRtl(locale) ? "rtl" : "ltr");

function FieldRow({ locale, field, onSaved }: { locale: Locale; field: ConsoleTranslationField; onSaved: (next: ConsoleTranslations) => void }) {
  const form = useForm();
  const [text, setText] = useState(field.text ?? "");
  const status = (
    <p class={`translation-status status-${field.status}`} data-status={field.status}>
      {tr(`status.${field.status}`)}
    </p>
  );
  if (field.status === "original") {
    return (
      <li class="translation" data-field={field.field}>
        <h4>{fieldKind(field.field)}</h4>
        {status}
        <p lang={locale} dir={dirOf(locale)}>
          {field.text}
        </p>
        <p class="hint">{tr("original_hint")}</p>
      </li>
    );
  }
  return (
    <li class="translation" data-field={field.field}>
      <h4>{fieldKind(field.field)}</h4>
      {status}
      {field.stale ? <Notice>{tr("stale")}</Notice> : null}
      <div class="translation-source">
        <p class="hint">{tr("source", { language: language(field.source.locale) })}</p>
        <p lang={field.source.locale} dir={dirOf(field.source.locale)}>
          {field.source.text}
        </p>
      </div>
      <Form
        form={form}
        class="translation-form"
        submitLabel={tr("save")}
        submitVariant="secondary"
        onSubmit={async () => {
          const { translations } = await api.put<ConsoleTranslationsResponse>(`/api/console/events/${eventId}/translations/${locale}`, { field: field.field, text });
          onSaved(translations);
          return tr("saved");
        }}
      >
        <TextField
          name="text"
          label={tr("translation", { language: language(locale) })}
          lang={locale}
          multiline
          rows={field.source.text.length > 120 ? 6 : 2}
          value={text}
          onValue={setText}
        />
      </Form>
    </li>
  );
}

function LocaleSection({ block, onSaved }: { block: ConsoleTranslationLocale; onSaved: (next: ConsoleTranslations) => void }) {
  const heading = `${language(block.locale)}${block.locale === consoleLocale() ? "" : ` (${languageName(block.locale, block.locale)})`}`;
  return (
    <section class="translation-locale" data-locale={block.locale} aria-labelledby={`locale-${block.locale}`}>
      <h2 id={`locale-${block.locale}`}>{heading}</h2>
      <p class="hint">{tr("counts", block.counts)}</p>
      <ol class="translations">
        {block.fields.map((field) => (
          <FieldRow key={`${field.field}:${field.status}`} locale={block.locale} field={field} onSaved={onSaved} />
        ))}
      </ol>
    </section>
  );
}

function TranslationsPage() {
  const valid = Number.isSafeInteger(eventId) && eventId > 0;
  const loaded = useLoad(async () => {
    if (!valid) return null;
    const [{ event }, { translations }] = await Promise.all([
      api.get<ConsoleEventResponse>(`/api/console/events/${eventId}`),
      api.get<ConsoleTranslationsResponse>(`/api/console/events/${eventId}/translations`),
    ]);
    return { title: eventTitle(event), translations };
  }, []);
  useTitle(loaded.data ? tr("heading", { event: loaded.data.title }) : tr("title"));
  if (!valid) {
    return (
      <>
        <PageHeading>{tr("title")}</PageHeading>
        <Notice>{tr("missing_event")}</Notice>
      </>
    );
  }
  return (
    <Loaded state={loaded}>
      {(data) =>
        data ? (
          <>
            <PageHeading>{tr("heading", { event: data.title })}</PageHeading>
            <p>
              <a href={`/console/event?id=${eventId}`}>{tr("back")}</a>
            </p>
            <p class="lead">{tr("intro")}</p>
            {data.translations.configured ? null : (
              <p class="notice" data-configured="false">
                {tr("not_configured")}
              </p>
            )}
            {data.translations.locales.map((block) => (
              <LocaleSection key={block.locale} block={block} onSaved={(next) => loaded.set({ ...data, translations: next })} />
            ))}
          </>
        ) : null
      }
    </Loaded>
  );
}

void mountPage(TranslationsPage, { needsUser: true });
