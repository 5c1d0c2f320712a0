/**
 * Lists for outside the console: a CSV file of an event's registrations (../../lib/csv.ts
 * writes it so that it opens correctly in Excel) and a printable HTML list with a signature
 * column (for the door).
 */
import type { Needs, Question, RegistrationStatus } from "../../../../db/schema";
import type { ConsoleRegistration } from "../../console-types";
import type { DomainContext } from "../change";
import { loadEventById, localized } from "../events/public";
import { listRegistrations } from "./registrations/list";
import { isLocale, languageName, statusLabel } from "../../i18n/vocabulary";
import { DEFAULT_TIME_ZONE } from "../../lib/time-zone";
import { toCsv, type CsvDelimiter } from "../../lib/csv";


/** A status as the lists show it: "Bestätigt", "Abgesagt" (the console's words, vocabulary.ts). */
const statusText = (status: RegistrationStatus) => statusLabel(status, "de", { capitalised: true });
/** The participant's language, named in German (the lists are German). */
const languageText = (locale: string) => (isLocale(locale) ? languageName(locale, "de") : locale);

/** Order of the lists: who comes, then who waits, then the rest. */
const STATUS_ORDER: RegistrationStatus[] = ["confirmed", "offered", "held", "pending_approval", "waitlisted", "rejected", "cancelled", "expired"];

// The lists are German and read in Germany; organisations elsewhere would pass their zone here.
const berlin = new Intl.DateTimeFormat("de-DE", {
  timeZone: DEFAULT_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});
/** "05.05.2026, 18:00" in Berlin time. */
export function berlinTime(iso: string | number): string {
  return berlin.format(new Date(iso));
}

function answerText(question: Question, value: unknown): string {
  if (value === undefined || value === null || value === "") return "";
  const optionLabel = (id: unknown) => {
    const option = question.options?.find((o) => o.id === id);
    return option ? (localized(option.label, "de").text ?? String(id)) : String(id);
  };
  switch (question.type) {
    case "checkbox":
      return value === true ? "ja" : value === false ? "nein" : String(value);
    case "single_choice":
      return optionLabel(value);
    case "multiple_choice":
      return Array.isArray(value) ? value.map(optionLabel).join(", ") : String(value);
    default:
      return String(value);
  }
}

/** Needs in one line for planning: interpreter, childcare, accessibility. */
export function needsText(needs: Needs): string {
  const parts: string[] = [];
  if (needs.interpreter) parts.push(`Dolmetschen: ${needs.interpreter}`);
  if (needs.childcare && needs.childcare.children > 0) {
    parts.push(`Kinderbetreuung: ${needs.childcare.children}${needs.childcare.ages ? ` (Alter: ${needs.childcare.ages})` : ""}`);
  }
  if (needs.accessibility) parts.push(`Barrierefreiheit: ${needs.accessibility}`);
  return parts.join("; ");
}

function sortForLists(registrations: ConsoleRegistration[]): ConsoleRegistration[] {
  // Stable sort: within a status, listRegistrations' order (the waitlist in its order).
  return [...registrations].sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status));
}

/** The CSV export of an event's registrations (all statuses, or those given). */
export async function exportCsv(
  ctx: DomainContext,
  eventId: number,
  options: { delimiter?: CsvDelimiter; statuses?: RegistrationStatus[] } = {},
): Promise<{ filename: string; body: string }> {
  const { event } = await loadEventById(ctx.env, eventId);
  const registrations = sortForLists(await listRegistrations(ctx, eventId, { statuses: options.statuses }));
  const questions = event.questions;
  const header = [
    "Status",
    "Position",
    "Name",
    "E-Mail",
    "Sprache",
    "Plätze",
    "Angemeldet am",
    ...questions.map((q) => localized(q.label, "de").text ?? q.id),
    "Bedarf",
  ];
  const records = registrations.map((r) => [
    statusText(r.status),
    r.waitlistPosition === null ? "" : String(r.waitlistPosition),
    r.name,
    r.email,
    languageText(r.locale),
    String(r.places),
    berlinTime(r.createdAt),
    ...questions.map((q) => answerText(q, r.answers[q.id])),
    needsText(r.needs),
  ]);
  const safeSlug = event.slug.replace(/[^A-Za-z0-9_-]/g, "") || "veranstaltung";
  return { filename: `${safeSlug}-anmeldungen.csv`, body: toCsv([header, ...records], options.delimiter ?? ";") };
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/**
 * A printable list (signature list at the door): the event's title, dates and place, and a
 * table of the registrations in `statuses` (default: confirmed). Plain HTML without scripts;
 * its styles come from /print.css on the same origin (the CSP allows only same-origin styles).
 */
export async function printableList(ctx: DomainContext, eventId: number, statuses: RegistrationStatus[] = ["confirmed"]): Promise<string> {
  const { event, sessions } = await loadEventById(ctx.env, eventId);
  const registrations = sortForLists(await listRegistrations(ctx, eventId, { statuses }));
  const title = localized(Object.fromEntries(Object.entries(event.texts).map(([k, v]) => [k, v?.title])), "de").text ?? event.slug;
  const dates = sessions
    .filter((s) => s.cancelledAt === null)
    .map((s) => `<li>${escapeHtml(berlinTime(s.startsAt))} – ${escapeHtml(berlinTime(s.endsAt).split(", ")[1] ?? "")}</li>`)
    .join("");
  const place = event.location ? [event.location.name, event.location.address].filter(Boolean).join(", ") : event.onlineUrl ? "Online" : "";
  const places = registrations.reduce((sum, r) => sum + r.places, 0);
  const rows = registrations
    .map(
      (r, i) => `<tr>
  <td class="number">${i + 1}</td>
  <td>${escapeHtml(r.name)}</td>
  <td class="number">${r.places}</td>
  <td>${escapeHtml(statusText(r.status))}${r.waitlistPosition ? ` (${r.waitlistPosition})` : ""}</td>
  <td>${escapeHtml(needsText(r.needs))}</td>
  <td class="signature"></td>
</tr>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} – Teilnahmeliste</title>
<link rel="stylesheet" href="/print.css">
</head>
<body class="print-list">
<header>
<h1>${escapeHtml(title)}</h1>
<ul class="dates">${dates}</ul>
${place ? `<p class="place">${escapeHtml(place)}</p>` : ""}
<p class="summary">${registrations.length} Anmeldungen, ${places} Plätze (${escapeHtml(statuses.map(statusText).join(", "))})</p>
</header>
<table>
<thead><tr><th class="number">Nr.</th><th>Name</th><th class="number">Plätze</th><th>Status</th><th>Bedarf</th><th class="signature">Unterschrift</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</body>
</html>
`;
}
