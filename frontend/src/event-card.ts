/** An event as a card in a list: the event list and the embeddable list show the same. */
import type { PublicEventSummary } from "../../workers/src/api-types";
import { h } from "./dom";
import { availabilityText, formatName, placeLine, sessionList, textAttrs, textNote } from "./event-info";
import { t } from "./i18n";

export type CardOptions = {
  /** Where the title links to (the short link by default). */
  href?: (event: PublicEventSummary) => string;
  /** Opens the event in a new tab (from an embedded list on another site). */
  newTab?: boolean;
};

export function eventCard(event: PublicEventSummary, options: CardOptions = {}): HTMLElement {
  const cancelled = event.status === "cancelled";
  const href = options.href?.(event) ?? `/e/${encodeURIComponent(event.slug)}`;
  const link = options.newTab
    ? h("a", { href, target: "_blank", rel: "noopener" }, event.title, h("span", { class: "visually-hidden" }, ` ${t("common.new_tab")}`))
    : h("a", { href }, event.title);
  return h(
    "li",
    { class: cancelled ? "event-card cancelled" : "event-card" },
    h("p", { class: "event-format" }, formatName(event)),
    h("h2", textAttrs(event.marks.title), link),
    textNote([event.marks.title, event.marks.summary]),
    sessionList(event.sessions, 3),
    placeLine(event),
    event.summary ? h("p", { class: "event-summary", ...textAttrs(event.marks.summary) }, event.summary) : null,
    h("p", { class: cancelled ? "availability availability-cancelled" : "availability" }, availabilityText(event)),
  );
}
