/** What GET /api/console/status answers (shared with the status page, so free of Worker types). */
export type StatusHint = {
  code: "cron_stale" | "cron_never_ran" | "job_failing" | "mail_stuck_sending" | "mail_retrying" | "mail_given_up" | "mail_backlog_old";
  count?: number;
  since?: string;
  job?: string;
};

/** An email that failed (given up: status "failed", which a retry by hand queues again) or is being retried. */
export type MailFailure = {
  id: string;
  template: string;
  status: "failed" | "queued";
  attempts: number;
  /** Last change of the row: the last attempt. */
  at: string;
  createdAt: string;
  /** For a row being retried: when it is tried next, and when retries stop. */
  nextAttemptAt: string | null;
  giveUpAt: string;
  /** The provider's error, addresses removed. */
  error: string | null;
};

export type JobRun = {
  job: string;
  lastRunAt: string;
  minutesAgo: number;
  outcome: "ok" | "error";
  durationMs: number | null;
  /** The job's error (addresses removed); the other jobs of the run went on. */
  error: string | null;
  lastOkAt: string | null;
  result: unknown;
};

export type OperationsStatus = {
  now: string;
  outbox: { byStatus: Record<string, number>; oldestWaitingAt: string | null; oldestWaitingMinutes: number | null; failedLast24h: number };
  failures: MailFailure[];
  jobs: JobRun[];
  hints: StatusHint[];
};
