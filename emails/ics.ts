/**
 * The calendar file attached to confirmation emails: one VEVENT per session, times in UTC,
 * written by the one iCalendar writer (workers/src/lib/icalendar.ts), which the public
 * calendar files and the programme feeds use too.
 */
import { buildCalendar, escapeText, foldLine, formatUtc, sessionUid } from "../workers/src/lib/icalendar";

export { escapeText, foldLine, formatUtc };

export type IcsSession = {
  /** Stable id of the session if the caller has one; otherwise its position is used. */
  id?: string | number;
  startsAt: string; // ISO 8601, UTC
  endsAt: string;
  title: string | null;
};

export type IcsEvent = {
  slug: string;
  title: string;
  sessions: IcsSession[];
  location: string | null;
  description: string | null;
  url: string | null;
};

export type IcsOptions = {
  /** Domain part of the UIDs, e.g. the public host name. */
  uidDomain?: string;
  /** DTSTAMP; defaults to now. */
  now?: Date;
};

/** Builds the calendar file text (CRLF line endings, trailing CRLF). */
export function buildIcs(event: IcsEvent, options: IcsOptions = {}): string {
  const domain = options.uidDomain ?? "zusammen";
  return buildCalendar(
    event.sessions.map((session, index) => ({
      uid: sessionUid(event.slug, session.id ?? index + 1, domain),
      startsAt: Date.parse(session.startsAt),
      endsAt: Date.parse(session.endsAt),
      summary: session.title ? `${event.title} – ${session.title}` : event.title,
      location: event.location,
      description: event.description,
      url: event.url,
    })),
    { now: (options.now ?? new Date()).getTime() },
  );
}

/** Base64 of the UTF-8 bytes of a string (works in workerd and Node without Buffer). */
export function toBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}
