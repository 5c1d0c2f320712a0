/** `/`: the published events. */
import type { EventListResponse } from "../../../workers/src/api-types";
import { api } from "../api";
import { h } from "../dom";
import { availabilityText, formatName, placeLine, sessionList, textAttrs, textNote } from "../event-info";
import { t } from "../i18n";
import { failureBlock, loadingNote, startPage } from "../layout";

async function render(main: HTMLElement): Promise<void> {
  main.replaceChildren(h("h1", null, t("list.title")), h("p", { class: "lead" }, t("list.intro")));
  const loading = loadingNote();
  main.append(loading);
  let events: EventListResponse["events"];
  try {
    ({ events } = await api<EventListResponse>("/api/events"));
  } catch (error) {
    loading.replaceWith(failureBlock(error, () => void render(main)));
    return;
  }
  if (events.length === 0) {
    loading.replaceWith(h("p", { class: "notice" }, t("list.empty")));
    return;
  }
  loading.replaceWith(
    h(
      "ul",
      { class: "event-list" },
      events.map((event) => {
        const cancelled = event.status === "cancelled";
        return h(
          "li",
          { class: cancelled ? "event-card cancelled" : "event-card" },
          h("p", { class: "event-format" }, formatName(event)),
          h("h2", textAttrs(event.marks.title), h("a", { href: `/event?slug=${encodeURIComponent(event.slug)}` }, event.title)),
          textNote([event.marks.title, event.marks.summary]),
          sessionList(event.sessions, 3),
          placeLine(event),
          event.summary ? h("p", { class: "event-summary", ...textAttrs(event.marks.summary) }, event.summary) : null,
          h("p", { class: cancelled ? "availability availability-cancelled" : "availability" }, availabilityText(event)),
        );
      }),
    ),
  );
}

void startPage({ title: () => t("list.title"), render });
