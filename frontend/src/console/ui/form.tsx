/**
 * The one form and field-error system of the console. A `<Form>` sends; whatever fails comes
 * back as field problems keyed by the API's dotted paths ("sessions.0.startsAt",
 * "texts.de.title") or by the form's own checks (`throw new FieldProblems({...})`, for
 * messages in plain words before anything is sent). Each problem is shown
 *
 * - at its field (the message under the label, `aria-invalid`, `aria-describedby`), and
 * - in a summary at the top of the form that takes the focus and links to each field
 *   ("Beginn des ersten Termins: Bitte füllen Sie dieses Feld aus"), opening any closed
 *   `<details>` or step around it.
 *
 * A problem whose path names no field on the page goes to the field of the nearest shorter
 * path ("questions.0.options.1.label.de" → "questions.0.options"), else to the form's
 * `labelFor(path)`, and is never shown as a raw path. A failure without fields (a conflict,
 * no connection) is the summary's heading. The submit button is busy until the request ends.
 */
import { createContext, type ComponentChildren } from "preact";
import { useContext, useEffect, useId, useRef, useState } from "preact/hooks";
import { ApiFailure, failureMessage } from "./api";
import { useReport } from "./messages";
import { s } from "../strings";

/** Problems found before sending, by field path, in plain words. */
export class FieldProblems extends Error {
  constructor(readonly fields: Record<string, string>) {
    super("field problems");
  }
}

type Entry = { label: string; id: string; reveal?: () => void };
type SummaryItem = { text: string; targetId: string | null; key: string };
type Shown = { byField: Record<string, string>; items: SummaryItem[]; message: string; seq: number };

export type FormController = {
  readonly shown: Shown | null;
  /** Field paths on the page and their labels (fields register themselves while rendering). */
  readonly registry: Map<string, Entry>;
  fail(error: unknown): void;
  clear(): void;
  errorOf(path: string): string | undefined;
};

/** The field a path belongs to: itself, or the nearest registered shorter path. */
function resolve(registry: Map<string, Entry>, path: string): [string, Entry] | null {
  for (let parts = path.split("."); parts.length > 0; parts = parts.slice(0, -1)) {
    const key = parts.join(".");
    const entry = registry.get(key);
    if (entry) return [key, entry];
  }
  return null;
}

export function useForm(options: { labelFor?: (path: string) => string | undefined } = {}): FormController {
  const registry = useRef(new Map<string, Entry>()).current;
  const [shown, setShown] = useState<Shown | null>(null);
  const seq = useRef(0);
  return {
    shown,
    registry,
    clear: () => setShown(null),
    errorOf: (path) => shown?.byField[path],
    fail(error) {
      const fields = error instanceof FieldProblems ? error.fields : error instanceof ApiFailure ? error.fields : {};
      const byField: Record<string, string> = {};
      const items: SummaryItem[] = [];
      for (const [path, text] of Object.entries(fields)) {
        const found = resolve(registry, path);
        if (found) {
          const [key, entry] = found;
          byField[key] = byField[key] ? `${byField[key]} ${text}` : text;
          items.push({ key: path, text: `${entry.label}: ${text}`, targetId: entry.id });
        } else {
          const label = options.labelFor?.(path);
          items.push({ key: path, text: label ? `${label}: ${text}` : text, targetId: null });
        }
      }
      setShown({ byField, items, message: error instanceof FieldProblems ? s("form.error_heading") : failureMessage(error), seq: ++seq.current });
    },
  };
}

const FormContext = createContext<FormController | null>(null);

/** Opens every closed <details> around an element and calls the field's own reveal (a hidden step). */
function reveal(entry: Entry | undefined, element: HTMLElement | null): void {
  entry?.reveal?.();
  for (let node = element?.parentElement ?? null; node; node = node.parentElement) if (node instanceof HTMLDetailsElement) node.open = true;
}

function ErrorSummary({ form }: { form: FormController }) {
  const ref = useRef<HTMLDivElement>(null);
  const shown = form.shown;
  useEffect(() => {
    if (!shown || !ref.current) return;
    for (const item of shown.items) if (item.targetId) reveal(undefined, document.getElementById(item.targetId));
    ref.current.focus({ preventScroll: true });
    ref.current.scrollIntoView({ block: "start" });
  }, [shown?.seq]);
  if (!shown) return null;
  const headingId = `errors-${shown.seq}`;
  return (
    <div ref={ref} class="error-summary" role="alert" tabIndex={-1} aria-labelledby={headingId}>
      <h2 id={headingId}>{shown.items.length > 0 ? s("form.error_heading") : shown.message}</h2>
      {shown.items.length > 0 ? (
        <ul>
          {shown.items.map((item) => (
            <li key={item.key}>
              {item.targetId ? (
                <a
                  href={`#${item.targetId}`}
                  onClick={(event) => {
                    event.preventDefault();
                    const target = document.getElementById(item.targetId!);
                    reveal(
                      [...form.registry.values()].find((e) => e.id === item.targetId),
                      target,
                    );
                    // After a reveal has rendered.
                    requestAnimationFrame(() => {
                      const element = document.getElementById(item.targetId!);
                      element?.scrollIntoView({ block: "center" });
                      element?.focus({ preventScroll: true });
                    });
                  }}
                >
                  {item.text}
                </a>
              ) : (
                item.text
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export type ExtraSubmit = { value: string; label: string; busyLabel?: string; variant?: "primary" | "secondary" };

type FormProps = {
  form: FormController;
  /**
   * Sends; returns the success message for the nearest message area, if any. Throw
   * FieldProblems for own checks. `action` is the value of the button that sent the form
   * ("submit", or one of `extraSubmits`).
   */
  onSubmit: (action: string) => Promise<string | void | null>;
  submitLabel: string;
  busyLabel?: string;
  /** More buttons that send the form, each with its own action (one check, one error display for all). */
  extraSubmits?: ExtraSubmit[];
  /** More buttons or links beside the submit button. */
  secondary?: ComponentChildren;
  children: ComponentChildren;
  class?: string;
  "aria-label"?: string;
  "aria-labelledby"?: string;
  submitVariant?: "primary" | "secondary";
  /**
   * A small form inside a table or a row (one field and a button): no summary; a field's
   * problem shows at the field, which takes the focus, and any other failure goes to the
   * nearest message area.
   */
  compact?: boolean;
};

export function Form({
  form,
  onSubmit,
  submitLabel,
  busyLabel,
  extraSubmits = [],
  secondary,
  children,
  class: className,
  submitVariant = "primary",
  compact = false,
  ...aria
}: FormProps) {
  const report = useReport();
  const running = useRef(false);
  const [busy, setBusy] = useState<string | null>(null);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (running.current) return;
    const action = (event.submitter as HTMLButtonElement | null)?.value || "submit";
    running.current = true;
    setBusy(action);
    form.clear();
    report(null);
    try {
      const message = await onSubmit(action);
      if (message) report({ kind: "success", text: message });
    } catch (error) {
      form.fail(error);
      if (compact) {
        const fields = error instanceof FieldProblems ? error.fields : error instanceof ApiFailure ? error.fields : {};
        const target = Object.keys(fields)
          .map((path) => resolve(form.registry, path))
          .find(Boolean);
        if (target) requestAnimationFrame(() => document.getElementById(target[1].id)?.focus());
        else report({ kind: "error", text: failureMessage(error) });
      }
    } finally {
      running.current = false;
      setBusy(null);
    }
  };
  const buttons: ExtraSubmit[] = [{ value: "submit", label: submitLabel, busyLabel, variant: submitVariant }, ...extraSubmits];
  return (
    <FormContext.Provider value={form}>
      <form noValidate class={className} onSubmit={(event) => void submit(event as SubmitEvent)} {...aria}>
        {compact ? null : <ErrorSummary form={form} />}
        {children}
        <div class="button-row form-actions">
          {buttons.map((button) => (
            <button
              key={button.value}
              type="submit"
              name="action"
              value={button.value}
              class={button.variant === "secondary" ? "button button-secondary" : "button"}
              disabled={busy !== null}
              aria-busy={busy === button.value ? "true" : undefined}
            >
              {busy === button.value ? (button.busyLabel ?? s("common.saving")) : button.label}
            </button>
          ))}
          {secondary}
        </div>
      </form>
    </FormContext.Provider>
  );
}

/** A field's ids and its error; registers its path and label with the surrounding form. */
export function useField(name: string | undefined, label: string, options: { reveal?: () => void } = {}) {
  const form = useContext(FormContext);
  const id = useId().replace(/[^A-Za-z0-9_-]/g, "");
  const fieldId = `f${id}`;
  if (form && name) form.registry.set(name, { label, id: fieldId, reveal: options.reveal });
  useEffect(() => {
    if (!form || !name) return;
    return () => {
      if (form.registry.get(name)?.id === fieldId) form.registry.delete(name);
    };
  }, [name]);
  const error = form && name ? form.errorOf(name) : undefined;
  return { id: fieldId, errorId: `${fieldId}-error`, hintId: `${fieldId}-hint`, error };
}

type Common = {
  /** The API path of the value ("texts.de.title"); errors for it show here. */
  name?: string;
  label: string;
  hint?: ComponentChildren;
  required?: boolean;
  /** Label in the error summary, when the visible label needs context ("Termin 2: Beginn"). */
  summaryLabel?: string;
  lang?: string;
  class?: string;
  reveal?: () => void;
  /** Hides the label visually (it is still the control's name). */
  hiddenLabel?: boolean;
};

function Label({ id, label, required, hidden }: { id: string; label: string; required?: boolean; hidden?: boolean }) {
  return (
    <label for={id} class={hidden ? "visually-hidden" : undefined}>
      {label}
      {required ? <span class="required"> {s("form.required")}</span> : null}
    </label>
  );
}

function describedBy(hint: boolean, error: string | undefined, ids: { hintId: string; errorId: string }): string | undefined {
  return [error ? ids.errorId : null, hint ? ids.hintId : null].filter(Boolean).join(" ") || undefined;
}

type TextFieldProps = Common & {
  value: string;
  onValue: (value: string) => void;
  type?: "text" | "email" | "url" | "number" | "datetime-local" | "date" | "time" | "search" | "tel";
  multiline?: boolean;
  rows?: number;
  input?: InputExtras;
};

/** What else an input may need (the rest is the field's). */
type InputExtras = {
  maxLength?: number;
  min?: number | string;
  max?: number | string;
  step?: number | string;
  autoComplete?: string;
  spellcheck?: boolean;
  inputMode?: "text" | "numeric" | "decimal" | "email" | "url" | "search" | "tel";
  readOnly?: boolean;
  pattern?: string;
  class?: string;
  enterKeyHint?: "search" | "done" | "go" | "next" | "send" | "enter" | "previous";
};

export function TextField({
  name,
  label,
  hint,
  required,
  summaryLabel,
  lang,
  class: className,
  reveal: onReveal,
  hiddenLabel,
  value,
  onValue,
  type = "text",
  multiline,
  rows = 3,
  input = {},
}: TextFieldProps) {
  const ids = useField(name, summaryLabel ?? label, { reveal: onReveal });
  const common = {
    id: ids.id,
    name,
    value,
    lang,
    dir: lang ? (lang === "ar" ? ("rtl" as const) : ("ltr" as const)) : undefined,
    "aria-invalid": ids.error ? ("true" as const) : undefined,
    "aria-required": required ? ("true" as const) : undefined,
    "aria-describedby": describedBy(Boolean(hint), ids.error, ids),
    onInput: (event: Event) => onValue((event.currentTarget as HTMLInputElement).value),
    ...input,
  };
  return (
    <div class={`field${ids.error ? " has-error" : ""}${className ? ` ${className}` : ""}`}>
      <FieldHead ids={ids} label={label} required={required} hiddenLabel={hiddenLabel} hint={hint} />
      {multiline ? <textarea rows={rows} {...common} /> : <input {...common} type={type as "text"} />}
    </div>
  );
}

/** A field's label, its hint and its error, in that order (the input follows). */
function FieldHead({ ids, label, required, hiddenLabel, hint }: { ids: ReturnType<typeof useField>; label: string; required?: boolean; hiddenLabel?: boolean; hint?: ComponentChildren }) {
  return (
    <>
      <Label id={ids.id} label={label} required={required} hidden={hiddenLabel} />
      <HintAndError ids={ids} hint={hint} />
    </>
  );
}

/** The hint and the error under a label or a legend, with the ids aria-describedby names. */
function HintAndError({ ids, hint }: { ids: ReturnType<typeof useField>; hint?: ComponentChildren }) {
  return (
    <>
      {hint ? (
        <p class="hint" id={ids.hintId}>
          {hint}
        </p>
      ) : null}
      {ids.error ? (
        <p class="field-error" id={ids.errorId}>
          {ids.error}
        </p>
      ) : null}
    </>
  );
}

type SelectFieldProps = Common & {
  value: string;
  onValue: (value: string) => void;
  options: { value: string; label: string; lang?: string }[];
};

export function SelectField({ name, label, hint, required, summaryLabel, class: className, reveal: onReveal, hiddenLabel, value, onValue, options }: SelectFieldProps) {
  const ids = useField(name, summaryLabel ?? label, { reveal: onReveal });
  return (
    <div class={`field${ids.error ? " has-error" : ""}${className ? ` ${className}` : ""}`}>
      <FieldHead ids={ids} label={label} required={required} hiddenLabel={hiddenLabel} hint={hint} />
      <select
        id={ids.id}
        name={name}
        aria-invalid={ids.error ? "true" : undefined}
        aria-describedby={describedBy(Boolean(hint), ids.error, ids)}
        onChange={(event) => onValue(event.currentTarget.value)}
        value={value}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value} lang={option.lang} selected={option.value === value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

type CheckboxFieldProps = Common & { checked: boolean; onChecked: (checked: boolean) => void };

export function CheckboxField({ name, label, hint, summaryLabel, class: className, reveal: onReveal, checked, onChecked }: CheckboxFieldProps) {
  const ids = useField(name, summaryLabel ?? label, { reveal: onReveal });
  return (
    <div class={`field field-checkbox${ids.error ? " has-error" : ""}${className ? ` ${className}` : ""}`}>
      {ids.error ? (
        <p class="field-error" id={ids.errorId}>
          {ids.error}
        </p>
      ) : null}
      <div class="choice">
        <input
          type="checkbox"
          id={ids.id}
          name={name}
          checked={checked}
          aria-invalid={ids.error ? "true" : undefined}
          aria-describedby={describedBy(Boolean(hint), ids.error, ids)}
          onChange={(event) => onChecked(event.currentTarget.checked)}
        />
        <label for={ids.id}>{label}</label>
      </div>
      {hint ? (
        <p class="hint" id={ids.hintId}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

type ChoiceFieldProps = Common & {
  type: "radio" | "checkbox";
  options: { value: string; label: string; hint?: string; lang?: string }[];
  value: readonly string[];
  onValue: (value: string[]) => void;
  inline?: boolean;
};

/** Radios or checkboxes as one field (a fieldset with a legend); its errors go to the first input. */
export function ChoiceField({ name, label, hint, summaryLabel, class: className, reveal: onReveal, type, options, value, onValue, inline = true }: ChoiceFieldProps) {
  const ids = useField(name, summaryLabel ?? label, { reveal: onReveal });
  const group = `${ids.id}-group`;
  return (
    <fieldset class={`field field-group${ids.error ? " has-error" : ""}${className ? ` ${className}` : ""}`} aria-describedby={describedBy(Boolean(hint), ids.error, ids)}>
      <legend>{label}</legend>
      <HintAndError ids={ids} hint={hint} />
      <div class={inline ? "choices choices-inline" : "choices"}>
        {options.map((option, index) => {
          const id = index === 0 ? ids.id : `${ids.id}-${index}`;
          const checked = value.includes(option.value);
          return (
            <div class="choice" key={option.value}>
              <input
                type={type}
                id={id}
                name={name ?? group}
                value={option.value}
                checked={checked}
                aria-invalid={ids.error ? "true" : undefined}
                aria-describedby={option.hint ? `${id}-hint` : undefined}
                onChange={(event) => {
                  const on = event.currentTarget.checked;
                  onValue(type === "radio" ? [option.value] : on ? [...value, option.value] : value.filter((v) => v !== option.value));
                }}
              />
              <label for={id} lang={option.lang}>
                {option.label}
                {option.hint ? (
                  <span class="hint choice-hint" id={`${id}-hint`}>
                    {option.hint}
                  </span>
                ) : null}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

/** A group of fields with a legend (a section of a long form). */
export function Fieldset({ legend, children, class: className, hint }: { legend: string; children: ComponentChildren; class?: string; hint?: ComponentChildren }) {
  return (
    <fieldset class={className ?? "form-section"}>
      <legend>{legend}</legend>
      {hint ? <p class="hint">{hint}</p> : null}
      {children}
    </fieldset>
  );
}

/**
 * A place for problems about a whole list or group ("Bitte mindestens einen Termin") that
 * has no input of its own: registers `name` with a label, and links the summary to
 * `targetId` (e.g. the list's "add" button) or to the message itself.
 */
export function FieldMessage({ name, label, targetId }: { name: string; label: string; targetId?: string }) {
  const ids = useField(name, label);
  const form = useContext(FormContext);
  if (form && targetId) form.registry.set(name, { label, id: targetId });
  if (!ids.error) return null;
  return (
    <p class="field-error" id={targetId ? ids.errorId : ids.id} tabIndex={-1}>
      {ids.error}
    </p>
  );
}
