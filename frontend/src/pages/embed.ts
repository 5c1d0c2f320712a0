/**
 * `/embed`: the programme, or a filtered part of it (`?audience=teachers&lang=ar&limit=5`), to
 * show in a frame on the city's or a partner's website. Only the sites named in
 * EMBED_ALLOWED_ORIGINS may frame it (the Worker sends their frame-ancestors). Events open in a
 * new tab on their short link; the page tells its host how tall it is (`zusammen:embed-height`),
 * which /embed.js uses to size the frame.
 */
import type { EventListResponse } from "../../../workers/src/api-types";
import { api } from "../api";
import { h } from "../dom";
import { eventCard } from "../event-card";
import { chosenLocale, initialLocale, t, useLocale } from "../i18n";
import { failureBlock, loadingNote } from "../layout";
import { filterFromQuery, filterQuery } from "../programme-filter";

const params = new URLSearchParams(location.search);
const limit = Math.min(50, Math.max(1, Number(params.get("limit")) || 50));

function reportHeight(): void {
  if (window.parent === window) return;
  // Only a height, nothing about the reader: any host may know it.
  // The content's own height (not scrollHeight, which never drops below the frame's current height).
  window.parent.postMessage({ type: "zusammen:embed-height", height: Math.ceil(document.body.getBoundingClientRect().height) }, "*");
}

async function start(): Promise<void> {
  await useLocale(initialLocale());
  const lang = params.get("lang") ? chosenLocale() : "";
  const filter = filterFromQuery(location.search);
  const query = filterQuery(filter);
  document.title = `${t("embed.title")} – ${t("site.name")}`;
  const main = h("main", { id: "main", class: "embed" }, h("h1", { class: "embed-title" }, t("embed.title")), loadingNote());
  document.body.replaceChildren(main);
  new ResizeObserver(reportHeight).observe(document.body);

  let events: EventListResponse["events"];
  try {
    ({ events } = await api<EventListResponse>(`/api/events${query ? `?${query}` : ""}`));
  } catch (error) {
    main.lastElementChild?.replaceWith(failureBlock(error, () => location.reload()));
    return;
  }
  const shortLink = (slug: string) => `/e/${encodeURIComponent(slug)}${lang ? `?lang=${lang}` : ""}`;
  const all = filterQuery(filter, { lang });
  main.lastElementChild?.replaceWith(
    events.length === 0
      ? h("p", { class: "notice" }, t(query ? "list.none_found" : "list.empty"))
      : h("ul", { class: "event-list" }, events.slice(0, limit).map((event) => eventCard(event, { href: (e) => shortLink(e.slug), newTab: true }))),
  );
  main.append(
    h("p", { class: "embed-all" }, h("a", { href: `/${all ? `?${all}` : ""}`, target: "_blank", rel: "noopener" }, t("embed.all"), h("span", { class: "visually-hidden" }, ` ${t("common.new_tab")}`))),
  );
}

void start();
