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
  /** Interpreter language → number of registrations asking for it. */
  interpreter: Record<string, number>;
  childcare: { registrations: number; children: number; ages: string[] };
  accessibility: string[];
};

export type ConsoleEvent = Omit<EventInput, "pools" | "sessions"> & {
  id: number;
  slug: string;
  organisationName: string;
  /** The organisation's time zone: the console shows and reads the dates as wall times in it. */
  timeZone: string;
  status: "draft" | "published" | "cancelled";
  cancellationReason: string | null;
  sessions: (ConsoleSession & { id: number; cancelled: boolean })[];
  pools: PoolStats[];
  counts: Partial<Record<RegistrationStatus, number>>;
  holdsRunning: number;
  offersRunning: number;
  needs: NeedsSummary;
  /** What the current user may do here. */
  permissions: { manage: boolean; checkin: boolean };
};

export type ConsoleEventListItem = {
  id: number;
  slug: string;
  title: string;
  status: "draft" | "published" | "cancelled";
  format: EventFormat;
  organisationId: number;
  organisationName: string;
  firstStartsAt: string | null;
  capacity: number | null;
  confirmedPlaces: number;
  waitlistLength: number;
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
};

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

/* ---------- Attendance and certificates (GET …/attendance, …/certificates) ---------- */

export type ExpectedPerson = { registrationId: number; name: string; places: number };
export type AttendedPerson = ExpectedPerson & { checkedInPlaces: number; checkedInAt: string; stillConfirmed: boolean };

export type SessionAttendance = {
  id: number;
  startsAt: string;
  endsAt: string;
  title: string | null;
  cancelled: boolean;
  /** The date has begun: whoever is not checked in by now counts as a no-show. */
  begun: boolean;
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
