/**
 * Shapes of the organiser console's JSON API (/api/auth/*, /api/console/*), shared by the
 * Worker and the console pages. Times are ISO 8601 strings in UTC.
 */
import type {
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
export type ConsolePoolInput = { id?: number; kind: "event" | "workshop" | "registration_type"; key: string; slot?: string | null; name?: LocalizedText | null; capacity: number };

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
