/**
 * Renders a transactional email (subject, HTML, plain text, attachments) for the Worker.
 *
 * All participant-facing text comes from workers/src/i18n/<locale>/email.ts; locales
 * without an email catalogue fall back to German. Untrusted values (name, reason,
 * titles) are escaped by React in the HTML.
 */
import { render, toPlainText } from "@react-email/render";
import { createElement, type ReactElement } from "react";
import type { EmailTemplate, Locale } from "../db/schema";
import { emailText } from "./components/i18n";
import { buildIcs, toBase64 } from "./ics";
import { Cancelled } from "./templates/cancelled";
import { ConfirmEmail } from "./templates/confirm_email";
import { Confirmed } from "./templates/confirmed";
import { Expired } from "./templates/expired";
import { ManageLink } from "./templates/manage_link";
import { Offer } from "./templates/offer";
import { Promoted } from "./templates/promoted";
import { Waitlisted } from "./templates/waitlisted";

export type EmailSession = {
  startsAt: string; // ISO UTC
  endsAt: string;
  title: string | null;
  /** Optional stable session id; used for the calendar UID (else the session's position). */
  id?: string | number;
};

export type EmailData = {
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
  /** For "cancelled" by the organiser. */
  reason?: string | null;
};

export type RenderedEmail = {
  subject: string;
  html: string;
  text: string;
  /** content is base64. */
  attachments: { filename: string; contentType: string; content: string }[];
};

type TemplateProps = { locale: Locale; data: EmailData };

const TEMPLATES: Record<EmailTemplate, (props: TemplateProps) => ReactElement> = {
  confirm_email: ConfirmEmail,
  confirmed: Confirmed,
  waitlisted: Waitlisted,
  offer: Offer,
  promoted: Promoted,
  cancelled: Cancelled,
  expired: Expired,
  manage_link: ManageLink,
};

/** Templates whose email carries the calendar file. */
const WITH_CALENDAR: ReadonlySet<EmailTemplate> = new Set<EmailTemplate>(["confirmed", "promoted"]);

function oneLine(value: string): string {
  return value.replace(/[\r\n\t]+/g, " ").replace(/\s{2,}/g, " ").trim();
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname || undefined;
  } catch {
    return undefined;
  }
}

/** The .ics attachment: one VEVENT per session. The private manage link is left out on purpose
 * (calendars are often shared); the email carries it. */
function calendarAttachment(locale: Locale, data: EmailData): RenderedEmail["attachments"][number] {
  const text = emailText(locale);
  const { event } = data;
  const location = event.location
    ? [event.location.name, event.location.address].filter(Boolean).join(", ")
    : event.onlineUrl;
  const description = [
    event.location?.accessibility
      ? `${text.t("email.common.accessibility")}: ${event.location.accessibility}`
      : null,
    event.onlineUrl ? `${text.t("email.common.online_hint")} ${event.onlineUrl}` : null,
    event.organiser,
  ]
    .filter(Boolean)
    .join("\n");
  const ics = buildIcs(
    {
      slug: event.slug,
      title: event.title,
      sessions: event.sessions,
      location: location || null,
      description,
      url: event.onlineUrl,
    },
    { uidDomain: hostOf(data.manageUrl) },
  );
  const safeSlug = event.slug.replace(/[^A-Za-z0-9_-]/g, "").slice(0, 60);
  return {
    filename: `${safeSlug || "event"}.ics`,
    contentType: "text/calendar; charset=utf-8; method=PUBLISH",
    content: toBase64(ics),
  };
}

export async function renderEmail(template: EmailTemplate, locale: Locale, data: EmailData): Promise<RenderedEmail> {
  const Component = TEMPLATES[template];
  if (!Component) throw new Error(`Unknown email template: ${String(template)}`);
  const text = emailText(locale);
  const html = await render(createElement(Component, { locale, data }));
  // Same conversion render(..., { plainText: true }) applies, without rendering twice.
  const plain = toPlainText(html, { selectors: [{ selector: "h1", options: { uppercase: false } }] });
  const subject = oneLine(text.t(`email.${template}.subject` as const, { event: oneLine(data.event.title) }));
  const attachments =
    WITH_CALENDAR.has(template) && data.event.sessions.length > 0 ? [calendarAttachment(locale, data)] : [];
  return { subject, html, text: plain, attachments };
}
