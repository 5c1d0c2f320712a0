/**
 * Certificates of an event: the rule and signer, who is eligible and why not, issuing to
 * every eligible participant in one action, revoking and reissuing.
 *
 * A certificate row keeps exactly the facts printed on it (name, title, dates, hours,
 * organiser, signer), so the PDF can be rendered again and verification shows the same,
 * even after the registration's personal data has been removed. Issuing writes, per chunk
 * of participants, the certificates, their audit rows and their "certificate_issued" emails
 * in one batch (../change.ts); the outbox and the mail queue spread the sending of a large
 * event over time (the consumer sends them through the provider's batch endpoint).
 */
import type { CertificateRule, EventTexts, Locale } from "../../../../db/schema";
import type { Env } from "../../env";
import { certificateText } from "../../i18n";
import type { CertificateOverview, CertificateSettings, CertificateStanding, CertificateSummary, Signer } from "../../console-types";
import { ConflictError, NotFoundError } from "../../lib/errors";
import { newCertificateCode } from "../../lib/tokens";
import type { Staff } from "../auth/access";
import { Change, type DomainContext } from "../change";
import { berlinDay } from "../documents/dates";
import { attendedDates, eligibility, type Eligibility, type SessionSpan } from "./rules";
import type { StoredCertificate } from "../../../../db/rows";
import { iso } from "../../lib/dates";

export type CertificateFacts = {
  name: string;
  eventTitle: string;
  dates: string[];
  hours: number;
  organiser: string;
  signer: Signer | null;
  locale: Locale;
};

type RegistrationRow = { id: number; name: string; status: string; awaitingEmail: number; locale: Locale; places: number };
type CertificateRow = Pick<StoredCertificate, "id" | "code" | "registrationId" | "issuedAt" | "revokedAt" | "revokedReason">;

type EventCertificates = {
  eventId: number;
  title: string;
  organiser: string;
  settings: CertificateSettings;
  sessions: SessionSpan[];
  registrations: RegistrationRow[];
  attended: Map<number, Set<number>>;
  certificates: CertificateRow[];
};

async function loadEventCertificates(env: Env, eventId: number): Promise<EventCertificates> {
  const [event, sessions, registrations, attendance, certificates] = await env.DB.batch<Record<string, unknown>>([
    env.DB.prepare(
      `SELECT e.slug, e.texts, e.certificate_rule AS rule, e.certificate_signer AS signer, o.name AS organiser
       FROM events e JOIN organisations o ON o.id = e.organisation_id WHERE e.id = ?1`,
    ).bind(eventId),
    env.DB.prepare(`SELECT id, starts_at AS startsAt, ends_at AS endsAt, cancelled_at AS cancelledAt FROM sessions WHERE event_id = ?1 ORDER BY starts_at`).bind(eventId),
    env.DB.prepare(
      `SELECT id, name, status, awaiting_email AS awaitingEmail, locale, places FROM registrations
       WHERE event_id = ?1 AND parent_id IS NULL AND anonymised_at IS NULL AND status NOT IN ('expired', 'rejected')`,
    ).bind(eventId),
    env.DB.prepare(
      `SELECT a.registration_id AS registrationId, a.session_id AS sessionId FROM attendance a
       JOIN registrations r ON r.id = a.registration_id WHERE r.event_id = ?1`,
    ).bind(eventId),
    env.DB.prepare(
      `SELECT id, code, registration_id AS registrationId, issued_at AS issuedAt, revoked_at AS revokedAt, revoked_reason AS revokedReason
       FROM certificates WHERE event_id = ?1 ORDER BY issued_at`,
    ).bind(eventId),
  ]);
  const row = event?.results[0] as { slug: string; texts: string; rule: string | null; signer: string | null; organiser: string } | undefined;
  if (!row) throw new NotFoundError("error.event_not_found");
  const attended = new Map<number, Set<number>>();
  for (const a of (attendance?.results ?? []) as { registrationId: number; sessionId: number }[]) {
    const set = attended.get(a.registrationId) ?? new Set<number>();
    set.add(a.sessionId);
    attended.set(a.registrationId, set);
  }
  const texts = JSON.parse(row.texts) as EventTexts;
  return {
    eventId,
    title: texts.de?.title ?? row.slug,
    organiser: row.organiser,
    settings: {
      rule: (row.rule ? JSON.parse(row.rule) : null) ?? { kind: "none" },
      signer: row.signer ? (JSON.parse(row.signer) as Signer) : null,
    },
    sessions: (sessions?.results ?? []) as SessionSpan[],
    registrations: ((registrations?.results ?? []) as RegistrationRow[]).sort((a, b) => a.name.localeCompare(b.name, "de")),
    attended,
    certificates: (certificates?.results ?? []) as CertificateRow[],
  };
}

function eligibilityOf(loaded: EventCertificates, registration: RegistrationRow, now: number): Eligibility {
  const confirmed = registration.status === "confirmed" && !registration.awaitingEmail;
  return eligibility(loaded.settings.rule, loaded.sessions, loaded.attended.get(registration.id) ?? new Set(), confirmed, now);
}

/**
 * The facts to print for a registration: the dates it attended that have ended, and their
 * hours. Issued now, so the issue date (the row's issued_at) is never before the last of them.
 */
function factsFor(loaded: EventCertificates, registration: RegistrationRow, now: number, name = registration.name): CertificateFacts {
  const attended = attendedDates(loaded.sessions, loaded.attended.get(registration.id) ?? new Set<number>(), now);
  const minutes = attended.reduce((sum, s) => sum + Math.max(0, Math.round((s.endsAt - s.startsAt) / 60_000)), 0);
  return {
    name,
    eventTitle: loaded.title,
    dates: [...new Set(attended.map((s) => berlinDay(s.startsAt)))],
    hours: Math.round((minutes / 60) * 100) / 100,
    organiser: loaded.organiser,
    signer: loaded.settings.signer,
    locale: registration.locale,
  };
}

function summary(c: CertificateRow): CertificateSummary {
  return {
    id: c.id,
    code: c.code,
    issuedAt: new Date(c.issuedAt).toISOString(),
    revokedAt: iso(c.revokedAt),
    revokedReason: c.revokedReason,
  };
}

/** Every registration of the event with its eligibility and certificate, for the console. */
export async function certificateOverview(env: Env, eventId: number, locale: Locale, now: number): Promise<CertificateOverview> {
  const loaded = await loadEventCertificates(env, eventId);
  const registrations: CertificateStanding[] = loaded.registrations.map((registration) => {
    const result = eligibilityOf(loaded, registration, now);
    const own = loaded.certificates.filter((c) => c.registrationId === registration.id);
    const live = own.find((c) => c.revokedAt === null) ?? null;
    return {
      registrationId: registration.id,
      name: registration.name,
      status: registration.status,
      eligible: result.eligible,
      attended: result.attended,
      total: result.total,
      percent: result.percent,
      why: certificateText(locale, result.reason.key, result.reason.params),
      reason: result.reason,
      certificate: live ? summary(live) : null,
      revoked: own.filter((c) => c.revokedAt !== null).map(summary),
    };
  });
  return {
    settings: loaded.settings,
    sessions: loaded.sessions.filter((s) => s.cancelledAt === null).length,
    eligible: registrations.filter((r) => r.eligible).length,
    issued: registrations.filter((r) => r.certificate).length,
    registrations,
  };
}

/** Certificates written per batch: each row's facts are one bound JSON parameter (D1 limits a statement's size). */
const CHUNK = 100;

/** The statements that write new certificates and their emails, for registrations without one in force. */
function issueStatements(change: Change, eventId: number, staffId: number, items: { registrationId: number; code: string; facts: CertificateFacts }[], replacing: number | null): D1PreparedStatement[] {
  const { env, now } = change;
  const json = JSON.stringify(items.map((i) => ({ registrationId: i.registrationId, code: i.code, facts: JSON.stringify(i.facts) })));
  const codes = JSON.stringify(items.map((i) => i.code));
  return [
    ...(replacing === null
      ? []
      : [
          env.DB.prepare(
            `UPDATE certificates SET revoked_at = COALESCE(revoked_at, ?2), revoked_reason = COALESCE(revoked_reason, 'reissued') WHERE id = ?1 AND event_id = ?3`,
          ).bind(replacing, now, eventId),
        ]),
    // One certificate in force per registration, whatever runs at once.
    env.DB.prepare(
      `INSERT INTO certificates (code, registration_id, event_id, facts, issued_at, issued_by)
       SELECT j.value ->> 'code', j.value ->> 'registrationId', ?2, j.value ->> 'facts', ?3, ?4
       FROM json_each(?1) j
       WHERE NOT EXISTS (SELECT 1 FROM certificates c WHERE c.registration_id = j.value ->> 'registrationId' AND c.revoked_at IS NULL)`,
    ).bind(json, eventId, now, staffId),
    // The statistics keep that a certificate was issued, also once retention deletes it.
    env.DB.prepare(
      `UPDATE registrations SET change_id = ?1, stat_certified_at = COALESCE(stat_certified_at, ?3)
       WHERE id IN (SELECT registration_id FROM certificates WHERE code IN (SELECT value FROM json_each(?2)))`,
    ).bind(change.id, codes, now),
    // Walk-ins who gave no address get theirs from the organisers.
    change.outbox({ sql: `CASE WHEN r.email = '' THEN NULL ELSE 'certificate_issued' END` }),
    change.audit(replacing === null ? "certificate.issued" : "certificate.reissued"),
  ];
}

/**
 * Issues a certificate to every eligible participant who has none in force. Returns how
 * many were issued now; a second click issues nothing twice.
 */
export async function issueCertificates(ctx: DomainContext, staff: Staff, eventId: number): Promise<{ issued: number; eligible: number }> {
  const loaded = await loadEventCertificates(ctx.env, eventId);
  const holders = new Set(loaded.certificates.filter((c) => c.revokedAt === null).map((c) => c.registrationId));
  const eligible = loaded.registrations.filter((r) => eligibilityOf(loaded, r, ctx.now).eligible);
  const due = eligible.filter((r) => !holders.has(r.id));
  let issued = 0;
  for (let i = 0; i < due.length; i += CHUNK) {
    const items = await Promise.all(
      due.slice(i, i + CHUNK).map(async (r) => ({ registrationId: r.id, code: await newCertificateCode(ctx.env), facts: factsFor(loaded, r, ctx.now) })),
    );
    const change = new Change(ctx, `user:${staff.id}`);
    const results = await ctx.env.DB.batch(issueStatements(change, eventId, staff.id, items, null));
    issued += results[0]?.meta.changes ?? 0;
    change.dispatch(results[2]);
  }
  return { issued, eligible: eligible.length };
}

async function certificateOf(env: Env, eventId: number, certificateId: number): Promise<CertificateRow> {
  const row = await env.DB.prepare(
    `SELECT id, code, registration_id AS registrationId, issued_at AS issuedAt, revoked_at AS revokedAt, revoked_reason AS revokedReason
     FROM certificates WHERE id = ?1 AND event_id = ?2`,
  )
    .bind(certificateId, eventId)
    .first<CertificateRow>();
  if (!row) throw new NotFoundError();
  return row;
}

/** Withdraws a certificate: verification shows it as revoked from now on. */
export async function revokeCertificate(ctx: DomainContext, staff: Staff, eventId: number, certificateId: number, reason: string): Promise<CertificateSummary> {
  const { env, now } = ctx;
  const [updated] = await env.DB.batch([
    env.DB.prepare(`UPDATE certificates SET revoked_at = ?3, revoked_reason = ?4 WHERE id = ?1 AND event_id = ?2 AND revoked_at IS NULL`).bind(
      certificateId,
      eventId,
      now,
      reason,
    ),
    env.DB.prepare(
      `INSERT INTO audit_log (at, actor, action, event_id, registration_id, details)
       SELECT ?1, ?2, 'certificate.revoked', event_id, registration_id, json_object('certificateId', id, 'reason', ?4)
       FROM certificates WHERE id = ?3 AND changes() = 1`,
    ).bind(now, `user:${staff.id}`, certificateId, reason),
    // A revoked certificate no longer counts in the statistics (a reissued one does: it is in force).
    env.DB.prepare(
      `UPDATE registrations SET stat_certified_at = (SELECT MIN(c.issued_at) FROM certificates c WHERE c.registration_id = registrations.id AND c.revoked_at IS NULL)
       WHERE id = (SELECT registration_id FROM certificates WHERE id = ?1)`,
    ).bind(certificateId),
  ]);
  const row = await certificateOf(env, eventId, certificateId);
  if (!updated?.meta.changes) throw new ConflictError("already_revoked", "error.invalid_state");
  return summary(row);
}

/**
 * Replaces a certificate (e.g. after a name correction): the old code is revoked, a new one
 * is issued with the registration's current name (or `name`) and attendance, and emailed.
 */
export async function reissueCertificate(ctx: DomainContext, staff: Staff, eventId: number, certificateId: number, name?: string): Promise<CertificateSummary> {
  const old = await certificateOf(ctx.env, eventId, certificateId);
  const loaded = await loadEventCertificates(ctx.env, eventId);
  const registration = loaded.registrations.find((r) => r.id === old.registrationId);
  if (!registration) throw new ConflictError("registration_gone", "error.invalid_state");
  const live = loaded.certificates.find((c) => c.registrationId === registration.id && c.revokedAt === null);
  if (live && live.id !== old.id) throw new ConflictError("newer_certificate", "error.invalid_state");
  if (!eligibilityOf(loaded, registration, ctx.now).eligible && attendedDates(loaded.sessions, loaded.attended.get(registration.id) ?? new Set(), ctx.now).length === 0) {
    // Nothing that happened to certify (dates moved into the future, check-ins undone).
    throw new ConflictError("nothing_attended", "error.invalid_state");
  }
  const item = { registrationId: registration.id, code: await newCertificateCode(ctx.env), facts: factsFor(loaded, registration, ctx.now, name ?? registration.name) };
  const change = new Change(ctx, `user:${staff.id}`);
  const results = await ctx.env.DB.batch(issueStatements(change, eventId, staff.id, [item], old.id));
  if (!results[1]?.meta.changes) throw new ConflictError("newer_certificate", "error.invalid_state");
  change.dispatch(results[3]);
  const created = await ctx.env.DB.prepare(`SELECT id FROM certificates WHERE code = ?1`).bind(item.code).first<Pick<StoredCertificate, "id">>();
  return summary(await certificateOf(ctx.env, eventId, created!.id));
}

export async function certificateSettings(env: Env, eventId: number): Promise<CertificateSettings> {
  return (await loadEventCertificates(env, eventId)).settings;
}

/** Sets the event's rule and signer (the console's event form may set them too). */
export async function saveCertificateSettings(ctx: DomainContext, staff: Staff, eventId: number, settings: CertificateSettings): Promise<CertificateSettings> {
  const { env, now } = ctx;
  await env.DB.batch([
    env.DB.prepare(`UPDATE events SET certificate_rule = ?2, certificate_signer = ?3, updated_at = ?4 WHERE id = ?1`).bind(
      eventId,
      JSON.stringify(settings.rule),
      settings.signer ? JSON.stringify(settings.signer) : null,
      now,
    ),
    env.DB.prepare(`INSERT INTO audit_log (at, actor, action, event_id, details) VALUES (?1, ?2, 'certificate.settings_changed', ?3, ?4)`).bind(
      now,
      `user:${staff.id}`,
      eventId,
      JSON.stringify(settings),
    ),
  ]);
  return certificateSettings(env, eventId);
}
