/**
 * Lists for outside the console: a CSV file that opens correctly in Excel (for funders and
 * spreadsheets) and a printable HTML list with a signature column (for the door). Both carry
 * everything participants submitted: answers, needs, children, a stand application, the
 * workshops chosen, and (CSV) attendance per date; headers and values in the console's
 * language (German, or English).
 *
 * The CSV writer itself (quoting, formula neutralising) is in lib/csv.ts.
 */
import type { Exhibitor, Needs, Question, RegistrationStatus } from "../../../../db/schema";
import type { ConsoleRegistration } from "../../console-types";
import type { DomainContext } from "../change";
import { loadEventById, localized, type LoadedEvent } from "../events/public";
import { listRegistrations } from "./registrations/list";
import { isLocale, languageName, statusLabel, type StaffLocale } from "../../i18n/vocabulary";
import { DEFAULT_TIME_ZONE } from "../../lib/time-zone";
import { exportLabel, type ExportLabel } from "./export-labels";
import { toCsv, type CsvDelimiter } from "../../lib/csv";
import { organisationTimeZone } from "../../lib/db";

export type { CsvDelimiter };

/** Order of the lists: who comes, then who waits, then the rest. */
const STATUS_ORDER: RegistrationStatus[] = ["confirmed", "offered", "held", "pending_approval", "waitlisted", "rejected", "cancelled", "expired"];

function sortForLists(registrations: ConsoleRegistration[]): ConsoleRegistration[] {
  // Stable sort: within a status, listRegistrations' order (the waitlist in its order).
  return [...registrations].sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status));
}

/** Labels, dates and values of one list, in its language and the organisation's time zone. */
class ListWords {
  private readonly dateTime: Intl.DateTimeFormat;
  private readonly date: Intl.DateTimeFormat;
  constructor(
    readonly locale: StaffLocale,
    zone: string,
  ) {
    const intl = locale === "en" ? "en-GB" : "de-DE";
    this.dateTime = new Intl.DateTimeFormat(intl, { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
    this.date = new Intl.DateTimeFormat(intl, { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" });
  }
  label = (key: ExportLabel, params?: Record<string, string | number>) => exportLabel(this.locale, key, params);
  status = (status: RegistrationStatus) => statusLabel(status, this.locale, { capitalised: true });
  language = (locale: string) => (isLocale(locale) ? languageName(locale, this.locale) : locale);
  /** "05.05.2026, 18:00" */
  time = (at: string | number) => this.dateTime.format(new Date(at));
  day = (at: string | number) => this.date.format(new Date(at));
  yesNo = (value: boolean) => this.label(value ? "yes" : "no");

  answer(question: Question, value: unknown): string {
    if (value === undefined || value === null || value === "") return "";
    const optionLabel = (id: unknown) => {
      const option = question.options?.find((o) => o.id === id);
      return option ? (localized(option.label, this.locale).text ?? String(id)) : String(id);
    };
    switch (question.type) {
      case "checkbox":
        return value === true ? this.label("yes") : value === false ? this.label("no") : String(value);
      case "single_choice":
        return optionLabel(value);
      case "multiple_choice":
        return Array.isArray(value) ? value.map(optionLabel).join(", ") : String(value);
      default:
        return String(value);
    }
  }

  /** Needs in one line for the printable list: interpreter, childcare, access, stand. */
  needsLine(needs: Needs, exhibitor: Exhibitor | null): string {
    const parts: string[] = [];
    if (needs.interpreter) parts.push(this.label("need_interpreter", { value: needs.interpreter }));
    if (needs.childcare && needs.childcare.children > 0) {
      const ages = needs.childcare.ages ? ` (${this.label("need_ages", { value: needs.childcare.ages })})` : "";
      parts.push(this.label("need_childcare", { value: `${needs.childcare.children}${ages}` }));
    }
    if (needs.accessibility) parts.push(this.label("need_accessibility", { value: needs.accessibility }));
    if (exhibitor?.needs.length) parts.push(this.label("need_stand", { value: exhibitor.needs.map((n) => this.standNeed(n)).join(", ") }));
    return parts.join("; ");
  }

  standNeed(need: Exhibitor["needs"][number]): string {
    return this.label(need === "table" ? "need_table" : need === "power" ? "need_power" : "need_wall");
  }
}


/** A pool's name in the list's language: its own, else what kind of places it holds. */
function poolName(loaded: LoadedEvent, poolId: number, words: ListWords): string {
  const pool = loaded.pools.find((p) => p.id === poolId);
  if (!pool) return "";
  const own = localized(pool.name, words.locale).text;
  if (own) return own;
  return pool.kind === "registration_type" ? words.label("pool_stands") : pool.kind === "event" ? words.label("pool_event") : pool.key;
}

/** The workshop slots of a conference, in order, with their pools. */
function workshopSlots(loaded: LoadedEvent): { slot: string; poolIds: Set<number> }[] {
  const slots = new Map<string, Set<number>>();
  for (const pool of loaded.pools) if (pool.kind === "workshop") slots.set(pool.slot ?? "", (slots.get(pool.slot ?? "") ?? new Set()).add(pool.id));
  return [...slots].sort(([a], [b]) => a.localeCompare(b)).map(([slot, poolIds]) => ({ slot, poolIds }));
}

/** The workshop chosen in a slot: its name, and its status where it is not confirmed ("Gesund essen (Warteliste 2)"). */
function workshopCell(registration: ConsoleRegistration, slot: { poolIds: Set<number> }, loaded: LoadedEvent, words: ListWords): string {
  return registration.workshops
    .filter((w) => slot.poolIds.has(w.poolId))
    .map((w) => {
      const name = poolName(loaded, w.poolId, words);
      if (w.status === "confirmed") return name;
      return `${name} (${words.status(w.status)}${w.waitlistPosition ? ` ${w.waitlistPosition}` : ""})`;
    })
    .join(", ");
}

export type ExportOptions = { delimiter?: CsvDelimiter; statuses?: RegistrationStatus[]; locale?: StaffLocale };

/**
 * The CSV export of an event's registrations (all statuses, or those given): a column per
 * question, per need, for children, the places group or workshop per slot, the stand
 * application (fairs) and attendance per date.
 */
export async function exportCsv(ctx: DomainContext, eventId: number, options: ExportOptions = {}): Promise<{ filename: string; body: string }> {
  const loaded = await loadEventById(ctx.env, eventId);
  const { event } = loaded;
  const words = new ListWords(options.locale ?? "de", await organisationTimeZone(ctx.env.DB, event.organisationId));
  const registrations = sortForLists(await listRegistrations(ctx, eventId, { statuses: options.statuses }));
  const questions = event.questions;
  const dates = loaded.sessions.filter((s) => s.cancelledAt === null);
  const slots = workshopSlots(loaded);
  const placesGroups = loaded.pools.filter((p) => p.kind !== "workshop").length > 1;
  const children = event.countChildren || registrations.some((r) => r.children > 0);
  const stands = registrations.some((r) => r.exhibitor !== null);
  const columns: { header: string; cell: (r: ConsoleRegistration) => string }[] = [
    { header: words.label("status"), cell: (r) => words.status(r.status) },
    { header: words.label("position"), cell: (r) => (r.waitlistPosition === null ? "" : String(r.waitlistPosition)) },
    { header: words.label("name"), cell: (r) => r.name },
    { header: words.label("email"), cell: (r) => r.email },
    { header: words.label("language"), cell: (r) => words.language(r.locale) },
    { header: words.label("places"), cell: (r) => String(r.places) },
    ...(children ? [{ header: words.label("children"), cell: (r: ConsoleRegistration) => String(r.children) }] : []),
    { header: words.label("registered"), cell: (r) => words.time(r.createdAt) },
    ...(placesGroups ? [{ header: words.label("pool"), cell: (r: ConsoleRegistration) => poolName(loaded, r.poolId, words) }] : []),
    ...slots.map((slot) => ({ header: words.label("workshop", { slot: slot.slot }).trim(), cell: (r: ConsoleRegistration) => workshopCell(r, slot, loaded, words) })),
    ...questions.map((q) => ({ header: localized(q.label, words.locale).text ?? q.id, cell: (r: ConsoleRegistration) => words.answer(q, r.answers[q.id]) })),
    { header: words.label("interpreter"), cell: (r) => r.needs.interpreter ?? "" },
    { header: words.label("childcare"), cell: (r) => (r.needs.childcare?.children ? String(r.needs.childcare.children) : "") },
    { header: words.label("ages"), cell: (r) => r.needs.childcare?.ages ?? "" },
    { header: words.label("accessibility"), cell: (r) => r.needs.accessibility ?? "" },
    ...(stands
      ? [
          { header: words.label("stand_organisation"), cell: (r: ConsoleRegistration) => r.exhibitor?.organisation ?? "" },
          { header: words.label("stand_description"), cell: (r: ConsoleRegistration) => r.exhibitor?.description ?? "" },
          { header: words.label("stand_contact"), cell: (r: ConsoleRegistration) => r.exhibitor?.contact ?? "" },
          ...(["table", "power", "wall"] as const).map((need) => ({
            header: words.label(`stand_${need}`),
            cell: (r: ConsoleRegistration) => (r.exhibitor ? words.yesNo(r.exhibitor.needs.includes(need)) : ""),
          })),
        ]
      : []),
    ...dates.map((s) => ({
      header: words.label("attended", { date: dates.filter((d) => words.day(d.startsAt) === words.day(s.startsAt)).length > 1 ? words.time(s.startsAt) : words.day(s.startsAt) }),
      cell: (r: ConsoleRegistration) => {
        const came = r.checkIns.find((c) => c.sessionId === s.id);
        return came ? `${came.places}${came.afterwards ? ` (${words.label("afterwards")})` : ""}` : "";
      },
    })),
  ];
  const records = [columns.map((c) => c.header), ...registrations.map((r) => columns.map((c) => c.cell(r)))];
  const safeSlug = event.slug.replace(/[^A-Za-z0-9_-]/g, "") || "event";
  return { filename: `${safeSlug}-${words.label("file")}.csv`, body: toCsv(records, options.delimiter ?? ";") };
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/**
 * A printable list (signature list at the door): the event's title, dates and place, and a
 * table of the registrations in `statuses` (default: confirmed) with their places (children),
 * workshops or stand, and needs. Plain HTML without scripts; its styles come from /print.css
 * on the same origin (the CSP allows only same-origin styles).
 */
export async function printableList(ctx: DomainContext, eventId: number, statuses: RegistrationStatus[] = ["confirmed"], locale: StaffLocale = "de"): Promise<string> {
  const loaded = await loadEventById(ctx.env, eventId);
  const { event, sessions } = loaded;
  const words = new ListWords(locale, await organisationTimeZone(ctx.env.DB, event.organisationId));
  const registrations = sortForLists(await listRegistrations(ctx, eventId, { statuses }));
  const title = localized(Object.fromEntries(Object.entries(event.texts).map(([k, v]) => [k, v?.title])), locale).text ?? event.slug;
  const dates = sessions
    .filter((s) => s.cancelledAt === null)
    .map((s) => `<li>${escapeHtml(words.time(s.startsAt))} – ${escapeHtml(words.time(s.endsAt).split(", ")[1] ?? "")}</li>`)
    .join("");
  const place = event.location ? [event.location.name, event.location.address].filter(Boolean).join(", ") : event.onlineUrl ? words.label("online") : "";
  const places = registrations.reduce((sum, r) => sum + r.places, 0);
  const slots = workshopSlots(loaded);
  const note = (r: ConsoleRegistration) =>
    [
      r.exhibitor ? r.exhibitor.organisation : null,
      ...slots.map((slot) => workshopCell(r, slot, loaded, words)).filter(Boolean),
      words.needsLine(r.needs, r.exhibitor) || null,
    ]
      .filter(Boolean)
      .join(" · ");
  const rows = registrations
    .map(
      (r, i) => `<tr>
  <td class="number">${i + 1}</td>
  <td>${escapeHtml(r.name)}</td>
  <td class="number">${r.places}${r.children > 0 ? ` (${escapeHtml(words.label("children"))}: ${r.children})` : ""}</td>
  <td>${escapeHtml(words.status(r.status))}${r.waitlistPosition ? ` (${r.waitlistPosition})` : ""}</td>
  <td>${escapeHtml(note(r))}</td>
  <td class="signature"></td>
</tr>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="robots" content="noindex">
<title>${escapeHtml(words.label("print_title", { title }))}</title>
<link rel="stylesheet" href="/print.css">
</head>
<body class="print-list">
<header>
<h1>${escapeHtml(title)}</h1>
<ul class="dates">${dates}</ul>
${place ? `<p class="place">${escapeHtml(place)}</p>` : ""}
<p class="summary">${escapeHtml(words.label("print_summary", { registrations: registrations.length, places, statuses: statuses.map(words.status).join(", ") }))}</p>
</header>
<table>
<thead><tr><th class="number">${escapeHtml(words.label("print_number"))}</th><th>${escapeHtml(words.label("name"))}</th><th class="number">${escapeHtml(words.label("places"))}</th><th>${escapeHtml(words.label("status"))}</th><th>${escapeHtml(words.label("print_note"))}</th><th class="signature">${escapeHtml(words.label("print_signature"))}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</body>
</html>
`;
}

/** The short note of a person on a signature list: children, workshops, stand, needs (German, as the list). */
export function signatureNote(registration: Pick<ConsoleRegistration, "children" | "needs" | "exhibitor">): string {
  const words = new ListWords("de", DEFAULT_TIME_ZONE);
  return [
    registration.children > 0 ? `${words.label("children")}: ${registration.children}` : null,
    registration.exhibitor?.organisation ?? null,
    words.needsLine(registration.needs, registration.exhibitor) || null,
  ]
    .filter(Boolean)
    .join(" · ");
}
