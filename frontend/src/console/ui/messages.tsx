/**
 * Messages where the action was. A `<MessageArea>` wraps a part of a page (a section, a
 * panel, a dialog's form); every action inside it reports its outcome to the nearest one
 * (`useReport()`), which shows it as a notice at its start and moves the focus there, so a
 * keyboard or screen-reader user hears what happened without hunting for it, and nobody
 * looks at the top of a long page for the result of a button at its bottom.
 */
import { createContext, type ComponentChildren } from "preact";
import { useCallback, useContext, useEffect, useRef, useState } from "preact/hooks";

export type MessageKind = "success" | "error" | "info";
export type Message = { kind: MessageKind; text: string };
/** Shows a message in the nearest area; null clears it. */
export type Report = (message: Message | null) => void;

const MessageContext = createContext<Report>(() => {
  // Outside every area (cannot happen on a console page: the frame is one).
});

/** The nearest message area's `report`. */
export function useReport(): Report {
  return useContext(MessageContext);
}

/** A notice; `focus` moves the keyboard to it when it appears (role alert for errors, status otherwise). */
export function Notice({ kind = "info", focus = false, children, class: className }: { kind?: MessageKind; focus?: boolean; children: ComponentChildren; class?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!focus || !ref.current) return;
    ref.current.focus({ preventScroll: true });
    ref.current.scrollIntoView({ block: "nearest" });
  }, []);
  return (
    <div
      ref={ref}
      tabIndex={focus ? -1 : undefined}
      class={`notice${kind === "info" ? "" : ` notice-${kind}`}${className ? ` ${className}` : ""}`}
      role={kind === "error" ? "alert" : "status"}
    >
      {typeof children === "string" ? <p>{children}</p> : children}
    </div>
  );
}

/**
 * A part of the page that shows the outcome of the actions inside it, at its start (after
 * `lead`, e.g. the page header; `noticeClass` wraps the notice, e.g. to keep it in the page's column).
 */
export function MessageArea({
  children,
  class: className,
  id,
  lead,
  noticeClass,
}: {
  children: ComponentChildren;
  class?: string;
  id?: string;
  lead?: ComponentChildren;
  noticeClass?: string;
}) {
  const [message, setMessage] = useState<(Message & { seq: number }) | null>(null);
  const seq = useRef(0);
  const report = useCallback<Report>((next) => setMessage(next ? { ...next, seq: ++seq.current } : null), []);
  return (
    <MessageContext.Provider value={report}>
      <div class={className} id={id}>
        {lead}
        {message ? (
          <div class={noticeClass}>
            {/* A new key per message: a repeat of the same text is announced and focused again. */}
            <Notice key={message.seq} kind={message.kind} focus>
              {message.text}
            </Notice>
          </div>
        ) : null}
        {children}
      </div>
    </MessageContext.Provider>
  );
}
