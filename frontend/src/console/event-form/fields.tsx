/**
 * The parts of the event form, shared by the guided creation (/console/new) and editing
 * (/console/edit): what it is about, when, where, registration (places, households, the
 * waitlist, workshops of a conference, stands of a fair), questions, and the settings most
 * events keep as they are. Every field is named by the API path its value goes to, so what
 * the API says about it appears at it; the labels say what organisers know, never "pool" or
 * "key".
 */
import type { ComponentChildren } from "preact";
import { useId } from "preact/hooks";
import { pad } from "../../../../workers/src/lib/time-zone";
import type { EventFormat, Locale, Question, ReminderRule } from "../types";
import { CheckboxField, ChoiceField, FieldMessage, Fieldset, SelectField, TextField } from "../ui/form";
import { AUDIENCES, LOCALES, LOCALE_NAMES, audienceName, formatName, s } from "../strings";
import { FREE_FORMATS, KINDS, dateName, emptySession, kindDefaults, poolIndex, workshop, type Draft, type DraftTexts, type Kind } from "./draft";

export type SetDraft = (change: (draft: Draft) => Draft) => void;
export type FormOrganisation = { id: number; name: string; timeZone: string };

const OTHER_LOCALES = LOCALES.filter((l) => l !== "de");
const KIND_LABEL = {
  workshop: "kind.workshop",
  series: "kind.series",
  conference: "kind.conference",
  fair: "kind.fair",
  free: "kind.free",
  online: "kind.online",
  application: "kind.application",
} as const;
const KIND_HINT = {
  workshop: "kind.workshop_hint",
  series: "kind.series_hint",
  conference: "kind.conference_hint",
  fair: "kind.fair_hint",
  free: "kind.free_hint",
  online: "kind.online_hint",
  application: "kind.application_hint",
} as const;

export const kindName = (kind: Kind) => s(KIND_LABEL[kind]);

/** The kinds as a choice (step one of the guided creation; editing may change it too). */
export function KindChoice({ value, onValue, name }: { value: Kind | null; onValue: (kind: Kind) => void; name?: string }) {
  return (
    <ChoiceField
      name={name}
      label={s("create.kind_question")}
      type="radio"
      inline={false}
      class="kind-choice"
      options={KINDS.map((kind) => ({ value: kind, label: s(KIND_LABEL[kind]), hint: s(KIND_HINT[kind]) }))}
      value={value ? [value] : []}
      onValue={([kind]) => kind && onValue(kind as Kind)}
    />
  );
}

/** Switching the kind of a draft keeps what was typed and takes the new kind's registration settings. */
export function withKind(draft: Draft, kind: Kind): Draft {
  const fresh = kindDefaults(kind, draft.organisationId);
  return {
    ...draft,
    kind,
    format: kind === "free" ? (FREE_FORMATS.includes(draft.format as (typeof FREE_FORMATS)[number]) ? draft.format : fresh.format) : fresh.format,
    places: draft.places || fresh.places,
    waitlist: fresh.waitlist,
    workshops: kind === "conference" && draft.workshops.length === 0 ? fresh.workshops : draft.workshops,
    stands: kind === "fair" ? draft.stands || fresh.stands : draft.stands,
    sessions: draft.sessions.length > 0 ? draft.sessions : fresh.sessions,
  };
}

function RowButtons({ children }: { children: ComponentChildren }) {
  return <div class="button-row row-buttons">{children}</div>;
}

function SmallButton({ label, hidden, onClick, danger = false, disabled = false }: { label: string; hidden?: string; onClick: () => void; danger?: boolean; disabled?: boolean }) {
  return (
    <button type="button" class={`button button-small ${danger ? "button-danger" : "button-secondary"}`} onClick={onClick} disabled={disabled}>
      {label}
      {hidden ? <span class="visually-hidden"> {hidden}</span> : null}
    </button>
  );
}

// ---------------------------------------------------------------- what it is about

export function AboutFields({ draft, set, organisations, showOrganisation }: { draft: Draft; set: SetDraft; organisations: FormOrganisation[]; showOrganisation: boolean }) {
  const text = (field: keyof DraftTexts) => (value: string) => set((d) => ({ ...d, texts: { ...d.texts, [field]: value } }));
  const translated = (locale: Locale, field: keyof DraftTexts) => (value: string) =>
    set((d) => ({ ...d, translations: { ...d.translations, [locale]: { ...d.translations[locale], [field]: value } } }));
  const filled = OTHER_LOCALES.filter((l) => Object.values(draft.translations[l] ?? {}).some((v) => v?.trim())).length;
  return (
    <Fieldset legend={s("create.about")}>
      {showOrganisation ? (
        <SelectField
          name="organisationId"
          label={s("edit.organisation")}
          value={String(draft.organisationId)}
          onValue={(value) => set((d) => ({ ...d, organisationId: Number(value) }))}
          options={organisations.map((o) => ({ value: String(o.id), label: o.name }))}
        />
      ) : null}
      {draft.kind === "free" ? (
        <SelectField
          name="format"
          label={s("create.free_format")}
          value={draft.format}
          onValue={(value) => set((d) => ({ ...d, format: value as EventFormat }))}
          options={FREE_FORMATS.map((f) => ({ value: f, label: formatName(f) }))}
        />
      ) : null}
      <TextField
        name="texts.de.title"
        label={s("create.title")}
        hint={s("create.title_hint")}
        required
        value={draft.texts.title}
        onValue={text("title")}
        lang="de"
        input={{ maxLength: 200 }}
      />
      <TextField
        name="texts.de.summary"
        label={s("edit.text_summary")}
        hint={s("edit.text_summary_hint")}
        multiline
        rows={2}
        value={draft.texts.summary}
        onValue={text("summary")}
        lang="de"
        input={{ maxLength: 500 }}
      />
      <TextField
        name="texts.de.description"
        label={s("edit.text_description")}
        hint={s("edit.text_description_hint")}
        multiline
        rows={6}
        value={draft.texts.description}
        onValue={text("description")}
        lang="de"
        input={{ maxLength: 10000 }}
      />
      <details class="translations">
        <summary>{s("create.translations", { count: filled })}</summary>
        <p class="hint">{s("edit.texts_hint")}</p>
        {OTHER_LOCALES.map((locale) => (
          <fieldset class="locale-block" key={locale} lang={locale}>
            <legend>{s("edit.texts_in", { language: LOCALE_NAMES[locale] })}</legend>
            {(["title", "summary", "description"] as const).map((field) => (
              <TextField
                key={field}
                name={`texts.${locale}.${field}`}
                label={`${s(field === "title" ? "edit.text_title" : field === "summary" ? "edit.text_summary" : "edit.text_description")} (${LOCALE_NAMES[locale]})`}
                multiline={field !== "title"}
                rows={field === "description" ? 4 : 2}
                lang={locale}
                value={draft.translations[locale]?.[field] ?? ""}
                onValue={translated(locale, field)}
              />
            ))}
          </fieldset>
        ))}
      </details>
    </Fieldset>
  );
}

// ---------------------------------------------------------------- when

export function DateFields({ draft, set, zone, editing }: { draft: Draft; set: SetDraft; zone: string; editing: boolean }) {
  const addId = `add-date-${useId().replace(/[^A-Za-z0-9]/g, "")}`;
  const update = (index: number, change: Partial<Draft["sessions"][number]>) =>
    set((d) => ({ ...d, sessions: d.sessions.map((session, i) => (i === index ? { ...session, ...change } : session)) }));
  return (
    <Fieldset legend={s("create.when")} hint={s(draft.kind === "series" || draft.kind === "application" ? "create.when_series_hint" : "create.when_hint", { zone })}>
      <FieldMessage name="sessions" label={s("create.when")} targetId={addId} />
      <div class="rows">
        {draft.sessions.map((session, i) => {
          const n = dateName(i);
          return (
            <fieldset class="row" key={session.id ?? `new-${i}`}>
              <legend>{n}</legend>
              <div class="row-fields">
                <TextField
                  name={`sessions.${i}.startsAt`}
                  label={s("edit.session_start")}
                  summaryLabel={`${n}: ${s("edit.session_start")}`}
                  required
                  type="datetime-local"
                  value={session.start}
                  onValue={(start) =>
                    update(i, {
                      start,
                      // A new end follows the start: same day, the same length as before (or two hours).
                      ...(start && (!session.end || session.end <= session.start) ? { end: laterBy(start, 2) } : {}),
                    })
                  }
                />
                <TextField
                  name={`sessions.${i}.endsAt`}
                  label={s("edit.session_end")}
                  summaryLabel={`${n}: ${s("edit.session_end")}`}
                  required
                  type="datetime-local"
                  value={session.end}
                  onValue={(end) => update(i, { end })}
                />
              </div>
              {editing && session.id ? (
                <CheckboxField
                  name={`sessions.${i}.cancelled`}
                  label={s("edit.session_cancelled")}
                  checked={session.cancelled}
                  onChecked={(cancelled) => update(i, { cancelled })}
                />
              ) : null}
              {draft.sessions.length > 1 ? (
                <RowButtons>
                  <SmallButton label={s("common.remove")} hidden={n} danger onClick={() => set((d) => ({ ...d, sessions: d.sessions.filter((_, j) => j !== i) }))} />
                </RowButtons>
              ) : null}
            </fieldset>
          );
        })}
      </div>
      <div class="button-row">
        <button
          id={addId}
          type="button"
          class="button button-secondary"
          onClick={() =>
            set((d) => {
              const last = d.sessions.at(-1);
              // The next date a week after the last, at the same time: the usual rhythm of a series.
              const next = last?.start && last.end ? { start: laterBy(last.start, 24 * 7), end: laterBy(last.end, 24 * 7), cancelled: false } : emptySession();
              return { ...d, sessions: [...d.sessions, next] };
            })
          }
        >
          {s("edit.session_add")}
        </button>
      </div>
    </Fieldset>
  );
}

/** A datetime-local value some hours later (wall time: the same clock time a week later). */
function laterBy(local: string, hours: number): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return local;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day, hour + hours, minute));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
}

// ---------------------------------------------------------------- where

export function PlaceFields({ draft, set }: { draft: Draft; set: SetDraft }) {
  const field = (key: "placeName" | "placeAddress" | "onlineUrl") => (value: string) => set((d) => ({ ...d, [key]: value }));
  return (
    <Fieldset legend={s("create.where")}>
      {draft.kind === "online" ? (
        <TextField
          name="onlineUrl"
          label={s("edit.online_url")}
          hint={s("edit.online_url_hint")}
          required
          type="url"
          value={draft.onlineUrl}
          onValue={field("onlineUrl")}
          input={{ maxLength: 500, spellcheck: false, inputMode: "url" }}
        />
      ) : (
        <>
          <TextField name="location.name" label={s("edit.place_name")} value={draft.placeName} onValue={field("placeName")} input={{ maxLength: 200 }} />
          <TextField name="location.address" label={s("edit.place_address")} value={draft.placeAddress} onValue={field("placeAddress")} input={{ maxLength: 300 }} />
          <TextField
            name="location.accessibility.de"
            label={s("edit.place_accessibility")}
            hint={s("edit.place_accessibility_hint")}
            multiline
            rows={2}
            value={draft.accessibility.de ?? ""}
            onValue={(value) => set((d) => ({ ...d, accessibility: { ...d.accessibility, de: value } }))}
            input={{ maxLength: 1000 }}
          />
        </>
      )}
    </Fieldset>
  );
}

// ---------------------------------------------------------------- registration

export function RegistrationFields({ draft, set }: { draft: Draft; set: SetDraft }) {
  const addWorkshopId = `add-workshop-${useId().replace(/[^A-Za-z0-9]/g, "")}`;
  if (draft.kind === "free") return null;
  const index = poolIndex(draft);
  const value = (key: "places" | "maxPlaces" | "offerHours" | "stands") => (v: string) => set((d) => ({ ...d, [key]: v }));
  const updateWorkshop = (i: number, change: Partial<Draft["workshops"][number]>) =>
    set((d) => ({ ...d, workshops: d.workshops.map((w, j) => (j === i ? { ...w, ...change } : w)) }));
  return (
    <Fieldset legend={s(draft.kind === "application" ? "create.applications" : "create.registration")}>
      {draft.kind === "application" ? <p class="hint">{s("create.application_hint")}</p> : null}
      <TextField
        name={`pools.${index.main}.capacity`}
        label={s(draft.kind === "fair" ? "create.visitor_places" : "create.places")}
        hint={s("create.places_hint")}
        required
        type="number"
        value={draft.places}
        onValue={value("places")}
        input={{ min: 0, max: 100000, inputMode: "numeric", class: "input-short" }}
      />
      {draft.kind === "fair" ? (
        <TextField
          name={index.stands !== null ? `pools.${index.stands}.capacity` : "stands"}
          label={s("create.stands")}
          hint={s("create.stands_hint")}
          type="number"
          value={draft.stands}
          onValue={value("stands")}
          input={{ min: 0, max: 1000, inputMode: "numeric", class: "input-short" }}
        />
      ) : null}
      {draft.kind === "conference" ? (
        <fieldset class="field-group workshops">
          <legend>{s("create.workshops")}</legend>
          <p class="hint">{s("create.workshops_hint")}</p>
          <FieldMessage name="workshops" label={s("create.workshops")} targetId={addWorkshopId} />
          <div class="rows">
            {draft.workshops.map((w, i) => {
              const n = s("create.workshop_n", { n: i + 1 });
              const at = index.workshops[i];
              return (
                <fieldset class="row" key={w.key}>
                  <legend>{n}</legend>
                  <TextField
                    name={`pools.${at}.name.de`}
                    label={s("create.workshop_name")}
                    summaryLabel={`${n}: ${s("create.workshop_name")}`}
                    required
                    value={w.name}
                    onValue={(name) => updateWorkshop(i, { name })}
                    input={{ maxLength: 200 }}
                  />
                  <div class="row-fields">
                    <TextField
                      name={`pools.${at}.slot`}
                      label={s("create.workshop_slot")}
                      summaryLabel={`${n}: ${s("create.workshop_slot")}`}
                      hint={s("create.workshop_slot_hint")}
                      value={w.slot}
                      onValue={(slot) => updateWorkshop(i, { slot })}
                      input={{ maxLength: 64, class: "input-short" }}
                    />
                    <TextField
                      name={`pools.${at}.capacity`}
                      label={s("create.workshop_places")}
                      summaryLabel={`${n}: ${s("create.workshop_places")}`}
                      required
                      type="number"
                      value={w.places}
                      onValue={(places) => updateWorkshop(i, { places })}
                      input={{ min: 0, max: 100000, inputMode: "numeric", class: "input-short" }}
                    />
                  </div>
                  <RowButtons>
                    <SmallButton label={s("common.remove")} hidden={n} danger onClick={() => set((d) => ({ ...d, workshops: d.workshops.filter((_, j) => j !== i) }))} />
                  </RowButtons>
                </fieldset>
              );
            })}
          </div>
          <div class="button-row">
            <button
              id={addWorkshopId}
              type="button"
              class="button button-secondary"
              onClick={() => set((d) => ({ ...d, workshops: [...d.workshops, workshop(d.workshops.at(-1)?.slot ?? "1")] }))}
            >
              {s("create.workshop_add")}
            </button>
          </div>
        </fieldset>
      ) : null}
      <CheckboxField
        name="countChildren"
        label={s("create.households")}
        hint={s("create.households_hint")}
        checked={draft.households}
        onChecked={(households) => set((d) => ({ ...d, households, maxPlaces: households && Number(d.maxPlaces) < 2 ? "4" : d.maxPlaces }))}
      />
      {draft.households ? (
        <TextField
          name="maxPlacesPerRegistration"
          label={s("create.max_places")}
          type="number"
          value={draft.maxPlaces}
          onValue={value("maxPlaces")}
          input={{ min: 2, max: 50, inputMode: "numeric", class: "input-short" }}
        />
      ) : null}
      <CheckboxField
        name="waitlistEnabled"
        label={s("create.waitlist")}
        hint={s("create.waitlist_hint")}
        checked={draft.waitlist}
        onChecked={(waitlist) => set((d) => ({ ...d, waitlist }))}
      />
      {draft.waitlist ? (
        <ChoiceField
          name="waitlistMode"
          label={s("edit.waitlist_mode")}
          type="radio"
          inline={false}
          options={[
            { value: "confirm", label: s("edit.waitlist_confirm") },
            { value: "offer", label: s("edit.waitlist_offer") },
          ]}
          value={[draft.waitlistMode]}
          onValue={([mode]) => set((d) => ({ ...d, waitlistMode: mode === "offer" ? "offer" : "confirm" }))}
        />
      ) : null}
      {draft.waitlist && draft.waitlistMode === "offer" ? (
        <TextField
          name="offerHours"
          label={s("edit.offer_hours")}
          hint={s("edit.offer_hours_hint")}
          type="number"
          value={draft.offerHours}
          onValue={value("offerHours")}
          input={{ min: 1, max: 336, class: "input-short" }}
        />
      ) : null}
      {draft.kind === "series" || draft.kind === "application" ? (
        <CheckboxField
          name="allowLateRegistration"
          label={s("create.allow_late")}
          hint={s("create.allow_late_hint")}
          checked={draft.allowLate}
          onChecked={(allowLate) => set((d) => ({ ...d, allowLate }))}
        />
      ) : null}
    </Fieldset>
  );
}

// ---------------------------------------------------------------- questions

const QUESTION_TYPES = ["short_text", "long_text", "single_choice", "multiple_choice", "checkbox", "number"] as const;
const QUESTION_TYPE_LABEL = {
  short_text: "question.short_text",
  long_text: "question.long_text",
  single_choice: "question.single_choice",
  multiple_choice: "question.multiple_choice",
  checkbox: "question.checkbox",
  number: "question.number",
} as const;
const newId = (prefix: string) => `${prefix}${Math.random().toString(36).slice(2, 8)}`;

export function QuestionFields({ draft, set }: { draft: Draft; set: SetDraft }) {
  const addId = `add-question-${useId().replace(/[^A-Za-z0-9]/g, "")}`;
  const update = (i: number, change: (q: Question) => Question) => set((d) => ({ ...d, questions: d.questions.map((q, j) => (j === i ? change(q) : q)) }));
  const move = (i: number, by: -1 | 1) =>
    set((d) => {
      const questions = [...d.questions];
      const [moved] = questions.splice(i, 1);
      questions.splice(i + by, 0, moved!);
      return { ...d, questions };
    });
  return (
    <Fieldset legend={s("edit.section_questions")} hint={s("edit.questions_hint")}>
      <div class="rows">
        {draft.questions.map((q, i) => {
          const n = s("edit.question_n", { n: i + 1 });
          const choice = q.type === "single_choice" || q.type === "multiple_choice";
          return (
            <fieldset class="row row-question" key={q.id}>
              <legend>{n}</legend>
              <TextField
                name={`questions.${i}.label.de`}
                label={s("edit.question_label")}
                summaryLabel={`${n}: ${s("edit.question_label")}`}
                required
                value={q.label.de ?? ""}
                onValue={(de) => update(i, (x) => ({ ...x, label: { ...x.label, de } }))}
                input={{ maxLength: 300 }}
              />
              <div class="row-fields">
                <SelectField
                  name={`questions.${i}.type`}
                  label={s("edit.question_type")}
                  summaryLabel={`${n}: ${s("edit.question_type")}`}
                  value={q.type}
                  onValue={(type) =>
                    update(i, (x) => {
                      const nowChoice = type === "single_choice" || type === "multiple_choice";
                      const { options, ...rest } = x;
                      const kept = options?.length
                        ? options
                        : [
                            { id: newId("o"), label: {} },
                            { id: newId("o"), label: {} },
                          ];
                      return { ...rest, type: type as Question["type"], ...(nowChoice ? { options: kept } : {}) };
                    })
                  }
                  options={QUESTION_TYPES.map((t) => ({ value: t, label: s(QUESTION_TYPE_LABEL[t]) }))}
                />
                <CheckboxField
                  name={`questions.${i}.required`}
                  label={s("edit.question_required")}
                  summaryLabel={`${n}: ${s("edit.question_required")}`}
                  checked={q.required}
                  onChecked={(required) => update(i, (x) => ({ ...x, required }))}
                />
              </div>
              {choice ? (
                <fieldset class="options">
                  <legend>{s("edit.options")}</legend>
                  <FieldMessage name={`questions.${i}.options`} label={`${n}: ${s("edit.options")}`} />
                  {(q.options ?? []).map((option, j) => (
                    <div class="row-fields" key={option.id}>
                      <TextField
                        name={`questions.${i}.options.${j}.label.de`}
                        label={s("edit.option_n", { n: j + 1 })}
                        summaryLabel={`${n}: ${s("edit.option_n", { n: j + 1 })}`}
                        value={option.label.de ?? ""}
                        onValue={(de) => update(i, (x) => ({ ...x, options: (x.options ?? []).map((o, k) => (k === j ? { ...o, label: { ...o.label, de } } : o)) }))}
                        input={{ maxLength: 200 }}
                      />
                      <RowButtons>
                        <SmallButton
                          label={s("common.remove")}
                          hidden={`${n}, ${s("edit.option_n", { n: j + 1 })}`}
                          danger
                          onClick={() => update(i, (x) => ({ ...x, options: (x.options ?? []).filter((_, k) => k !== j) }))}
                        />
                      </RowButtons>
                    </div>
                  ))}
                  <SmallButton
                    label={s("edit.option_add")}
                    hidden={n}
                    onClick={() => update(i, (x) => ({ ...x, options: [...(x.options ?? []), { id: newId("o"), label: {} }] }))}
                  />
                </fieldset>
              ) : null}
              <RowButtons>
                <SmallButton label="↑" hidden={s("edit.move_up", { item: n })} disabled={i === 0} onClick={() => move(i, -1)} />
                <SmallButton label="↓" hidden={s("edit.move_down", { item: n })} disabled={i === draft.questions.length - 1} onClick={() => move(i, 1)} />
                <SmallButton label={s("common.remove")} hidden={n} danger onClick={() => set((d) => ({ ...d, questions: d.questions.filter((_, j) => j !== i) }))} />
              </RowButtons>
            </fieldset>
          );
        })}
      </div>
      <div class="button-row">
        <button
          id={addId}
          type="button"
          class="button button-secondary"
          onClick={() => set((d) => ({ ...d, questions: [...d.questions, { id: newId("q"), type: "short_text", required: false, label: {} }] }))}
        >
          {s("edit.question_add")}
        </button>
      </div>
    </Fieldset>
  );
}

// ---------------------------------------------------------------- what most events keep

function ReminderRows({ draft, set }: { draft: Draft; set: SetDraft }) {
  const update = (i: number, rule: ReminderRule) => set((d) => ({ ...d, reminders: d.reminders.map((r, j) => (j === i ? rule : r)) }));
  return (
    <fieldset class="field-group">
      <legend>{s("edit.section_reminders")}</legend>
      <p class="hint">{s("edit.reminders_hint")}</p>
      {draft.reminders.map((rule, i) => {
        const n = s("edit.reminder_n", { n: i + 1 });
        return (
          <div class="row-fields" key={i}>
            <SelectField
              name={`reminderRules.${i}.kind`}
              label={s("edit.reminder_kind")}
              summaryLabel={`${n}: ${s("edit.reminder_kind")}`}
              value={rule.kind}
              onValue={(kind) => update(i, kind === "morning" ? { kind: "morning", hour: 7 } : { kind: "before", minutes: 1440 })}
              options={[
                { value: "before", label: s("edit.reminder_before") },
                { value: "morning", label: s("edit.reminder_morning") },
              ]}
            />
            <TextField
              name={rule.kind === "morning" ? `reminderRules.${i}.hour` : `reminderRules.${i}.minutes`}
              label={s(rule.kind === "morning" ? "edit.reminder_hour" : "edit.reminder_hours")}
              summaryLabel={`${n}: ${s(rule.kind === "morning" ? "edit.reminder_hour" : "edit.reminder_hours")}`}
              type="number"
              value={String(rule.kind === "morning" ? rule.hour : rule.minutes / 60)}
              onValue={(v) => update(i, rule.kind === "morning" ? { kind: "morning", hour: Number(v) } : { kind: "before", minutes: Math.round(Number(v) * 60) })}
              input={{ min: 0, max: rule.kind === "morning" ? 23 : 720, step: rule.kind === "morning" ? 1 : "any", class: "input-short" }}
            />
            <RowButtons>
              <SmallButton label={s("common.remove")} hidden={n} danger onClick={() => set((d) => ({ ...d, reminders: d.reminders.filter((_, j) => j !== i) }))} />
            </RowButtons>
          </div>
        );
      })}
      {draft.reminders.length < 5 ? (
        <SmallButton label={s("edit.reminder_add")} onClick={() => set((d) => ({ ...d, reminders: [...d.reminders, { kind: "before", minutes: 1440 }] }))} />
      ) : null}
    </fieldset>
  );
}

export function MoreSettings({ draft, set, zone, open }: { draft: Draft; set: SetDraft; zone: string; open?: boolean }) {
  const value = (key: "opensAt" | "closesAt" | "holdMinutes" | "checkinOpensMinutes") => (v: string) => set((d) => ({ ...d, [key]: v }));
  const registers = draft.kind !== "free";
  return (
    <details class="form-section more-settings" open={open}>
      <summary>{s("create.more")}</summary>
      <p class="hint">{s("create.more_hint")}</p>
      {registers ? (
        <>
          <div class="row-fields">
            <TextField
              name="registrationOpensAt"
              label={s("edit.opens_at")}
              hint={s("edit.local_time", { zone })}
              type="datetime-local"
              value={draft.opensAt}
              onValue={value("opensAt")}
            />
            <TextField
              name="registrationClosesAt"
              label={s("edit.closes_at")}
              hint={s("edit.local_time", { zone })}
              type="datetime-local"
              value={draft.closesAt}
              onValue={value("closesAt")}
            />
          </div>
          <CheckboxField
            name="emailConfirmation"
            label={s("edit.email_confirmation")}
            hint={s("edit.email_confirmation_hint")}
            checked={draft.emailConfirmation}
            onChecked={(emailConfirmation) => set((d) => ({ ...d, emailConfirmation }))}
          />
          {draft.emailConfirmation ? (
            <TextField
              name="holdMinutes"
              label={s("edit.hold_minutes")}
              type="number"
              value={draft.holdMinutes}
              onValue={value("holdMinutes")}
              input={{ min: 5, max: 1440, class: "input-short" }}
            />
          ) : null}
          <TextField
            name="checkinOpensMinutes"
            label={s("create.checkin_opens")}
            hint={s("create.checkin_opens_hint")}
            type="number"
            value={draft.checkinOpensMinutes}
            onValue={value("checkinOpensMinutes")}
            input={{ min: 0, max: 1440, class: "input-short" }}
          />
          <ReminderRows draft={draft} set={set} />
        </>
      ) : null}
      <ChoiceField
        name="audience"
        label={s("edit.audience")}
        type="checkbox"
        options={AUDIENCES.map((code) => ({ value: code, label: audienceName(code) }))}
        value={draft.audience}
        onValue={(audience) => set((d) => ({ ...d, audience }))}
      />
      <ChoiceField
        name="languages"
        label={s("edit.languages")}
        type="checkbox"
        options={LOCALES.map((code) => ({ value: code, label: LOCALE_NAMES[code], lang: code }))}
        value={draft.languages}
        onValue={(languages) => set((d) => ({ ...d, languages }))}
      />
      <TextField
        name="fundingLines"
        label={s("edit.funding_lines")}
        hint={s("edit.funding_lines_hint")}
        multiline
        rows={2}
        value={draft.fundingLines}
        onValue={(fundingLines) => set((d) => ({ ...d, fundingLines }))}
      />
      <TextField
        name="partners"
        label={s("edit.partners")}
        hint={s("edit.partners_hint")}
        multiline
        rows={2}
        value={draft.partners}
        onValue={(partners) => set((d) => ({ ...d, partners }))}
      />
    </details>
  );
}
