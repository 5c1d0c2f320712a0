/**
 * The console's shared module: the API client (session cookie, CSRF header, 401 → sign-in),
 * the page frame (header with the user and sign-out, main, a live status line), a modal
 * question (a reason, a number), date formatting in Europe/Berlin, and form fields with an
 * error summary that links to each field.
 */
import type { MeResponse } from "../../../workers/src/console-types";
import type { ApiError } from "../../../workers/src/api-types";
import { append, focusOn, h, uniqueId, type Child } from "../dom";
import { consoleLocale, s, setConsoleLocale } from "./strings";
import { DEFAULT_TIME_ZONE } from "../../../workers/src/lib/time-zone";

export { append, focusOn, h, uniqueId, type Child };

export type Me = MeResponse["user"];

export class ConsoleFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

let csrfToken = "";
const NEXT_KEY = "zusammen.console.next";

/** Goes to the sign-in page, remembering where to come back to. */
export function goToSignIn(): never {
  try {
    sessionStorage.setItem(NEXT_KEY, location.pathname + location.search);
  } catch {
    // Not remembered: the console's start page follows sign-in.
  }
  location.assign("/console/sign-in");
  throw new ConsoleFailure(401, "unauthenticated", s("common.signed_out"));
}

/** Where to go after signing in: the remembered console page, else the start page. */
export function takeNextPath(): string {
  let next: string | null = null;
  try {
    next = sessionStorage.getItem(NEXT_KEY);
    sessionStorage.removeItem(NEXT_KEY);
  } catch {
    // Storage blocked.
  }
  return next && /^\/console\/[\w?=&%.-]*$/.test(next) && !next.startsWith("/console/sign-in") ? next : "/console/";
}

type CallOptions = { method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE"; body?: unknown; redirectOn401?: boolean };

/** A JSON call to /api. Non-GET requests carry the CSRF token; a 401 goes to the sign-in page. */
export async function call<T>(path: string, options: CallOptions = {}): Promise<T> {
  const method = options.method ?? "GET";
  const headers: Record<string, string> = { Accept: "application/json", "Accept-Language": consoleLocale() };
  if (method !== "GET") headers["X-CSRF-Token"] = csrfToken;
  let body: string | undefined;
  if (options.body !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body, credentials: "same-origin", cache: "no-store" });
  } catch {
    throw new ConsoleFailure(0, "network", s("common.network_error"));
  }
  if (response.status === 401 && options.redirectOn401 !== false) goToSignIn();
  let data: unknown = null;
  try {
    data = await response.json();
  } catch {
    // Not JSON; handled below.
  }
  if (response.ok) return (data ?? {}) as T;
  const error = (data as Partial<ApiError> | null)?.error;
  if (error && typeof error.message === "string") throw new ConsoleFailure(response.status, error.code ?? "error", error.message, error.fields ?? {});
  throw new ConsoleFailure(response.status, "unexpected", response.status === 404 ? s("common.not_found") : s("common.server_error"));
}

/** replaceChildren that skips null, false and undefined (and flattens arrays). */
export function setChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

export function failureMessage(error: unknown): string {
  return error instanceof ConsoleFailure ? error.message : s("common.server_error");
}

// ---------------------------------------------------------------- formatting

const formats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify(options);
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(consoleLocale() === "en" ? "en-GB" : "de-DE", { timeZone: DEFAULT_TIME_ZONE, ...options });
    formats.set(key, format);
  }
  return format;
}

/** "20.05.2026, 18:00" in Berlin time; "–" for nothing. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "–";
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? "–" : dateFormat({ dateStyle: "medium", timeStyle: "short" }).format(ms);
}

export function timeElement(iso: string | null | undefined): HTMLElement {
  return iso ? h("time", { datetime: iso }, formatDateTime(iso)) : h("span", null, "–");
}

export { statusName } from "./strings";

/** A table in a wrapper that scrolls sideways on narrow screens (and can be scrolled by keyboard). */
export function tableWrap(caption: string, head: Child[], rows: Child[]): HTMLElement {
  return h(
    "div",
    { class: "table-wrap", role: "region", "aria-label": caption, tabindex: 0 },
    h("table", { class: "console-table" }, h("caption", null, caption), h("thead", null, h("tr", null, head)), h("tbody", null, rows)),
  );
}

// ---------------------------------------------------------------- frame

export type ConsolePage = {
  /** The page asks for the signed-in user (GET /api/auth/me); without a session it goes to sign-in. */
  needsUser: boolean;
  title: () => string;
  render: (main: HTMLElement, me: Me | null) => void | Promise<void>;
};

let statusLine: HTMLElement | null = null;

/** Announces a result in the page's live region (and shows it under the header). */
export function announce(message: string, kind: "success" | "error" = "success"): void {
  if (!statusLine) return;
  statusLine.replaceChildren();
  statusLine.className = `console-status notice notice-${kind}`;
  statusLine.hidden = false;
  // A fresh text node so screen readers announce a repeat of the same message, too.
  requestAnimationFrame(() => statusLine?.replaceChildren(h("p", null, message)));
}

export function clearAnnouncement(): void {
  if (statusLine) {
    statusLine.hidden = true;
    statusLine.replaceChildren();
  }
}

export async function startConsole(page: ConsolePage): Promise<void> {
  document.documentElement.lang = consoleLocale();
  document.documentElement.dir = "ltr";
  let me: Me | null = null;
  if (page.needsUser) {
    const response = await call<MeResponse>("/api/auth/me").catch((error: unknown) => {
      document.body.replaceChildren(h("main", { class: "wrap" }, h("p", { class: "notice notice-error", role: "alert" }, failureMessage(error))));
      return null;
    });
    if (!response) return;
    me = response.user;
    csrfToken = response.csrfToken;
  }
  const main = h("main", { id: "main", tabindex: "-1" });
  statusLine = h("div", { class: "console-status", role: "status", "aria-live": "polite", hidden: true });
  const other = consoleLocale() === "de" ? "en" : "de";
  const header = h(
    "header",
    { class: "site-header console-header" },
    h(
      "div",
      { class: "wrap console-wrap header-row" },
      h("a", { class: "brand", href: "/console/" }, h("span", { class: "brand-name" }, "zusammen"), h("span", { class: "brand-tagline" }, s("site.tagline"))),
      h(
        "div",
        { class: "console-user" },
        me ? h("span", { class: "console-email" }, s("site.signed_in_as", { email: me.email })) : null,
        h(
          "button",
          {
            type: "button",
            class: "link-button",
            lang: other,
            onclick: () => {
              setConsoleLocale(other);
              location.reload();
            },
          },
          other === "en" ? "English" : "Deutsch",
        ),
        me ? h("button", { type: "button", class: "link-button", onclick: () => void signOut(false) }, s("site.sign_out")) : null,
      ),
    ),
  );
  const skip = h("a", { class: "skip-link", href: "#main" }, s("site.skip"));
  document.body.classList.add("console");
  document.body.replaceChildren(skip, header, h("div", { class: "wrap console-wrap" }, statusLine, main));
  document.title = `${page.title()} – ${s("site.name")}`;
  try {
    await page.render(main, me);
  } catch (error) {
    main.append(h("div", { class: "notice notice-error", role: "alert" }, h("p", null, failureMessage(error))));
  }
  document.title = `${page.title()} – ${s("site.name")}`;
}

export async function signOut(everywhere: boolean): Promise<void> {
  try {
    await call(everywhere ? "/api/auth/logout-everywhere" : "/api/auth/logout", { method: "POST", redirectOn401: false });
  } catch (error) {
    if (!(error instanceof ConsoleFailure && error.status === 401)) {
      announce(failureMessage(error), "error");
      return;
    }
  }
  location.assign("/console/sign-in?signed_out=1");
}

/** A page heading that the page can focus after a change. */
export function pageHeading(text: string): HTMLHeadingElement {
  return h("h1", { tabindex: "-1" }, text);
}

// ---------------------------------------------------------------- a modal question

type AskField = { name: string; label: string; type: "textarea" | "number" | "text" | "checkbox"; required?: boolean; value?: string; min?: number; max?: number; hint?: string };

/**
 * A modal dialog (native <dialog>: focus moves in and back, Escape closes) asking for a
 * reason or a number before an action. Resolves to the entered values, or null if cancelled.
 */
export function ask(options: { title: string; text?: string; fields?: AskField[]; confirm: string; danger?: boolean }): Promise<Record<string, string> | null> {
  const opener = document.activeElement as HTMLElement | null;
  return new Promise((resolve) => {
    const titleId = uniqueId("dialog-title");
    const inputs = (options.fields ?? []).map((field) => {
      const id = uniqueId("ask");
      const control =
        field.type === "textarea"
          ? h("textarea", { id, name: field.name, required: field.required, rows: 3, maxlength: 1000 })
          : h("input", { id, name: field.name, type: field.type, required: field.required, min: field.min, max: field.max });
      if (field.value !== undefined) {
        if (control instanceof HTMLInputElement && field.type === "checkbox") control.checked = field.value === "true";
        else control.value = field.value;
      }
      const hint = field.hint ? h("p", { class: "hint", id: `${id}-hint` }, field.hint) : null;
      if (hint) control.setAttribute("aria-describedby", hint.id);
      const wrapper =
        field.type === "checkbox"
          ? h("div", { class: "field choice" }, control, h("label", { for: id }, field.label))
          : h("div", { class: "field" }, h("label", { for: id }, field.label, field.required ? h("span", { class: "required" }, ` ${s("form.required")}`) : null), hint, control);
      return { field, control, wrapper };
    });
    const form = h(
      "form",
      { method: "dialog" },
      h("h2", { id: titleId }, options.title),
      options.text ? h("p", null, options.text) : null,
      inputs.map((input) => input.wrapper),
      h(
        "div",
        { class: "button-row" },
        h("button", { type: "submit", class: `button${options.danger ? " button-danger" : ""}`, value: "ok" }, options.confirm),
        h("button", { type: "button", class: "button button-secondary", onclick: () => dialog.close("") }, s("common.back")),
      ),
    );
    const dialog = h("dialog", { class: "console-dialog", "aria-labelledby": titleId }, form);
    dialog.addEventListener("close", () => {
      dialog.remove();
      opener?.focus();
      if (dialog.returnValue !== "ok") return resolve(null);
      const values: Record<string, string> = {};
      for (const { field, control } of inputs) {
        values[field.name] = control instanceof HTMLInputElement && field.type === "checkbox" ? String(control.checked) : control.value.trim();
      }
      resolve(values);
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}

// ---------------------------------------------------------------- form fields with errors

export type FieldRef = { label: string; wrapper: HTMLElement; focus: HTMLElement; error: HTMLElement; controls: HTMLElement[]; reveal?: () => void };

/**
 * A labelled control with a place for its error. `key` is the API's field name
 * ("texts.de.title", "sessions.0.endsAt").
 */
export function field(
  label: string,
  control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement,
  options: { required?: boolean; hint?: Child; lang?: string } = {},
): FieldRef {
  control.id ||= uniqueId("f");
  if (options.required) control.setAttribute("aria-required", "true");
  if (options.lang) {
    control.lang = options.lang;
    control.dir = options.lang === "ar" ? "rtl" : "ltr";
  }
  const error = h("p", { class: "field-error", id: `${control.id}-error`, hidden: true });
  const hint = options.hint ? h("p", { class: "hint", id: `${control.id}-hint` }, options.hint) : null;
  if (hint) control.setAttribute("aria-describedby", hint.id);
  const isCheckbox = control instanceof HTMLInputElement && (control.type === "checkbox" || control.type === "radio");
  const labelElement = h("label", { for: control.id }, label, options.required ? h("span", { class: "required" }, ` ${s("form.required")}`) : null);
  const wrapper = isCheckbox
    ? h("div", { class: "field field-checkbox" }, error, h("div", { class: "choice" }, control, labelElement), hint)
    : h("div", { class: "field" }, labelElement, hint, error, control);
  return { label, wrapper, focus: control, error, controls: [control] };
}

/** A fieldset of checkboxes or radios, as one field for errors. */
export function choiceGroup(
  legend: string,
  type: "checkbox" | "radio",
  name: string,
  options: { value: string; label: string; lang?: string }[],
  selected: readonly string[],
): FieldRef & { inputs: HTMLInputElement[]; values: () => string[] } {
  const id = uniqueId("g");
  const error = h("p", { class: "field-error", id: `${id}-error`, hidden: true });
  const inputs = options.map((option, index) => h("input", { type, name, value: option.value, id: `${id}-${index}`, checked: selected.includes(option.value) }));
  const wrapper = h(
    "fieldset",
    { class: "field field-group", id },
    h("legend", null, legend),
    error,
    h(
      "div",
      { class: "choices choices-inline" },
      options.map((option, index) => h("div", { class: "choice" }, inputs[index], h("label", { for: `${id}-${index}`, lang: option.lang }, option.label))),
    ),
  );
  return { label: legend, wrapper, focus: inputs[0] ?? wrapper, error, controls: inputs, inputs, values: () => inputs.filter((i) => i.checked).map((i) => i.value) };
}

/** Shows an API validation failure: a summary that links to each field, and each message at its field. */
export class ErrorDisplay {
  private summary: HTMLElement | null = null;
  private shown: FieldRef[] = [];

  clear(): void {
    this.summary?.remove();
    this.summary = null;
    for (const ref of this.shown) {
      ref.error.hidden = true;
      ref.error.textContent = "";
      ref.wrapper.classList.remove("has-error");
      for (const control of ref.controls) {
        control.removeAttribute("aria-invalid");
        const ids = (control.getAttribute("aria-describedby") ?? "").split(" ").filter((x) => x && x !== ref.error.id);
        if (ids.length) control.setAttribute("aria-describedby", ids.join(" "));
        else control.removeAttribute("aria-describedby");
      }
    }
    this.shown = [];
  }

  /** `lookup` finds the field of an API key (trying shorter keys: "questions.0.options.1" → "questions.0.options"). */
  show(host: HTMLElement, message: string, fieldErrors: Record<string, string>, lookup: (key: string) => FieldRef | undefined): void {
    this.clear();
    const items: HTMLElement[] = [];
    for (const [key, text] of Object.entries(fieldErrors)) {
      let ref: FieldRef | undefined;
      for (let parts = key.split("."); parts.length > 0 && !ref; parts = parts.slice(0, -1)) ref = lookup(parts.join("."));
      if (!ref) {
        items.push(h("li", null, `${key}: ${text}`));
        continue;
      }
      ref.reveal?.();
      ref.error.hidden = false;
      ref.error.textContent = ref.error.textContent ? `${ref.error.textContent} ${text}` : text;
      ref.wrapper.classList.add("has-error");
      for (const control of ref.controls) {
        control.setAttribute("aria-invalid", "true");
        const ids = (control.getAttribute("aria-describedby") ?? "").split(" ").filter(Boolean);
        control.setAttribute("aria-describedby", [ref.error.id, ...ids].join(" "));
      }
      this.shown.push(ref);
      const target = ref;
      items.push(
        h(
          "li",
          null,
          h(
            "a",
            {
              href: `#${ref.focus.id || ref.wrapper.id}`,
              onclick: (event) => {
                event.preventDefault();
                target.reveal?.();
                target.wrapper.scrollIntoView({ block: "start" });
                target.focus.focus({ preventScroll: true });
              },
            },
            `${ref.label}: ${text}`,
          ),
        ),
      );
    }
    const headingId = uniqueId("errors");
    this.summary = h(
      "div",
      { class: "error-summary", role: "alert", "aria-labelledby": headingId },
      h("h2", { id: headingId }, items.length > 0 ? s("form.error_heading") : message),
      items.length > 0 ? h("ul", null, items) : null,
    );
    host.prepend(this.summary);
    focusOn(this.summary);
  }
}

/** Disables a button while an action runs; returns a function that re-enables it. */
export function busy(button: HTMLButtonElement | null | undefined): () => void {
  if (!button) return () => {};
  const text = button.textContent;
  button.disabled = true;
  button.setAttribute("aria-busy", "true");
  return () => {
    button.disabled = false;
    button.removeAttribute("aria-busy");
    button.textContent = text;
  };
}

/** The user may create and edit events (administrator, or organiser somewhere). */
export function canOrganise(me: Me): boolean {
  return me.isAdmin || me.memberships.some((m) => m.role === "organiser");
}
