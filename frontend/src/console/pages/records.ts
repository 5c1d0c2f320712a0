/**
 * /console/records?id=N: what happened at an event. Attendance per date (who came, the
 * no-shows, the date's signature list as PDF) and certificates (the rule and signer, who
 * qualifies and why not, issuing to all who qualify, revoking and reissuing).
 */
import type {
  AttendanceResponse,
  AttendedPerson,
  CertificateOverview,
  CertificateRule,
  CertificateSettings,
  CertificateStanding,
  CertificateSummary,
  ConsoleEvent,
  ConsoleEventResponse,
  ExpectedPerson,
  SessionAttendance,
  Signer,
} from "../types";
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
import { s, statusName } from "../strings";

let title = s("records.title");
let eventId = 0;
let current: ConsoleEvent;
let attendanceHost: HTMLElement;
let settingsHost: HTMLElement;
let certificatesHost: HTMLElement;

async function render(main: HTMLElement, me: Me | null): Promise<void> {
  if (!me) return;
  eventId = Number(new URLSearchParams(location.search).get("id"));
  if (!Number.isSafeInteger(eventId) || eventId <= 0) {
    main.replaceChildren(pageHeading(s("records.title")), h("p", null, s("event.missing_id")), h("p", null, h("a", { href: "/console/" }, s("common.back_to_events"))));
    return;
  }
  main.replaceChildren(h("p", { class: "loading", role: "status" }, s("common.loading")));
  try {
    ({ event: current } = await call<ConsoleEventResponse>(`/api/console/events/${eventId}`));
  } catch (error) {
    main.replaceChildren(pageHeading(s("records.title")), problem(error), h("p", null, h("a", { href: "/console/" }, s("common.back_to_events"))));
    return;
  }
  const eventTitle = current.texts.de?.title || current.slug;
  title = `${s("records.title")}: ${eventTitle}`;
  attendanceHost = h("div");
  settingsHost = h("div");
  certificatesHost = h("div");
  main.replaceChildren(
    h("p", null, h("a", { href: `/console/event?id=${eventId}` }, s("records.back_to_event", { title: eventTitle }))),
    pageHeading(title),
    h("section", { "aria-labelledby": "attendance-heading" }, h("h2", { id: "attendance-heading", tabindex: "-1" }, s("records.attendance")), attendanceHost),
    h(
      "section",
      { "aria-labelledby": "certificates-heading" },
      h("h2", { id: "certificates-heading", tabindex: "-1" }, s("records.certificates")),
      settingsHost,
      certificatesHost,
    ),
  );
  await Promise.all([loadAttendance(), loadCertificates()]);
}

function problem(error: unknown): HTMLElement {
  const key = error instanceof ConsoleFailure && error.status === 403 ? "event.forbidden" : error instanceof ConsoleFailure && error.status === 404 ? "event.not_found" : null;
  return h("div", { class: "notice notice-error", role: "alert" }, h("p", null, key ? s(key) : failureMessage(error)));
}

// ---------------------------------------------------------------- attendance

async function loadAttendance(): Promise<void> {
  attendanceHost.replaceChildren(h("p", { class: "loading" }, s("common.loading")));
  let report: AttendanceResponse;
  try {
    report = await call<AttendanceResponse>(`/api/console/events/${eventId}/attendance`);
  } catch (error) {
    attendanceHost.replaceChildren(problem(error));
    return;
  }
  setChildren(
    attendanceHost,
    h("p", { class: "hint" }, s("records.attendance_hint", { count: report.expected.length })),
    report.sessions.length === 0 ? h("p", null, s("records.no_sessions")) : report.sessions.map((session, index) => sessionBlock(session, index)),
  );
}

function sessionLabel(session: { startsAt: string; endsAt: string; title: string | null }): string {
  return `${formatDateTime(session.startsAt)} – ${formatDateTime(session.endsAt)}${session.title ? ` · ${session.title}` : ""}`;
}

function sessionBlock(session: SessionAttendance, index: number): HTMLElement {
  const headingId = `session-${session.id}-heading`;
  const label = sessionLabel(session);
  const came = session.attended.reduce((sum, p) => sum + p.checkedInPlaces, 0);
  const pdf = h(
    "a",
    { class: "button button-secondary", href: `/api/console/events/${eventId}/sessions/${session.id}/signature-list.pdf`, download: "" },
    s("records.signature_list"),
    h("span", { class: "visually-hidden" }, ` ${s("records.for_date", { date: label })}`),
  );
  const attendedTable =
    session.attended.length === 0
      ? h("p", null, s("records.nobody_came"))
      : tableWrap(
          s("records.attended_caption", { date: label }),
          [s("records.col_name"), s("records.col_places"), s("records.col_checked_in_at")].map((text) => h("th", { scope: "col" }, text)),
          session.attended.map((p) =>
            h(
              "tr",
              null,
              h("th", { scope: "row" }, p.name, p.stillConfirmed ? null : h("span", { class: "hint" }, ` (${s("records.no_longer_confirmed")})`)),
              h("td", { class: "num" }, p.checkedInPlaces === p.places ? String(p.checkedInPlaces) : s("records.places_of", { came: p.checkedInPlaces, booked: p.places })),
              h("td", null, timeElement(p.checkedInAt)),
            ),
          ),
        );
  let noShows: Child;
  if (session.cancelled) noShows = null;
  else if (!session.begun) noShows = h("p", { class: "hint" }, s("records.not_begun"));
  else if (session.noShows.length === 0) noShows = h("p", null, s("records.no_no_shows"));
  else
    noShows = tableWrap(
      s("records.no_shows_caption", { date: label }),
      [s("records.col_name"), s("records.col_places")].map((text) => h("th", { scope: "col" }, text)),
      session.noShows.map((p) => h("tr", null, h("th", { scope: "row" }, p.name), h("td", { class: "num" }, String(p.places)))),
    );
  return h(
    "section",
    { class: "panel", "aria-labelledby": headingId },
    h("h3", { id: headingId }, s("records.date_n", { n: index + 1 }), " · ", timeElement(session.startsAt), session.title ? ` · ${session.title}` : null),
    session.cancelled
      ? h("p", { class: "notice notice-error" }, s("event.session_cancelled"))
      : h(
          "p",
          null,
          s("records.came_count", { people: session.attended.length, places: came }),
          session.begun ? [" · ", s("records.no_show_count", { count: session.noShows.length })] : null,
        ),
    session.cancelled ? null : h("div", { class: "button-row" }, pdf),
    session.attended.length > 0 || !session.cancelled ? h("h4", null, s("records.attended")) : null,
    attendedTable,
    session.cancelled ? null : h("h4", null, s("records.no_shows")),
    noShows,
  );
}

// ---------------------------------------------------------------- certificates

async function loadCertificates(focusAfter?: () => HTMLElement | null): Promise<void> {
  let overview: CertificateOverview;
  try {
    overview = await call<CertificateOverview>(`/api/console/events/${eventId}/certificates`);
  } catch (error) {
    certificatesHost.replaceChildren(problem(error));
    return;
  }
  renderSettings(overview.settings);
  renderCertificates(overview);
  const target = focusAfter?.();
  if (target) focusOn(target);
}

function ruleText(rule: CertificateRule | null): string {
  if (!rule || rule.kind === "none") return s("records.rule_none");
  if (rule.kind === "all_sessions") return s("records.rule_all");
  if (rule.kind === "min_sessions") return s("records.rule_min_sessions_n", { n: rule.sessions });
  return s("records.rule_min_percent_n", { n: rule.percent });
}

function renderSettings(settings: CertificateSettings): void {
  const rule = settings.rule ?? { kind: "none" };
  const facts = h(
    "dl",
    { class: "details" },
    h("dt", null, s("records.rule")),
    h("dd", null, ruleText(rule)),
    h("dt", null, s("records.signer")),
    h("dd", null, settings.signer ? `${settings.signer.name}, ${settings.signer.role}` : s("records.no_signer")),
  );
  if (!current.permissions.manage) {
    setChildren(settingsHost, h("h3", null, s("records.settings")), facts);
    return;
  }
  const kinds = choiceGroup(
    s("records.rule"),
    "radio",
    "rule-kind",
    [
      { value: "none", label: s("records.rule_none") },
      { value: "all_sessions", label: s("records.rule_all") },
      { value: "min_sessions", label: s("records.rule_min_sessions") },
      { value: "min_hours_percent", label: s("records.rule_min_percent") },
    ],
    [rule.kind],
  );
  const sessions = h("input", { type: "number", inputmode: "numeric", min: 1, max: 1000, step: 1, value: rule.kind === "min_sessions" ? String(rule.sessions) : "" });
  const percent = h("input", { type: "number", inputmode: "numeric", min: 1, max: 100, step: 1, value: rule.kind === "min_hours_percent" ? String(rule.percent) : "" });
  const signerName = h("input", { type: "text", maxlength: 200, autocomplete: "off", value: settings.signer?.name ?? "" });
  const signerRole = h("input", { type: "text", maxlength: 200, autocomplete: "off", value: settings.signer?.role ?? "" });
  const sessionsField = field(s("records.min_sessions"), sessions);
  const percentField = field(s("records.min_percent"), percent);
  const refs: Record<string, FieldRef> = {
    rule: kinds,
    "rule.kind": kinds,
    "rule.sessions": sessionsField,
    "rule.percent": percentField,
    signer: field(s("records.signer_name"), signerName, { hint: s("records.signer_hint") }),
    "signer.role": field(s("records.signer_role"), signerRole),
  };
  refs["signer.name"] = refs.signer!;
  const sync = () => {
    const kind = kinds.values()[0];
    sessionsField.wrapper.hidden = kind !== "min_sessions";
    percentField.wrapper.hidden = kind !== "min_hours_percent";
  };
  kinds.wrapper.addEventListener("change", sync);
  sync();
  const errors = new ErrorDisplay();
  const submit = h("button", { type: "submit", class: "button" }, s("records.save_settings"));
  const form: HTMLFormElement = h(
    "form",
    {
      novalidate: true,
      onsubmit: async (event) => {
        event.preventDefault();
        const kind = kinds.values()[0] ?? "none";
        const nextRule: CertificateRule =
          kind === "min_sessions"
            ? { kind, sessions: Number(sessions.value) }
            : kind === "min_hours_percent"
              ? { kind, percent: Number(percent.value) }
              : { kind: kind === "all_sessions" ? "all_sessions" : "none" };
        const name = signerName.value.trim();
        const role = signerRole.value.trim();
        const signer = name || role ? { name, role } : null;
        const done = busy(submit);
        submit.textContent = s("common.saving");
        try {
          await call(`/api/console/events/${eventId}/certificate-settings`, { method: "PUT", body: { rule: nextRule, signer } });
        } catch (error) {
          done();
          if (error instanceof ConsoleFailure && Object.keys(error.fields).length > 0) errors.show(form, error.message, error.fields, (key) => refs[key]);
          else announce(failureMessage(error), "error");
          return;
        }
        done();
        errors.clear();
        announce(s("records.settings_saved"));
        await loadCertificates(() => document.getElementById("settings-heading"));
      },
    },
    kinds.wrapper,
    sessionsField.wrapper,
    percentField.wrapper,
    refs.signer!.wrapper,
    refs["signer.role"]!.wrapper,
    h("div", { class: "button-row" }, submit),
  );
  setChildren(settingsHost, h("h3", { id: "settings-heading", tabindex: "-1" }, s("records.settings")), facts, form);
}

function certificateCell(c: CertificateSummary): Child {
  return [h("code", null, c.code), h("br"), h("span", { class: "hint" }, s("records.issued_at", { date: formatDateTime(c.issuedAt) }))];
}

function renderCertificates(overview: CertificateOverview): void {
  const manage = current.permissions.manage;
  const ruleSet = !!overview.settings.rule && overview.settings.rule.kind !== "none";
  const due = overview.registrations.filter((r) => r.eligible && !r.certificate).length;
  const heading = () => document.getElementById("list-heading");
  const issue =
    manage && ruleSet
      ? h(
          "button",
          {
            type: "button",
            class: "button",
            disabled: due === 0,
            onclick: async (e) => {
              const answer = await ask({ title: s("records.issue_title"), text: s("records.issue_text", { count: due }), confirm: s("records.issue") });
              if (!answer) return;
              const done = busy(e.currentTarget as HTMLButtonElement);
              try {
                const result = await call<{ issued: number; eligible: number }>(`/api/console/events/${eventId}/certificates/issue`, { method: "POST" });
                announce(s("records.issued_note", { count: result.issued }));
              } catch (error) {
                done();
                announce(failureMessage(error), "error");
                return;
              }
              await loadCertificates(heading);
            },
          },
          s("records.issue"),
        )
      : null;
  const rows = overview.registrations.map((r) => {
    const latestRevoked = r.revoked.length > 0 ? [...r.revoked].sort((a, b) => b.issuedAt.localeCompare(a.issuedAt))[0]! : null;
    const actions: Child[] = [];
    if (manage && r.certificate) {
      const cert = r.certificate;
      actions.push(
        h(
          "button",
          {
            type: "button",
            class: "button button-small button-danger",
            onclick: async (e) => {
              const answer = await ask({
                title: s("records.revoke_title", { name: r.name }),
                text: s("records.revoke_text", { code: cert.code }),
                fields: [{ name: "reason", label: s("records.revoke_reason"), type: "textarea", required: true }],
                confirm: s("records.revoke"),
                danger: true,
              });
              if (!answer) return;
              if (!answer.reason) return announce(s("records.reason_missing"), "error");
              await certificateAction(e.currentTarget as HTMLButtonElement, `${cert.id}/revoke`, { reason: answer.reason }, s("records.revoked_note", { name: r.name }));
            },
          },
          s("records.revoke"),
          h("span", { class: "visually-hidden" }, `: ${r.name}`),
        ),
      );
    }
    const reissueOf = r.certificate ?? latestRevoked;
    if (manage && reissueOf) {
      actions.push(
        h(
          "button",
          {
            type: "button",
            class: "button button-small button-secondary",
            onclick: async (e) => {
              const answer = await ask({
                title: s("records.reissue_title", { name: r.name }),
                text: s(r.certificate ? "records.reissue_text" : "records.reissue_revoked_text", { code: reissueOf.code }),
                fields: [{ name: "name", label: s("records.reissue_name"), type: "text", value: r.name, hint: s("records.reissue_name_hint") }],
                confirm: s("records.reissue"),
              });
              if (!answer) return;
              const body = answer.name && answer.name !== r.name ? { name: answer.name } : {};
              await certificateAction(e.currentTarget as HTMLButtonElement, `${reissueOf.id}/reissue`, body, s("records.reissued_note", { name: answer.name || r.name }));
            },
          },
          s("records.reissue"),
          h("span", { class: "visually-hidden" }, `: ${r.name}`),
        ),
      );
    }
    return h(
      "tr",
      null,
      h("th", { scope: "row" }, r.name),
      h("td", null, statusName(r.status)),
      h("td", null, s("records.attended_of", { attended: r.attended, total: r.total, percent: r.percent })),
      h("td", null, h("strong", null, r.eligible ? s("records.eligible_yes") : s("records.eligible_no")), h("br"), h("span", { class: "hint" }, r.why)),
      h(
        "td",
        null,
        r.certificate ? certificateCell(r.certificate) : "–",
        r.revoked.length > 0
          ? h(
              "ul",
              { class: "plain-list hint" },
              r.revoked.map((c) =>
                h("li", null, s("records.revoked_entry", { code: c.code, date: formatDateTime(c.revokedAt), reason: c.revokedReason === "reissued" ? s("records.reason_reissued") : (c.revokedReason ?? "–") })),
              ),
            )
          : null,
      ),
      manage ? h("td", null, actions.length > 0 ? h("div", { class: "button-row" }, actions) : "–") : null,
    );
  });
  const head = [s("records.col_name"), s("records.col_status"), s("records.col_attended"), s("records.col_eligible"), s("records.col_certificate")];
  if (manage) head.push(s("common.actions"));
  setChildren(
    certificatesHost,
    h("h3", { id: "list-heading", tabindex: "-1" }, s("records.list")),
    h("p", null, s("records.summary", { sessions: overview.sessions, eligible: overview.eligible, issued: overview.issued })),
    ruleSet ? null : h("p", { class: "hint" }, s("records.no_rule_hint")),
    issue ? h("div", { class: "button-row" }, issue, due === 0 ? h("span", { class: "hint" }, s(overview.eligible > 0 ? "records.nothing_due" : "records.nobody_eligible")) : null) : null,
    overview.registrations.length === 0
      ? h("p", null, s("records.no_registrations"))
      : tableWrap(
          s("records.list_caption"),
          head.map((text) => h("th", { scope: "col" }, text)),
          rows,
        ),
  );
}

async function certificateAction(button: HTMLButtonElement, path: string, body: unknown, success: string): Promise<void> {
  const done = busy(button);
  try {
    await call(`/api/console/events/${eventId}/certificates/${path}`, { method: "POST", body });
  } catch (error) {
    done();
    announce(failureMessage(error), "error");
    return;
  }
  announce(success);
  await loadCertificates(() => document.getElementById("list-heading"));
}

void startConsole({ needsUser: true, title: () => title, render });
