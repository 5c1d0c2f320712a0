/**
 * /console/edit?id=N and /console/edit?new: the event form. Texts per locale (German
 * required), format, audience, languages, sessions (Berlin wall-clock time, sent as UTC),
 * place or online link, capacity pools, registration settings, reminders, and a form builder
 * for the event's own questions. API validation errors appear in a summary at the top that
 * links to each field, and next to the fields.
 */
import type { ConsoleEvent, ConsoleEventResponse, EventInput, Locale, LocalizedText, Organisation, Question, ReminderRule } from "../types";
import {
  ConsoleFailure,
  ErrorDisplay,
  busy,
  call,
  canOrganise,
  choiceGroup,
  failureMessage,
  field,
  h,
  pageHeading,
  setChildren,
  startConsole,
  uniqueId,
  type Child,
  type FieldRef,
  type Me,
} from "../core";
import { DEFAULT_TIME_ZONE, isoToLocalInput, localInputToIso } from "../../../../workers/src/lib/time-zone";
import { AUDIENCES, FORMATS, LOCALES, LOCALE_NAMES, audienceName, formatName, s } from "../strings";

type Refs = Map<string, FieldRef>;
type Row<T> = { element: HTMLElement; read: () => T; register: (prefix: string, refs: Refs) => void; renumber?: (index: number, count: number) => void };

const POOL_KIND = { event: "edit.pool_kind_event", workshop: "edit.pool_kind_workshop", registration_type: "edit.pool_kind_registration_type" } as const;
const POOL_ADD = { event: "edit.pool_add_event", workshop: "edit.pool_add_workshop", registration_type: "edit.pool_add_registration_type" } as const;
const QUESTION_TYPE = {
  short_text: "question.short_text",
  long_text: "question.long_text",
  single_choice: "question.single_choice",
  multiple_choice: "question.multiple_choice",
  checkbox: "question.checkbox",
  number: "question.number",
} as const;
const OTHER_LOCALES = LOCALES.filter((l) => l !== "de");
let title = s("edit.title_new");

const randomKey = (prefix: string) => `${prefix}${Math.random().toString(36).slice(2, 8)}`;
const int = (input: HTMLInputElement) => (input.value.trim() === "" ? NaN : Number(input.value));
const clean = (text: LocalizedText): LocalizedText => Object.fromEntries(Object.entries(text).filter(([, v]) => v && v.trim() !== "").map(([k, v]) => [k, v!.trim()]));

function defaults(organisationId: number): EventInput {
  return {
    organisationId,
    format: "workshop",
    texts: { de: { title: "" } },
    audience: [],
    languages: ["de"],
    location: null,
    onlineUrl: null,
    registrationMode: "open",
    registrationOpensAt: null,
    registrationClosesAt: null,
    maxPlacesPerRegistration: 1,
    emailConfirmation: false,
    holdMinutes: 30,
    waitlistEnabled: true,
    waitlistMode: "confirm",
    offerHours: 48,
    questions: [],
    reminderRules: [
      { kind: "before", minutes: 2880 },
      { kind: "morning", hour: 7 },
    ],
    sessions: [{ startsAt: "", endsAt: "" }],
    pools: [{ kind: "event", key: "main", capacity: 20 }],
  };
}

async function render(main: HTMLElement, me: Me | null): Promise<void> {
  if (!me) return;
  const params = new URLSearchParams(location.search);
  const id = Number(params.get("id"));
  const isNew = !params.get("id");
  if (!canOrganise(me)) {
    main.replaceChildren(pageHeading(s("edit.title_new")), h("div", { class: "notice notice-error", role: "alert" }, h("p", null, s("edit.not_allowed"))));
    return;
  }
  let organisations: FormOrganisation[] = me.memberships
    .filter((m) => m.role === "organiser")
    .map((m) => ({ id: m.organisationId, name: m.organisationName, timeZone: DEFAULT_TIME_ZONE }));
  try {
    // All of them for administrators; for organisers, theirs with each one's time zone.
    const list = await call<{ organisations: Organisation[] }>("/api/console/organisations");
    organisations = list.organisations.filter((o) => me.isAdmin || o.role === "organiser").map((o) => ({ id: o.id, name: o.name, timeZone: o.timeZone }));
  } catch {
    // The memberships are enough to go on with (dates then read as Berlin time).
  }
  let event: ConsoleEvent | null = null;
  if (!isNew) {
    try {
      ({ event } = await call<ConsoleEventResponse>(`/api/console/events/${id}`));
    } catch (error) {
      main.replaceChildren(pageHeading(s("edit.title")), h("div", { class: "notice notice-error", role: "alert" }, h("p", null, error instanceof ConsoleFailure && error.status === 404 ? s("event.not_found") : failureMessage(error))));
      return;
    }
    if (!event.permissions.manage) {
      main.replaceChildren(pageHeading(s("edit.title")), h("div", { class: "notice notice-error", role: "alert" }, h("p", null, s("edit.not_allowed"))));
      return;
    }
    if (!organisations.some((o) => o.id === event!.organisationId)) organisations.push({ id: event.organisationId, name: event.organisationName, timeZone: event.timeZone });
  }
  if (organisations.length === 0) {
    main.replaceChildren(pageHeading(s("edit.title_new")), h("div", { class: "notice notice-error", role: "alert" }, h("p", null, s("edit.no_organisation"))));
    return;
  }
  const input: EventInput = event ? { ...event, pools: event.pools.map(({ id, kind, key, slot, name, capacity }) => ({ id, kind, key, slot, name, capacity })) } : defaults(organisations[0]!.id);
  title = event ? s("edit.title_named", { title: event.texts.de?.title ?? event.slug }) : s("edit.title_new");
  setChildren(main, pageHeading(title), params.has("duplicated") ? h("p", { class: "notice notice-success", role: "status" }, s("edit.duplicated_note")) : null, eventForm(input, event, organisations));
}

// ---------------------------------------------------------------- building blocks

/** German visible (required where asked), the other languages in a "translations" disclosure. */
function localizedFields(
  label: string,
  value: LocalizedText | null | undefined,
  options: { required?: boolean; multiline?: boolean; max: number; hint?: string },
): { element: HTMLElement; read: () => LocalizedText; register: (prefix: string, refs: Refs, labelPrefix?: string) => void } {
  const make = (locale: Locale) => {
    const control = options.multiline ? h("textarea", { rows: 3, maxlength: options.max }) : h("input", { type: "text", maxlength: options.max });
    control.value = value?.[locale] ?? "";
    return control;
  };
  const de = make("de");
  const deField = field(`${label} (${LOCALE_NAMES.de})`, de, { required: options.required, hint: options.hint, lang: "de" });
  const others = OTHER_LOCALES.map((locale) => {
    const control = make(locale);
    return { locale, control, ref: field(`${label} (${LOCALE_NAMES[locale]})`, control, { lang: locale }) };
  });
  const filled = others.filter((o) => o.control.value).length;
  const details = h("details", { class: "translations", open: false }, h("summary", null, s("edit.translations", { label, count: filled })), others.map((o) => o.ref.wrapper));
  for (const other of others) other.ref.reveal = () => (details.open = true);
  return {
    element: h("div", { class: "localized" }, deField.wrapper, details),
    read: () => clean({ de: de.value, ...Object.fromEntries(others.map((o) => [o.locale, o.control.value])) }),
    register: (prefix, refs, labelPrefix = "") => {
      const named = (ref: FieldRef): FieldRef => (labelPrefix ? { ...ref, label: `${labelPrefix}: ${ref.label}` } : ref);
      refs.set(prefix, named(deField));
      refs.set(`${prefix}.de`, named(deField));
      for (const other of others) refs.set(`${prefix}.${other.locale}`, named(other.ref));
    },
  };
}

function fieldset(legend: string, ...children: Child[]): HTMLFieldSetElement {
  return h("fieldset", { class: "form-section" }, h("legend", null, legend), ...children);
}

function rowButton(label: string, hidden: string, onclick: () => void, danger = false): HTMLButtonElement {
  return h("button", { type: "button", class: `button ${danger ? "button-danger" : "button-secondary"} button-small`, onclick }, label, h("span", { class: "visually-hidden" }, ` ${hidden}`));
}

/** A list of rows that can be added, removed and (optionally) reordered. */
class RowList<T> {
  readonly rows: Row<T>[] = [];
  readonly list = h("div", { class: "rows" });
  constructor(
    private readonly make: (value: T | null, list: RowList<T>) => Row<T>,
    private readonly max = Infinity,
    private readonly addButtons: HTMLButtonElement[] = [],
  ) {}
  add(value: T | null, focus = false): Row<T> | null {
    if (this.rows.length >= this.max) return null;
    const row = this.make(value, this);
    this.rows.push(row);
    this.list.append(row.element);
    this.renumber();
    if (focus) row.element.querySelector<HTMLElement>("input, select, textarea")?.focus();
    return row;
  }
  remove(row: Row<T>, focusAfter: HTMLElement): void {
    const index = this.rows.indexOf(row);
    this.rows.splice(index, 1);
    row.element.remove();
    this.renumber();
    const next = this.rows[index] ?? this.rows[index - 1];
    (next?.element.querySelector<HTMLElement>("input, select, textarea") ?? focusAfter).focus();
  }
  move(row: Row<T>, by: -1 | 1, button: "up" | "down"): void {
    const index = this.rows.indexOf(row);
    const target = index + by;
    if (target < 0 || target >= this.rows.length) return;
    this.rows.splice(index, 1);
    this.rows.splice(target, 0, row);
    this.list.replaceChildren(...this.rows.map((r) => r.element));
    this.renumber();
    // Keep the keyboard on the same button of the moved row (or its other arrow at an end).
    const buttons = row.element.querySelectorAll<HTMLButtonElement>(`[data-move]`);
    const same = [...buttons].find((b) => b.dataset.move === button && !b.disabled) ?? [...buttons].find((b) => !b.disabled);
    same?.focus();
  }
  renumber(): void {
    this.rows.forEach((row, index) => row.renumber?.(index, this.rows.length));
    for (const button of this.addButtons) button.disabled = this.rows.length >= this.max;
  }
  read(): T[] {
    return this.rows.map((row) => row.read());
  }
  register(prefix: string, refs: Refs): void {
    this.rows.forEach((row, index) => row.register(`${prefix}.${index}`, refs));
  }
}

// ---------------------------------------------------------------- the form

type FormOrganisation = { id: number; name: string; timeZone: string };

function eventForm(input: EventInput, event: ConsoleEvent | null, organisations: FormOrganisation[]): HTMLFormElement {
  const statics: Refs = new Map();
  const reg = (key: string, ref: FieldRef) => (statics.set(key, ref), ref.wrapper);

  // Basics
  const organisation = h("select", { name: "organisationId" }, organisations.map((o) => h("option", { value: String(o.id), selected: o.id === input.organisationId }, o.name)));
  // Dates are wall times in the organisation's zone: shown in the zone it had, read in the one chosen.
  const zoneOf = (id: number) => organisations.find((o) => o.id === id)?.timeZone ?? event?.timeZone ?? DEFAULT_TIME_ZONE;
  const shownZone = zoneOf(input.organisationId);
  const toInput = (iso: string | null | undefined) => isoToLocalInput(iso, shownZone);
  const fromInput = (value: string) => localInputToIso(value, zoneOf(Number(organisation.value)));
  const format = h("select", { name: "format" }, FORMATS.map((f) => h("option", { value: f, selected: f === input.format }, formatName(f))));
  const slug = h("input", { type: "text", name: "slug", maxlength: 80, pattern: "[a-z0-9][a-z0-9-]{2,80}", spellcheck: "false", autocomplete: "off" });
  if (event) {
    slug.value = event.slug;
    slug.readOnly = true;
  }

  // Texts per locale
  const texts = LOCALES.map((locale) => {
    const text = input.texts[locale] ?? {};
    const make = (kind: "title" | "summary" | "description" | "accessibility", multiline: boolean, max: number) => {
      const control = multiline ? h("textarea", { rows: kind === "description" ? 8 : 3, maxlength: max }) : h("input", { type: "text", maxlength: max });
      control.value = kind === "accessibility" ? (input.location?.accessibility?.[locale] ?? "") : (text[kind] ?? "");
      return control;
    };
    const controls = { title: make("title", false, 200), summary: make("summary", true, 500), description: make("description", true, 10000), accessibility: make("accessibility", true, 1000) };
    const inLanguage = (label: string) => `${label} (${LOCALE_NAMES[locale]})`;
    const refs = {
      title: field(inLanguage(s("edit.text_title")), controls.title, { required: locale === "de", lang: locale }),
      summary: field(inLanguage(s("edit.text_summary")), controls.summary, { lang: locale, hint: locale === "de" ? s("edit.text_summary_hint") : undefined }),
      description: field(inLanguage(s("edit.text_description")), controls.description, { lang: locale, hint: locale === "de" ? s("edit.text_description_hint") : undefined }),
      accessibility: field(inLanguage(s("edit.place_accessibility")), controls.accessibility, { lang: locale, hint: locale === "de" ? s("edit.place_accessibility_hint") : undefined }),
    };
    const body = [refs.title.wrapper, refs.summary.wrapper, refs.description.wrapper, refs.accessibility.wrapper];
    let element: HTMLElement;
    if (locale === "de") {
      element = h("fieldset", { class: "locale-block", lang: "de" }, h("legend", null, s("edit.texts_in", { language: LOCALE_NAMES.de })), body);
    } else {
      const filled = Object.values(controls).some((c) => c.value);
      const details = h("details", { class: "locale-block", open: filled }, h("summary", null, s("edit.texts_optional", { language: LOCALE_NAMES[locale] })), h("fieldset", null, h("legend", { class: "visually-hidden" }, s("edit.texts_in", { language: LOCALE_NAMES[locale] })), body));
      for (const ref of Object.values(refs)) ref.reveal = () => (details.open = true);
      element = details;
    }
    reg(`texts.${locale}.title`, refs.title);
    reg(`texts.${locale}.summary`, refs.summary);
    reg(`texts.${locale}.description`, refs.description);
    reg(`location.accessibility.${locale}`, refs.accessibility);
    if (locale === "de") statics.set(`texts.${locale}`, refs.title);
    return { locale, controls, element };
  });
  statics.set("texts", statics.get("texts.de.title")!);

  // Audience, languages
  const knownAudience = new Set<string>(AUDIENCES);
  const audience = choiceGroup(s("edit.audience"), "checkbox", "audience", AUDIENCES.map((code) => ({ value: code, label: audienceName(code) })), input.audience);
  const extraAudience = input.audience.filter((code) => !knownAudience.has(code));
  const languages = choiceGroup(s("edit.languages"), "checkbox", "languages", LOCALES.map((code) => ({ value: code, label: LOCALE_NAMES[code], lang: code })), input.languages);
  const otherLanguages = h("input", { type: "text", name: "otherLanguages", value: input.languages.filter((l) => !(LOCALES as readonly string[]).includes(l)).join(", "), spellcheck: "false" });
  reg("audience", audience);
  reg("languages", languages);

  // Sessions
  const sessionAdd = h("button", { type: "button", class: "button button-secondary" }, s("edit.session_add"));
  const sessions = new RowList<EventInput["sessions"][number]>((value, list) => {
    const start = h("input", { type: "datetime-local", value: toInput(value?.startsAt) });
    const end = h("input", { type: "datetime-local", value: toInput(value?.endsAt) });
    const cancelled = h("input", { type: "checkbox", checked: Boolean(value?.cancelled) });
    const startRef = field(s("edit.session_start"), start, { required: true });
    const endRef = field(s("edit.session_end"), end, { required: true });
    const cancelledRef = field(s("edit.session_cancelled"), cancelled);
    const legend = h("legend");
    const remove = rowButton(s("common.remove"), "", () => list.remove(row, sessionAdd), true);
    const element = h("fieldset", { class: "row" }, legend, h("div", { class: "row-fields" }, startRef.wrapper, endRef.wrapper), value?.id ? cancelledRef.wrapper : null, h("div", { class: "button-row" }, remove));
    const row: Row<EventInput["sessions"][number]> = {
      element,
      read: () => ({
        ...(value?.id ? { id: value.id } : {}),
        startsAt: fromInput(start.value) ?? "",
        endsAt: fromInput(end.value) ?? "",
        ...(value?.title ? { title: value.title } : {}),
        ...(value?.id ? { cancelled: cancelled.checked } : {}),
      }),
      register: (prefix, refs) => {
        refs.set(`${prefix}.startsAt`, startRef);
        refs.set(`${prefix}.endsAt`, endRef);
        refs.set(prefix, startRef);
      },
      renumber: (index) => {
        legend.textContent = s("edit.session_n", { n: index + 1 });
        startRef.label = `${s("edit.session_n", { n: index + 1 })}: ${s("edit.session_start")}`;
        endRef.label = `${s("edit.session_n", { n: index + 1 })}: ${s("edit.session_end")}`;
        remove.lastElementChild!.textContent = ` ${s("edit.session_n", { n: index + 1 })}`;
      },
    };
    return row;
  });
  sessionAdd.addEventListener("click", () => sessions.add(null, true));
  for (const session of input.sessions) sessions.add(session);

  // Place
  const placeName = h("input", { type: "text", maxlength: 200, value: input.location?.name ?? "" });
  const placeAddress = h("input", { type: "text", maxlength: 300, value: input.location?.address ?? "" });
  const onlineUrl = h("input", { type: "url", maxlength: 500, value: input.onlineUrl ?? "", spellcheck: "false", inputmode: "url" });

  // Registration
  const mode = choiceGroup(s("edit.mode"), "radio", "registrationMode", (["open", "approval", "none"] as const).map((m) => ({ value: m, label: s(({ open: "edit.mode_open", approval: "edit.mode_approval", none: "edit.mode_none" } as const)[m]) })), [input.registrationMode]);
  const opensAt = h("input", { type: "datetime-local", value: toInput(input.registrationOpensAt) });
  const closesAt = h("input", { type: "datetime-local", value: toInput(input.registrationClosesAt) });
  const maxPlaces = h("input", { type: "number", class: "input-short", min: 1, max: 50, value: String(input.maxPlacesPerRegistration) });
  const emailConfirmation = h("input", { type: "checkbox", checked: input.emailConfirmation });
  const holdMinutes = h("input", { type: "number", class: "input-short", min: 5, max: 1440, value: String(input.holdMinutes) });
  const waitlistEnabled = h("input", { type: "checkbox", checked: input.waitlistEnabled });
  const waitlistMode = choiceGroup(s("edit.waitlist_mode"), "radio", "waitlistMode", [{ value: "confirm", label: s("edit.waitlist_confirm") }, { value: "offer", label: s("edit.waitlist_offer") }], [input.waitlistMode]);
  const offerHours = h("input", { type: "number", class: "input-short", min: 1, max: 336, value: String(input.offerHours) });
  reg("registrationMode", mode);
  reg("waitlistMode", waitlistMode);

  // Pools
  const poolButtons = (["event", "workshop", "registration_type"] as const).map((kind) => h("button", { type: "button", class: "button button-secondary", "data-kind": kind }, s(POOL_ADD[kind])));
  const pools = new RowList<EventInput["pools"][number]>(
    (value, list) => {
      const kind = h("select", null, (["event", "workshop", "registration_type"] as const).map((k) => h("option", { value: k, selected: k === (value?.kind ?? "event") }, s(POOL_KIND[k]))));
      const key = h("input", { type: "text", maxlength: 64, value: value?.key ?? "", spellcheck: "false", pattern: "[a-z0-9][a-z0-9_-]*" });
      const slot = h("input", { type: "text", maxlength: 64, value: value?.slot ?? "" });
      const capacity = h("input", { type: "number", class: "input-short", min: 0, max: 100000, value: value ? String(value.capacity) : "" });
      const name = localizedFields(s("edit.pool_name"), value?.name, { max: 200 });
      const refs = {
        kind: field(s("edit.pool_kind"), kind),
        key: field(s("edit.pool_key"), key, { required: true, hint: s("edit.pool_key_hint") }),
        slot: field(s("edit.pool_slot"), slot, { hint: s("edit.pool_slot_hint") }),
        capacity: field(s("edit.pool_capacity"), capacity, { required: true }),
      };
      const legend = h("legend");
      const remove = rowButton(s("common.remove"), "", () => list.remove(row, poolButtons[0]!), true);
      const slotWrapper = refs.slot.wrapper;
      const syncKind = () => (slotWrapper.hidden = kind.value !== "workshop");
      kind.addEventListener("change", syncKind);
      syncKind();
      const element = h("fieldset", { class: "row" }, legend, h("div", { class: "row-fields" }, refs.kind.wrapper, refs.key.wrapper, refs.capacity.wrapper), slotWrapper, name.element, h("div", { class: "button-row" }, remove));
      const row: Row<EventInput["pools"][number]> = {
        element,
        read: () => {
          const label = name.read();
          return {
            ...(value?.id ? { id: value.id } : {}),
            kind: kind.value as "event" | "workshop" | "registration_type",
            key: key.value.trim(),
            slot: kind.value === "workshop" && slot.value.trim() ? slot.value.trim() : null,
            name: Object.keys(label).length > 0 ? label : null,
            capacity: int(capacity),
          };
        },
        register: (prefix, map) => {
          map.set(prefix, refs.key);
          map.set(`${prefix}.kind`, refs.kind);
          map.set(`${prefix}.key`, refs.key);
          map.set(`${prefix}.slot`, refs.slot);
          map.set(`${prefix}.capacity`, refs.capacity);
          name.register(`${prefix}.name`, map, legend.textContent ?? "");
        },
        renumber: (index) => {
          const n = s("edit.pool_n", { n: index + 1 });
          legend.textContent = n;
          for (const ref of Object.values(refs)) ref.label = `${n}: ${ref.label.replace(/^.*?: /, "")}`;
          remove.lastElementChild!.textContent = ` ${n}`;
        },
      };
      return row;
    },
    50,
    poolButtons,
  );
  poolButtons.forEach((button) =>
    button.addEventListener("click", () => {
      const kind = button.dataset.kind as "event" | "workshop" | "registration_type";
      const count = pools.rows.length + 1;
      pools.add({ kind, key: kind === "event" ? (pools.rows.length === 0 ? "main" : `pool-${count}`) : kind === "workshop" ? `ws-${count}` : `stands-${count}`, capacity: NaN, slot: kind === "workshop" ? "A" : null }, true);
    }),
  );
  for (const pool of input.pools) pools.add(pool);

  // Reminders
  const reminderAdd = h("button", { type: "button", class: "button button-secondary" }, s("edit.reminder_add"));
  const reminders = new RowList<ReminderRule>(
    (value, list) => {
      const kind = h("select", null, h("option", { value: "before", selected: value?.kind !== "morning" }, s("edit.reminder_before")), h("option", { value: "morning", selected: value?.kind === "morning" }, s("edit.reminder_morning")));
      const amount = h("input", { type: "number", class: "input-short", min: 0, step: "any" });
      const amountRef = field(s("edit.reminder_hours"), amount);
      const sync = () => {
        const label = amountRef.wrapper.querySelector("label")!;
        label.firstChild!.textContent = kind.value === "morning" ? s("edit.reminder_hour") : s("edit.reminder_hours");
        amount.max = kind.value === "morning" ? "23" : "720";
        amount.step = kind.value === "morning" ? "1" : "any";
      };
      amount.value = value ? String(value.kind === "morning" ? value.hour : value.minutes / 60) : "24";
      kind.addEventListener("change", () => {
        amount.value = kind.value === "morning" ? "7" : "24";
        sync();
      });
      sync();
      const kindRef = field(s("edit.reminder_kind"), kind);
      const legend = h("legend");
      const remove = rowButton(s("common.remove"), "", () => list.remove(row, reminderAdd), true);
      const element = h("fieldset", { class: "row" }, legend, h("div", { class: "row-fields" }, kindRef.wrapper, amountRef.wrapper), h("div", { class: "button-row" }, remove));
      const row: Row<ReminderRule> = {
        element,
        read: () => (kind.value === "morning" ? { kind: "morning", hour: int(amount) } : { kind: "before", minutes: Math.round(Number(amount.value) * 60) }),
        register: (prefix, map) => {
          map.set(prefix, kindRef);
          map.set(`${prefix}.kind`, kindRef);
          map.set(`${prefix}.minutes`, amountRef);
          map.set(`${prefix}.hour`, amountRef);
        },
        renumber: (index) => {
          legend.textContent = s("edit.reminder_n", { n: index + 1 });
          remove.lastElementChild!.textContent = ` ${s("edit.reminder_n", { n: index + 1 })}`;
        },
      };
      return row;
    },
    5,
    [reminderAdd],
  );
  reminderAdd.addEventListener("click", () => reminders.add(null, true));
  for (const rule of input.reminderRules) reminders.add(rule);

  // Questions (the form builder)
  const questionAdd = h("button", { type: "button", class: "button button-secondary" }, s("edit.question_add"));
  const questions = new RowList<Question>((value, list) => questionRow(value, list, questionAdd), 50, [questionAdd]);
  questionAdd.addEventListener("click", () => questions.add(null, true));
  for (const question of input.questions) questions.add(question);

  // Assembly
  const errors = new ErrorDisplay();
  const submit = h("button", { type: "submit", class: "button" }, event ? s("edit.save") : s("edit.create"));
  const regMaxPlaces = field(s("edit.max_places"), maxPlaces, { hint: s("edit.max_places_hint") });
  const form: HTMLFormElement = h(
    "form",
    { novalidate: true, class: "event-form" },
    h("p", { class: "hint" }, s("edit.required_hint")),
    event?.status === "published" ? h("p", { class: "notice" }, s("edit.published_hint")) : null,
    fieldset(
      s("edit.section_basics"),
      reg("organisationId", field(s("edit.organisation"), organisation)),
      reg("format", field(s("edit.format"), format)),
      reg("slug", field(s("edit.slug"), slug, { hint: event ? s("edit.slug_fixed") : s("edit.slug_hint") })),
    ),
    fieldset(s("edit.section_texts"), h("p", { class: "hint" }, s("edit.texts_hint")), texts.map((t) => t.element)),
    fieldset(s("edit.section_audience"), audience.wrapper, languages.wrapper, reg("languages.other", field(s("edit.languages_other"), otherLanguages, { hint: s("edit.languages_other_hint") }))),
    fieldset(s("edit.section_sessions"), h("p", { class: "hint" }, s("edit.sessions_hint")), sessions.list, h("div", { class: "button-row" }, sessionAdd)),
    fieldset(
      s("edit.section_place"),
      reg("location.name", field(s("edit.place_name"), placeName, { hint: s("edit.place_name_hint") })),
      reg("location.address", field(s("edit.place_address"), placeAddress)),
      h("p", { class: "hint" }, s("edit.place_accessibility_where")),
      reg("onlineUrl", field(s("edit.online_url"), onlineUrl, { hint: s("edit.online_url_hint") })),
    ),
    fieldset(
      s("edit.section_registration"),
      mode.wrapper,
      h("div", { class: "row-fields" }, reg("registrationOpensAt", field(s("edit.opens_at"), opensAt, { hint: s("edit.local_time", { zone: shownZone }) })), reg("registrationClosesAt", field(s("edit.closes_at"), closesAt, { hint: s("edit.local_time", { zone: shownZone }) }))),
      reg("maxPlacesPerRegistration", regMaxPlaces),
      reg("emailConfirmation", field(s("edit.email_confirmation"), emailConfirmation, { hint: s("edit.email_confirmation_hint") })),
      reg("holdMinutes", field(s("edit.hold_minutes"), holdMinutes)),
      reg("waitlistEnabled", field(s("edit.waitlist_enabled"), waitlistEnabled)),
      waitlistMode.wrapper,
      reg("offerHours", field(s("edit.offer_hours"), offerHours, { hint: s("edit.offer_hours_hint") })),
    ),
    fieldset(s("edit.section_pools"), h("p", { class: "hint" }, s("edit.pools_hint")), pools.list, h("div", { class: "button-row" }, poolButtons)),
    fieldset(s("edit.section_reminders"), h("p", { class: "hint" }, s("edit.reminders_hint")), reminders.list, h("div", { class: "button-row" }, reminderAdd)),
    fieldset(s("edit.section_questions"), h("p", { class: "hint" }, s("edit.questions_hint")), questions.list, h("div", { class: "button-row" }, questionAdd)),
    h("div", { class: "actions" }, submit, h("a", { class: "button button-secondary", href: event ? `/console/event?id=${event.id}` : "/console/" }, s("common.cancel"))),
  );
  // A place for errors about whole lists ("pools": an event pool is required).
  for (const [key, list, focusTarget] of [["pools", pools.list, poolButtons[0]!], ["sessions", sessions.list, sessionAdd], ["questions", questions.list, questionAdd], ["reminderRules", reminders.list, reminderAdd]] as const) {
    const error = h("p", { class: "field-error", hidden: true, id: uniqueId("list-error") });
    list.before(error);
    statics.set(key, { label: (list.closest("fieldset")?.querySelector("legend")?.textContent ?? key), wrapper: list.closest("fieldset")!, focus: focusTarget, error, controls: [] });
  }

  const sync = () => {
    const none = mode.values()[0] === "none";
    for (const element of [regMaxPlaces.wrapper, emailConfirmation.closest(".field"), holdMinutes.closest(".field"), waitlistEnabled.closest(".field"), waitlistMode.wrapper, offerHours.closest(".field")]) {
      if (element instanceof HTMLElement) element.hidden = none;
    }
    (holdMinutes.closest(".field") as HTMLElement).hidden = none || !emailConfirmation.checked;
    waitlistMode.wrapper.hidden = none || !waitlistEnabled.checked;
    (offerHours.closest(".field") as HTMLElement).hidden = none || !waitlistEnabled.checked || waitlistMode.values()[0] !== "offer";
  };
  form.addEventListener("change", sync);
  sync();

  const collect = (): EventInput => {
    const textsValue: EventInput["texts"] = {};
    const accessibility: LocalizedText = {};
    for (const { locale, controls } of texts) {
      const entry = Object.fromEntries((["title", "summary", "description"] as const).filter((k) => controls[k].value.trim()).map((k) => [k, controls[k].value.trim()]));
      if (locale === "de" || Object.keys(entry).length > 0) textsValue[locale] = entry;
      if (controls.accessibility.value.trim()) accessibility[locale] = controls.accessibility.value.trim();
    }
    const hasPlace = placeName.value.trim() || placeAddress.value.trim() || Object.keys(accessibility).length > 0;
    const languageCodes = [...languages.values(), ...otherLanguages.value.split(/[,;\s]+/).map((v) => v.trim()).filter(Boolean)];
    return {
      organisationId: Number(organisation.value),
      ...(event ? {} : slug.value.trim() ? { slug: slug.value.trim() } : {}),
      format: format.value as EventInput["format"],
      texts: textsValue,
      audience: [...audience.values(), ...extraAudience],
      languages: [...new Set(languageCodes)],
      location: hasPlace ? { name: placeName.value.trim(), ...(placeAddress.value.trim() ? { address: placeAddress.value.trim() } : {}), ...(Object.keys(accessibility).length > 0 ? { accessibility } : {}) } : null,
      onlineUrl: onlineUrl.value.trim() || null,
      registrationMode: (mode.values()[0] ?? "open") as EventInput["registrationMode"],
      registrationOpensAt: fromInput(opensAt.value),
      registrationClosesAt: fromInput(closesAt.value),
      maxPlacesPerRegistration: int(maxPlaces),
      emailConfirmation: emailConfirmation.checked,
      holdMinutes: int(holdMinutes),
      waitlistEnabled: waitlistEnabled.checked,
      waitlistMode: (waitlistMode.values()[0] ?? "confirm") as EventInput["waitlistMode"],
      offerHours: int(offerHours),
      questions: questions.read(),
      reminderRules: reminders.read(),
      sessions: sessions.read(),
      pools: pools.read(),
    };
  };

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const body = collect();
    const refs: Refs = new Map(statics);
    sessions.register("sessions", refs);
    pools.register("pools", refs);
    reminders.register("reminderRules", refs);
    questions.register("questions", refs);
    const done = busy(submit);
    submit.textContent = s("common.saving");
    try {
      const { event: saved } = await call<ConsoleEventResponse>(event ? `/api/console/events/${event.id}` : "/api/console/events", { method: event ? "PUT" : "POST", body });
      location.assign(`/console/event?id=${saved.id}&${event ? "saved" : "created"}=1`);
    } catch (error) {
      done();
      errors.show(form, failureMessage(error), error instanceof ConsoleFailure ? error.fields : {}, (key) => refs.get(key));
    }
  });
  return form;
}

function questionRow(value: Question | null, list: RowList<Question>, addButton: HTMLButtonElement): Row<Question> {
  const id = value?.id ?? randomKey("q");
  const types = ["short_text", "long_text", "single_choice", "multiple_choice", "checkbox", "number"] as const;
  const type = h("select", null, types.map((t) => h("option", { value: t, selected: t === (value?.type ?? "short_text") }, s(QUESTION_TYPE[t]))));
  const required = h("input", { type: "checkbox", checked: value?.required ?? false });
  const label = localizedFields(s("edit.question_label"), value?.label, { required: true, max: 300 });
  const typeRef = field(s("edit.question_type"), type);
  const requiredRef = field(s("edit.question_required"), required);
  const optionAdd = h("button", { type: "button", class: "button button-secondary button-small" }, s("edit.option_add"));
  const options = new RowList<{ id: string; label: LocalizedText }>(
    (option, optionList) => {
      const optionId = option?.id ?? randomKey("o");
      const optionLabel = localizedFields(s("edit.option_label"), option?.label, { required: true, max: 200 });
      const remove = rowButton(s("common.remove"), "", () => optionList.remove(row, optionAdd), true);
      const legend = h("legend");
      const element = h("fieldset", { class: "row row-option" }, legend, optionLabel.element, h("div", { class: "button-row" }, remove));
      const row: Row<{ id: string; label: LocalizedText }> = {
        element,
        read: () => ({ id: optionId, label: optionLabel.read() }),
        register: (prefix, map) => {
          optionLabel.register(`${prefix}.label`, map, `${list.rows.length > 0 ? element.closest(".row-question")?.querySelector("legend")?.textContent ?? "" : ""} ${legend.textContent}`.trim());
          map.set(prefix, map.get(`${prefix}.label.de`)!);
        },
        renumber: (index) => {
          legend.textContent = s("edit.option_n", { n: index + 1 });
          remove.lastElementChild!.textContent = ` ${s("edit.option_n", { n: index + 1 })}`;
        },
      };
      return row;
    },
    50,
    [optionAdd],
  );
  optionAdd.addEventListener("click", () => options.add(null, true));
  for (const option of value?.options ?? []) options.add(option);
  const optionsError = h("p", { class: "field-error", hidden: true, id: uniqueId("options-error") });
  const optionsBox = h("fieldset", { class: "options" }, h("legend", null, s("edit.options")), optionsError, options.list, h("div", { class: "button-row" }, optionAdd));
  const syncType = () => {
    const choice = type.value === "single_choice" || type.value === "multiple_choice";
    optionsBox.hidden = !choice;
    if (choice && options.rows.length === 0) {
      options.add(null);
      options.add(null);
    }
  };
  type.addEventListener("change", syncType);
  syncType();

  const legend = h("legend");
  const up = rowButton("↑", "", () => list.move(row, -1, "up"));
  const down = rowButton("↓", "", () => list.move(row, 1, "down"));
  up.dataset.move = "up";
  down.dataset.move = "down";
  const remove = rowButton(s("common.remove"), "", () => list.remove(row, addButton), true);
  const element = h("fieldset", { class: "row row-question" }, legend, h("div", { class: "row-fields" }, typeRef.wrapper, requiredRef.wrapper), label.element, optionsBox, h("div", { class: "button-row" }, up, down, remove));
  const row: Row<Question> = {
    element,
    read: () => {
      const choice = type.value === "single_choice" || type.value === "multiple_choice";
      return { id, type: type.value as Question["type"], required: required.checked, label: label.read(), ...(choice ? { options: options.read() } : {}) };
    },
    register: (prefix, map) => {
      map.set(prefix, typeRef);
      map.set(`${prefix}.type`, typeRef);
      map.set(`${prefix}.required`, requiredRef);
      map.set(`${prefix}.id`, typeRef);
      label.register(`${prefix}.label`, map, legend.textContent ?? "");
      map.set(`${prefix}.options`, { label: `${legend.textContent}: ${s("edit.options")}`, wrapper: optionsBox, focus: optionAdd, error: optionsError, controls: [] });
      options.register(`${prefix}.options`, map);
    },
    renumber: (index, count) => {
      const n = s("edit.question_n", { n: index + 1 });
      legend.textContent = n;
      up.lastElementChild!.textContent = ` ${s("edit.move_up", { item: n })}`;
      down.lastElementChild!.textContent = ` ${s("edit.move_down", { item: n })}`;
      remove.lastElementChild!.textContent = ` ${n}`;
      up.disabled = index === 0;
      down.disabled = index === count - 1;
      typeRef.label = `${n}: ${s("edit.question_type")}`;
      requiredRef.label = `${n}: ${s("edit.question_required")}`;
    },
  };
  return row;
}

void startConsole({ needsUser: true, title: () => title, render });
