/**
 * `/privacy-data#<token>`: everything held about the participant, readable, as a JSON file
 * to save, and a button to delete it all. The token (a manage token or the data-access
 * token from the "send me my data" email) sits in the fragment, so it never reaches a
 * server log; only the API calls carry it.
 */
import { api, ApiFailure } from "../api";
import { append, focusOn, h, type Child } from "../dom";
import { isLocale, linkLocale, shownLocale, t, type WebKey } from "../i18n";
import { failureBlock, loadingNote, showInLocale, startPage } from "../layout";
import { languageLabel } from "../event-info";
import { d, type DataPageKey } from "./strings";
import type { EmailTemplate, OUTBOX_STATUSES } from "../../../db/schema";
import { DEFAULT_TIME_ZONE } from "../../../workers/src/lib/time-zone";

type Json = Record<string, any>;
type PersonData = { generatedAt: string; email: string; privacyNoticeVersion: string; registrations: Json[]; emailSuppression: { reason: string; since: string } | null };

const token = decodeURIComponent(location.hash.replace(/^#/, ""));
const PARTICIPANT_STATUSES = ["confirmed", "waitlisted", "offered", "check_email", "pending_approval", "rejected", "cancelled", "expired"];

function when(iso: string | null | undefined, withTime = true): string {
  if (!iso) return d("none_value");
  return new Intl.DateTimeFormat(shownLocale(), {
    timeZone: DEFAULT_TIME_ZONE,
    dateStyle: "medium",
    ...(withTime ? { timeStyle: "short" } : {}),
  }).format(new Date(iso));
}

function statusText(status: string): string {
  const shown = status === "held" ? "check_email" : status;
  return PARTICIPANT_STATUSES.includes(shown) ? t(`manage.status_${shown}` as WebKey) : shown;
}

/** The emails of a registration: every template but those to staff. */
type ParticipantTemplate = Exclude<EmailTemplate, "login_link" | "invitation" | "application_received" | "organiser_digest">;

/** An email the person was sent, by its template (db/schema.ts: a new one does not compile without its words), and its delivery. */
const MAIL_TEXTS: Record<ParticipantTemplate, DataPageKey> = {
  confirm_email: "mail_confirm_email",
  confirmed: "mail_confirmed",
  waitlisted: "mail_waitlisted",
  offer: "mail_offer",
  promoted: "mail_promoted",
  cancelled: "mail_cancelled",
  expired: "mail_expired",
  manage_link: "mail_manage_link",
  reminder: "mail_reminder",
  event_changed: "mail_event_changed",
  event_cancelled: "mail_event_cancelled",
  cancelled_by_organiser: "mail_cancelled_by_organiser",
  updated_by_organiser: "mail_updated_by_organiser",
  organiser_message: "mail_organiser_message",
  certificate_issued: "mail_certificate_issued",
  data_access: "mail_data_access",
  application_pending: "mail_application_pending",
  application_rejected: "mail_application_rejected",
  workshops_changed: "mail_workshops_changed",
  manage_links: "mail_manage_links",
};
const MAIL_STATUSES: Record<(typeof OUTBOX_STATUSES)[number], DataPageKey> = { queued: "mail_status_queued", sending: "mail_status_sending", sent: "mail_status_sent", failed: "mail_status_failed" };

/** What happened to the registration, by the history's action (audit_log), as the person would say it. */
const HISTORY_TEXTS: Record<string, DataPageKey> = {
  "registration.created": "did_created",
  "registration.repeated": "did_repeated",
  "registration.email_confirmed": "did_email_confirmed",
  "registration.hold_expired": "did_hold_expired",
  "registration.offer_expired": "did_offer_expired",
  "registration.offer_accepted": "did_offer_accepted",
  "registration.promoted": "did_promoted",
  "registration.cancelled": "did_cancelled",
  "registration.cancelled_by_organiser": "did_cancelled_by_organiser",
  "registration.cancelled_with_event": "did_cancelled_by_organiser",
  "registration.cancelled_for_erasure": "did_cancelled",
  "registration.confirmed_by_organiser": "did_confirmed_by_organiser",
  "registration.approved": "did_confirmed_by_organiser",
  "registration.offered_by_organiser": "did_offered_by_organiser",
  "registration.moved": "did_moved",
  "registration.rejected": "did_rejected",
  "registration.updated_by_organiser": "did_updated_by_organiser",
  "registration.messaged": "mail_organiser_message",
  "registration.walk_in": "did_walk_in",
  "registration.workshop_chosen": "did_workshop_chosen",
  "attendance.checked_in": "did_checked_in",
  "attendance.places_changed": "did_checked_in",
  "attendance.undone": "did_check_in_undone",
  "certificate.issued": "did_certificate_issued",
  "certificate.reissued": "did_certificate_issued",
  "certificate.revoked": "did_certificate_revoked",
  "mail.retried": "did_mail_retried",
};

/** A stored code in words where the page knows it; else the code itself (the file has the same). */
const worded = (texts: Record<string, DataPageKey>, code: string): string => (texts[code] ? d(texts[code]!) : code);

/** A value as text: strings as they are, lists joined, objects as "key: value" lines. */
function plain(value: unknown): string {
  if (value === null || value === undefined || value === "") return d("none_value");
  if (typeof value === "boolean") return value ? d("yes") : d("no");
  if (Array.isArray(value)) return value.map(plain).join(", ");
  if (typeof value === "object") return Object.entries(value as Json).map(([k, v]) => `${k}: ${plain(v)}`).join("; ");
  return String(value);
}

/**
 * What the person asked for, in the page's words, one need after the other ("Dolmetschen:
 * Arabisch · Kinderbetreuung, Anzahl der Kinder: 2 (Alter: 3 und 5)"); what they wrote stays as
 * written. The stored keys ("interpreter", "childcare") are for the file, not for reading.
 */
function needsText(needs: Json | null | undefined): string {
  const parts: string[] = [];
  if (needs?.interpreter) parts.push(d("need_interpreter", { language: String(needs.interpreter) }));
  const childcare = needs?.childcare as Json | undefined;
  if (childcare?.children) parts.push(d(childcare.ages ? "need_childcare_ages" : "need_childcare", { children: Number(childcare.children), ages: String(childcare.ages ?? "") }));
  if (needs?.accessibility) parts.push(d("need_accessibility", { need: String(needs.accessibility) }));
  return parts.join(" · ") || d("none_value");
}

function facts(rows: [string, Child][]): HTMLElement {
  return h("dl", { class: "facts" }, rows.map(([term, value]) => [h("dt", null, term), h("dd", null, value)]));
}

function list<T>(heading: string, items: T[], item: (x: T) => Child): Child {
  if (items.length === 0) return null;
  return [h("h4", null, heading), h("ul", null, items.map((x) => h("li", null, item(x))))];
}

function registration(r: Json, index: number): HTMLElement {
  const questions = (r.questions ?? {}) as Record<string, string>;
  const answers = Object.entries((r.answers ?? {}) as Json);
  return h(
    "section",
    { class: "card", "aria-labelledby": `registration-${index}` },
    h("h3", { id: `registration-${index}` }, r.event.title, r.option ? ` – ${r.option}` : ""),
    facts([
      [d("dates"), (r.event.sessions as Json[]).map((s) => when(s.startsAt)).join(" · ") || d("none_value")],
      [d("organiser"), r.event.organiser],
      [d("status"), statusText(r.status)],
      [d("places"), String(r.places)],
      [d("name"), h("bdi", null, r.name)],
      [d("email"), h("bdi", { dir: "ltr" }, r.email)],
      [d("language"), isLocale(r.language) ? languageLabel(r.language) : String(r.language ?? "")],
      [d("needs"), needsText(r.needs)],
      [d("consent"), d("consent_value", { version: r.consent.privacyNoticeVersion ?? d("none_value"), date: when(r.consent.givenAt) })],
      [d("email_confirmed"), when(r.emailConfirmedAt)],
      [d("registered"), when(r.registeredAt)],
    ]),
    list(d("answers"), answers, ([id, value]) => [h("strong", null, `${questions[id] ?? id}: `), plain(value)]),
    list(d("workshops"), r.workshops as Json[], (w) => `${w.workshop} (${statusText(w.status)})`),
    list(d("check_ins"), r.checkIns as Json[], (c) => `${when(c.session)}: ${c.places}`),
    list(d("certificates"), r.certificates as Json[], (c) => [
      `${c.code} (${when(c.issuedAt, false)}) `,
      h("a", { href: `/verify/${encodeURIComponent(c.code)}` }, d("verify")),
    ]),
    list(d("emails"), r.emails as Json[], (m) => `${when(m.createdAt)}: ${worded(MAIL_TEXTS, m.template)} (${worded(MAIL_STATUSES, m.status)})`),
    list(d("history"), r.history as Json[], (e) => `${when(e.at)}: ${worded(HISTORY_TEXTS, e.action)}`),
  );
}

function downloadLink(data: PersonData): HTMLElement {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
  return h("a", { class: "button button-secondary", href: url, download: `meine-daten-${data.generatedAt.slice(0, 10)}.json` }, d("download"));
}

function eraseForm(main: HTMLElement): HTMLElement {
  const checkbox = h("input", { type: "checkbox", id: "erase-certificates", name: "deleteCertificates" });
  const button = h("button", { type: "submit", class: "button button-danger" }, d("erase_button"));
  const status = h("div", { role: "status", "aria-live": "polite" });
  const form = h(
    "form",
    {
      class: "erase",
      onsubmit: async (event) => {
        event.preventDefault();
        if (!window.confirm(d("erase_confirm"))) return;
        button.disabled = true;
        try {
          await api(`/api/registrations/${encodeURIComponent(token)}/erase`, { method: "POST", body: { confirm: true, deleteCertificates: checkbox.checked } });
          const done = h("p", { class: "notice notice-success", role: "status" }, d("erased"));
          main.replaceChildren(h("h1", null, d("title")), done);
          history.replaceState(null, "", location.pathname);
          focusOn(done);
        } catch (error) {
          button.disabled = false;
          status.replaceChildren(failureBlock(error));
        }
      },
    },
    h("p", null, d("erase_text")),
    h("p", { class: "checkbox" }, checkbox, " ", h("label", { for: "erase-certificates" }, d("erase_certificates"))),
    h("div", { class: "button-row" }, button),
    status,
  );
  return h("section", { "aria-labelledby": "erase-heading" }, h("h2", { id: "erase-heading" }, d("erase_heading")), form);
}

void startPage({
  title: () => d("title"),
  async render(main) {
    main.replaceChildren(h("h1", null, d("title")));
    if (!token) {
      append(main, h("p", null, d("no_link")), h("p", null, h("a", { href: "/privacy" }, d("to_privacy"))));
      return;
    }
    const loading = loadingNote();
    main.append(loading);
    try {
      const { data } = await api<{ data: PersonData }>(`/api/registrations/${encodeURIComponent(token)}/data`);
      // The page speaks the language stored with the (latest) registration, unless the link names one.
      const stored = data.registrations.at(-1)?.language;
      if (!linkLocale() && isLocale(stored) && (await showInLocale(stored))) return;
      loading.remove();
      append(
        main,
        h("p", { class: "lead" }, d("intro")),
        h("p", null, h("bdi", { dir: "ltr" }, data.email)),
        data.emailSuppression ? h("p", { class: "notice" }, d("suppression", { date: when(data.emailSuppression.since, false), reason: data.emailSuppression.reason })) : null,
        h("div", { class: "button-row" }, downloadLink(data)),
        data.registrations.length === 0 ? h("p", null, d("none")) : h("h2", null, d("registrations")),
        data.registrations.map(registration),
        data.registrations.length > 0 ? eraseForm(main) : null,
      );
    } catch (error) {
      loading.remove();
      main.append(failureBlock(error));
      if (error instanceof ApiFailure && error.status === 404) main.append(h("p", null, h("a", { href: "/privacy" }, d("to_privacy"))));
    }
  },
});
