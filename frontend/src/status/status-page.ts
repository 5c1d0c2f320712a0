/**
 * `/console/status`: for administrators, is mail going out and are the scheduled jobs
 * running (GET /api/console/status). No personal data: counts, templates, errors with
 * addresses removed. German or English, like the rest of the console.
 */
import type { JobRun, MailFailure, OperationsStatus, StatusHint } from "../../../workers/src/domain/operations/status-types";
import { call, formatDateTime, h, pageHeading, startConsole, tableWrap } from "../console/core";
import { consoleLocale, mailStatusName, templateName } from "../console/strings";
import { format } from "../../../workers/src/i18n/vocabulary";

const texts = {
  de: {
    title: "Betrieb",
    intro: "Zustand des E-Mail-Versands und der geplanten Aufgaben. Nur für Administratorinnen und Administratoren.",
    refresh: "Neu laden",
    outbox: "E-Mails",
    status: "Stand",
    count: "Anzahl",
    oldest: "Älteste wartende E-Mail: {date} ({minutes} Minuten)",
    nothing_waiting: "Keine E-Mail wartet.",
    failed24: "Fehlgeschlagen in den letzten 24 Stunden: {count}",
    failures: "Aufgegebene und wiederholte E-Mails",
    failures_intro: "Eine E-Mail wird bei Fehlern des Anbieters bis zu 72 Stunden lang wiederholt, danach aufgegeben. Eine aufgegebene E-Mail können Sie erneut senden.",
    template: "Vorlage",
    state: "Stand",
    state_retrying: "wird wiederholt, nächster Versuch {date}",
    attempts: "Versuche",
    when: "Letzter Versuch",
    error: "Fehler",
    action: "Aktion",
    retry: "Erneut senden",
    retried: "Erneut in die Warteschlange gestellt.",
    no_failures: "Keine Fehler.",
    jobs: "Geplante Aufgaben",
    job: "Aufgabe",
    last_run: "Letzter Lauf",
    duration: "Dauer",
    outcome: "Ausgang",
    outcome_ok: "in Ordnung",
    outcome_error: "Fehler",
    result: "Ergebnis",
    no_jobs: "Noch kein Lauf.",
    hints: "Hinweise",
    all_good: "Alles in Ordnung.",
    forbidden: "Diese Seite ist nur für Administratorinnen und Administratoren.",
    hint_cron_stale: "Der minütliche Cron ist seit {since} nicht gelaufen. Prüfen Sie die Trigger des Workers.",
    hint_cron_never_ran: "Der minütliche Cron ist noch nie gelaufen.",
    hint_job_failing: "Die Aufgabe „{job}“ ist bei ihrem letzten Lauf mit einem Fehler abgebrochen (zuletzt fehlerfrei: {since}). Die anderen Aufgaben liefen weiter.",
    hint_mail_stuck_sending: "{count} E-Mails hängen im Versand (länger als 5 Minuten). Der Cron setzt sie neu an.",
    hint_mail_retrying: "{count} E-Mails wurden schon mehrmals versucht. Der Mail-Anbieter hat vielleicht Probleme.",
    hint_mail_given_up: "{count} E-Mails wurden aufgegeben. Sie stehen unten und lassen sich erneut senden.",
    hint_mail_backlog_old: "Die älteste wartende E-Mail ist von {since}. Läuft die Queue?",
  },
  en: {
    title: "Operations",
    intro: "State of email delivery and scheduled jobs. For administrators only.",
    refresh: "Reload",
    outbox: "Emails",
    status: "Status",
    count: "Count",
    oldest: "Oldest waiting email: {date} ({minutes} minutes)",
    nothing_waiting: "No email is waiting.",
    failed24: "Failed in the last 24 hours: {count}",
    failures: "Emails given up and being retried",
    failures_intro: "When the provider fails, an email is retried for up to 72 hours, then given up. You can send a given-up email again.",
    template: "Template",
    state: "State",
    state_retrying: "retrying, next attempt {date}",
    attempts: "Attempts",
    when: "Last attempt",
    error: "Error",
    action: "Action",
    retry: "Send again",
    retried: "Queued again.",
    no_failures: "No failures.",
    jobs: "Scheduled jobs",
    job: "Job",
    last_run: "Last run",
    duration: "Duration",
    outcome: "Outcome",
    outcome_ok: "ok",
    outcome_error: "error",
    result: "Result",
    no_jobs: "No run yet.",
    hints: "Hints",
    all_good: "All good.",
    forbidden: "This page is for administrators only.",
    hint_cron_stale: "The minutely cron has not run since {since}. Check the Worker's triggers.",
    hint_cron_never_ran: "The minutely cron has never run.",
    hint_job_failing: "The job “{job}” ended with an error on its last run (last without error: {since}). The other jobs went on.",
    hint_mail_stuck_sending: "{count} emails are stuck in sending (over 5 minutes). The cron picks them up again.",
    hint_mail_retrying: "{count} emails have been tried several times. The mail provider may have trouble.",
    hint_mail_given_up: "{count} emails were given up. They are listed below and can be sent again.",
    hint_mail_backlog_old: "The oldest waiting email is from {since}. Is the queue consumer running?",
  },
};
type Key = keyof (typeof texts)["de"];

function x(key: Key, params: Record<string, string | number> = {}): string {
  return format(texts[consoleLocale()][key], params);
}

function hintText(hint: StatusHint): string {
  const key = `hint_${hint.code}` as Key;
  return x(key, { count: hint.count ?? "", job: hint.job ?? "", since: hint.since ? formatDateTime(hint.since) : "–" });
}

function failureRow(main: HTMLElement, failure: MailFailure): HTMLElement {
  const state = failure.status === "failed" ? mailStatusName("failed") : x("state_retrying", { date: failure.nextAttemptAt ? formatDateTime(failure.nextAttemptAt) : "–" });
  const retry =
    failure.status === "failed"
      ? h(
          "button",
          {
            type: "button",
            class: "button button-secondary",
            onclick: async (event: Event) => {
              const button = event.currentTarget as HTMLButtonElement;
              button.disabled = true;
              try {
                await call(`/api/console/status/mail/${encodeURIComponent(failure.id)}/retry`, { method: "POST" });
                await load(main, x("retried"));
              } catch (error) {
                button.disabled = false;
                button.after(h("span", { class: "notice notice-error", role: "alert" }, String((error as Error).message)));
              }
            },
          },
          x("retry"),
          h("span", { class: "visually-hidden" }, `: ${templateName(failure.template)}, ${formatDateTime(failure.createdAt)}`),
        )
      : null;
  // The button comes early in the row: on a phone it is in sight without scrolling the table.
  return h(
    "tr",
    null,
    h("th", { scope: "row" }, templateName(failure.template)),
    h("td", null, state),
    h("td", null, retry ?? "–"),
    h("td", null, String(failure.attempts)),
    h("td", null, formatDateTime(failure.at)),
    h("td", null, failure.error ?? ""),
  );
}

function jobRow(job: JobRun): HTMLElement {
  return h(
    "tr",
    null,
    h("td", null, job.job),
    h("td", null, formatDateTime(job.lastRunAt)),
    h("td", null, job.durationMs === null ? "–" : `${job.durationMs} ms`),
    h("td", { class: job.outcome === "error" ? "mail-failed" : undefined }, x(job.outcome === "error" ? "outcome_error" : "outcome_ok")),
    h("td", null, job.outcome === "error" ? (job.error ?? "") : h("code", null, JSON.stringify(job.result))),
  );
}

function render(main: HTMLElement, status: OperationsStatus, notice?: string): void {
  const byStatus = Object.entries(status.outbox.byStatus);
  main.replaceChildren(
    pageHeading(x("title")),
    h("p", null, x("intro")),
    ...(notice ? [h("p", { class: "notice notice-success", role: "status" }, notice)] : []),
    h("div", { class: "button-row" }, h("button", { type: "button", class: "button button-secondary", onclick: () => void load(main) }, x("refresh"))),
    h("h2", null, x("hints")),
    status.hints.length === 0
      ? h("p", { class: "notice notice-success" }, x("all_good"))
      : h("ul", { class: "notice notice-error" }, status.hints.map((hint) => h("li", null, hintText(hint)))),
    h("h2", null, x("outbox")),
    tableWrap(x("outbox"), [h("th", { scope: "col" }, x("status")), h("th", { scope: "col" }, x("count"))], byStatus.map(([s, n]) => h("tr", null, h("td", null, mailStatusName(s)), h("td", null, String(n))))),
    h(
      "p",
      null,
      status.outbox.oldestWaitingAt
        ? x("oldest", { date: formatDateTime(status.outbox.oldestWaitingAt), minutes: status.outbox.oldestWaitingMinutes ?? 0 })
        : x("nothing_waiting"),
    ),
    h("p", null, x("failed24", { count: status.outbox.failedLast24h })),
    h("h2", null, x("failures")),
    h("p", null, x("failures_intro")),
    status.failures.length === 0
      ? h("p", null, x("no_failures"))
      : tableWrap(
          x("failures"),
          [x("template"), x("state"), x("action"), x("attempts"), x("when"), x("error")].map((label) => h("th", { scope: "col" }, label)),
          status.failures.map((f) => failureRow(main, f)),
        ),
    h("h2", null, x("jobs")),
    status.jobs.length === 0
      ? h("p", null, x("no_jobs"))
      : tableWrap(
          x("jobs"),
          [x("job"), x("last_run"), x("duration"), x("outcome"), x("result")].map((label) => h("th", { scope: "col" }, label)),
          status.jobs.map(jobRow),
        ),
  );
}

async function load(main: HTMLElement, notice?: string): Promise<void> {
  try {
    const { status } = await call<{ status: OperationsStatus }>("/api/console/status");
    render(main, status, notice);
  } catch (error) {
    const forbidden = (error as { status?: number }).status === 403;
    main.replaceChildren(pageHeading(x("title")), h("p", { class: "notice notice-error", role: "alert" }, forbidden ? x("forbidden") : String((error as Error).message)));
  }
}

void startConsole({ needsUser: true, title: () => x("title"), render: (main) => load(main) });
