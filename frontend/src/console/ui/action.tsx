/**
 * A button that runs a request: busy (disabled, aria-busy) from the click until the request
 * and whatever follows it (a reload) have ended, so nothing is sent twice, however fast the
 * clicks come; a guard taken before the first await holds even within one event loop turn.
 * Optionally it asks first (a dialog with a reason or a number, ./dialog.tsx). The outcome,
 * success or failure, goes to the nearest message area (./messages.tsx).
 */
import type { ButtonHTMLAttributes, ComponentChildren } from "preact";
import { useRef, useState } from "preact/hooks";
import { failureMessage } from "./api";
import { ask, type AskOptions } from "./dialog";
import { useReport } from "./messages";

export type ButtonVariant = "primary" | "secondary" | "danger";

export function buttonClass(variant: ButtonVariant = "primary", small = false, extra?: string): string {
  return ["button", variant === "secondary" ? "button-secondary" : variant === "danger" ? "button-danger" : "", small ? "button-small" : "", extra ?? ""].filter(Boolean).join(" ");
}

type ActionButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, "onClick" | "type" | "class" | "children"> & {
  /** The request (and its follow-up); returns the success message to show, if any. */
  onAction: (values: Record<string, string>) => Promise<string | void | null>;
  /** Asks before acting; the dialog's field values are passed to onAction. */
  confirm?: AskOptions;
  busyLabel?: string;
  variant?: ButtonVariant;
  small?: boolean;
  class?: string;
  children: ComponentChildren;
};

export function ActionButton({ onAction, confirm, busyLabel, variant = "secondary", small = false, class: extra, children, ...rest }: ActionButtonProps) {
  const report = useReport();
  const running = useRef(false);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    if (running.current) return;
    running.current = true;
    try {
      const values = confirm ? await ask(confirm) : {};
      if (values === null) return;
      setBusy(true);
      report(null);
      const message = await onAction(values);
      if (message) report({ kind: "success", text: message });
    } catch (error) {
      report({ kind: "error", text: failureMessage(error) });
    } finally {
      running.current = false;
      setBusy(false);
    }
  };
  return (
    <button {...rest} type="button" class={buttonClass(variant, small, extra)} disabled={busy || rest.disabled} aria-busy={busy ? "true" : undefined} onClick={() => void run()}>
      {busy && busyLabel ? busyLabel : children}
    </button>
  );
}
