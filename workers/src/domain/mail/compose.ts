/**
 * Composing an outbox row's email: the facts it shows, gathered as they are at sending time
 * (a name or a date changed since the row was written shows the new value), in the row's
 * locale, rendered to subject, HTML, text and attachments. A row that cannot be composed for
 * good (its registration is gone, its address bounces) throws PermanentMailError: the row
 * fails without a provider call.
 */
import { isStaffTemplate, renderEmail } from "../../../../emails/render";
import type { DigestEvent, EmailData, EventChange, RenderedEmail, StaffEmailData } from "../../../../emails/types";
import type { Role } from "../../../../db/schema";
import type { Env } from "../../env";
import { manageToken, manageUrl, signInToken, signInUrl } from "../../lib/tokens";
import { eventText, loadEventById, localized } from "../events/public";
import { dataAccessEmailData } from "../privacy/links";
import { checkInQrForEmail } from "../attendance/qr";
import { parseData, type OutboxRow } from "./outbox-state";
import { suppressionFor } from "./suppressions";
import { normalizeEmail } from "../registrations/register";

/** Sign-in links run out this long after they were asked for. */
export const SIGN_IN_VALID_MS = 10 * 60_000;

/** The row fails for good: no provider call, no retry. */
export class PermanentMailError extends Error {}

const ADDRESS_CHANGED = "not sent: the registration's address changed after this email was written";

const EVENT_CHANGES: readonly EventChange[] = ["date", "time", "place", "online"];

/** Gathers the facts a participant email shows, as they are now, in the registration's locale. */
async function emailData(env: Env, row: OutboxRow, events: EventCache): Promise<EmailData> {
  const registration = await env.DB.prepare(
    `SELECT r.name, r.places, r.status, r.event_id AS eventId, r.token_nonce AS tokenNonce, r.email_normalized AS emailNormalized,
            r.hold_expires_at AS holdExpiresAt, r.offer_expires_at AS offerExpiresAt, r.awaiting_email AS awaitingEmail,
            o.name AS organiser, o.time_zone AS timeZone
     FROM registrations r JOIN events e ON e.id = r.event_id JOIN organisations o ON o.id = e.organisation_id
     WHERE r.id = ?1`,
  )
    .bind(row.registrationId)
    .first<{
      name: string;
      places: number;
      status: string;
      eventId: number;
      tokenNonce: string;
      emailNormalized: string;
      holdExpiresAt: number | null;
      offerExpiresAt: number | null;
      awaitingEmail: number;
      organiser: string;
      timeZone: string;
    }>();
  if (!registration) throw new PermanentMailError("registration no longer exists");
  // Its links open the registration as it is now: an email written for an address the
  // registration no longer holds (a typo corrected since) would hand them to that address.
  if (registration.emailNormalized !== normalizeEmail(row.toAddress)) throw new PermanentMailError(ADDRESS_CHANGED);
  let loading = events.get(registration.eventId);
  if (!loading) events.set(registration.eventId, (loading = loadEventById(env, registration.eventId)));
  const { event, sessions } = await loading;
  const extra = parseData(row) as {
    waitlistPosition?: number | null;
    reason?: string | null;
    sessionId?: number;
    changes?: unknown;
    subject?: string;
    body?: string;
  };
  const iso = (ms: number | null) => (ms ? new Date(ms).toISOString() : null);
  const confirmedNow = registration.status === "confirmed" && !registration.awaitingEmail;
  const emailSessions = sessions
    .filter((s) => s.cancelledAt === null)
    .map((s) => ({
      id: s.id,
      startsAt: new Date(s.startsAt).toISOString(),
      endsAt: new Date(s.endsAt).toISOString(),
      title: localized(s.title, row.locale).text,
    }));
  if (row.template === "reminder" && !emailSessions.some((s) => s.id === extra.sessionId)) {
    throw new PermanentMailError("the session of this reminder no longer exists");
  }
  return {
    timeZone: registration.timeZone,
    name: registration.name,
    places: registration.places,
    manageUrl: manageUrl(env, await manageToken(env, registration.tokenNonce)),
    event: {
      title: eventText(event, "title", row.locale).text ?? event.slug,
      slug: event.slug,
      sessions: emailSessions,
      location: event.location
        ? { name: event.location.name, address: event.location.address ?? null, accessibility: localized(event.location.accessibility, row.locale).text }
        : null,
      onlineUrl: confirmedNow ? event.onlineUrl : null,
      organiser: registration.organiser,
    },
    waitlistPosition: extra.waitlistPosition ?? null,
    holdExpiresAt: iso(registration.holdExpiresAt),
    offerExpiresAt: iso(registration.offerExpiresAt),
    reason: extra.reason ?? event.cancellationReason ?? null,
    reminderSession: emailSessions.find((s) => s.id === extra.sessionId) ?? null,
    changes: Array.isArray(extra.changes) ? extra.changes.filter((c): c is EventChange => EVENT_CHANGES.includes(c as EventChange)) : [],
    message: row.template === "organiser_message" ? { subject: String(extra.subject ?? ""), body: String(extra.body ?? "") } : null,
    // No event field for it yet; the console's event editor would add it.
    whatToBring: null,
    // The check-in QR code (a hosted PNG that carries only the check-in code) for confirmed registrations.
    checkInQr: confirmedNow && row.registrationId !== null ? await checkInQrForEmail(env, row.registrationId) : null,
  };
}

/** Staff emails take what they show from the outbox row's data (see outbox.ts StaffMailData). */
async function staffEmailData(env: Env, row: OutboxRow): Promise<StaffEmailData> {
  const data = parseData(row) as {
    nonce?: string;
    name?: string | null;
    organisation?: string;
    role?: Role;
    inviter?: string;
    expiresAt?: number;
    eventId?: number;
    applicant?: string;
    date?: string;
    events?: DigestEvent[];
  };
  const base = env.PUBLIC_URL.replace(/\/$/, "");
  const name = data.name ?? null;
  switch (row.template) {
    case "login_link":
    case "invitation": {
      if (!data.nonce) throw new PermanentMailError("no sign-in nonce in the outbox row");
      const expiresAt = data.expiresAt ?? row.createdAt + SIGN_IN_VALID_MS;
      return {
        name,
        organisation: data.organisation ?? "zusammen",
        url: signInUrl(env, await signInToken(env, data.nonce)),
        expiresAt: new Date(expiresAt).toISOString(),
        inviter: data.inviter,
        role: data.role,
      };
    }
    case "application_received": {
      if (typeof data.eventId !== "number") throw new PermanentMailError("no event in the outbox row");
      const event = await env.DB.prepare(
        `SELECT e.slug, e.texts, o.name AS organisation FROM events e JOIN organisations o ON o.id = e.organisation_id WHERE e.id = ?1`,
      )
        .bind(data.eventId)
        .first<{ slug: string; texts: string; organisation: string }>();
      if (!event) throw new PermanentMailError("event no longer exists");
      const texts = JSON.parse(event.texts) as Record<string, { title?: string }>;
      return {
        name,
        organisation: event.organisation,
        url: `${base}/console/event?slug=${encodeURIComponent(event.slug)}`,
        event: texts[row.locale]?.title ?? texts.de?.title ?? event.slug,
        applicant: data.applicant ?? "",
      };
    }
    case "organiser_digest":
      return { name, organisation: data.organisation ?? "zusammen", url: `${base}/console`, date: data.date, events: data.events ?? [] };
    case "data_access": {
      const data = await dataAccessEmailData(env, row);
      if (!data) throw new PermanentMailError(`${ADDRESS_CHANGED}, or the registration no longer exists`);
      return data;
    }
    default:
      throw new PermanentMailError(`template ${row.template} needs a registration`);
  }
}

export type Prepared = { row: OutboxRow; rendered: RenderedEmail };
/** Events loaded once per consumer batch (a batch of reminders is mostly one event). */
export type EventCache = Map<number, ReturnType<typeof loadEventById>>;

/** Suppression check and rendering: a prepared email, or the row's final outcome. */
export async function prepare(env: Env, row: OutboxRow, events: EventCache): Promise<Prepared> {
  if (await suppressionFor(env, row.toAddress)) throw new PermanentMailError("suppressed");
  const data = row.registrationId === null || isStaffTemplate(row.template) ? await staffEmailData(env, row) : await emailData(env, row, events);
  // The creation time as DTSTAMP: a retry renders the same bytes (the provider refuses a
  // reused idempotency key with a different body).
  const rendered = await renderEmail(row.template, row.locale, data as EmailData & StaffEmailData, { stampedAt: new Date(row.createdAt) });
  return { row, rendered };
}
