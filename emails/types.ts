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
    /** Organisation name. */
    organiser: string;
  };
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
   * Check-in QR code for "confirmed", "promoted" and "reminder". Filled in by the check-in
   * feature: a hosted image `url` works in most mail clients (Gmail drops data: URIs), a
   * `dataUri` is the fallback. Nothing is shown while neither is set.
   */
  checkInQr?: { dataUri?: string; url?: string } | null;
};

export type EventChange = "date" | "time" | "place" | "online";

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
  /** content is base64. */
  attachments: { filename: string; contentType: string; content: string }[];
};
