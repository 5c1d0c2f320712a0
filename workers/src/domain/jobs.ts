/** What a scheduled job answers when it had nothing to do because it was not due: the scheduler records no run for it. */
export const NOT_DUE = { skipped: "not_due" } as const;
export type NotDue = typeof NOT_DUE;

export function isNotDue(result: unknown): result is NotDue {
  return typeof result === "object" && result !== null && (result as { skipped?: unknown }).skipped === NOT_DUE.skipped;
}
