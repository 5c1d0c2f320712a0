/**
 * What a person typed survives a change of language: the page is rendered again in the new
 * language (layout.ts), and the fields they filled in are filled in again. Only fields the
 * person changed are carried over, so a field that follows the page's language (the language
 * to write in) still follows it unless they chose one.
 */

/** Controls the person changed since the page loaded (by input or change events). */
const touched = new WeakSet<EventTarget>();
for (const type of ["input", "change"]) document.addEventListener(type, (event) => event.target && touched.add(event.target), true);

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
export type FormSnapshot = Map<string, string | boolean>;

const SKIPPED = new Set(["hidden", "submit", "button", "password", "file"]);

function controls(root: ParentNode): Control[] {
  return [...root.querySelectorAll<Control>("form input[name], form select[name], form textarea[name]")].filter(
    (control) => !(control instanceof HTMLInputElement && SKIPPED.has(control.type)),
  );
}

/** A control's place: its form's position on the page, its name, and for choices its value. */
function keyOf(control: Control, forms: HTMLFormElement[]): string {
  const form = control.form ? forms.indexOf(control.form) : -1;
  const choice = control instanceof HTMLInputElement && (control.type === "radio" || control.type === "checkbox");
  return `${form}|${control.name}|${choice ? control.value : ""}`;
}

/** The values of the fields the person changed. */
export function snapshotForms(root: ParentNode): FormSnapshot {
  const forms = [...root.querySelectorAll("form")];
  const snapshot: FormSnapshot = new Map();
  for (const control of controls(root)) {
    if (!touched.has(control)) continue;
    const choice = control instanceof HTMLInputElement && (control.type === "radio" || control.type === "checkbox");
    // A choice group counts as changed as a whole: keep every box of it.
    if (choice) {
      for (const sibling of controls(root).filter((c) => c.form === control.form && c.name === control.name)) {
        snapshot.set(keyOf(sibling, forms), (sibling as HTMLInputElement).checked);
      }
    } else snapshot.set(keyOf(control, forms), control.value);
  }
  return snapshot;
}

/** Fills the fields in again; a restored choice fires `change`, so what depends on it (a stand's fields) follows. */
export function restoreForms(root: ParentNode, snapshot: FormSnapshot): void {
  if (snapshot.size === 0) return;
  const forms = [...root.querySelectorAll("form")];
  for (const control of controls(root)) {
    const value = snapshot.get(keyOf(control, forms));
    if (value === undefined) continue;
    if (typeof value === "boolean") {
      const input = control as HTMLInputElement;
      if (input.checked !== value) {
        input.checked = value;
        input.dispatchEvent(new Event("change", { bubbles: true }));
      }
    } else control.value = value;
    touched.add(control);
  }
}
