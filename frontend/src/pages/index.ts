/**
 * `/`: the published events, with filters (audience, kind, language spoken, dates, "places
 * still free", a search over the titles). The filters live in the URL, so a filtered list is
 * a link to share; each change reloads the list and a live region says how many were found.
 */
import type { EventListResponse } from "../../../workers/src/api-types";
import { ApiFailure, api } from "../api";
import { h } from "../dom";
import { eventCard } from "../event-card";
import { audienceName, languageLabel } from "../event-info";
import { chosenLocale, t, type WebKey } from "../i18n";
import { failureBlock, loadingNote, startPage } from "../layout";
import { activeFilters, filterFromQuery, filterQuery, NO_FILTER, type ProgrammeFilter } from "../programme-filter";

type Facets = EventListResponse["facets"];
/** Typing in the search field reloads the list once the typing pauses. */
const SEARCH_PAUSE_MS = 350;

async function render(main: HTMLElement): Promise<void> {
  let filter = filterFromQuery(location.search);
  const count = h("p", { class: "result-count", role: "status" });
  const results = h("div", { class: "results" }, loadingNote());
  // The same selection as a calendar to subscribe to (the programme feed takes the same filters).
  const subscribe = h("a", { href: "/api/feeds/calendar.ics" }, t("list.subscribe"));
  main.replaceChildren(h("h1", null, t("list.title")), h("p", { class: "lead" }, t("list.intro")), count, results, h("p", { class: "subscribe" }, subscribe));
  let form: FilterForm | null = null;
  let latest = 0;

  const apply = (next: ProgrammeFilter) => {
    filter = next;
    const query = filterQuery(filter);
    history.replaceState(history.state, "", query ? `?${query}` : location.pathname);
    subscribe.href = calendarLink(filter);
    void load();
  };

  async function load(): Promise<void> {
    const request = ++latest;
    const query = filterQuery(filter);
    let response: EventListResponse;
    try {
      response = await api<EventListResponse>(`/api/events${query ? `?${query}` : ""}`);
    } catch (error) {
      if (request !== latest) return;
      count.textContent = "";
      results.replaceChildren(problem(error, () => void load(), () => (form ? form.reset() : apply({ ...NO_FILTER }))));
      return;
    }
    // An answer to an older filter that arrives late changes nothing.
    if (request !== latest) return;
    if (!form) {
      form = filterForm(filter, response.facets, apply);
      main.insertBefore(form.element, count);
    }
    form.showActive(filter);
    const { events } = response;
    const filtered = filterQuery(filter) !== "";
    count.textContent = filtered || events.length > 0 ? t("list.count", { count: events.length }) : "";
    if (events.length === 0) {
      results.replaceChildren(
        filtered
          ? h("div", { class: "notice" }, h("p", null, t("list.none_found")), h("button", { type: "button", class: "button button-secondary", onclick: () => form?.reset() }, t("filter.reset")))
          : h("p", { class: "notice" }, t("list.empty")),
      );
      return;
    }
    results.replaceChildren(h("ul", { class: "event-list" }, events.map((event) => eventCard(event))));
  }

  subscribe.href = calendarLink(filter);
  await load();
}

/** The programme feed of a selection, in the page's language. */
function calendarLink(filter: ProgrammeFilter): string {
  return `/api/feeds/calendar.ics?${filterQuery(filter, { locale: chosenLocale() })}`;
}

/** A failed load: a bad filter in a shared link names its problem and offers to reset; anything else a retry. */
function problem(error: unknown, retry: () => void, reset: () => void): HTMLElement {
  if (error instanceof ApiFailure && error.status === 422 && Object.keys(error.fields).length > 0) {
    return h(
      "div",
      { class: "notice notice-error", role: "alert" },
      Object.entries(error.fields).map(([field, message]) => h("p", null, `${fieldLabel(field)}: ${message}`)),
      h("button", { type: "button", class: "button button-secondary", onclick: reset }, t("filter.reset")),
    );
  }
  return failureBlock(error, retry);
}

const FIELD_LABELS: Record<string, WebKey> = {
  q: "filter.q",
  audience: "filter.audience",
  format: "filter.format",
  language: "filter.language",
  from: "filter.from",
  to: "filter.to",
  free: "filter.free",
};
const fieldLabel = (field: string) => (FIELD_LABELS[field] ? t(FIELD_LABELS[field]) : field);

type FilterForm = { element: HTMLFormElement; showActive(filter: ProgrammeFilter): void; reset(): void };

function filterForm(initial: ProgrammeFilter, facets: Facets, apply: (filter: ProgrammeFilter) => void): FilterForm {
  const search = h("input", { type: "search", id: "filter-q", name: "q", value: initial.q, maxlength: 100, autocomplete: "off", enterkeyhint: "search" });
  const select = (name: "audience" | "format" | "language", options: string[], label: (value: string) => string) => {
    // A value from a shared link that the programme no longer offers stays visible (and finds nothing).
    const values = initial[name] && !options.includes(initial[name]) ? [...options, initial[name]] : options;
    return h(
      "select",
      { id: `filter-${name}`, name },
      h("option", { value: "" }, t("filter.any")),
      values.map((value) => h("option", { value, selected: value === initial[name] }, label(value))),
    );
  };
  const audience = select("audience", facets.audiences, audienceName);
  const format = select("format", facets.formats, (value) => t(`format.${value}` as WebKey));
  const language = select("language", facets.languages, languageLabel);
  const from = h("input", { type: "date", id: "filter-from", name: "from", value: initial.from });
  const to = h("input", { type: "date", id: "filter-to", name: "to", value: initial.to, min: initial.from || null });
  const free = h("input", { type: "checkbox", id: "filter-free", name: "free", checked: initial.free });
  const field = (id: string, key: WebKey, control: HTMLElement) => h("div", { class: "field" }, h("label", { for: id }, t(key)), control);

  const read = (): ProgrammeFilter => ({
    ...initial,
    q: search.value.trim(),
    audience: audience.value,
    format: format.value,
    language: language.value,
    from: from.value,
    to: to.value,
    free: free.checked,
  });
  const summaryCount = h("span", { class: "active-filters" });
  const reset = h("button", { type: "button", class: "button button-secondary" }, t("filter.reset"));
  const more = h(
    "details",
    { class: "more-filters", open: activeFilters(initial) > 0 },
    h("summary", null, t("list.more_filters"), summaryCount),
    h(
      "div",
      { class: "filter-grid" },
      field("filter-audience", "filter.audience", audience),
      field("filter-format", "filter.format", format),
      field("filter-language", "filter.language", language),
      field("filter-from", "filter.from", from),
      field("filter-to", "filter.to", to),
    ),
    h("div", { class: "field choice" }, free, h("label", { for: "filter-free" }, t("filter.free"))),
  );
  const element = h(
    "form",
    { class: "filters", role: "search", "aria-label": t("list.filters"), onsubmit: (event) => (event.preventDefault(), apply(read())) },
    field("filter-q", "filter.q", search),
    more,
    h("div", { class: "button-row" }, h("button", { type: "submit", class: "button" }, t("filter.apply")), reset),
  );

  let pause: ReturnType<typeof setTimeout> | undefined;
  search.addEventListener("input", () => {
    clearTimeout(pause);
    pause = setTimeout(() => apply(read()), SEARCH_PAUSE_MS);
  });
  for (const control of [audience, format, language, from, to, free]) control.addEventListener("change", () => apply(read()));
  from.addEventListener("change", () => (to.min = from.value));

  const clear = () => {
    clearTimeout(pause);
    search.value = "";
    for (const control of [audience, format, language, from, to]) control.value = "";
    to.min = "";
    free.checked = false;
    apply({ ...NO_FILTER, organisation: initial.organisation });
    search.focus();
  };
  reset.addEventListener("click", clear);
  return {
    element,
    showActive(filter) {
      const active = activeFilters(filter);
      summaryCount.textContent = active > 0 ? ` (${t("list.active_filters", { count: active })})` : "";
      reset.hidden = active === 0 && !filter.q;
    },
    reset: clear,
  };
}

void startPage({ title: () => t("list.title"), render });
