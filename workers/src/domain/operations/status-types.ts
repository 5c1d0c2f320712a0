/** What GET /api/console/status answers (shared with the status page, so free of Worker types). */
export type StatusHint = { code: "cron_stale" | "cron_never_ran" | "mail_stuck_sending" | "mail_retrying" | "mail_given_up" | "mail_backlog_old"; count?: number; since?: string };

export type OperationsStatus = {
  now: string;
  outbox: { byStatus: Record<string, number>; oldestWaitingAt: string | null; oldestWaitingMinutes: number | null; failedLast24h: number };
  failures: { id: string; template: string; attempts: number; at: string; error: string | null }[];
  jobs: { job: string; lastRunAt: string; minutesAgo: number; result: unknown }[];
  hints: StatusHint[];
};

