/**
 * Who gets a certificate: the event's rule (none; every date; at least N dates; at least X %
 * of the hours) applied to the dates that take place. A date the organiser cancelled counts
 * neither for nor against anyone: it leaves the total, and "at least N" asks for at most
 * as many dates as remain. Only dates that have ended count as attended: a certificate is
 * for what happened, so a check-in for a date still running (or recorded for one to come)
 * counts once the date is over.
 */
import type { CertificateRule } from "../../../../db/schema";
import type { CertificateKey } from "../../i18n/de/certificate";

export type SessionSpan = { id: number; startsAt: number; endsAt: number; cancelledAt: number | null };

export type Eligibility = {
  eligible: boolean;
  /** Dates attended and dates that take place. */
  attended: number;
  total: number;
  /** Dates the rule asks for (null for an hours rule or no rule). */
  required: number | null;
  attendedMinutes: number;
  totalMinutes: number;
  /** Share of the hours attended, rounded down to whole percent. */
  percent: number;
  /** Why (not), as a catalogue key with its parameters. */
  reason: { key: CertificateKey; params: Record<string, number> };
};

const minutesOf = (s: SessionSpan) => Math.max(0, Math.round((s.endsAt - s.startsAt) / 60_000));

/** The dates that take place and have ended by `now`, that the registration attended. */
export function attendedDates(sessions: SessionSpan[], attendedSessionIds: ReadonlySet<number>, now: number): SessionSpan[] {
  return sessions.filter((s) => s.cancelledAt === null && s.endsAt <= now && attendedSessionIds.has(s.id));
}

export function eligibility(rule: CertificateRule | null, sessions: SessionSpan[], attendedSessionIds: ReadonlySet<number>, confirmed: boolean, now: number): Eligibility {
  const live = sessions.filter((s) => s.cancelledAt === null);
  const came = attendedDates(sessions, attendedSessionIds, now);
  const pending = live.filter((s) => s.endsAt > now).length;
  const totalMinutes = live.reduce((sum, s) => sum + minutesOf(s), 0);
  const attendedMinutes = came.reduce((sum, s) => sum + minutesOf(s), 0);
  const percent = totalMinutes > 0 ? Math.floor((attendedMinutes * 100) / totalMinutes) : 0;
  const base = { attended: came.length, total: live.length, attendedMinutes, totalMinutes, percent };
  const no = (key: CertificateKey, params: Record<string, number> = {}, required: number | null = null): Eligibility => ({
    ...base,
    eligible: false,
    required,
    reason: { key, params },
  });

  if (!rule || rule.kind === "none") return no("certificate.why.no_rule");
  if (!confirmed) return no("certificate.why.not_confirmed");
  if (live.length === 0) return no("certificate.why.no_dates");

  if (rule.kind === "min_hours_percent") {
    const eligible = attendedMinutes * 100 >= rule.percent * totalMinutes && attendedMinutes > 0;
    const params = { percent, required: rule.percent };
    if (!eligible && pending > 0) return no("certificate.why.pending", { attended: came.length, total: live.length, required: Math.ceil((rule.percent * live.length) / 100), pending });
    return { ...base, eligible, required: null, reason: { key: eligible ? "certificate.why.hours_ok" : "certificate.why.hours_short", params } };
  }
  const required = rule.kind === "all_sessions" ? live.length : Math.max(1, Math.min(rule.sessions, live.length));
  const eligible = came.length >= required;
  const params = { attended: came.length, total: live.length, required };
  if (!eligible && pending > 0) return no("certificate.why.pending", { ...params, pending }, required);
  return { ...base, eligible, required, reason: { key: eligible ? "certificate.why.sessions_ok" : "certificate.why.sessions_short", params } };
}
