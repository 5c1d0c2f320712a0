/**
 * Form fields that show server errors well: every control has a label, required fields
 * say so in words, and each field has a place for its error message, tied to the control
 * by aria-describedby. Errors are keyed by the API's field names ("email",
 * "answers.<id>", "needs.childcare.children", ...).
 */
import { focusOn, h, uniqueId, type Attrs, type Child } from "./dom";
import { t } from "./i18n";

type FieldRef = {
  label: string;
  wrapper: HTMLElement;
  /** What the error-summary link focuses. */
  focus: HTMLElement;
  /** Controls that get aria-invalid. */
  controls: HTMLElement[];
  /** Elements whose aria-describedby names the error (the control, or the fieldset). */
  described: HTMLElement[];
  error: HTMLElement;
};

export class FieldSet {
  private readonly fields = new Map<string, FieldRef>();
  private summary: HTMLElement | null = null;

  /** A labelled input, select or textarea. */
  control(key: string, label: string, control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, options: { required?: boolean; hint?: Child; labelAttrs?: Attrs } = {}): HTMLElement {
    control.id ||= uniqueId("field");
    if (options.required) {
      control.required = true;
      control.setAttribute("aria-required", "true");
    }
    const hint = options.hint ? h("p", { class: "hint", id: `${control.id}-hint` }, options.hint) : null;
    const error = h("p", { class: "field-error", id: `${control.id}-error`, hidden: true });
    if (hint) control.setAttribute("aria-describedby", hint.id);
    const wrapper = h(
      "div",
      { class: "field" },
      h("label", { for: control.id }, h("span", options.labelAttrs ?? null, label), requiredMark(options.required)),
      hint,
      error,
      control,
    );
    this.fields.set(key, { label, wrapper, focus: control, controls: [control], described: [control], error });
    return wrapper;
  }

  /** A single checkbox whose label is the statement agreed to. */
  checkbox(
    key: string,
    label: string,
    input: HTMLInputElement,
    options: { required?: boolean; hint?: Child; labelAttrs?: Attrs; summaryLabel?: string } = {},
  ): HTMLElement {
    input.type = "checkbox";
    input.id ||= uniqueId("field");
    if (options.required) {
      input.required = true;
      input.setAttribute("aria-required", "true");
    }
    const hint = options.hint ? h("p", { class: "hint", id: `${input.id}-hint` }, options.hint) : null;
    const error = h("p", { class: "field-error", id: `${input.id}-error`, hidden: true });
    if (hint) input.setAttribute("aria-describedby", hint.id);
    const wrapper = h(
      "div",
      { class: "field field-checkbox" },
      error,
      h("div", { class: "choice" }, input, h("label", { for: input.id }, h("span", options.labelAttrs ?? null, label), requiredMark(options.required))),
      hint,
    );
    this.fields.set(key, { label: options.summaryLabel ?? label, wrapper, focus: input, controls: [input], described: [input], error });
    return wrapper;
  }

  /** A group of radio buttons or checkboxes in a fieldset with a legend. */
  choices(
    key: string,
    legend: string,
    type: "radio" | "checkbox",
    name: string,
    /** A label may hold elements: a value from data in its own <bdi> (tNodes). */
    options: { value: string; label: Child; labelAttrs?: Attrs }[],
    settings: { required?: boolean; labelAttrs?: Attrs } = {},
  ): HTMLElement {
    // Options may carry their own language (a translated option among originals); else they share the legend's.
    const ownLanguages = options.some((option) => option.labelAttrs !== undefined);
    const id = uniqueId("group");
    const error = h("p", { class: "field-error", id: `${id}-error`, hidden: true });
    const inputs = options.map((option, index) =>
      h("input", {
        type,
        name,
        value: option.value,
        id: `${id}-${index}`,
        // A radio group can be required natively; a checkbox group cannot.
        required: type === "radio" && settings.required,
      }),
    );
    const fieldset = h(
      "fieldset",
      { class: "field field-group", id },
      h("legend", null, h("span", settings.labelAttrs ?? null, legend), requiredMark(settings.required)),
      error,
      h(
        "div",
        { class: "choices", ...(ownLanguages ? {} : (settings.labelAttrs ?? {})) },
        options.map((option, index) => h("div", { class: "choice" }, inputs[index], h("label", { for: `${id}-${index}`, ...(option.labelAttrs ?? {}) }, option.label))),
      ),
    );
    const first = inputs[0] ?? fieldset;
    this.fields.set(key, { label: legend, wrapper: fieldset, focus: first, controls: inputs, described: [fieldset], error });
    return fieldset;
  }

  /** Lets another API field name ("needs.childcare") show its error at an existing field. */
  alias(key: string, target: string): void {
    const ref = this.fields.get(target);
    if (ref) this.fields.set(key, ref);
  }

  clearErrors(): void {
    this.summary?.remove();
    this.summary = null;
    for (const ref of new Set(this.fields.values())) {
      ref.error.hidden = true;
      ref.error.textContent = "";
      ref.wrapper.classList.remove("has-error");
      for (const control of ref.controls) control.removeAttribute("aria-invalid");
      for (const element of ref.described) setDescribedBy(element, ref.error.id, false);
    }
  }

  /**
   * Shows a failed submission: a summary at `summaryHost`'s top (an alert that takes the
   * focus, with a link to each bad field) and each message next to its field.
   */
  showErrors(summaryHost: HTMLElement, message: string, fieldErrors: Record<string, string>): void {
    this.clearErrors();
    const items: HTMLElement[] = [];
    for (const [key, fieldMessage] of Object.entries(fieldErrors)) {
      const ref = this.lookup(key);
      if (!ref) {
        items.push(h("li", null, fieldMessage));
        continue;
      }
      ref.error.hidden = false;
      ref.error.textContent = ref.error.textContent ? `${ref.error.textContent} ${fieldMessage}` : fieldMessage;
      ref.wrapper.classList.add("has-error");
      for (const control of ref.controls) control.setAttribute("aria-invalid", "true");
      for (const element of ref.described) setDescribedBy(element, ref.error.id, true);
      items.push(
        h(
          "li",
          null,
          h(
            "a",
            {
              href: `#${ref.focus.id}`,
              onclick: (event) => {
                event.preventDefault();
                ref.wrapper.scrollIntoView({ block: "start" });
                ref.focus.focus({ preventScroll: true });
              },
            },
            t("form.error_item", { label: ref.label, message: fieldMessage }),
          ),
        ),
      );
    }
    const headingId = uniqueId("error-summary");
    this.summary =
      items.length > 0
        ? h("div", { class: "error-summary", role: "alert", "aria-labelledby": headingId }, h("h2", { id: headingId }, t("form.error_heading")), h("ul", null, items))
        : h("div", { class: "error-summary", role: "alert", "aria-labelledby": headingId }, h("h2", { id: headingId }, message));
    summaryHost.prepend(this.summary);
    focusOn(this.summary);
  }

  private lookup(key: string): FieldRef | undefined {
    // "answers.q1.0" or "needs.childcare.ages.x" find the nearest known field.
    for (let parts = key.split("."); parts.length > 0; parts = parts.slice(0, -1)) {
      const ref = this.fields.get(parts.join("."));
      if (ref) return ref;
    }
    return undefined;
  }
}

function requiredMark(required: boolean | undefined): Child {
  return required ? h("span", { class: "required" }, ` ${t("form.required")}`) : null;
}

function setDescribedBy(element: HTMLElement, id: string, present: boolean): void {
  const ids = (element.getAttribute("aria-describedby") ?? "").split(/\s+/).filter((value) => value && value !== id);
  // The error first: it is what the participant needs to hear.
  if (present) ids.unshift(id);
  if (ids.length > 0) element.setAttribute("aria-describedby", ids.join(" "));
  else element.removeAttribute("aria-describedby");
}
