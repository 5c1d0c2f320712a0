/**
 * `/console/status`: for administrators, is mail going out and are the scheduled jobs
 * running (GET /api/console/status). No personal data: counts, templates, errors with
 * addresses removed. German or English, like the rest of the console.
 */
import type { OperationsStatus, StatusHint } from "../../../workers/src/domain/operations/status-types";
import { call, formatDateTime, h, pageHeading, startConsole, tableWrap } from "../console/core";
import { consoleLocale } from "../console/strings";

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
    failures: "Letzte Fehler",
    template: "Vorlage",
    attempts: "Versuche",
    when: "Zeit",
    error: "Fehler",
    no_failures: "Keine Fehler.",
    jobs: "Geplante Aufgaben",
    job: "Aufgabe",
    last_run: "Letzter Lauf",
    result: "Ergebnis",
    no_jobs: "Noch kein Lauf.",
    hints: "Hinweise",
    all_good: "Alles in Ordnung.",
    forbidden: "Diese Seite ist nur für Administratorinnen und Administratoren.",
    hint_cron_stale: "Der minütliche Cron ist seit {since} nicht gelaufen. Prüfen Sie die Trigger des Workers.",
    hint_cron_never_ran: "Der minütliche Cron ist noch nie gelaufen.",
    hint_mail_stuck_sending: "{count} E-Mails hängen im Versand (länger als 5 Minuten). Der Cron setzt sie neu an.",
    hint_mail_retrying: "{count} E-Mails wurden schon mehrmals versucht. Der Mail-Anbieter hat vielleicht Probleme.",
    hint_mail_given_up: "{count} E-Mails wurden aufgegeben. Die Warteschlange für unzustellbare Nachrichten protokolliert sie nur; Details unter „Letzte Fehler“.",
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
    failures: "Latest failures",
    template: "Template",
    attempts: "Attempts",
    when: "Time",
    error: "Error",
    no_failures: "No failures.",
    jobs: "Scheduled jobs",
    job: "Job",
    last_run: "Last run",
    result: "Result",
    no_jobs: "No run yet.",
    hints: "Hints",
    all_good: "All good.",
    forbidden: "This page is for administrators only.",
    hint_cron_stale: "The minutely cron has not run since {since}. Check the Worker's triggers.",
    hint_cron_never_ran: "The minutely cron has never run.",
    hint_mail_stuck_sending: "{count} emails are stuck in sending (over 5 minutes). The cron picks them up again.",
    hint_mail_retrying: "{count} emails have been tried several times. The mail provider may have trouble.",
    hint_mail_given_up: "{count} emails were given up. The dead-letter queue only logs them; see the latest failures.",
    hint_mail_backlog_old: "The oldest waiting email is from {since}. Is the queue consumer running?",
  },
};
type Key = keyof (typeof texts)["de"];

function x(key: Key, params: Record<string, string | number> = {}): string {
  return texts[consoleLocale()][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

function hintText(hint: StatusHint): string {
  const key = `hint_${hint.code}` as Key;
  return x(key, { count: hint.count ?? "", since: hint.since ? formatDateTime(hint.since) : "" });
}

function render(main: HTMLElement, status: OperationsStatus): void {
  const byStatus = Object.entries(status.outbox.byStatus);
  main.replaceChildren(
    pageHeading(x("title")),
    h("p", null, x("intro")),
    h("div", { class: "button-row" }, h("button", { type: "button", class: "button button-secondary", onclick: () => void load(main) }, x("refresh"))),
    h("h2", null, x("hints")),
    status.hints.length === 0
      ? h("p", { class: "notice notice-success" }, x("all_good"))
      : h("ul", { class: "notice notice-error" }, status.hints.map((hint) => h("li", null, hintText(hint)))),
    h("h2", null, x("outbox")),
    tableWrap(x("outbox"), [h("th", { scope: "col" }, x("status")), h("th", { scope: "col" }, x("count"))], byStatus.map(([s, n]) => h("tr", null, h("td", null, s), h("td", null, String(n))))),
    h(
      "p",
      null,
      status.outbox.oldestWaitingAt
        ? x("oldest", { date: formatDateTime(status.outbox.oldestWaitingAt), minutes: status.outbox.oldestWaitingMinutes ?? 0 })
        : x("nothing_waiting"),
    ),
    h("p", null, x("failed24", { count: status.outbox.failedLast24h })),
    h("h2", null, x("failures")),
    status.failures.length === 0
      ? h("p", null, x("no_failures"))
      : tableWrap(
          x("failures"),
          [x("when"), x("template"), x("attempts"), x("error")].map((label) => h("th", { scope: "col" }, label)),
          status.failures.map((f) => h("tr", null, h("td", null, formatDateTime(f.at)), h("td", null, f.template), h("td", null, String(f.attempts)), h("td", null, f.error ?? ""))),
        ),
    h("h2", null, x("jobs")),
    status.jobs.length === 0
      ? h("p", null, x("no_jobs"))
      : tableWrap(
          x("jobs"),
          [x("job"), x("last_run"), x("result")].map((label) => h("th", { scope: "col" }, label)),
          status.jobs.map((j) => h("tr", null, h("td", null, j.job), h("td", null, formatDateTime(j.lastRunAt)), h("td", null, h("code", null, JSON.stringify(j.result))))),
        ),
  );
}

async function load(main: HTMLElement): Promise<void> {
  try {
    const { status } = await call<{ status: OperationsStatus }>("/api/console/status");
    render(main, status);
  } catch (error) {
    const forbidden = (error as { status?: number }).status === 403;
    main.replaceChildren(pageHeading(x("title")), h("p", { class: "notice notice-error", role: "alert" }, forbidden ? x("forbidden") : String((error as Error).message)));
  }
}

void startConsole({ needsUser: true, title: () => x("title"), render: (main) => load(main) });
