/**
 * Structured JSON logs, one line per event. Never pass personal data (names, emails,
 * answers) here; as a second line of defence anything that looks like an email address is
 * replaced by "[email]" (a provider's error message may quote the recipient).
 */
const EMAIL_PATTERN = /[^\s"'<>@(),;:]+@[^\s"'<>@(),;:]+\.[A-Za-z]{2,}/g;

export function redactEmails(text: string): string {
  return text.replace(EMAIL_PATTERN, "[email]");
}

export function log(level: "info" | "warn" | "error", message: string, fields: Record<string, unknown> = {}): void {
  const line = redactEmails(JSON.stringify({ level, message, ...fields }));
  if (level === "error") console.error(line);
  else if (level === "warn") console.warn(line);
  else console.log(line);
}
