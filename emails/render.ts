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
import { emailText, type EmailKey } from "./components/i18n";
import { buildIcs, toBase64 } from "./ics";
import { Cancelled } from "./templates/cancelled";
import { ConfirmEmail } from "./templates/confirm_email";
import { Confirmed } from "./templates/confirmed";
import { Expired } from "./templates/expired";
import { ManageLink } from "./templates/manage_link";
import { Offer } from "./templates/offer";
import { Promoted } from "./templates/promoted";
import { Waitlisted } from "./templates/waitlisted";
import { Reminder } from "./templates/reminder";
import { EventChanged } from "./templates/event_changed";
import { EventCancelled } from "./templates/event_cancelled";
import { CancelledByOrganiser } from "./templates/cancelled_by_organiser";
import { UpdatedByOrganiser } from "./templates/updated_by_organiser";
import { OrganiserMessage } from "./templates/organiser_message";
import { ApplicationPending } from "./templates/application_pending";
import { ApplicationRejected } from "./templates/application_rejected";
import { CertificateIssued } from "./templates/certificate_issued";
import { LoginLink } from "./templates/login_link";
import { Invitation } from "./templates/invitation";
import { ApplicationReceived } from "./templates/application_received";
import { OrganiserDigest } from "./templates/organiser_digest";
import { DataAccess } from "./templates/data_access";
import { ManageLinks } from "./templates/manage_links";
import { WorkshopsChanged } from "./templates/workshops_changed";
import type { EmailData, RenderedEmail, StaffEmailData } from "./types";

export type { DigestEvent, EmailData, EmailSession, EventChange, RenderedEmail, StaffEmailData } from "./types";

/**
 * Templates to staff; they take StaffEmailData and have no registration. "data_access" (a
 * participant's link to their own data) has the same shape: a link, its deadline, no event.
 */
export const STAFF_TEMPLATES = ["login_link", "invitation", "application_received", "organiser_digest", "data_access"] as const satisfies readonly EmailTemplate[];
export type StaffTemplate = (typeof STAFF_TEMPLATES)[number];
export type ParticipantTemplate = Exclude<EmailTemplate, StaffTemplate>;
export function isStaffTemplate(template: EmailTemplate): template is StaffTemplate {
  return (STAFF_TEMPLATES as readonly string[]).includes(template);
}
/** The data each template renders. */
export type TemplateData<T extends EmailTemplate> = T extends StaffTemplate ? StaffEmailData : EmailData;


const TEMPLATES: { [T in EmailTemplate]: (props: { locale: Locale; data: TemplateData<T> }) => ReactElement } = {
  confirm_email: ConfirmEmail,
  confirmed: Confirmed,
  waitlisted: Waitlisted,
  offer: Offer,
  promoted: Promoted,
  cancelled: Cancelled,
  expired: Expired,
  manage_link: ManageLink,
  reminder: Reminder,
  event_changed: EventChanged,
  event_cancelled: EventCancelled,
  cancelled_by_organiser: CancelledByOrganiser,
  updated_by_organiser: UpdatedByOrganiser,
  organiser_message: OrganiserMessage,
  certificate_issued: CertificateIssued,
  login_link: LoginLink,
  invitation: Invitation,
  application_received: ApplicationReceived,
  organiser_digest: OrganiserDigest,
  data_access: DataAccess,
  application_pending: ApplicationPending,
  application_rejected: ApplicationRejected,
  workshops_changed: WorkshopsChanged,
  manage_links: ManageLinks,
};

/** Templates whose email carries the calendar file. */
const WITH_CALENDAR: ReadonlySet<EmailTemplate> = new Set<EmailTemplate>(["confirmed", "promoted", "event_changed"]);

/**
 * Bulk templates: many at once from one action or job. The consumer sends them through
 * Resend's batch endpoint (no attachments there, so none of these may carry one).
 */
export const BULK_TEMPLATES: ReadonlySet<EmailTemplate> = new Set<EmailTemplate>(["reminder", "certificate_issued", "organiser_message"]);

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
function calendarAttachment(locale: Locale, data: EmailData, stampedAt?: Date): RenderedEmail["attachments"][number] {
  const text = emailText(locale, data.timeZone);
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
    { uidDomain: hostOf(data.manageUrl), now: stampedAt },
  );
  const safeSlug = event.slug.replace(/[^A-Za-z0-9_-]/g, "").slice(0, 60);
  return {
    filename: `${safeSlug || "event"}.ics`,
    contentType: "text/calendar; charset=utf-8; method=PUBLISH",
    content: toBase64(ics),
  };
}

function subjectParams(template: EmailTemplate, locale: Locale, data: EmailData | StaffEmailData): Record<string, string> {
  if (isStaffTemplate(template)) {
    const staff = data as StaffEmailData;
    return {
      event: oneLine(staff.event ?? ""),
      organisation: oneLine(staff.organisation),
      date: staff.date ? emailText(locale, staff.timeZone).day(`${staff.date}T12:00:00Z`) : "",
    };
  }
  const participant = data as EmailData;
  const session = participant.reminderSession ?? participant.event.sessions[0];
  return {
    event: oneLine(participant.event.title),
    date: session ? emailText(locale, participant.timeZone).day(session.startsAt) : "",
    subject: oneLine(participant.message?.subject ?? ""),
  };
}

export type RenderOptions = {
  /** DTSTAMP of the calendar file; pass the outbox row's creation time so a retry renders the same bytes. */
  stampedAt?: Date;
};

/** The content id of the inline check-in QR code: the HTML shows it as `cid:checkin-qr`. */
export const QR_CONTENT_ID = "checkin-qr";

/**
 * Where the check-in QR code goes with the email as an inline image (every mail client shows
 * it without loading anything), the data says so (`contentId`) and the attachment is made.
 * Bulk emails go through an endpoint without attachments: they keep the hosted image's URL.
 */
function withInlineQr(template: EmailTemplate, data: EmailData): { data: EmailData; attachment: RenderedEmail["attachments"][number] | null } {
  const png = data.checkInQr?.png;
  if (!png || BULK_TEMPLATES.has(template)) return { data, attachment: null };
  return {
    data: { ...data, checkInQr: { ...data.checkInQr, contentId: QR_CONTENT_ID } },
    attachment: { filename: "check-in.png", contentType: "image/png", content: png, contentId: QR_CONTENT_ID },
  };
}

export async function renderEmail<T extends EmailTemplate>(
  template: T,
  locale: Locale,
  data: TemplateData<T>,
  options: RenderOptions = {},
): Promise<RenderedEmail> {
  const Component = TEMPLATES[template] as (props: { locale: Locale; data: TemplateData<T> }) => ReactElement;
  if (!Component) throw new Error(`Unknown email template: ${String(template)}`);
  const text = emailText(locale, data.timeZone);
  const inline = isStaffTemplate(template) ? { data, attachment: null } : withInlineQr(template, data as EmailData);
  const html = await render(createElement(Component, { locale, data: inline.data as TemplateData<T> }));
  // Same conversion render(..., { plainText: true }) applies, without rendering twice.
  const plain = toPlainText(html, { selectors: [{ selector: "h1", options: { uppercase: false } }] });
  const subject = oneLine(text.t(`email.${template}.subject` as EmailKey, subjectParams(template, locale, data)));
  const participant = data as EmailData;
  const attachments = [
    ...(WITH_CALENDAR.has(template) && participant.event.sessions.length > 0 ? [calendarAttachment(locale, participant, options.stampedAt)] : []),
    ...(inline.attachment ? [inline.attachment] : []),
  ];
  return { subject, html, text: plain, attachments };
}
