/**
 * The data the email templates render, apart from render.ts: the templates import their props
 * from here, render.ts imports the templates, and neither imports the other in a circle.
 */
import type { Role } from "../db/schema";

export type EmailSession = {
  startsAt: string; // ISO UTC
  endsAt: string;
  title: string | null;
  /** Optional stable session id; used for the calendar UID (else the session's position). */
  id?: string | number;
};

export type EmailData = {
  /** The organisation's IANA time zone: dates and times are shown as its clocks read them (default Europe/Berlin). */
  timeZone?: string;
  /** Participant name (untrusted). */
  name: string;
  places: number;
  /** Private link to the participant's manage page; every email carries it. */
  manageUrl: string;
  event: {
    /** Already in the right locale (German fallback applied by the caller). */
    title: string;
    slug: string;
    sessions: EmailSession[];
    location: { name: string; address: string | null; accessibility: string | null } | null;
    /** Only set for confirmed participants of online events. */
    onlineUrl: string | null;
    /** The event takes place online (with or without a join link for this reader yet): no entrance, no QR code. */
    online?: boolean;
    /** Organisation name. */
    organiser: string;
    /** The place's name as written, where `location.name` is a translation (signs show this one). */
    originalLocationName?: string | null;
  };
  /** Whom to ask about the event (every participant email names it). */
  contact?: EmailContact | null;
  /** Conferences: the registration's workshops, with their times where they have their own. */
  workshops?: EmailWorkshop[];
  /** For "workshops_changed": what happened. */
  workshopChange?: WorkshopChange | null;
  /** For "updated_by_organiser": which details the organiser changed. */
  changedFields?: ChangedField[];
  /** For "manage_links": every live registration of the address, each with its own link. */
  registrations?: LinkedRegistration[];
  /** For "waitlisted". */
  waitlistPosition?: number | null;
  /** For "confirm_email": confirm before this time; for "expired": the hold expired. */
  holdExpiresAt?: string | null;
  /** For "offer": accept before this time; for "expired": the offer expired. */
  offerExpiresAt?: string | null;
  /** For "cancelled", "cancelled_by_organiser", "event_cancelled": the organiser's reason (untrusted). */
  reason?: string | null;
  /** For "reminder": the session it is about (also one of event.sessions). */
  reminderSession?: EmailSession | null;
  /** What participants should bring (no event field holds it yet; shown when given). */
  whatToBring?: string | null;
  /** For "event_changed": which facts changed. */
  changes?: EventChange[];
  /** For "organiser_message": the organisers' text (untrusted; React escapes it, line breaks are kept). */
  message?: { subject: string; body: string } | null;
  /**
   * Check-in QR code for "confirmed", "promoted", "reminder" and the workshop emails (never for
   * online events). `png` (base64) goes with the email as an inline image (`cid:`, render.ts),
   * which mail clients show without loading anything; the bulk emails (the batch endpoint takes
   * no attachments) show the hosted image `url` instead, which any origin may load. `dataUri`
   * only for previews. Nothing is shown while none is set.
   */
  checkInQr?: { png?: string; url?: string; dataUri?: string; contentId?: string } | null;
};

export type EventChange = "date" | "time" | "place" | "online";

export type EmailContact = { name: string; email: string | null; phone: string | null };

/** A workshop of the registration: its place (confirmed, waiting, or kept until the wished one comes free). */
export type EmailWorkshop = {
  name: string;
  startsAt: string | null;
  endsAt: string | null;
  status: "confirmed" | "waitlisted" | "kept" | "other";
  waitlistPosition: number | null;
};

/**
 * What changed in a registration's workshops: switched (the new place is confirmed and the old
 * one given up), waiting (the wished workshop is full: the old place is kept meanwhile), or
 * promoted (a place came free in a workshop waited for; a place kept meanwhile is given up).
 */
export type WorkshopChange = { kind: "switched" | "waiting" | "promoted"; workshop: string; previous: string | null };

export const CHANGED_FIELDS = ["name", "email", "places", "answers", "needs", "locale"] as const;
export type ChangedField = (typeof CHANGED_FIELDS)[number];

/** One registration in the "your links" email. */
export type LinkedRegistration = { title: string; when: EmailSession | null; status: "confirmed" | "waitlisted" | "offered" | "check_email" | "pending_approval"; manageUrl: string };

/** One event in the organiser digest: the day's counts. */
export type DigestEvent = {
  title: string;
  consoleUrl: string;
  newRegistrations: number;
  cancellations: number;
  promotions: number;
  /** Waiting now (registrations, not places). */
  waitlist: number;
  /** Emails to participants of the event given up today (after days of retries). */
  failedEmails?: number;
};

/**
 * Data of the emails to staff (no registration behind them): sign-in, invitation,
 * application received, daily digest. The console writes what they need into the outbox
 * row's `data`; the consumer turns it into this (deliver.ts `staffEmailData`).
 */
export type StaffEmailData = {
  /** As in EmailData (the digest's day is already a date in it). */
  timeZone?: string;
  /** Recipient's name if known (untrusted). */
  name: string | null;
  /** Shown in the footer and the invitation. */
  organisation: string;
  /** The one link of the mail: sign-in, invitation, console event page or console start. */
  url: string;
  /** Sign-in and invitation links run out. */
  expiresAt?: string | null;
  /** For "invitation". */
  inviter?: string;
  role?: Role;
  /** For "application_received". */
  event?: string;
  applicant?: string;
  /** For "organiser_digest": the Berlin day (yyyy-mm-dd) and its events. */
  date?: string;
  events?: DigestEvent[];
};

export type RenderedEmail = {
  subject: string;
  html: string;
  text: string;
  /** content is base64; `contentId`: an inline image the HTML shows as `cid:<contentId>`. */
  attachments: { filename: string; contentType: string; content: string; contentId?: string }[];
};
