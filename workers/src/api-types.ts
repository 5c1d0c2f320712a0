/**
 * Shapes of the public JSON API, shared by the Worker (which produces them) and the
 * frontend (which reads them). Times are ISO 8601 strings in UTC; render them in
 * Europe/Berlin with Intl.
 */
import type { EventFormat, Locale, LocalizedText, Question } from "../../db/schema";

/**
 * How a text written by the organiser reached the reader, where it is not their own words in
 * the asked language: machine-translated into it (`machine`, `lang` the asked language), or
 * shown in another language for lack of a translation (`lang` that language: English, then
 * German). Texts without a mark are the organiser's (or reviewed by one) in the asked language.
 */
export type TextMark = { lang: Locale; machine: boolean };

export type PublicSession = { startsAt: string; endsAt: string; title: string | null; cancelled: boolean; mark?: TextMark };

/**
 * `name` in the asked language where translated; `originalName` then keeps the name as the
 * organiser wrote it (and as signs at the door show it).
 */
export type PublicLocation = { name: string; originalName: string | null; address: string | null; accessibility: string | null };

/** Whom to ask about the event: the event's own contact, or the organisation's. */
export type PublicContact = { name: string; email: string | null; phone: string | null };

/** Marks of the event's own texts (see TextMark); a text without an entry needs none. */
export type EventTextMarks = Partial<Record<"title" | "summary" | "description" | "location" | "accessibility", TextMark>>;

/** What the participant sees as the outcome of a registration. */
export type ParticipantStatus =
  | "confirmed"
  | "waitlisted"
  | "offered"
  | "check_email" // awaiting the email confirmation, or the manage link was (re-)sent
  | "pending_approval"
  | "rejected"
  | "cancelled"
  | "expired";

export type PublicEventSummary = {
  slug: string;
  format: EventFormat;
  /** In the requested locale (perhaps machine-translated), else English, else German: see `marks`. */
  title: string;
  summary: string | null;
  /** True when a text is shown in another language than asked (its mark names the language). */
  fallback: boolean;
  marks: EventTextMarks;
  sessions: PublicSession[];
  location: PublicLocation | null;
  online: boolean;
  status: "published" | "cancelled";
  cancellationReason: string | null;
  contact: PublicContact;
  registration: {
    mode: "open" | "approval" | "none";
    /** True when the registration window is open now and the event is not cancelled. */
    open: boolean;
    opensAt: string | null;
    closesAt: string | null;
    /** Free places of the event pool, or null where no registration is taken. */
    placesLeft: number | null;
    capacity: number | null;
    /** True when new registrations would join the waiting list. */
    waitlistOpen: boolean;
    maxPlaces: number;
    emailConfirmation: boolean;
    /** Households: the form asks how many of the places are for children. */
    countChildren: boolean;
  };
};

/** A workshop of a parallel slot (conferences): its own places and waitlist, and its own time where it has one. */
export type PublicWorkshop = {
  slot: string;
  key: string;
  name: string;
  mark?: TextMark;
  startsAt: string | null;
  endsAt: string | null;
  capacity: number;
  placesLeft: number;
  waitlistOpen: boolean;
};

/** Something other than a visit that people apply for, e.g. a stand at a fair (always with approval). */
export type PublicRegistrationType = { key: string; name: string; mark?: TextMark; capacity: number; placesLeft: number };

export type PublicQuestion = {
  id: string;
  type: Question["type"];
  required: boolean;
  label: string;
  mark?: TextMark;
  options?: { id: string; label: string; mark?: TextMark }[];
};

export type PublicEventDetail = PublicEventSummary & {
  description: string | null;
  audience: string[];
  languages: string[];
  questions: PublicQuestion[];
  workshops: PublicWorkshop[];
  registrationTypes: PublicRegistrationType[];
  /** Approved exhibitors of a fair. */
  exhibitors: { organisation: string; description: string }[];
};

export type EventListResponse = {
  events: PublicEventSummary[];
  /** What the whole programme offers for each filter (the list offers only choices that find something). */
  facets: { audiences: string[]; formats: EventFormat[]; languages: string[] };
};
export type EventDetailResponse = { event: PublicEventDetail };

/** Body of POST /api/events/{slug}/registrations. */
export type RegistrationRequest = {
  name: string;
  email: string;
  locale: Locale;
  places?: number;
  answers?: Record<string, string | number | boolean | string[]>;
  needs?: {
    interpreter?: string;
    childcare?: { children: number; ages?: string };
    accessibility?: string;
  };
  /** Households: how many of the places are for children (where the event counts them). */
  children?: number;
  /** Conferences: one workshop per slot, optionally a second choice held while the first is full. */
  workshops?: { slot: string; first: string; second?: string }[];
  /** Fairs: apply for a stand (a registration type key) instead of visiting. */
  registrationType?: string;
  exhibitor?: { organisation: string; description: string; contact?: string; needs?: ("table" | "power" | "wall")[] };
  /** Must be true: consent to the privacy notice. */
  consent: boolean;
  /** A honeypot that people never see: must stay empty. */
  website?: string;
  /** When the form was shown (epoch ms): forms sent within 2 s are taken to be bots. */
  formStartedAt?: number;
  /** Cloudflare Turnstile, where configured. */
  turnstileToken?: string;
};

/** A participant's place in one workshop. */
export type WorkshopPlace = {
  slot: string;
  key: string;
  name: string;
  mark?: TextMark;
  startsAt: string | null;
  endsAt: string | null;
  /** 1: first choice; 2: a second choice held while waiting for the first. */
  preference: number;
  status: ParticipantStatus;
  waitlistPosition: number | null;
};

/** The answer to a registration: it reveals only the outcome of this request. */
export type RegistrationResponse = {
  registration: { status: ParticipantStatus; places: number; waitlistPosition: number | null; workshops?: WorkshopPlace[] };
};

export type ManagedRegistration = {
  status: ParticipantStatus;
  places: number;
  name: string;
  email: string;
  locale: Locale;
  waitlistPosition: number | null;
  awaitingEmail: boolean;
  holdExpiresAt: string | null;
  offerExpiresAt: string | null;
  createdAt: string;
  answers: Record<string, unknown>;
  event: PublicEventSummary;
  /** Only for confirmed participants of an online event. */
  onlineUrl: string | null;
  children: number;
  workshops: WorkshopPlace[];
  /** The stand application, for exhibitors. */
  exhibitor: { organisation: string; description: string; contact?: string; needs: string[] } | null;
  /** What the participant can do now; each is a POST to /api/registrations/{token}/{action}. */
  actions: ("confirm" | "accept-offer" | "cancel" | "workshops")[];
};
export type ManagedRegistrationResponse = { registration: ManagedRegistration };

export type ApiError = {
  error: { code: string; message: string; fields?: Record<string, string>; requestId: string };
};

export type { Locale, LocalizedText };

/** One event of the JSON programme feed (GET /api/feeds/events.json). */
export type FeedEvent = {
  /** The event's slug: stable, unique. */
  id: string;
  /** The short link to the event's page (registration, details). */
  url: string;
  title: string;
  summary: string | null;
  description: string | null;
  /** True when a text is German for lack of a translation. */
  fallback: boolean;
  format: EventFormat;
  audience: string[];
  /** Languages spoken at the event. */
  languages: string[];
  organisation: { slug: string; name: string };
  /** IANA zone of the organisation, for showing wall times. */
  timeZone: string;
  status: "published" | "cancelled";
  cancellationReason: string | null;
  location: PublicLocation | null;
  online: boolean;
  registration: { mode: "open" | "approval" | "none"; opensAt: string | null; closesAt: string | null; url: string | null };
  sessions: { id: number; startsAt: string; endsAt: string; title: string | null; cancelled: boolean }[];
  calendarUrl: string;
  posterUrl: string;
  updatedAt: string;
};

/** The JSON programme feed: the same events as the iCalendar feed. */
export type ProgrammeFeed = { version: 1; title: string; locale: Locale; homePageUrl: string; events: FeedEvent[] };
