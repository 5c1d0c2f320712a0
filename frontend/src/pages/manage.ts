/**
 * `/manage#<token>`: a participant's own registration, reached from the emails.
 *
 * The token stays in the fragment, so it never appears in a URL sent to a server or in a
 * Referer. Mail scanners open these links: loading the page only reads (GET); every change
 * needs a click.
 */
import type { EventDetailResponse, ManagedRegistration, ManagedRegistrationResponse } from "../../../workers/src/api-types";
import { api, asFailure } from "../api";
import { focusOn, h } from "../dom";
import { contactBlock, eventMarks, formatDateTime, placeLine, sessionList, textAttrs, textNote } from "../event-info";
import { workshopList, workshopSwitch } from "../formats";
import { chosenLocale, linkLocale, t, type WebKey } from "../i18n";
import { failureBlock, loadingNote, showInLocale, startPage } from "../layout";

type Action = ManagedRegistration["actions"][number];
/** What the page says after a change: an action's result, or a workshop chosen (switched at once, or waited for with the old place kept). */
type Done = Action | "workshop_switched" | "workshop_waiting";

function token(): string {
  return decodeURIComponent(location.hash.replace(/^#/, "")).trim();
}

async function render(main: HTMLElement): Promise<void> {
  const heading = h("h1", null, t("manage.title"));
  if (!token()) {
    main.replaceChildren(heading, h("div", { class: "notice notice-error" }, h("p", null, t("manage.no_token")), h("p", null, h("a", { href: "/lost-link" }, t("manage.lost_link")))));
    return;
  }
  const loading = loadingNote();
  main.replaceChildren(heading, loading);
  try {
    const { registration } = await api<ManagedRegistrationResponse>(`/api/registrations/${encodeURIComponent(token())}`);
    // The page speaks the language stored with the registration, unless the link names one.
    if (!linkLocale() && (await showInLocale(registration.locale))) return;
    main.replaceChildren(heading, ...view(registration, main));
    await addCertificateLink(main);
    await addWorkshopSwitch(registration, main);
  } catch (error) {
    loading.replaceWith(failureBlock(error, () => void render(main)));
  }
}

function view(registration: ManagedRegistration, main: HTMLElement, done?: Done): HTMLElement[] {
  const event = registration.event;
  const statusHeading = h("h2", { id: "status-heading", tabindex: "-1" }, t("manage.status_heading"));
  const blocks: (HTMLElement | null)[] = [
    h(
      "section",
      // The title may be German on an Arabic page: only the title carries its language, the
      // note and the dates around it are in the page's language.
      { class: "event-card", "aria-labelledby": "event-heading" },
      h("h2", { id: "event-heading", ...textAttrs(event.marks.title) }, h("a", { href: `/event?slug=${encodeURIComponent(event.slug)}` }, h("bdi", null, event.title))),
      textNote(eventMarks(event)),
      sessionList(event.sessions),
      placeLine(event),
      event.status === "cancelled" ? h("p", { class: "availability availability-cancelled" }, t("event.cancelled")) : null,
    ),
    h(
      "section",
      { class: "status", "aria-labelledby": "status-heading" },
      statusHeading,
      done ? h("p", { class: "notice notice-success", role: "status" }, t(`manage.done_${done}` as WebKey)) : null,
      h("p", { class: `status-text status-${registration.status}`, "data-status": registration.status }, statusText(registration)),
      // Online: how to join (or when the link comes), never a code for an entrance.
      event.online && !registration.onlineUrl && ["waitlisted", "check_email", "offered", "pending_approval"].includes(registration.status)
        ? h("p", null, t("manage.online_later"))
        : null,
      workshopList(registration.workshops),
      registration.onlineUrl && /^https?:\/\//i.test(registration.onlineUrl)
        ? [h("p", null, h("a", { class: "button", href: registration.onlineUrl, rel: "noopener noreferrer" }, t("manage.online_link"))), h("p", { class: "hint" }, t("manage.online_how"))]
        : null,
      actionsBlock(registration, main),
    ),
    // Online events have no entrance: no code to show there.
    registration.status === "confirmed" && !(event.online && !event.location)
      ? h(
          "section",
          { class: "check-in-code", "aria-labelledby": "qr-heading" },
          h("h2", { id: "qr-heading" }, t("manage.qr_heading")),
          h("img", { src: `/api/registrations/${encodeURIComponent(token())}/qr.svg`, alt: t("manage.qr_alt"), width: "200", height: "200" }),
          h("p", { class: "hint" }, t("manage.qr_hint")),
        )
      : null,
    h(
      "section",
      { "aria-labelledby": "details-heading" },
      h("h2", { id: "details-heading" }, t("manage.details")),
      h(
        "dl",
        { class: "details" },
        h("dt", null, t("manage.name")),
        h("dd", null, h("bdi", null, registration.name)),
        h("dt", null, t("manage.email")),
        // An address reads left to right also on an Arabic page, and is kept on one line where it fits (style.css .email).
        h("dd", null, h("bdi", { dir: "ltr", class: "email" }, registration.email)),
        h("dt", null, t("manage.places")),
        h("dd", null, String(registration.places)),
        // Households: how many of the places are for children, as the participant entered it.
        registration.children > 0 ? [h("dt", null, t("manage.children")), h("dd", null, String(registration.children))] : null,
      ),
      h("p", null, h("a", { href: `/privacy-data?lang=${chosenLocale()}#${encodeURIComponent(token())}` }, t("manage.data_link"))),
    ),
    contactBlock(event.contact),
  ];
  return blocks.filter((block): block is HTMLElement => block !== null);
}

function statusText(registration: ManagedRegistration): string {
  const main = mainStatusText(registration);
  if (registration.awaitingEmail && registration.status !== "check_email") {
    return `${main} ${mainStatusText({ ...registration, status: "check_email" })}`;
  }
  return main;
}

function mainStatusText(registration: ManagedRegistration): string {
  switch (registration.status) {
    case "confirmed":
      return t("manage.status_confirmed");
    case "waitlisted":
      return registration.waitlistPosition !== null
        ? `${t("manage.status_waitlisted")} ${t("outcome.waitlist_position", { position: registration.waitlistPosition })}`
        : t("manage.status_waitlisted");
    case "check_email":
      return registration.holdExpiresAt
        ? t("manage.status_check_email_deadline", { deadline: formatDateTime(registration.holdExpiresAt) })
        : t("manage.status_check_email");
    case "offered":
      return registration.offerExpiresAt
        ? t("manage.status_offered_deadline", { deadline: formatDateTime(registration.offerExpiresAt) })
        : t("manage.status_offered");
    default:
      return t(`manage.status_${registration.status}` as WebKey);
  }
}

function cancelLabel(registration: ManagedRegistration): string {
  switch (registration.status) {
    case "waitlisted":
      return t("manage.action_leave_waitlist");
    case "offered":
      return t("manage.action_decline_offer");
    case "pending_approval":
      return t("manage.action_withdraw");
    default:
      return t("manage.action_cancel");
  }
}

function actionsBlock(registration: ManagedRegistration, main: HTMLElement): HTMLElement | null {
  if (registration.actions.every((action) => action === "workshops")) return null;
  const block = h("div", { class: "actions" });
  const errorHost = h("div");
  let busy = false;

  async function perform(action: Action, button: HTMLButtonElement): Promise<void> {
    if (busy) return;
    busy = true;
    const label = button.textContent ?? "";
    for (const other of block.querySelectorAll("button")) other.disabled = true;
    button.textContent = t("manage.sending");
    errorHost.replaceChildren();
    try {
      const { registration: updated } = await api<ManagedRegistrationResponse>(
        `/api/registrations/${encodeURIComponent(token())}/${action}`,
        { method: "POST", body: {} },
      );
      const heading = main.querySelector("h1");
      main.replaceChildren(...(heading ? [heading] : []), ...view(updated, main, action));
      const statusHeading = main.querySelector<HTMLElement>("#status-heading");
      if (statusHeading) focusOn(statusHeading);
    } catch (error) {
      const failure = asFailure(error);
      const alert = h("div", { class: "error-summary", role: "alert" }, h("p", null, failure.message));
      errorHost.replaceChildren(alert);
      focusOn(alert);
      for (const other of block.querySelectorAll("button")) other.disabled = false;
      button.textContent = label;
    } finally {
      busy = false;
    }
  }

  for (const action of registration.actions) {
    if (action === "workshops") continue; // its own section, see addWorkshopSwitch
    if (action === "cancel") {
      const confirmArea = h("div", { class: "confirm-cancel", hidden: true });
      const cancelButton = h("button", { type: "button", class: "button button-danger", "aria-expanded": "false" }, cancelLabel(registration));
      const question = h(
        "p",
        { id: "cancel-question", tabindex: "-1" },
        t(registration.status === "waitlisted" ? "manage.leave_question" : "manage.cancel_question"),
      );
      const yes = h("button", { type: "button", class: "button button-danger", "aria-describedby": "cancel-question" }, t("manage.cancel_yes"));
      const no = h("button", { type: "button", class: "button button-secondary" }, t("manage.cancel_no"));
      cancelButton.addEventListener("click", () => {
        confirmArea.hidden = false;
        cancelButton.hidden = true;
        cancelButton.setAttribute("aria-expanded", "true");
        question.focus();
      });
      no.addEventListener("click", () => {
        confirmArea.hidden = true;
        cancelButton.hidden = false;
        cancelButton.setAttribute("aria-expanded", "false");
        cancelButton.focus();
      });
      yes.addEventListener("click", () => void perform("cancel", yes));
      confirmArea.append(question, h("div", { class: "button-row" }, yes, no));
      block.append(cancelButton, confirmArea);
    } else {
      const key: WebKey = action === "confirm" ? "manage.action_confirm" : "manage.action_accept";
      const button: HTMLButtonElement = h("button", { type: "button", class: "button" }, t(key));
      button.addEventListener("click", () => void perform(action, button));
      block.append(button);
    }
  }
  return h("div", null, errorHost, block);
}

/** Where a certificate was issued, a link to download it. */
async function addCertificateLink(main: HTMLElement): Promise<void> {
  const response = await fetch(`/api/registrations/${encodeURIComponent(token())}/certificate`).catch(() => null);
  if (!response?.ok) return;
  const link = h("p", null, h("a", { class: "button button-secondary", href: `/api/registrations/${encodeURIComponent(token())}/certificate.pdf`, download: "" }, t("manage.certificate_link")));
  main.querySelector(".status")?.append(link);
}

/** Conferences: lets the participant switch workshops (the choices come from the public event). */
async function addWorkshopSwitch(registration: ManagedRegistration, main: HTMLElement): Promise<void> {
  if (!registration.actions.includes("workshops")) return;
  const { event } = await api<EventDetailResponse>(`/api/events/${encodeURIComponent(registration.event.slug)}`);
  const section = workshopSwitch(registration, event.workshops, async (slot, key) => {
    const { registration: updated } = await api<ManagedRegistrationResponse>(`/api/registrations/${encodeURIComponent(token())}/workshops`, {
      method: "POST",
      body: { slot, key },
    });
    const heading = main.querySelector("h1");
    const chosen = updated.workshops.find((w) => w.slot === slot && w.key === key);
    main.replaceChildren(...(heading ? [heading] : []), ...view(updated, main, chosen?.status === "confirmed" ? "workshop_switched" : "workshop_waiting"));
    await addWorkshopSwitch(updated, main);
    const statusHeading = main.querySelector<HTMLElement>("#status-heading");
    if (statusHeading) focusOn(statusHeading);
  });
  if (section instanceof HTMLElement) main.append(section);
}

void startPage({ title: () => t("manage.title"), render });

// A new link pasted into the same tab changes only the fragment.
window.addEventListener("hashchange", () => location.reload());
