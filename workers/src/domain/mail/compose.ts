/**
 * Composing an outbox row's email: the facts it shows, gathered as they are at sending time
 * (a name or a date changed since the row was written shows the new value), in the row's
 * locale, rendered to subject, HTML, text and attachments. A row that cannot be composed for
 * good (its registration is gone, its address bounces) throws PermanentMailError: the row
 * fails without a provider call.
 */
import { isStaffTemplate, renderEmail } from "../../../../emails/render";
import { CHANGED_FIELDS, type ChangedField, type DigestEvent, type EmailData, type EmailWorkshop, type EventChange, type LinkedRegistration, type RenderedEmail, type StaffEmailData, type WorkshopChange } from "../../../../emails/types";
import type { Role } from "../../../../db/schema";
import type { Env } from "../../env";
import { manageToken, manageUrl, signInToken, signInUrl } from "../../lib/tokens";
import { eventContact, eventReader, loadEventById, presentLocation, storedTitle, type EventReader } from "../events/public";
import { participantStatus } from "../registrations/present";
import { WORKSHOPS_SQL, type WorkshopRow } from "../registrations/register";
import { LIVE_SQL } from "../places/statuses";
import { dataAccessEmailData } from "../privacy/links";
import { checkInQrForEmail } from "../attendance/qr";
import { parseData, type OutboxRow } from "./outbox-state";
import { suppressionFor } from "./suppressions";
import { normalizeEmail } from "../../lib/email";
import type { StoredEvent, StoredOrganisation, StoredRegistration } from "../../../../db/rows";
import { iso } from "../../lib/dates";

/** Sign-in links run out this long after they were asked for. */
export const SIGN_IN_VALID_MS = 10 * 60_000;

/** The row fails for good: no provider call, no retry. */
export class PermanentMailError extends Error {}

const ADDRESS_CHANGED = "not sent: the registration's address changed after this email was written";

const EVENT_CHANGES: readonly EventChange[] = ["date", "time", "place", "online"];

/** A registration's workshop places as its emails name them (a place kept while waiting for the wished one is "kept"). */
async function emailWorkshops(env: Env, registrationId: number, read: EventReader): Promise<EmailWorkshop[]> {
  const { results } = await env.DB.prepare(WORKSHOPS_SQL).bind(registrationId).all<WorkshopRow>();
  return results.map((w) => {
    const status = participantStatus({ status: w.status, awaitingEmail: Boolean(w.awaitingEmail) });
    return {
      name: read.pool({ key: w.key, name: w.name ? JSON.parse(w.name) : null })?.text ?? w.key,
      startsAt: iso(w.startsAt),
      endsAt: iso(w.endsAt),
      status: status === "confirmed" ? (w.preference === 2 ? "kept" : "confirmed") : status === "waitlisted" ? "waitlisted" : "other",
      waitlistPosition: w.waitlistPosition,
    };
  });
}

/** "I lost my link": every live registration of the address whose event has not ended, each with its link in its own language. */
async function linkedRegistrations(env: Env, registrationId: number, now: number): Promise<LinkedRegistration[]> {
  const { results } = await env.DB.prepare(
    `SELECT r.id, r.status, r.awaiting_email AS awaitingEmail, r.token_nonce AS tokenNonce, r.locale, r.event_id AS eventId
     FROM registrations r JOIN registrations me ON me.id = ?1
     WHERE r.email_normalized = me.email_normalized AND r.parent_id IS NULL AND r.anonymised_at IS NULL AND r.status IN ${LIVE_SQL}
       AND EXISTS (SELECT 1 FROM sessions s WHERE s.event_id = r.event_id AND s.ends_at >= ?2)
     ORDER BY (SELECT MIN(s.starts_at) FROM sessions s WHERE s.event_id = r.event_id)`,
  )
    .bind(registrationId, now)
    .all<Pick<StoredRegistration, "id" | "status" | "awaitingEmail" | "tokenNonce" | "locale" | "eventId">>();
  const linked: LinkedRegistration[] = [];
  for (const r of results) {
    const loaded = await loadEventById(env, r.eventId);
    const read = eventReader(loaded, r.locale);
    const next = loaded.sessions.find((s) => s.cancelledAt === null && s.endsAt >= now);
    const status = participantStatus({ status: r.status as WorkshopRow["status"], awaitingEmail: Boolean(r.awaitingEmail) });
    linked.push({
      title: read.field("title")?.text ?? loaded.event.slug,
      when: next ? { startsAt: new Date(next.startsAt).toISOString(), endsAt: new Date(next.endsAt).toISOString(), title: null } : null,
      status: status === "confirmed" || status === "waitlisted" || status === "offered" || status === "pending_approval" ? status : "check_email",
      // The manage page opens in the language stored with that registration.
      manageUrl: manageUrl(env, await manageToken(env, r.tokenNonce)),
    });
  }
  return linked;
}

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
    .first<
      Pick<
        StoredRegistration,
        "name" | "places" | "status" | "eventId" | "tokenNonce" | "emailNormalized" | "holdExpiresAt" | "offerExpiresAt" | "awaitingEmail"
      > &
        Pick<StoredOrganisation, "timeZone"> & { organiser: StoredOrganisation["name"] }
    >();
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
    workshopChange?: unknown;
  };
  // 0 is no deadline here as much as null is.
  const isoWhenSet = (ms: number | null) => (ms ? iso(ms) : null);
  const confirmedNow = registration.status === "confirmed" && !registration.awaitingEmail;
  const loaded = await loading;
  const read = eventReader(loaded, row.locale);
  const emailSessions = sessions
    .filter((s) => s.cancelledAt === null)
    .map((s) => ({
      id: s.id,
      startsAt: new Date(s.startsAt).toISOString(),
      endsAt: new Date(s.endsAt).toISOString(),
      title: read.session(s)?.text ?? null,
    }));
  if (row.template === "reminder" && !emailSessions.some((s) => s.id === extra.sessionId)) {
    throw new PermanentMailError("the session of this reminder no longer exists");
  }
  const location = presentLocation(loaded, read);
  // An online event has no entrance: no check-in code, the email says how to join instead.
  const onlineOnly = event.onlineUrl !== null && event.location === null;
  const registrationId = row.registrationId!;
  return {
    timeZone: registration.timeZone,
    name: registration.name,
    places: registration.places,
    manageUrl: manageUrl(env, await manageToken(env, registration.tokenNonce)),
    event: {
      title: read.field("title")?.text ?? event.slug,
      slug: event.slug,
      sessions: emailSessions,
      location: location ? { name: location.name, address: location.address, accessibility: location.accessibility } : null,
      originalLocationName: location?.originalName ?? null,
      onlineUrl: confirmedNow ? event.onlineUrl : null,
      online: event.onlineUrl !== null,
      organiser: registration.organiser,
    },
    contact: eventContact(loaded),
    workshops: await emailWorkshops(env, registrationId, read),
    waitlistPosition: extra.waitlistPosition ?? null,
    holdExpiresAt: isoWhenSet(registration.holdExpiresAt),
    offerExpiresAt: isoWhenSet(registration.offerExpiresAt),
    reason: extra.reason ?? event.cancellationReason ?? null,
    reminderSession: emailSessions.find((s) => s.id === extra.sessionId) ?? null,
    changes: Array.isArray(extra.changes) ? extra.changes.filter((c): c is EventChange => EVENT_CHANGES.includes(c as EventChange)) : [],
    changedFields: Array.isArray(extra.changes) ? extra.changes.filter((c): c is ChangedField => (CHANGED_FIELDS as readonly string[]).includes(c as string)) : [],
    workshopChange: row.template === "workshops_changed" ? workshopChangeOf(extra.workshopChange, loaded, read) : null,
    registrations: row.template === "manage_links" ? await linkedRegistrations(env, registrationId, Date.now()) : undefined,
    message: row.template === "organiser_message" ? { subject: String(extra.subject ?? ""), body: String(extra.body ?? "") } : null,
    // No event field for it yet; the console's event editor would add it.
    whatToBring: null,
    // The check-in QR code (inline, and the hosted PNG that carries only the check-in code) for confirmed registrations.
    checkInQr: confirmedNow && !onlineOnly ? await checkInQrForEmail(env, registrationId) : null,
  };
}

/** The workshop change an outbox row names (pool keys), with the workshops' names in the reader's language. */
function workshopChangeOf(value: unknown, loaded: Awaited<ReturnType<typeof loadEventById>>, read: EventReader): WorkshopChange | null {
  const change = value as { kind?: unknown; workshop?: unknown; previous?: unknown } | undefined;
  if (!change || (change.kind !== "switched" && change.kind !== "waiting" && change.kind !== "promoted")) return null;
  const name = (key: unknown) => {
    const pool = loaded.pools.find((p) => p.key === key);
    return pool ? (read.pool(pool)?.text ?? pool.key) : null;
  };
  const workshop = name(change.workshop);
  return workshop ? { kind: change.kind, workshop, previous: name(change.previous) } : null;
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
        .first<Pick<StoredEvent, "slug" | "texts"> & { organisation: StoredOrganisation["name"] }>();
      if (!event) throw new PermanentMailError("event no longer exists");
      return {
        name,
        organisation: event.organisation,
        url: `${base}/console/event?slug=${encodeURIComponent(event.slug)}`,
        event: storedTitle(event.texts, row.locale, event.slug),
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
