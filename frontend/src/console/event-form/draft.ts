/**
 * An event as organisers think of it while making one: its kind (a workshop, a series, a
 * conference with parallel workshops, a fair with stands, free entry, an online session, an
 * application with selection), dates, a place or a link, how many places, and what people
 * are asked. The API's words (pools, keys, registration modes) stay in here: `toInput`
 * turns a draft into the API's EventInput, `fromEvent` an event back into a draft, and
 * `problems` checks a draft in plain words before anything is sent. `kindDefaults` are the
 * sensible defaults each kind starts with.
 */
import type { ConsoleEvent, EventFormat, EventInput, Locale, LocalizedText, Question, ReminderRule } from "../types";
import { isoToLocalInput, localInputToIso } from "../../../../workers/src/lib/time-zone";
import { s, type StringKey } from "../strings";

export const KINDS = ["workshop", "series", "conference", "fair", "free", "online", "application"] as const;
export type Kind = (typeof KINDS)[number];

/** The formats a free-entry event can be (the programme's readings, festivals, exhibitions, kick-offs). */
export const FREE_FORMATS = ["exhibition", "festival", "reading", "meeting"] as const satisfies readonly EventFormat[];

export type DraftSession = { id?: number; start: string; end: string; cancelled: boolean; title?: LocalizedText | null };
export type DraftWorkshop = { id?: number; key: string; slot: string; name: string; names: LocalizedText; places: string };
export type DraftTexts = { title: string; summary: string; description: string };

export type Draft = {
  kind: Kind;
  organisationId: number;
  format: EventFormat;
  /** German texts (required: the title); other languages in `translations`. */
  texts: DraftTexts;
  translations: Partial<Record<Locale, Partial<DraftTexts>>>;
  sessions: DraftSession[];
  placeName: string;
  placeAddress: string;
  accessibility: LocalizedText;
  onlineUrl: string;
  /** Places of the event (empty: none, for free entry). */
  places: string;
  /** Households: several places per registration, children counted. */
  households: boolean;
  maxPlaces: string;
  waitlist: boolean;
  waitlistMode: "confirm" | "offer";
  offerHours: string;
  emailConfirmation: boolean;
  holdMinutes: string;
  opensAt: string;
  closesAt: string;
  allowLate: boolean;
  /** Conferences: workshops, grouped by their time slot. */
  workshops: DraftWorkshop[];
  /** Fairs: how many stands organisations may apply for (empty: none). */
  stands: string;
  /** The existing places groups' ids and keys, so that editing keeps them (and their registrations). */
  standsPool?: { id: number; key: string; name: LocalizedText | null };
  mainPool?: { id: number; key: string };
  questions: Question[];
  reminders: ReminderRule[];
  checkinOpensMinutes: string;
  audience: string[];
  languages: string[];
  /** Funding lines or tags ("KOMM-AN", "ESF") and partners, one per line as typed: the statistics and the year's review use them. */
  fundingLines: string;
  partners: string;
};

export const DEFAULT_REMINDERS: ReminderRule[] = [
  { kind: "before", minutes: 2880 },
  { kind: "morning", hour: 7 },
];

export const emptySession = (): DraftSession => ({ start: "", end: "", cancelled: false });
const random = () => Math.random().toString(36).slice(2, 8);

export function workshop(slot: string): DraftWorkshop {
  return { key: `ws-${random()}`, slot, name: "", names: {}, places: "20" };
}

/** What each kind starts with: format, dates, places, how people register. */
export function kindDefaults(kind: Kind, organisationId: number): Draft {
  const base: Draft = {
    kind,
    organisationId,
    format: "workshop",
    texts: { title: "", summary: "", description: "" },
    translations: {},
    sessions: [emptySession()],
    placeName: "",
    placeAddress: "",
    accessibility: {},
    onlineUrl: "",
    places: "20",
    households: false,
    maxPlaces: "1",
    waitlist: true,
    waitlistMode: "confirm",
    offerHours: "48",
    emailConfirmation: false,
    holdMinutes: "30",
    opensAt: "",
    closesAt: "",
    allowLate: false,
    workshops: [],
    stands: "",
    questions: [],
    reminders: DEFAULT_REMINDERS,
    checkinOpensMinutes: "60",
    audience: [],
    languages: ["de"],
    fundingLines: "",
    partners: "",
  };
  switch (kind) {
    case "workshop":
      return base;
    case "series":
      return { ...base, format: "series", sessions: [emptySession(), emptySession(), emptySession()] };
    case "conference":
      return { ...base, format: "conference", places: "100", workshops: [workshop("1"), workshop("1")] };
    case "fair":
      return { ...base, format: "fair", places: "200", stands: "20", waitlist: false, households: true, maxPlaces: "4" };
    case "free":
      return { ...base, format: "exhibition", places: "", waitlist: false, reminders: [] };
    case "online":
      return { ...base, format: "online", places: "50" };
    case "application":
      return { ...base, format: "series", places: "30", sessions: [emptySession(), emptySession()] };
  }
}

/** The kind of an existing event, from its format and how people register. */
export function kindOf(event: Pick<ConsoleEvent, "format" | "registrationMode">): Kind {
  if (event.registrationMode === "none") return "free";
  if (event.registrationMode === "approval") return "application";
  if (event.format === "series" || event.format === "conference" || event.format === "fair" || event.format === "online") return event.format;
  return "workshop";
}

/** The registration mode a kind means. */
function modeOf(kind: Kind): EventInput["registrationMode"] {
  return kind === "free" ? "none" : kind === "application" ? "approval" : "open";
}

/** One entry per line, empty lines left out (the API tidies spacing and doubles). */
const lines = (value: string) => value.split("\n").map((line) => line.trim()).filter((line) => line !== "");
const int = (value: string) => (value.trim() === "" ? NaN : Number(value));
const clean = (text: LocalizedText): LocalizedText =>
  Object.fromEntries(
    Object.entries(text)
      .filter(([, v]) => v && v.trim() !== "")
      .map(([k, v]) => [k, v!.trim()]),
  );

/** Texts without empty entries, trimmed. */
function cleanTexts(text: Partial<DraftTexts>): Partial<DraftTexts> {
  return Object.fromEntries(
    Object.entries(text)
      .filter(([, v]) => v && v.trim() !== "")
      .map(([k, v]) => [k, v!.trim()]),
  );
}

export function fromEvent(event: ConsoleEvent): Draft {
  const zone = event.timeZone;
  const main = event.pools.find((p) => p.kind === "event");
  const stands = event.pools.find((p) => p.kind === "registration_type");
  const translations: Draft["translations"] = {};
  for (const [locale, text] of Object.entries(event.texts) as [Locale, Partial<DraftTexts>][]) if (locale !== "de" && text) translations[locale] = { ...text };
  return {
    kind: kindOf(event),
    organisationId: event.organisationId,
    format: event.format,
    texts: { title: event.texts.de?.title ?? "", summary: event.texts.de?.summary ?? "", description: event.texts.de?.description ?? "" },
    translations,
    sessions: event.sessions.map((session) => ({
      id: session.id,
      start: isoToLocalInput(session.startsAt, zone),
      end: isoToLocalInput(session.endsAt, zone),
      cancelled: session.cancelled,
      title: session.title ?? null,
    })),
    placeName: event.location?.name ?? "",
    placeAddress: event.location?.address ?? "",
    accessibility: event.location?.accessibility ?? {},
    onlineUrl: event.onlineUrl ?? "",
    places: main ? String(main.capacity) : "",
    mainPool: main ? { id: main.id, key: main.key } : undefined,
    households: event.maxPlacesPerRegistration > 1 || event.countChildren,
    maxPlaces: String(event.maxPlacesPerRegistration),
    waitlist: event.waitlistEnabled,
    waitlistMode: event.waitlistMode,
    offerHours: String(event.offerHours),
    emailConfirmation: event.emailConfirmation,
    holdMinutes: String(event.holdMinutes),
    opensAt: isoToLocalInput(event.registrationOpensAt, zone),
    closesAt: isoToLocalInput(event.registrationClosesAt, zone),
    allowLate: event.allowLateRegistration,
    workshops: event.pools
      .filter((p) => p.kind === "workshop")
      .map((p) => ({ id: p.id, key: p.key, slot: p.slot ?? "", name: p.name?.de ?? "", names: p.name ?? {}, places: String(p.capacity) })),
    stands: stands ? String(stands.capacity) : "",
    standsPool: stands ? { id: stands.id, key: stands.key, name: stands.name ?? null } : undefined,
    questions: event.questions,
    reminders: event.reminderRules,
    checkinOpensMinutes: String(event.checkinOpensMinutes),
    audience: event.audience,
    languages: event.languages,
    fundingLines: event.fundingLines.join("\n"),
    partners: event.partners.join("\n"),
  };
}

/** Where each pool of a draft ends up in the API's list (for field paths: "pools.2.capacity"). */
export function poolIndex(draft: Draft): { main: number | null; stands: number | null; workshops: number[] } {
  let next = 0;
  const registers = draft.kind !== "free";
  const main = registers ? next++ : null;
  const stands = registers && draft.kind === "fair" && draft.stands.trim() !== "" ? next++ : null;
  const workshops = registers && draft.kind === "conference" ? draft.workshops.map(() => next++) : [];
  return { main, stands, workshops };
}

/** The API's EventInput for a draft, dates read in the organisation's time zone. */
export function toInput(draft: Draft, zone: string): EventInput {
  const mode = modeOf(draft.kind);
  const registers = mode !== "none";
  const index = poolIndex(draft);
  const pools: EventInput["pools"] = [];
  if (index.main !== null) pools.push({ ...(draft.mainPool ? { id: draft.mainPool.id } : {}), kind: "event", key: draft.mainPool?.key ?? "main", capacity: int(draft.places) });
  if (index.stands !== null) {
    const { id, key, name } = draft.standsPool ?? { id: undefined, key: "stands", name: { de: "Stände", en: "Stands" } };
    pools.push({ ...(id ? { id } : {}), kind: "registration_type", key, name, capacity: int(draft.stands) });
  }
  if (draft.kind === "conference" && registers) {
    for (const w of draft.workshops) {
      pools.push({ ...(w.id ? { id: w.id } : {}), kind: "workshop", key: w.key, slot: w.slot.trim() || "1", name: clean({ ...w.names, de: w.name }), capacity: int(w.places) });
    }
  }
  const texts: EventInput["texts"] = { de: cleanTexts(draft.texts) };
  for (const [locale, text] of Object.entries(draft.translations) as [Locale, Partial<DraftTexts>][]) {
    const kept = cleanTexts(text ?? {});
    if (Object.keys(kept).length > 0) texts[locale] = kept;
  }
  const accessibility = clean(draft.accessibility);
  const hasPlace = draft.kind !== "online" && (draft.placeName.trim() || draft.placeAddress.trim() || Object.keys(accessibility).length > 0);
  const households = registers && draft.households;
  return {
    organisationId: draft.organisationId,
    format: draft.format,
    texts,
    audience: draft.audience,
    languages: draft.languages,
    fundingLines: lines(draft.fundingLines),
    partners: lines(draft.partners),
    location: hasPlace
      ? {
          name: draft.placeName.trim(),
          ...(draft.placeAddress.trim() ? { address: draft.placeAddress.trim() } : {}),
          ...(Object.keys(accessibility).length > 0 ? { accessibility } : {}),
        }
      : null,
    onlineUrl: draft.kind === "online" || draft.onlineUrl.trim() ? draft.onlineUrl.trim() || null : null,
    registrationMode: mode,
    registrationOpensAt: localInputToIso(draft.opensAt, zone),
    registrationClosesAt: localInputToIso(draft.closesAt, zone),
    maxPlacesPerRegistration: households ? Math.max(2, int(draft.maxPlaces) || 2) : 1,
    countChildren: households,
    emailConfirmation: registers && draft.emailConfirmation,
    holdMinutes: int(draft.holdMinutes) || 30,
    waitlistEnabled: registers && draft.waitlist,
    waitlistMode: draft.waitlistMode,
    offerHours: int(draft.offerHours) || 48,
    allowLateRegistration: draft.kind === "series" || draft.kind === "application" ? draft.allowLate : false,
    checkinOpensMinutes: int(draft.checkinOpensMinutes) >= 0 ? int(draft.checkinOpensMinutes) : 60,
    questions: draft.questions.map((q) => ({ ...q, label: clean(q.label), ...(q.options ? { options: q.options.map((o) => ({ ...o, label: clean(o.label) })) } : {}) })),
    reminderRules: draft.reminders,
    sessions: draft.sessions.map((session) => ({
      ...(session.id ? { id: session.id } : {}),
      startsAt: localInputToIso(session.start, zone) ?? "",
      endsAt: localInputToIso(session.end, zone) ?? "",
      ...(session.title ? { title: session.title } : {}),
      ...(session.id ? { cancelled: session.cancelled } : {}),
    })),
    pools,
  };
}

/** "Termin 2" (or "den ersten Termin" in sentences): the words for a date of the draft. */
export function dateName(index: number): string {
  return s("edit.session_n", { n: index + 1 });
}

/**
 * What is missing or wrong, by API field path, in plain words ("Bitte geben Sie an, wann der
 * erste Termin beginnt."). The API checks the same and more; these come first and say it
 * better.
 */
export function problems(draft: Draft): Record<string, string> {
  const found: Record<string, string> = {};
  const say = (path: string, key: StringKey, params: Record<string, string | number> = {}) => (found[path] ??= s(key, params));
  if (!draft.texts.title.trim()) say("texts.de.title", "check.title");
  if (draft.sessions.length === 0) say("sessions", "check.no_dates");
  draft.sessions.forEach((session, i) => {
    const which = i === 0 ? s("check.first_date") : dateName(i);
    if (!session.start) say(`sessions.${i}.startsAt`, "check.date_start", { which });
    if (!session.end) say(`sessions.${i}.endsAt`, "check.date_end", { which });
    if (session.start && session.end && session.end <= session.start) say(`sessions.${i}.endsAt`, "check.date_order", { which });
  });
  const index = poolIndex(draft);
  const placeCount = (value: string) => Number.isInteger(int(value)) && int(value) >= 0;
  if (index.main !== null && !placeCount(draft.places)) say(`pools.${index.main}.capacity`, "check.places");
  if (index.stands !== null && !placeCount(draft.stands)) say(`pools.${index.stands}.capacity`, "check.stands");
  draft.workshops.forEach((w, i) => {
    const at = index.workshops[i];
    if (at === undefined) return;
    if (!w.name.trim()) say(`pools.${at}.name.de`, "check.workshop_name", { n: i + 1 });
    if (!placeCount(w.places)) say(`pools.${at}.capacity`, "check.workshop_places", { n: i + 1 });
  });
  if (draft.kind === "conference" && draft.workshops.length === 0) say("workshops", "check.no_workshops");
  if (draft.kind === "online" && !draft.onlineUrl.trim()) say("onlineUrl", "check.online_url");
  if (draft.onlineUrl.trim() && !/^https?:\/\/\S+\.\S+/.test(draft.onlineUrl.trim())) say("onlineUrl", "check.online_url_form");
  if (draft.kind !== "free" && draft.households && !(int(draft.maxPlaces) >= 2 && int(draft.maxPlaces) <= 50)) say("maxPlacesPerRegistration", "check.max_places");
  draft.questions.forEach((q, i) => {
    if (!q.label.de?.trim()) say(`questions.${i}.label.de`, "check.question_text", { n: i + 1 });
    if ((q.type === "single_choice" || q.type === "multiple_choice") && !(q.options ?? []).some((o) => o.label.de?.trim()))
      say(`questions.${i}.options`, "check.question_options", { n: i + 1 });
  });
  return found;
}
