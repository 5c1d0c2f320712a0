/**
 * A modal question before an action: "Really cancel?", with a reason or a number to enter.
 * The native <dialog> (focus moves in, Escape closes, the page behind is inert), rendered
 * with the form system, so a required reason left empty is named at its field. The focus
 * goes back to where it was. Resolves to the entered values, or null if cancelled.
 */
import { render } from "preact";
import { useState } from "preact/hooks";
import { CheckboxField, FieldProblems, Form, TextField, useForm } from "./form";
import { MessageArea } from "./messages";
import { s } from "../strings";

export type AskField = {
  name: string;
  label: string;
  type: "textarea" | "number" | "text" | "checkbox";
  required?: boolean;
  value?: string;
  min?: number;
  max?: number;
  hint?: string;
};

export type AskOptions = { title: string; text?: string; fields?: AskField[]; confirm: string; danger?: boolean };

function AskForm({ options, titleId, done }: { options: AskOptions; titleId: string; done: (values: Record<string, string> | null) => void }) {
  const fields = options.fields ?? [];
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(fields.map((f) => [f.name, f.value ?? (f.type === "checkbox" ? "false" : "")])));
  const form = useForm();
  const set = (name: string) => (value: string) => setValues((current) => ({ ...current, [name]: value }));
  return (
    <MessageArea>
      <Form
        form={form}
        submitLabel={options.confirm}
        busyLabel={options.confirm}
        onSubmit={async () => {
          const missing = Object.fromEntries(fields.filter((f) => f.required && !values[f.name]?.trim()).map((f) => [f.name, s("form.missing")]));
          if (Object.keys(missing).length > 0) throw new FieldProblems(missing);
          done(Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.trim()])));
        }}
        secondary={
          <button type="button" class="button button-secondary" onClick={() => done(null)}>
            {s("common.back")}
          </button>
        }
      >
        <h2 id={titleId}>{options.title}</h2>
        {options.text ? <p>{options.text}</p> : null}
        {fields.map((field) =>
          field.type === "checkbox" ? (
            <CheckboxField
              key={field.name}
              name={field.name}
              label={field.label}
              hint={field.hint}
              checked={values[field.name] === "true"}
              onChecked={(on) => set(field.name)(String(on))}
            />
          ) : (
            <TextField
              key={field.name}
              name={field.name}
              label={field.label}
              hint={field.hint}
              required={field.required}
              multiline={field.type === "textarea"}
              type={field.type === "number" ? "number" : "text"}
              value={values[field.name] ?? ""}
              onValue={set(field.name)}
              input={{ min: field.min, max: field.max, maxLength: field.type === "textarea" ? 1000 : 200 }}
            />
          ),
        )}
      </Form>
    </MessageArea>
  );
}

let dialogCounter = 0;

export function ask(options: AskOptions): Promise<Record<string, string> | null> {
  const opener = document.activeElement as HTMLElement | null;
  return new Promise((resolve) => {
    const titleId = `dialog-title-${++dialogCounter}`;
    const dialog = document.createElement("dialog");
    dialog.className = `console-dialog${options.danger ? " console-dialog-danger" : ""}`;
    dialog.setAttribute("aria-labelledby", titleId);
    let result: Record<string, string> | null = null;
    const done = (values: Record<string, string> | null) => {
      result = values;
      dialog.close();
    };
    dialog.addEventListener("close", () => {
      render(null, dialog);
      dialog.remove();
      opener?.focus();
      resolve(result);
    });
    document.body.append(dialog);
    render(<AskForm options={options} titleId={titleId} done={done} />, dialog);
    dialog.showModal();
  });
}
