/**
 * A small iCalendar (RFC 5545) writer for the calendar file attached to confirmation emails.
 *
 * One VEVENT per session, times in UTC ("Z"), CRLF line endings, TEXT values escaped
 * (\ ; , and newlines) and content lines folded at 75 octets without splitting a UTF-8
 * character. METHOD:PUBLISH: the file is a copy for the participant's calendar, not an invitation.
 */

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

const encoder = new TextEncoder();

/** Escapes a TEXT value (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/** 2027-03-15T09:00:00Z → 20270315T090000Z */
export function formatUtc(iso: string | Date): string {
  const date = typeof iso === "string" ? new Date(iso) : iso;
  if (Number.isNaN(date.getTime())) throw new RangeError(`Invalid date: ${String(iso)}`);
  return date.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");
}

/** Folds one content line so that no physical line exceeds 75 octets (RFC 5545 §3.1). */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = "";
  let currentOctets = 0;
  let limit = 75; // the first line may use 75 octets; continuation lines start with a space
  for (const char of line) {
    const octets = encoder.encode(char).length;
    if (currentOctets + octets > limit) {
      parts.push(current);
      current = "";
      currentOctets = 0;
      limit = 74;
    }
    current += char;
    currentOctets += octets;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

function uidPart(value: string): string {
  return value.replace(/[^A-Za-z0-9._-]/g, "-");
}

/** Builds the calendar file text (CRLF line endings, trailing CRLF). */
export function buildIcs(event: IcsEvent, options: IcsOptions = {}): string {
  const stamp = formatUtc(options.now ?? new Date());
  const domain = options.uidDomain ?? "zusammen";
  const lines: string[] = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//zusammen//Event registration//DE",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
  ];
  event.sessions.forEach((session, index) => {
    const summary = session.title ? `${event.title} – ${session.title}` : event.title;
    lines.push(
      "BEGIN:VEVENT",
      `UID:${uidPart(event.slug)}-${uidPart(String(session.id ?? index + 1))}@${uidPart(domain)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${formatUtc(session.startsAt)}`,
      `DTEND:${formatUtc(session.endsAt)}`,
      `SUMMARY:${escapeText(summary)}`,
    );
    if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
    if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
    if (event.url) lines.push(`URL:${event.url.replace(/[\r\n]/g, "")}`);
    lines.push("STATUS:CONFIRMED", "TRANSP:OPAQUE", "END:VEVENT");
  });
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join("\r\n") + "\r\n";
}

/** Base64 of the UTF-8 bytes of a string (works in workerd and Node without Buffer). */
export function toBase64(text: string): string {
  const bytes = encoder.encode(text);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}
