/**
 * /console/event?id=N: one event at a glance (places per pool, waitlist, holds and offers,
 * needs summed), its actions (publish, cancel, duplicate, preview, capacity), the
 * registrations (search, filter, answers, email status, detail with history and emails,
 * edit or cancel on a participant's behalf), the waitlist and applications, exports and
 * messages to registrants.
 */
import type { ConsoleEvent, ConsoleEventResponse, ConsoleHelper, ConsoleHelpersResponse, ConsoleRegistration, PoolStats, RegistrationDetail, RegistrationStatus } from "../types";
import {
  ConsoleFailure,
  ErrorDisplay,
  announce,
  ask,
  busy,
  call,
  choiceGroup,
  failureMessage,
  field,
  focusOn,
  formatDateTime,
  h,
  pageHeading,
  setChildren,
  startConsole,
  tableWrap,
  timeElement,
  type Child,
  type FieldRef,
  type Me,
} from "../core";
import { LOCALE_NAMES, eventStatusName, formatName, localized, mailStatusName, s, statusName, templateName, type StringKey } from "../strings";
import { tr as translationsTitle } from "./translations-strings";

const STATUSES: RegistrationStatus[] = ["confirmed", "held", "offered", "waitlisted", "pending_approval", "rejected", "cancelled", "expired"];
const MESSAGE_GROUPS: RegistrationStatus[] = ["confirmed", "held", "offered", "waitlisted", "pending_approval"];

let title = s("event.title");
let eventId = 0;
let current: ConsoleEvent;
let registrationsHost: HTMLElement;
let waitlistHost: HTMLElement;
let glanceHost: HTMLElement;
let overviewHost: HTMLElement;
let filter = { q: "", status: "", pool: "" };

async function render(main: HTMLElement, me: Me | null): Promise<void> {
  if (!me) return;
  eventId = Number(new URLSearchParams(location.search).get("id"));
  if (!Number.isSafeInteger(eventId) || eventId <= 0) {
    main.replaceChildren(pageHeading(s("event.title")), h("p", null, s("event.missing_id")), backLink());
    return;
  }
  main.replaceChildren(h("p", { class: "loading", role: "status" }, s("common.loading")));
  try {
    ({ event: current } = await call<ConsoleEventResponse>(`/api/console/events/${eventId}`));
  } catch (error) {
    main.replaceChildren(pageHeading(s("event.title")), accessProblem(error, me), backLink());
    return;
  }
  title = localized(current.texts.de?.title ? { de: current.texts.de.title } : {}) || current.slug;
  overviewHost = h("div");
  glanceHost = h("section", { "aria-labelledby": "glance-heading" });
  registrationsHost = h("section", { "aria-labelledby": "registrations-heading" });
  waitlistHost = h("section", { "aria-labelledby": "waitlist-heading" });
  main.replaceChildren(overviewHost, glanceHost, waitlistHost, registrationsHost, exportSection(), messageSection(), helpersSection());
  renderOverview();
  renderGlance();
  const params = new URLSearchParams(location.search);
  if (params.has("created")) announce(s("event.created_note"));
  else if (params.has("saved")) announce(s("event.saved_note"));
  await Promise.all([renderRegistrations(), renderWaitlist()]);
}

function backLink(): HTMLElement {
  return h("p", null, h("a", { href: "/console/" }, s("common.back_to_events")));
}

/** 404: not there or not theirs (the same answer on purpose); 403: a check-in helper. */
function accessProblem(error: unknown, me: Me): HTMLElement {
  if (error instanceof ConsoleFailure && error.status === 403) {
    const assigned = me.assignedEventIds.includes(eventId);
    return h("div", { class: "notice notice-error", role: "alert" }, h("p", null, s(assigned ? "event.helper_only_checkin" : "event.forbidden")));
  }
  if (error instanceof ConsoleFailure && error.status === 404) {
    return h("div", { class: "notice notice-error", role: "alert" }, h("p", null, s("event.not_found")));
  }
  return h("div", { class: "notice notice-error", role: "alert" }, h("p", null, failureMessage(error)));
}

async function reloadEvent(): Promise<void> {
  ({ event: current } = await call<ConsoleEventResponse>(`/api/console/events/${eventId}`));
  renderOverview();
  renderGlance();
}

/** Runs an action, announces its result, and reloads what it may have changed. */
async function act(button: HTMLButtonElement | null, action: () => Promise<unknown>, success: string, focusAfter?: () => HTMLElement | null): Promise<boolean> {
  const done = busy(button);
  try {
    await action();
  } catch (error) {
    done();
    announce(failureMessage(error), "error");
    return false;
  }
  done();
  announce(success);
  try {
    await Promise.all([reloadEvent(), renderRegistrations(), renderWaitlist()]);
  } catch (error) {
    announce(failureMessage(error), "error");
  }
  const target = focusAfter?.();
  if (target) focusOn(target);
  return true;
}

// ---------------------------------------------------------------- overview and actions

function renderOverview(): void {
  const event = current;
  const manage = event.permissions.manage;
  const heading = pageHeading(title);
  const place = event.location;
  const actions: Child[] = [];
  if (manage) {
    actions.push(h("a", { class: "button button-secondary", href: `/console/edit?id=${event.id}` }, s("event.edit")));
    actions.push(h("a", { class: "button button-secondary", href: `/console/translations?id=${event.id}` }, translationsTitle("title")));
    if (event.status === "draft") {
      actions.push(
        h(
          "button",
          {
            type: "button",
            class: "button",
            onclick: async (e) => {
              const answer = await ask({ title: s("event.publish_title"), text: s("event.publish_text"), confirm: s("event.publish") });
              if (answer) await act(e.currentTarget as HTMLButtonElement, () => call(`/api/console/events/${eventId}/publish`, { method: "POST" }), s("event.published_note"), () => document.querySelector("h1"));
            },
          },
          s("event.publish"),
        ),
      );
    }
    if (event.status !== "cancelled") {
      actions.push(
        h(
          "button",
          {
            type: "button",
            class: "button button-danger",
            onclick: async (e) => {
              const answer = await ask({
                title: s("event.cancel_title"),
                text: s("event.cancel_text"),
                fields: [{ name: "reason", label: s("event.cancel_reason"), type: "textarea", required: true, hint: s("event.cancel_reason_hint") }],
                confirm: s("event.cancel_confirm"),
                danger: true,
              });
              if (answer) await act(e.currentTarget as HTMLButtonElement, () => call(`/api/console/events/${eventId}/cancel`, { method: "POST", body: { reason: answer.reason } }), s("event.cancelled_note"), () => document.querySelector("h1"));
            },
          },
          s("event.cancel"),
        ),
      );
    }
    actions.push(
      h(
        "button",
        {
          type: "button",
          class: "button button-secondary",
          onclick: async (e) => {
            const answer = await ask({
              title: s("event.duplicate_title"),
              text: s("event.duplicate_text"),
              fields: [{ name: "shiftDays", label: s("event.duplicate_days"), type: "number", required: true, value: "364", min: 1, max: 3660, hint: s("event.duplicate_days_hint") }],
              confirm: s("event.duplicate"),
            });
            if (!answer) return;
            const done = busy(e.currentTarget as HTMLButtonElement);
            try {
              const { event: copy } = await call<ConsoleEventResponse>(`/api/console/events/${eventId}/duplicate`, { method: "POST", body: { shiftDays: Number(answer.shiftDays) } });
              location.assign(`/console/edit?id=${copy.id}&duplicated=1`);
            } catch (error) {
              done();
              announce(failureMessage(error), "error");
            }
          },
        },
        s("event.duplicate"),
      ),
    );
  }
  actions.push(h("a", { class: "button button-secondary", href: `/console/records?id=${event.id}` }, s("event.records")));
  const preview =
    event.status === "draft"
      ? h("p", { class: "hint" }, s("event.preview_draft"))
      : h("p", null, h("a", { href: `/event?slug=${encodeURIComponent(event.slug)}`, target: "_blank", rel: "noopener" }, s("event.preview"), h("span", { class: "visually-hidden" }, ` ${s("common.new_tab")}`)));
  setChildren(
    overviewHost,
    h("p", { class: "event-format" }, formatName(event.format), " · ", event.organisationName),
    heading,
    h("p", null, h("span", { class: `badge badge-${event.status}` }, eventStatusName(event.status))),
    event.status === "cancelled" && event.cancellationReason ? h("p", { class: "notice notice-error" }, s("event.cancelled_reason", { reason: event.cancellationReason })) : null,
    h(
      "dl",
      { class: "details" },
      h("dt", null, s("event.dates")),
      h(
        "dd",
        null,
        event.sessions.length === 0
          ? "–"
          : h(
              "ul",
              { class: "plain-list" },
              event.sessions.map((session) => h("li", { class: session.cancelled ? "cancelled" : null }, timeElement(session.startsAt), " – ", timeElement(session.endsAt), session.cancelled ? ` (${s("event.session_cancelled")})` : null)),
            ),
      ),
      h("dt", null, s("event.place")),
      h("dd", null, place ? [place.name, place.address ? `, ${place.address}` : null] : event.onlineUrl ? s("event.online") : "–"),
      h("dt", null, s("event.registration")),
      h("dd", null, registrationSummary(event)),
    ),
    preview,
    actions.length > 0 ? h("div", { class: "actions", role: "group", "aria-label": s("event.actions") }, actions) : null,
  );
}

function registrationSummary(event: ConsoleEvent): string {
  if (event.registrationMode === "none") return s("event.mode_none");
  const parts = [event.registrationMode === "approval" ? s("event.mode_approval") : s("event.mode_open")];
  if (event.registrationOpensAt) parts.push(s("event.opens", { date: formatDateTime(event.registrationOpensAt) }));
  if (event.registrationClosesAt) parts.push(s("event.closes", { date: formatDateTime(event.registrationClosesAt) }));
  if (event.waitlistEnabled) parts.push(event.waitlistMode === "offer" ? s("event.waitlist_offer", { hours: event.offerHours }) : s("event.waitlist_confirm"));
  else parts.push(s("event.waitlist_off"));
  if (event.emailConfirmation) parts.push(s("event.email_confirmation_on"));
  return parts.join(" · ");
}

// ---------------------------------------------------------------- at a glance

export function poolName(pool: Pick<PoolStats, "kind" | "key" | "name" | "slot">): string {
  const name = localized(pool.name ?? {});
  const base = name || (pool.kind === "event" ? s("pool.event") : pool.key);
  return pool.slot ? `${base} (${pool.slot})` : base;
}

function renderGlance(): void {
  const event = current;
  const rows = event.pools.map((pool) => {
    const taken = pool.confirmed + pool.held + pool.offered;
    const capacityCell: Child = event.permissions.manage ? capacityForm(pool) : String(pool.capacity);
    return h(
      "tr",
      { "data-pool": pool.key },
      h("th", { scope: "row" }, poolName(pool)),
      h("td", { class: "num", "data-cell": "taken" }, `${taken} / ${pool.capacity}`),
      h("td", { class: "num" }, String(pool.confirmed)),
      h("td", { class: "num" }, String(pool.held)),
      h("td", { class: "num" }, String(pool.offered)),
      h("td", { class: "num", "data-cell": "waitlist" }, String(pool.waitlistLength)),
      h("td", null, capacityCell),
    );
  });
  const counts = STATUSES.filter((status) => (event.counts[status] ?? 0) > 0).map((status) => h("li", null, `${statusName(status)}: ${event.counts[status]}`));
  const needs = event.needs;
  const interpreter = Object.entries(needs.interpreter).sort((a, b) => b[1] - a[1]);
  glanceHost.replaceChildren(
    h("h2", { id: "glance-heading" }, s("glance.title")),
    event.pools.length > 0
      ? tableWrap(
          s("glance.pools_caption"),
          [s("glance.col_pool"), s("glance.col_taken"), statusName("confirmed"), statusName("held"), statusName("offered"), s("glance.col_waitlist"), s("glance.col_capacity")].map((label) => h("th", { scope: "col" }, label)),
          rows,
        )
      : h("p", null, s("glance.no_pools")),
    h(
      "div",
      { class: "glance-grid" },
      h(
        "div",
        { class: "panel" },
        h("h3", null, s("glance.registrations")),
        counts.length > 0 ? h("ul", { class: "plain-list" }, counts) : h("p", null, s("glance.none_yet")),
        h("p", null, s("glance.holds", { count: event.holdsRunning }), h("br"), s("glance.offers", { count: event.offersRunning })),
      ),
      h(
        "div",
        { class: "panel" },
        h("h3", null, s("glance.needs")),
        h("h4", null, s("glance.interpreter")),
        interpreter.length > 0 ? h("ul", { class: "plain-list" }, interpreter.map(([language, count]) => h("li", null, `${language}: ${count}`))) : h("p", null, "–"),
        h("h4", null, s("glance.childcare")),
        needs.childcare.registrations > 0
          ? h("p", null, s("glance.childcare_summary", { children: needs.childcare.children, registrations: needs.childcare.registrations }), needs.childcare.ages.length > 0 ? [h("br"), s("glance.ages", { ages: needs.childcare.ages.join("; ") })] : null)
          : h("p", null, "–"),
        h("h4", null, s("glance.accessibility")),
        needs.accessibility.length > 0 ? h("ul", null, needs.accessibility.map((need) => h("li", null, need))) : h("p", null, "–"),
      ),
    ),
  );
}

function capacityForm(pool: PoolStats): HTMLElement {
  const input = h("input", { type: "number", class: "input-short", name: "capacity", min: 0, max: 100000, required: true, value: String(pool.capacity), id: `capacity-${pool.id}` });
  const button = h("button", { type: "submit", class: "button button-secondary button-small" }, s("glance.change_capacity"));
  return h(
    "form",
    {
      class: "inline-form",
      onsubmit: async (event) => {
        event.preventDefault();
        const capacity = Number(input.value);
        if (!Number.isInteger(capacity) || capacity < 0) {
          announce(s("glance.capacity_invalid"), "error");
          input.focus();
          return;
        }
        await act(
          button,
          () => call(`/api/console/pools/${pool.id}/capacity`, { method: "POST", body: { capacity } }),
          s("glance.capacity_changed", { pool: poolName(pool), capacity }),
          () => document.getElementById(`capacity-${pool.id}`),
        );
      },
    },
    h("label", { for: input.id, class: "visually-hidden" }, s("glance.capacity_label", { pool: poolName(pool) })),
    input,
    button,
  );
}

// ---------------------------------------------------------------- registrations

function answerText(question: ConsoleEvent["questions"][number] | undefined, value: unknown): string {
  if (value === null || value === undefined || value === "") return "–";
  if (typeof value === "boolean") return value ? s("common.yes") : s("common.no");
  const option = (id: unknown) => localized(question?.options?.find((o) => o.id === id)?.label ?? {}) || String(id);
  if (Array.isArray(value)) return value.map(option).join(", ");
  if (question?.type === "single_choice") return option(value);
  return String(value);
}

function answersList(registration: ConsoleRegistration): Child {
  const entries = Object.entries(registration.answers ?? {});
  if (entries.length === 0) return "–";
  return h(
    "dl",
    { class: "answers" },
    entries.map(([id, value]) => {
      const question = current.questions.find((q) => q.id === id);
      return [h("dt", null, localized(question?.label ?? {}) || id), h("dd", null, answerText(question, value))];
    }),
  );
}

function needsText(registration: ConsoleRegistration): Child {
  const needs = registration.needs ?? {};
  const parts: string[] = [];
  if (needs.interpreter) parts.push(s("needs.interpreter", { language: needs.interpreter }));
  if (needs.childcare?.children) parts.push(s("needs.childcare", { children: needs.childcare.children, ages: needs.childcare.ages ?? "–" }));
  if (needs.accessibility) parts.push(s("needs.accessibility", { need: needs.accessibility }));
  return parts.length > 0 ? h("ul", { class: "plain-list" }, parts.map((part) => h("li", null, part))) : "–";
}

function emailCell(registration: ConsoleRegistration): Child {
  const email = registration.emailStatus;
  return [
    email ? h("span", { class: `mail mail-${email.status}` }, s("mail.status_line", { template: templateName(email.template), status: mailStatusName(email.status) })) : "–",
    email?.lastError ? [h("br"), h("span", { class: "muted" }, email.lastError)] : null,
    registration.bouncing ? [h("br"), h("strong", { class: "bouncing" }, s("mail.bouncing"))] : null,
  ];
}

function statusCell(registration: ConsoleRegistration): Child {
  return [
    h("span", { class: `badge badge-${registration.status}`, "data-status": registration.status }, statusName(registration.status)),
    registration.waitlistPosition !== null ? [h("br"), s("reg.position", { position: registration.waitlistPosition })] : null,
    registration.status === "offered" && registration.offerExpiresAt ? [h("br"), s("reg.offer_until", { date: formatDateTime(registration.offerExpiresAt) })] : null,
    registration.awaitingEmail ? [h("br"), s("reg.awaiting_email", { date: formatDateTime(registration.holdExpiresAt) })] : null,
  ];
}

function query(extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filter, ...extra })) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : "";
}

async function renderRegistrations(): Promise<void> {
  const heading = h("h2", { id: "registrations-heading", tabindex: "-1" }, s("reg.title"));
  const search = h("input", { type: "search", name: "q", value: filter.q, autocomplete: "off" });
  const statusSelect = h(
    "select",
    { name: "status" },
    h("option", { value: "" }, s("reg.all_statuses")),
    STATUSES.map((status) => h("option", { value: status, selected: filter.status === status }, statusName(status))),
  );
  const poolSelect =
    current.pools.length > 1
      ? h("select", { name: "pool" }, h("option", { value: "" }, s("reg.all_pools")), current.pools.map((pool) => h("option", { value: pool.key, selected: filter.pool === pool.key }, poolName(pool))))
      : null;
  const form = h(
    "form",
    {
      class: "filter-form",
      role: "search",
      onsubmit: async (event) => {
        event.preventDefault();
        filter = { q: search.value.trim(), status: statusSelect.value, pool: poolSelect?.value ?? "" };
        await renderRegistrations();
        document.getElementById("registrations-result")?.focus();
      },
    },
    field(s("reg.search"), search, { hint: s("reg.search_hint") }).wrapper,
    field(s("reg.status_filter"), statusSelect).wrapper,
    poolSelect ? field(s("reg.pool_filter"), poolSelect).wrapper : null,
    h("button", { type: "submit", class: "button button-secondary" }, s("reg.apply_filter")),
  );
  const result = h("div", { id: "registrations-result", tabindex: "-1" }, h("p", { class: "loading", role: "status" }, s("common.loading")));
  const detail = h("div", { id: "registration-detail" });
  registrationsHost.replaceChildren(heading, form, result, detail);
  let registrations: ConsoleRegistration[];
  try {
    ({ registrations } = await call<{ registrations: ConsoleRegistration[] }>(`/api/console/events/${eventId}/registrations${query()}`));
  } catch (error) {
    result.replaceChildren(h("div", { class: "notice notice-error", role: "alert" }, h("p", null, failureMessage(error))));
    return;
  }
  if (registrations.length === 0) {
    result.replaceChildren(h("p", null, filter.q || filter.status || filter.pool ? s("reg.none_found") : s("reg.none")));
    return;
  }
  const showPool = current.pools.length > 1;
  const rows = registrations.map((registration) =>
    h(
      "tr",
      { "data-registration-id": registration.id, "data-status": registration.status },
      h("th", { scope: "row" }, registration.name, h("br"), h("span", { class: "muted" }, registration.email)),
      h("td", null, statusCell(registration)),
      h("td", { class: "num" }, String(registration.places)),
      showPool ? h("td", null, poolName(current.pools.find((p) => p.id === registration.poolId) ?? { kind: "event", key: registration.poolKey, name: null, slot: null })) : null,
      h("td", null, answersList(registration)),
      h("td", null, needsText(registration)),
      h("td", null, emailCell(registration)),
      h("td", null, timeElement(registration.createdAt)),
      h(
        "td",
        null,
        h(
          "button",
          { type: "button", class: "button button-secondary button-small", id: `details-${registration.id}`, onclick: () => void openDetail(registration.id, detail) },
          s("reg.details"),
          h("span", { class: "visually-hidden" }, `: ${registration.name}`),
        ),
      ),
    ),
  );
  const columns = [s("reg.col_person"), s("reg.col_status"), s("reg.col_places"), showPool ? s("reg.col_pool") : null, s("reg.col_answers"), s("reg.col_needs"), s("reg.col_email"), s("reg.col_created"), s("common.actions")];
  result.replaceChildren(
    tableWrap(
      s("reg.caption", { count: registrations.length }),
      columns.filter((c): c is string => c !== null).map((label) => h("th", { scope: "col" }, label)),
      rows,
    ),
  );
}

async function openDetail(id: number, host: HTMLElement): Promise<void> {
  host.replaceChildren(h("p", { class: "loading", role: "status" }, s("common.loading")));
  let registration: RegistrationDetail;
  try {
    ({ registration } = await call<{ registration: RegistrationDetail }>(`/api/console/registrations/${id}`));
  } catch (error) {
    host.replaceChildren(h("div", { class: "notice notice-error", role: "alert" }, h("p", null, failureMessage(error))));
    return;
  }
  const heading = h("h3", { tabindex: "-1", id: "detail-heading" }, s("detail.title", { name: registration.name }));
  const close = () => {
    host.replaceChildren();
    document.getElementById(`details-${id}`)?.focus();
  };
  const manage = current.permissions.manage;
  const live = ["held", "confirmed", "waitlisted", "offered", "pending_approval"].includes(registration.status);
  host.replaceChildren(
    h(
      "section",
      { class: "panel detail", "aria-labelledby": "detail-heading" },
      heading,
      h(
        "dl",
        { class: "details" },
        h("dt", null, s("detail.status")),
        h("dd", null, statusCell(registration)),
        h("dt", null, s("detail.email")),
        h("dd", null, registration.email),
        h("dt", null, s("detail.locale")),
        h("dd", null, LOCALE_NAMES[registration.locale as keyof typeof LOCALE_NAMES] ?? registration.locale),
        h("dt", null, s("reg.col_places")),
        h("dd", null, String(registration.places)),
        h("dt", null, s("reg.col_created")),
        h("dd", null, timeElement(registration.createdAt)),
        h("dt", null, s("reg.col_answers")),
        h("dd", null, answersList(registration)),
        h("dt", null, s("reg.col_needs")),
        h("dd", null, needsText(registration)),
      ),
      manage && live ? h("div", { class: "button-row" }, registrationActions(registration, () => heading), editButton(registration, host)) : null,
      h("h4", null, s("detail.history")),
      registration.history.length > 0
        ? h("ol", { class: "history" }, registration.history.map((entry) => h("li", null, timeElement(entry.at), " ", auditText(entry.action), h("span", { class: "muted" }, ` (${entry.actorEmail ?? actorName(entry.actor)})`), detailsText(entry.details))))
        : h("p", null, "–"),
      h("h4", null, s("detail.emails")),
      registration.emails.length > 0
        ? tableWrap(
            s("detail.emails"),
            [s("detail.col_template"), s("detail.col_status"), s("detail.col_attempts"), s("detail.col_created"), s("detail.col_sent")].map((label) => h("th", { scope: "col" }, label)),
            registration.emails.map((email) =>
              h("tr", null, h("th", { scope: "row" }, templateName(email.template)), h("td", null, mailStatusName(email.status), email.lastError ? [h("br"), h("span", { class: "muted" }, email.lastError)] : null), h("td", { class: "num" }, String(email.attempts)), h("td", null, timeElement(email.createdAt)), h("td", null, timeElement(email.sentAt))),
            ),
          )
        : h("p", null, "–"),
      registration.bouncing ? h("p", { class: "notice notice-error" }, s("mail.bouncing_text")) : null,
      h("p", null, h("button", { type: "button", class: "button button-secondary", onclick: close }, s("detail.close"))),
    ),
  );
  focusOn(heading);
}

function actorName(actor: string): string {
  return actor === "participant" ? s("detail.actor_participant") : actor === "system" ? s("detail.actor_system") : actor;
}

function auditText(action: string): string {
  return action.replace(/[._]/g, " ");
}

function detailsText(details: unknown): Child {
  if (!details || typeof details !== "object" || Object.keys(details).length === 0) return null;
  const reason = (details as { reason?: unknown }).reason;
  return h("span", { class: "muted" }, typeof reason === "string" ? ` – ${s("detail.reason", { reason })}` : ` – ${JSON.stringify(details)}`);
}

/** The buttons for one live registration: confirm, offer, approve, reject, move, cancel. */
function registrationActions(registration: ConsoleRegistration, focusAfter: () => HTMLElement | null, options: { move?: boolean } = {}): HTMLElement[] {
  const base = `/api/console/registrations/${registration.id}`;
  const who = h("span", { class: "visually-hidden" }, `: ${registration.name}`);
  const button = (label: string, onclick: (button: HTMLButtonElement) => Promise<void>, className = "button button-secondary button-small") =>
    h("button", { type: "button", class: className, onclick: (event) => void onclick(event.currentTarget as HTMLButtonElement) }, label, who.cloneNode(true));
  const buttons: HTMLElement[] = [];
  const afterList = () => document.getElementById("waitlist-heading") ?? focusAfter();
  if (registration.status === "waitlisted") {
    buttons.push(button(s("wait.confirm"), (b) => act(b, () => call(`${base}/confirm`, { method: "POST" }), s("wait.confirmed", { name: registration.name }), afterList).then(() => undefined)));
    buttons.push(button(s("wait.offer"), (b) => act(b, () => call(`${base}/offer`, { method: "POST" }), s("wait.offered", { name: registration.name }), afterList).then(() => undefined)));
    if (options.move) {
      for (const direction of ["up", "down"] as const) {
        buttons.push(
          button(s(direction === "up" ? "wait.move_up" : "wait.move_down"), async (b) => {
            const answer = await ask({
              title: s(direction === "up" ? "wait.move_up_title" : "wait.move_down_title", { name: registration.name }),
              fields: [{ name: "reason", label: s("wait.move_reason"), type: "textarea", required: true, hint: s("wait.move_reason_hint") }],
              confirm: s(direction === "up" ? "wait.move_up" : "wait.move_down"),
            });
            if (answer) await act(b, () => call(`${base}/move`, { method: "POST", body: { direction, reason: answer.reason } }), s("wait.moved", { name: registration.name }), afterList);
          }),
        );
      }
    }
  }
  if (registration.status === "offered") {
    buttons.push(button(s("wait.confirm"), (b) => act(b, () => call(`${base}/confirm`, { method: "POST" }), s("wait.confirmed", { name: registration.name }), focusAfter).then(() => undefined)));
  }
  if (registration.status === "pending_approval") {
    buttons.push(button(s("apply.approve"), (b) => act(b, () => call(`${base}/approve`, { method: "POST" }), s("apply.approved", { name: registration.name }), afterList).then(() => undefined), "button button-small"));
    buttons.push(
      button(s("apply.reject"), async (b) => {
        const answer = await ask({
          title: s("apply.reject_title", { name: registration.name }),
          text: s("apply.reject_text"),
          fields: [{ name: "reason", label: s("apply.reject_reason"), type: "textarea" }],
          confirm: s("apply.reject"),
          danger: true,
        });
        if (answer) await act(b, () => call(`${base}/reject`, { method: "POST", body: answer.reason ? { reason: answer.reason } : {} }), s("apply.rejected", { name: registration.name }), afterList);
      }),
    );
  }
  buttons.push(
    button(registration.status === "waitlisted" ? s("wait.remove") : s("reg.cancel"), async (b) => {
      const answer = await ask({
        title: s("reg.cancel_title", { name: registration.name }),
        text: s("reg.cancel_text"),
        fields: [{ name: "reason", label: s("reg.cancel_reason"), type: "textarea", required: true }],
        confirm: s("reg.cancel_confirm"),
        danger: true,
      });
      if (answer) await act(b, () => call(`${base}/cancel`, { method: "POST", body: { reason: answer.reason } }), s("reg.cancelled", { name: registration.name }), () => document.getElementById("registrations-heading"));
    }),
  );
  return buttons;
}

/** Edit on a participant's behalf (after a phone call): name, email, places, language, answers, needs. */
function editButton(registration: RegistrationDetail, host: HTMLElement): HTMLElement {
  return h(
    "button",
    {
      type: "button",
      class: "button button-secondary button-small",
      onclick: () => {
        const form = editForm(registration, host);
        host.querySelector(".edit-form")?.remove();
        host.querySelector(".detail")?.append(form);
        focusOn(form.querySelector("h4")!);
      },
    },
    s("reg.edit"),
  );
}

function editForm(registration: RegistrationDetail, host: HTMLElement): HTMLElement {
  const refs = new Map<string, FieldRef>();
  const add = (key: string, ref: FieldRef) => (refs.set(key, ref), ref.wrapper);
  const name = h("input", { type: "text", value: registration.name, maxlength: 200, required: true });
  const email = h("input", { type: "email", value: registration.email, maxlength: 254, required: true });
  const places = h("input", { type: "number", class: "input-short", value: String(registration.places), min: 1, max: current.maxPlacesPerRegistration });
  const locale = h("select", null, Object.entries(LOCALE_NAMES).map(([code, label]) => h("option", { value: code, selected: code === registration.locale }, label)));
  const answerInputs = current.questions.map((question) => {
    const value = registration.answers?.[question.id];
    const label = localized(question.label) || question.id;
    if (question.type === "checkbox") {
      const input = h("input", { type: "checkbox", checked: value === true });
      return { question, read: () => input.checked, ref: field(label, input) };
    }
    if (question.type === "single_choice" || question.type === "multiple_choice") {
      const group = choiceGroup(
        label,
        question.type === "single_choice" ? "radio" : "checkbox",
        `answer-${question.id}`,
        (question.options ?? []).map((o) => ({ value: o.id, label: localized(o.label) || o.id })),
        Array.isArray(value) ? value.map(String) : value ? [String(value)] : [],
      );
      return { question, read: () => (question.type === "single_choice" ? (group.values()[0] ?? "") : group.values()), ref: group as FieldRef };
    }
    const control = question.type === "long_text" ? h("textarea", { rows: 3 }) : h("input", { type: question.type === "number" ? "number" : "text" });
    control.value = value === undefined || value === null ? "" : String(value);
    return {
      question,
      read: () => (question.type === "number" ? (control.value === "" ? "" : Number(control.value)) : control.value.trim()),
      ref: field(label, control, { required: question.required }),
    };
  });
  const interpreter = h("input", { type: "text", value: registration.needs?.interpreter ?? "", maxlength: 100 });
  const children = h("input", { type: "number", class: "input-short", min: 0, max: 20, value: registration.needs?.childcare?.children ? String(registration.needs.childcare.children) : "" });
  const ages = h("input", { type: "text", value: registration.needs?.childcare?.ages ?? "", maxlength: 100 });
  const accessibility = h("textarea", { rows: 2, maxlength: 1000 });
  accessibility.value = registration.needs?.accessibility ?? "";
  const errors = new ErrorDisplay();
  const submit = h("button", { type: "submit", class: "button" }, s("reg.save_edit"));
  const form: HTMLFormElement = h(
    "form",
    {
      class: "edit-form subform",
      novalidate: true,
      onsubmit: async (event) => {
        event.preventDefault();
        const answers: Record<string, unknown> = {};
        for (const { question, read } of answerInputs) {
          const value = read();
          if (value !== "" && !(Array.isArray(value) && value.length === 0 && !question.required)) answers[question.id] = value;
        }
        const needs: Record<string, unknown> = {};
        if (interpreter.value.trim()) needs.interpreter = interpreter.value.trim();
        if (children.value) needs.childcare = { children: Number(children.value), ...(ages.value.trim() ? { ages: ages.value.trim() } : {}) };
        if (accessibility.value.trim()) needs.accessibility = accessibility.value.trim();
        const done = busy(submit);
        try {
          await call(`/api/console/registrations/${registration.id}`, {
            method: "PATCH",
            body: { name: name.value.trim(), email: email.value.trim(), places: Number(places.value), locale: locale.value, answers, needs },
          });
          done();
          errors.clear();
          announce(s("reg.edited", { name: name.value.trim() }));
          await Promise.all([reloadEvent(), renderRegistrations(), renderWaitlist()]);
          const newHost = document.getElementById("registration-detail");
          if (newHost) await openDetail(registration.id, newHost);
        } catch (error) {
          done();
          errors.show(form, failureMessage(error), error instanceof ConsoleFailure ? error.fields : {}, (key) => refs.get(key));
        }
      },
    },
    h("h4", { tabindex: "-1" }, s("reg.edit_title")),
    h("p", { class: "hint" }, s("reg.edit_hint")),
    add("name", field(s("reg.name"), name, { required: true })),
    add("email", field(s("reg.email"), email, { required: true })),
    add("places", field(s("reg.col_places"), places, { hint: s("reg.places_hint", { max: current.maxPlacesPerRegistration }) })),
    add("locale", field(s("detail.locale"), locale)),
    answerInputs.map(({ question, ref }) => add(`answers.${question.id}`, ref)),
    h(
      "fieldset",
      { class: "subform" },
      h("legend", null, s("reg.needs_legend")),
      add("needs.interpreter", field(s("reg.interpreter"), interpreter)),
      add("needs.childcare.children", field(s("reg.children"), children)),
      add("needs.childcare.ages", field(s("reg.ages"), ages)),
      add("needs.accessibility", field(s("reg.accessibility"), accessibility)),
    ),
    h("div", { class: "button-row" }, submit, h("button", { type: "button", class: "button button-secondary", onclick: () => { form.remove(); host.querySelector<HTMLElement>("#detail-heading")?.focus(); } }, s("common.back"))),
  );
  return form;
}

// ---------------------------------------------------------------- waitlist and applications

async function renderWaitlist(): Promise<void> {
  const heading = h("h2", { id: "waitlist-heading", tabindex: "-1" }, s("wait.title"));
  const body = h("div", null, h("p", { class: "loading", role: "status" }, s("common.loading")));
  waitlistHost.replaceChildren(heading, body);
  const manage = current.permissions.manage;
  try {
    const [waiting, applications] = await Promise.all([
      call<{ registrations: ConsoleRegistration[] }>(`/api/console/events/${eventId}/registrations?status=waitlisted`),
      current.registrationMode === "approval"
        ? call<{ registrations: ConsoleRegistration[] }>(`/api/console/events/${eventId}/registrations?status=pending_approval`)
        : Promise.resolve({ registrations: [] as ConsoleRegistration[] }),
    ]);
    const parts: Child[] = [];
    if (current.waitlistEnabled) parts.push(h("p", { class: "hint" }, current.waitlistMode === "offer" ? s("wait.mode_offer", { hours: current.offerHours }) : s("wait.mode_confirm")));
    for (const pool of current.pools) {
      const line = waiting.registrations.filter((r) => r.poolId === pool.id).sort((a, b) => (a.waitlistPosition ?? 0) - (b.waitlistPosition ?? 0));
      if (line.length === 0 && current.pools.length > 1) continue;
      parts.push(current.pools.length > 1 ? h("h3", null, poolName(pool)) : null);
      parts.push(
        line.length === 0
          ? h("p", null, s("wait.empty"))
          : h(
              "ol",
              { class: "waitlist", "aria-label": s("wait.list_label", { pool: poolName(pool) }) },
              line.map((r) =>
                h(
                  "li",
                  { "data-registration-id": r.id },
                  h("p", null, h("strong", null, s("reg.position", { position: r.waitlistPosition ?? "?" }), " · ", r.name), " ", h("span", { class: "muted" }, `${s("reg.places_count", { count: r.places })} · ${formatDateTime(r.createdAt)}`)),
                  manage ? h("div", { class: "button-row" }, registrationActions(r, () => heading, { move: true })) : null,
                ),
              ),
            ),
      );
    }
    if (current.registrationMode === "approval") {
      parts.push(h("h3", null, s("apply.title")));
      parts.push(
        applications.registrations.length === 0
          ? h("p", null, s("apply.empty"))
          : h(
              "ul",
              { class: "waitlist" },
              applications.registrations.map((r) =>
                h(
                  "li",
                  { "data-registration-id": r.id },
                  h("p", null, h("strong", null, r.name), " ", h("span", { class: "muted" }, `${r.email} · ${s("reg.places_count", { count: r.places })}`)),
                  answersList(r),
                  manage ? h("div", { class: "button-row" }, registrationActions(r, () => heading)) : null,
                ),
              ),
            ),
      );
    }
    body.replaceChildren(...parts.flat().filter((p): p is HTMLElement => p instanceof HTMLElement));
  } catch (error) {
    body.replaceChildren(h("div", { class: "notice notice-error", role: "alert" }, h("p", null, failureMessage(error))));
  }
}

// ---------------------------------------------------------------- export and messages

function exportSection(): HTMLElement {
  const delimiter = choiceGroup(s("export.delimiter"), "radio", "delimiter", [{ value: ";", label: s("export.semicolon") }, { value: ",", label: s("export.comma") }], [";"]);
  const status = h("select", { name: "export-status" }, h("option", { value: "" }, s("reg.all_statuses")), STATUSES.map((st) => h("option", { value: st }, statusName(st))));
  const link = h("a", { class: "button", download: "" }, s("export.csv"));
  const update = () => {
    const params = new URLSearchParams({ delimiter: delimiter.values()[0] ?? ";" });
    if (status.value) params.set("status", status.value);
    link.href = `/api/console/events/${eventId}/export.csv?${params}`;
  };
  delimiter.wrapper.addEventListener("change", update);
  status.addEventListener("change", update);
  update();
  return h(
    "section",
    { "aria-labelledby": "export-heading" },
    h("h2", { id: "export-heading" }, s("export.title")),
    h("p", { class: "hint" }, s("export.hint")),
    delimiter.wrapper,
    field(s("export.status"), status).wrapper,
    h(
      "div",
      { class: "button-row" },
      link,
      h("a", { class: "button button-secondary", href: `/api/console/events/${eventId}/print`, target: "_blank", rel: "noopener" }, s("export.print"), h("span", { class: "visually-hidden" }, ` ${s("common.new_tab")}`)),
    ),
  );
}

function messageSection(): HTMLElement {
  if (!current.permissions.manage) return h("div");
  const subject = h("input", { type: "text", maxlength: 200, required: true });
  const body = h("textarea", { rows: 6, maxlength: 10000, required: true });
  const groups = choiceGroup(s("message.groups"), "checkbox", "message-groups", MESSAGE_GROUPS.map((st) => ({ value: st, label: statusName(st) })), ["confirmed"]);
  const refs: Record<string, FieldRef> = { subject: field(s("message.subject"), subject, { required: true }), body: field(s("message.body"), body, { required: true, hint: s("message.body_hint") }), statuses: groups };
  const errors = new ErrorDisplay();
  const submit = h("button", { type: "submit", class: "button" }, s("message.send"));
  const form: HTMLFormElement = h(
    "form",
    {
      novalidate: true,
      onsubmit: async (event) => {
        event.preventDefault();
        const statuses = groups.values() as RegistrationStatus[];
        const count = statuses.reduce((sum, st) => sum + (current.counts[st] ?? 0), 0);
        const answer = await ask({ title: s("message.confirm_title"), text: s("message.confirm_text", { count, subject: subject.value.trim() }), confirm: s("message.send") });
        if (!answer) return;
        const done = busy(submit);
        try {
          const { queued } = await call<{ queued: number }>(`/api/console/events/${eventId}/messages`, { method: "POST", body: { subject: subject.value.trim(), body: body.value.trim(), statuses } });
          errors.clear();
          form.reset();
          announce(s("message.queued", { count: queued }));
        } catch (error) {
          errors.show(form, failureMessage(error), error instanceof ConsoleFailure ? error.fields : {}, (key) => refs[key]);
        } finally {
          done();
        }
      },
    },
    refs.subject!.wrapper,
    refs.body!.wrapper,
    groups.wrapper,
    submit,
  );
  return h("section", { "aria-labelledby": "message-heading" }, h("h2", { id: "message-heading" }, s("message.title")), h("p", { class: "hint" }, s("message.hint")), form);
}

// ---------------------------------------------------------------- check-in helpers

/** Who may do the check-in of this event: helpers of the organisation, assigned by email. */
function helpersSection(): HTMLElement {
  if (!current.permissions.manage) return h("div");
  const list = h("div", null, h("p", { class: "loading", role: "status" }, s("common.loading")));
  const email = h("input", { type: "email", autocomplete: "off", maxlength: 254, required: true });
  const emailField = field(s("helpers.email"), email, { required: true, hint: s("helpers.email_hint") });
  const errors = new ErrorDisplay();
  const submit = h("button", { type: "submit", class: "button button-secondary" }, s("helpers.assign"));
  const show = (helpers: ConsoleHelper[]) =>
    setChildren(
      list,
      helpers.length === 0
        ? h("p", null, s("helpers.none"))
        : h(
            "ul",
            { class: "waitlist" },
            helpers.map((helper) =>
              h(
                "li",
                null,
                h("p", null, helper.name ?? helper.email, helper.name ? h("span", { class: "muted" }, ` (${helper.email})`) : null),
                h(
                  "button",
                  {
                    type: "button",
                    class: "button button-secondary button-small",
                    onclick: async (event) => {
                      const done = busy(event.currentTarget as HTMLButtonElement);
                      try {
                        show((await call<ConsoleHelpersResponse>(`/api/console/events/${eventId}/helpers/${helper.userId}`, { method: "DELETE" })).helpers);
                        announce(s("helpers.removed", { name: helper.name ?? helper.email }));
                        email.focus();
                      } catch (error) {
                        done();
                        announce(failureMessage(error), "error");
                      }
                    },
                  },
                  s("common.remove"),
                  h("span", { class: "visually-hidden" }, `: ${helper.name ?? helper.email}`),
                ),
              ),
            ),
          ),
    );
  const form: HTMLFormElement = h(
    "form",
    {
      class: "subform",
      novalidate: true,
      onsubmit: async (event) => {
        event.preventDefault();
        const done = busy(submit);
        try {
          show((await call<ConsoleHelpersResponse>(`/api/console/events/${eventId}/helpers`, { method: "POST", body: { email: email.value.trim() } })).helpers);
          errors.clear();
          announce(s("helpers.assigned", { email: email.value.trim() }));
          form.reset();
        } catch (error) {
          errors.show(form, failureMessage(error), error instanceof ConsoleFailure ? error.fields : {}, (key) => (key === "email" ? emailField : undefined));
        } finally {
          done();
        }
      },
    },
    emailField.wrapper,
    submit,
  );
  call<ConsoleHelpersResponse>(`/api/console/events/${eventId}/helpers`).then(
    (response) => show(response.helpers),
    (error: unknown) => setChildren(list, h("p", { class: "notice notice-error" }, failureMessage(error))),
  );
  return h("section", { "aria-labelledby": "helpers-heading" }, h("h2", { id: "helpers-heading" }, s("helpers.title")), h("p", { class: "hint" }, s("helpers.hint")), list, form);
}

void startConsole({ needsUser: true, title: () => title, render });
