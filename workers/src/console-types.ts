/**
 * Shapes of the organiser console's JSON API (/api/auth/*, /api/console/*), shared by the
 * Worker and the console pages. Times are ISO 8601 strings in UTC.
 */
import type {
  CertificateRule,
  EventContact,
  EventFormat,
  EventLocation,
  EventTexts,
  LocalizedText,
  Question,
  ReminderRule,
  RegistrationStatus,
  Role,
} from "../../db/schema";

export type MeResponse = {
  user: {
    id: number;
    email: string;
    name: string | null;
    isAdmin: boolean;
    memberships: { organisationId: number; organisationName: string; role: Role }[];
    assignedEventIds: number[];
  };
  /** Send as `X-CSRF-Token` on every POST/PUT/PATCH/DELETE to /api/console and /api/auth. */
  csrfToken: string;
};

export type ConsoleSession = { id?: number; startsAt: string; endsAt: string; title?: LocalizedText | null; cancelled?: boolean };
/** `startsAt`/`endsAt`: a workshop's own time within the day, named in emails and on the manage page. */
export type ConsolePoolInput = {
  id?: number;
  kind: "event" | "workshop" | "registration_type";
  key: string;
  slot?: string | null;
  name?: LocalizedText | null;
  capacity: number;
  startsAt?: string | null;
  endsAt?: string | null;
};

/** What an organiser edits (POST /api/console/events creates a draft from it; PUT replaces it). */
export type EventInput = {
  organisationId: number;
  slug?: string;
  format: EventFormat;
  texts: EventTexts;
  audience: string[];
  languages: string[];
  location: EventLocation | null;
  onlineUrl: string | null;
  registrationMode: "open" | "approval" | "none";
  registrationOpensAt: string | null;
  registrationClosesAt: string | null;
  maxPlacesPerRegistration: number;
  emailConfirmation: boolean;
  holdMinutes: number;
  waitlistEnabled: boolean;
  waitlistMode: "confirm" | "offer";
  offerHours: number;
  questions: Question[];
  reminderRules: ReminderRule[];
  sessions: ConsoleSession[];
  pools: ConsolePoolInput[];
  /** Households: ask how many of the places are for children (default false). */
  countChildren?: boolean;
  /** Series: may people still register once the first date has begun (default false)? */
  allowLateRegistration?: boolean;
  /** Check-in opens this many minutes before each date starts (default 60). */
  checkinOpensMinutes?: number;
  /** Funding lines or tags for the statistics ("KOMM-AN", "ESF"); left out of a PUT, they stay as they are. */
  fundingLines?: string[];
  /** Partners the event is held with; left out of a PUT, they stay as they are. */
  partners?: string[];
  /** Whom participants ask (name, email, phone, each where given); null or absent: the organisation and its contact email. */
  contact?: EventContact | null;
};

export type PoolStats = ConsolePoolInput & {
  id: number;
  /** Places by status, counting places (households), not registrations. */
  confirmed: number;
  held: number;
  offered: number;
  waitlisted: number;
  /** Registrations waiting (not places). */
  waitlistLength: number;
};

export type NeedsSummary = {
  /** Interpreter language (a code such as "ar" or "gsg", or a language the index does not know as written) → registrations asking for it. */
  interpreter: Record<string, number>;
  /** `byAge`: children per age in years ("3" → 2), from the ages people gave; `ages` as they wrote them. */
  childcare: { registrations: number; children: number; ages: string[]; byAge: Record<string, number> };
  /** What people wrote about access (step-free, a hearing loop, …), one entry per registration. */
  accessibility: string[];
  /** Stand needs of the exhibitors (fairs): table, power, wall → number of stands asking for it. */
  stands: Record<string, number>;
};

/** The needs of the people expected on one date (a series: who registered late or cancelled early differs). */
export type DateNeeds = { sessionId: number; startsAt: string; registrations: number; places: number; children: number; needs: NeedsSummary };

export type ConsoleEvent = Omit<EventInput, "pools" | "sessions" | "fundingLines" | "partners"> & {
  id: number;
  fundingLines: string[];
  partners: string[];
  slug: string;
  organisationName: string;
  /** The organisation's time zone: the console shows and reads the dates as wall times in it. */
  timeZone: string;
  status: "draft" | "published" | "cancelled";
  cancellationReason: string | null;
  sessions: (ConsoleSession & { id: number; cancelled: boolean })[];
  pools: PoolStats[];
  counts: Partial<Record<RegistrationStatus, number>>;
  /** Applications waiting for a decision (participants and stands). */
  pendingApplications: number;
  holdsRunning: number;
  offersRunning: number;
  needs: NeedsSummary;
  needsByDate: DateNeeds[];
  countChildren: boolean;
  allowLateRegistration: boolean;
  checkinOpensMinutes: number;
  /** What the current user may do here. */
  permissions: { manage: boolean; checkin: boolean };
};

export type ConsoleEventListItem = {
  id: number;
  slug: string;
  /** The German title (else the slug); `titleEn` the organisers' English one, null without. */
  title: string;
  titleEn: string | null;
  status: "draft" | "published" | "cancelled";
  format: EventFormat;
  organisationId: number;
  organisationName: string;
  firstStartsAt: string | null;
  capacity: number | null;
  confirmedPlaces: number;
  waitlistLength: number;
  /** Applications waiting for a decision (participants and stands). */
  pendingApplications: number;
};

export type ConsoleEventResponse = { event: ConsoleEvent };
export type ConsoleEventListResponse = { events: ConsoleEventListItem[] };

/* ---------- Translations of event texts (console review) ---------- */

/**
 * One text of an event in one language: what it is made from, the text the pages show in that
 * language (null: none yet, the pages fall back), and where it comes from. `original`: the
 * organiser wrote it in this language (edited in the event itself); `machine`: translated by
 * Workers AI; `reviewed`: corrected or approved by an organiser, never overwritten by a
 * machine (`stale`: its source changed since); `missing`: no translation (none configured,
 * or not yet made).
 */
export type ConsoleTranslationField = {
  /** "title", "summary", "description", "location.name", "location.accessibility", "session.<id>", "question.<id>", "question.<id>.option.<id>", "pool.<key>". */
  field: string;
  source: { locale: import("../../db/schema").Locale; text: string };
  text: string | null;
  status: "original" | "machine" | "reviewed" | "missing";
  stale: boolean;
};
export type ConsoleTranslationLocale = {
  locale: import("../../db/schema").Locale;
  counts: Record<ConsoleTranslationField["status"], number>;
  fields: ConsoleTranslationField[];
};
/** `configured`: false while the Workers AI binding is missing (then nothing is machine-translated). */
export type ConsoleTranslations = { configured: boolean; locales: ConsoleTranslationLocale[] };
export type ConsoleTranslationsResponse = { translations: ConsoleTranslations };
/** PUT /api/console/events/{eventId}/translations/{locale}: the corrected (or approved) text of one field. */
export type TranslationReviewInput = { field: string; text: string };

/* ---------- Registrations, waitlists, messages, organisations (console) ---------- */

/** The latest email of a registration and how its delivery went. */
export type ConsoleEmailStatus = {
  template: string;
  status: "queued" | "sending" | "sent" | "failed";
  lastError: string | null;
  /** When it was sent, or when its state last changed. */
  at: string;
};

export type ConsoleRegistration = {
  id: number;
  /** A workshop choice points at the day registration it belongs to. */
  parentId: number | null;
  name: string;
  email: string;
  locale: import("../../db/schema").Locale;
  status: RegistrationStatus;
  places: number;
  poolId: number;
  poolKey: string;
  /** 1-based, only for waitlisted registrations with a confirmed address. */
  waitlistPosition: number | null;
  /** True while a double opt-in address is unconfirmed. */
  awaitingEmail: boolean;
  holdExpiresAt: string | null;
  offerExpiresAt: string | null;
  answers: Record<string, unknown>;
  needs: import("../../db/schema").Needs;
  createdAt: string;
  emailStatus: ConsoleEmailStatus | null;
  /** The provider reported the address as bouncing (or a complaint): mail to it is not sent. */
  bouncing: boolean;
  /** Of the places, how many are for children (events that count them). */
  children: number;
  /** A stand application (fairs): organisation, description, contact, needs. */
  exhibitor: import("../../db/schema").Exhibitor | null;
  /** A conference day registration's workshop choices (first choice, and a second held while the first waits). */
  workshops: { registrationId: number; poolId: number; poolKey: string; status: RegistrationStatus; preference: number; waitlistPosition: number | null }[];
  /** Attendance per date. `afterwards`: recorded by an organiser after the date's check-in window. */
  checkIns: { sessionId: number; places: number; at: string; afterwards: boolean }[];
};

/** What the registrations list can be narrowed to, besides search, status and pool. */
export type RegistrationNeedFilter = "interpreter" | "childcare" | "accessibility" | "children" | "stand" | "table" | "power" | "wall";

export type ConsoleHistoryEntry = {
  at: string;
  /** "participant", "system" or "user:<id>". */
  actor: string;
  /** The staff member's email when the actor is a user. */
  actorEmail: string | null;
  action: string;
  details: Record<string, unknown>;
};

export type ConsoleEmail = {
  id: string;
  template: string;
  status: ConsoleEmailStatus["status"];
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
};

export type ConsoleRegistrationDetail = ConsoleRegistration & { history: ConsoleHistoryEntry[]; emails: ConsoleEmail[] };

export type ConsoleRegistrationListResponse = { registrations: ConsoleRegistration[] };
export type ConsoleRegistrationResponse = { registration: ConsoleRegistrationDetail };

/** PATCH /api/console/registrations/{id}: what an organiser may change on a participant's behalf. */
export type RegistrationEditInput = {
  name?: string;
  email?: string;
  places?: number;
  answers?: Record<string, unknown>;
  needs?: import("../../db/schema").Needs;
  locale?: import("../../db/schema").Locale;
};

export type MessageInput = { subject: string; body: string; statuses: RegistrationStatus[] };
export type MessageResponse = { queued: number };

export type ConsoleAuditEntry = {
  at: string;
  actor: string;
  actorEmail: string | null;
  action: string;
  registrationId: number | null;
  details: Record<string, unknown>;
};
export type ConsoleAuditResponse = { entries: ConsoleAuditEntry[] };

/** `timeZone`: the IANA zone its wall times mean (reminder hours, the console's date inputs). */
export type ConsoleOrganisation = { id: number; slug: string; name: string; role: Role | null; timeZone: string };
export type ConsoleOrganisationsResponse = { organisations: ConsoleOrganisation[] };
export type ConsoleMember = { userId: number; email: string; name: string | null; role: Role };
export type ConsoleMembersResponse = { members: ConsoleMember[] };
export type InvitationInput = { email: string; name?: string; role: Role };
export type ConsoleHelper = { userId: number; email: string; name: string | null };
export type ConsoleHelpersResponse = { helpers: ConsoleHelper[] };

/* ---------- The door (check-in) ---------- */

export type DoorStatus = "confirmed" | "cancelled" | "waitlisted" | "not_confirmed";

/** A registration as the door sees it: enough to greet and count, nothing more. */
export type DoorPerson = {
  registrationId: number;
  name: string;
  places: number;
  status: DoorStatus;
  /** Places checked in for the chosen date (null: not checked in). */
  checkedInPlaces: number | null;
  checkedInAt: string | null;
  /** "17:32" in the organisation's time zone, for "already checked in at 17:32". */
  checkedInTime: string | null;
};

export type ScanOutcome =
  | {
      outcome: "checked_in" | "already_checked_in" | "cancelled" | "waitlisted" | "not_confirmed" | "undone_meanwhile";
      person: DoorPerson;
      /** Recorded by an organiser after the date's check-in window. */
      afterwards?: boolean;
    }
  | { outcome: "wrong_event" | "wrong_session" | "invalid" };

export type DoorSession = {
  id: number;
  startsAt: string;
  endsAt: string;
  title: string | null;
  cancelled: boolean;
  /** Check-in is possible from … to … (organisers may record attendance afterwards). */
  checkinOpensAt: string;
  checkinClosesAt: string;
  /** Confirmed registrations and their places. */
  expected: { registrations: number; places: number };
  checkedIn: { registrations: number; places: number };
};

export type DoorEvent = { id: number; title: string; timeZone: string; sessions: DoorSession[] };

/** The day's list for the door's phone (kept there for offline use): everyone confirmed, and whoever is checked in. */
export type DoorListResponse = { eventId: number; sessionId: number; people: DoorPerson[]; at: string };

/** One check-in as a phone recorded it (maybe offline): its own id makes sending it twice harmless. */
export type CheckInRequest = {
  clientId: string;
  sessionId: number;
  registrationId?: number;
  code?: string;
  places?: number;
  /** When it was recorded on the phone (ISO); now when left out. */
  recordedAt?: string;
};

export type CheckInResult = { clientId: string } & (ScanOutcome | { outcome: "refused"; code: string; message: string });
export type CheckInSyncResponse = { results: CheckInResult[] };

/* ---------- Attendance and certificates (GET …/attendance, …/certificates) ---------- */

export type ExpectedPerson = { registrationId: number; name: string; places: number };
/** `afterwards`: recorded by an organiser after the date's check-in window. */
export type AttendedPerson = ExpectedPerson & { checkedInPlaces: number; checkedInAt: string; stillConfirmed: boolean; afterwards: boolean };

export type SessionAttendance = {
  id: number;
  startsAt: string;
  endsAt: string;
  title: string | null;
  cancelled: boolean;
  /** The date has begun: whoever is not checked in by now counts as a no-show. */
  begun: boolean;
  /** The date's check-in window has closed: attendance can only be recorded afterwards (by organisers). */
  closed: boolean;
  expected: number;
  attended: AttendedPerson[];
  noShows: ExpectedPerson[];
};

export type AttendanceResponse = { eventId: number; title: string; expected: ExpectedPerson[]; sessions: SessionAttendance[] };

export type Signer = { name: string; role: string };
export type CertificateSettings = { rule: CertificateRule; signer: Signer | null };
export type CertificateSummary = { id: number; code: string; issuedAt: string; revokedAt: string | null; revokedReason: string | null };

export type CertificateStanding = {
  registrationId: number;
  name: string;
  status: string;
  eligible: boolean;
  attended: number;
  total: number;
  percent: number;
  /** Why (not), in the request's language: "2 von 3 Terminen, benötigt 3". */
  why: string;
  reason: { key: string; params: Record<string, number> };
  /** The certificate in force, if any. */
  certificate: CertificateSummary | null;
  /** Earlier certificates (revoked). */
  revoked: CertificateSummary[];
};

export type CertificateOverview = { settings: CertificateSettings; sessions: number; eligible: number; issued: number; registrations: CertificateStanding[] };

/* ---------- Statistics for funders and the council (GET /api/console/statistics) ---------- */

/** One date of an event in a report. Attendance counts only where someone was checked in at it. */
export type StatisticsDate = {
  id: number;
  startsAt: string;
  endsAt: string;
  cancelled: boolean;
  /** Over (ended before the report was made) and not cancelled. */
  held: boolean;
  hours: number;
  /** Check-ins were recorded at it. */
  recorded: boolean;
  /** Places of the confirmed registrations (who was expected). */
  expectedPlaces: number;
  attendedPlaces: number;
  /** Confirmed registrations with no check-in at this date (recorded dates only). */
  noShows: number;
};

export type StatisticsEvent = {
  id: number;
  organisationId: number;
  title: string;
  format: EventFormat;
  status: "published" | "cancelled";
  fundingLines: string[];
  partners: string[];
  /** The first date (the event counts in the period it falls in). */
  firstStartsAt: string;
  dates: StatisticsDate[];
  registrations: number;
  confirmed: number;
  places: number;
  children: number;
  attendedPlaces: number;
  /** Attended places / expected places over the recorded dates; null without one. */
  attendanceRate: number | null;
  programmeHours: number;
  participantHours: number;
  noShows: number;
  cancelled: number;
  turnedAway: number;
  turnedAwayPlaces: number;
  certificates: number;
};

export type StatisticsFigures = {
  events: number;
  eventsCancelled: number;
  datesHeld: number;
  datesPlanned: number;
  datesCancelled: number;
  /** Held dates at which nobody was checked in: no attendance figures for them. */
  datesWithoutAttendance: number;
  registrations: number;
  confirmed: number;
  places: number;
  children: number;
  participants: { distinct: number; new: number; returning: number; withoutAddress: number };
  attendance: { expectedPlaces: number; attendedPlaces: number; rate: number | null };
  noShows: number;
  programmeHours: number;
  participantHours: number;
  certificates: number;
  turnedAway: { registrations: number; places: number };
  cancellations: { registrations: number; places: number };
};

export type StatisticsReport = {
  period: { from: string; to: string };
  organisations: { id: number; name: string; timeZone: string }[];
  fundingLine: string | null;
  generatedAt: string;
  totals: StatisticsFigures;
  byFormat: { format: EventFormat; events: number; datesHeld: number; confirmed: number; attendedPlaces: number; participantHours: number }[];
  /** By the month of each event's first date, in its organisation's time zone ("2026-03"). */
  byMonth: { month: string; events: number; datesHeld: number; confirmed: number; attendedPlaces: number; participantHours: number }[];
  /** Confirmed registrations by the language they registered in. */
  languages: { locale: string; registrations: number; places: number }[];
  needs: {
    /** By the language asked for (a code, or "other"): who asked, and the hours of the held dates they were booked for. */
    interpreter: { language: string; registrations: number; hours: number }[];
    childcare: { registrations: number; children: number };
    accessibility: { registrations: number };
  };
  events: StatisticsEvent[];
  /** For the filters: every funding line used in the organisations. */
  fundingLines: string[];
};

export type StatisticsResponse = { statistics: StatisticsReport };

/** PUT /api/console/events/{eventId}/reporting */
export type EventReportingInput = { fundingLines: string[]; partners: string[] };
