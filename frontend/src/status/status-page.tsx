/**
 * `/console/status`: for administrators, is mail going out and are the scheduled jobs
 * running (GET /api/console/status). No personal data: counts, templates, errors with
 * addresses removed. German or English, like the rest of the console.
 */
import type { JobRun, MailFailure, OperationsStatus, StatusHint } from "../../../workers/src/domain/operations/status-types";
import { ActionButton } from "../console/ui/action";
import { api, ApiFailure, failureMessage } from "../console/ui/api";
import { Loaded, useLoad } from "../console/ui/load";
import { MessageArea, Notice } from "../console/ui/messages";
import { mountPage, PageHeading, useTitle } from "../console/ui/page";
import { Table } from "../console/ui/table";
import { formatTime } from "../console/ui/time";
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
  return x(key, { count: hint.count ?? "", job: hint.job ?? "", since: hint.since ? formatTime(hint.since) : "–" });
}

function FailureRow({ failure, reload }: { failure: MailFailure; reload: () => Promise<void> }) {
  const state = failure.status === "failed" ? mailStatusName("failed") : x("state_retrying", { date: failure.nextAttemptAt ? formatTime(failure.nextAttemptAt) : "–" });
  // The button comes early in the row: on a phone it is in sight without scrolling the table.
  return (
    <tr>
      <th scope="row">{templateName(failure.template)}</th>
      <td>{state}</td>
      <td>
        {failure.status === "failed" ? (
          <ActionButton
            onAction={async () => {
              await api.post(`/api/console/status/mail/${encodeURIComponent(failure.id)}/retry`);
              await reload();
              return x("retried");
            }}
          >
            {x("retry")}
            <span class="visually-hidden">{`: ${templateName(failure.template)}, ${formatTime(failure.createdAt)}`}</span>
          </ActionButton>
        ) : (
          "–"
        )}
      </td>
      <td>{failure.attempts}</td>
      <td>{formatTime(failure.at)}</td>
      <td>{failure.error ?? ""}</td>
    </tr>
  );
}

function JobRow({ job }: { job: JobRun }) {
  return (
    <tr>
      <td>{job.job}</td>
      <td>{formatTime(job.lastRunAt)}</td>
      <td>{job.durationMs === null ? "–" : `${job.durationMs} ms`}</td>
      <td class={job.outcome === "error" ? "mail-failed" : undefined}>{x(job.outcome === "error" ? "outcome_error" : "outcome_ok")}</td>
      <td>{job.outcome === "error" ? (job.error ?? "") : <code>{JSON.stringify(job.result)}</code>}</td>
    </tr>
  );
}

function StatusView({ status, reload }: { status: OperationsStatus; reload: () => Promise<void> }) {
  const byStatus = Object.entries(status.outbox.byStatus);
  return (
    <>
      <div class="button-row">
        <ActionButton onAction={reload}>{x("refresh")}</ActionButton>
      </div>
      <h2>{x("hints")}</h2>
      {status.hints.length === 0 ? (
        <p class="notice notice-success">{x("all_good")}</p>
      ) : (
        <ul class="notice notice-error">
          {status.hints.map((hint, i) => (
            <li key={i}>{hintText(hint)}</li>
          ))}
        </ul>
      )}
      <h2>{x("outbox")}</h2>
      <Table caption={x("outbox")} head={[x("status"), x("count")]}>
        {byStatus.map(([state, n]) => (
          <tr key={state}>
            <td>{mailStatusName(state)}</td>
            <td>{n}</td>
          </tr>
        ))}
      </Table>
      <p>
        {status.outbox.oldestWaitingAt ? x("oldest", { date: formatTime(status.outbox.oldestWaitingAt), minutes: status.outbox.oldestWaitingMinutes ?? 0 }) : x("nothing_waiting")}
      </p>
      <p>{x("failed24", { count: status.outbox.failedLast24h })}</p>
      <h2>{x("failures")}</h2>
      <p>{x("failures_intro")}</p>
      {status.failures.length === 0 ? (
        <p>{x("no_failures")}</p>
      ) : (
        <Table caption={x("failures")} head={[x("template"), x("state"), x("action"), x("attempts"), x("when"), x("error")]}>
          {status.failures.map((failure) => (
            <FailureRow key={failure.id} failure={failure} reload={reload} />
          ))}
        </Table>
      )}
      <h2>{x("jobs")}</h2>
      {status.jobs.length === 0 ? (
        <p>{x("no_jobs")}</p>
      ) : (
        <Table caption={x("jobs")} head={[x("job"), x("last_run"), x("duration"), x("outcome"), x("result")]}>
          {status.jobs.map((job) => (
            <JobRow key={job.job} job={job} />
          ))}
        </Table>
      )}
    </>
  );
}

function StatusPage() {
  useTitle(x("title"));
  const status = useLoad(() => api.get<{ status: OperationsStatus }>("/api/console/status"), []);
  return (
    <>
      <PageHeading>{x("title")}</PageHeading>
      <p>{x("intro")}</p>
      {status.error && !status.data ? (
        <Notice kind="error">{status.error instanceof ApiFailure && status.error.status === 403 ? x("forbidden") : failureMessage(status.error)}</Notice>
      ) : (
        <MessageArea>
          <Loaded state={status}>{({ status: data }) => <StatusView status={data} reload={status.reload} />}</Loaded>
        </MessageArea>
      )}
    </>
  );
}

void mountPage(StatusPage);
