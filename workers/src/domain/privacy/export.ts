/**
 * Everything held about one person (one normalized email address), across all events and
 * organisations: the participant's right of access (GDPR Art. 15) and to data portability
 * (Art. 20) as one JSON document. The data page shows the same document readably.
 *
 * Per registration: the event (title, dates, organiser), status, places, name, address,
 * language, answers, needs, stand application, workshop choices, consent (privacy-notice
 * version and time), email confirmation time, check-ins, the emails sent (template, status,
 * times), certificates, and the history of changes. Nothing of anyone else: every query is
 * keyed by this address or by the ids of its registrations.
 */
import type { Locale, LocalizedText } from "../../../../db/schema";
import type { Env } from "../../env";
import { storedTitle, translationsByEvent, translationsStatement } from "../events/public";
import { showText, type StoredTranslation } from "../events/texts";
import { suppressionKeys, suppressionQuery } from "../mail/suppressions";
import { iso } from "../../lib/dates";

type Json = Record<string, unknown>;
const parse = <T>(text: string | null | undefined, fallback: T): T => {
  try {
    return text ? (JSON.parse(text) as T) : fallback;
  } catch {
    return fallback;
  }
};

type RegistrationRow = {
  id: number;
  parentId: number | null;
  eventId: number;
  status: string;
  places: number;
  children: number;
  preference: number;
  name: string;
  email: string;
  locale: Locale;
  answers: string;
  needs: string;
  exhibitor: string | null;
  consentVersion: string | null;
  consentAt: number | null;
  emailConfirmedAt: number | null;
  cancelledAt: number | null;
  createdAt: number;
  updatedAt: number;
  eventSlug: string;
  eventTexts: string;
  eventQuestions: string;
  eventFormat: string;
  eventStatus: string;
  organiser: string;
  poolKind: string;
  poolKey: string;
  poolSlot: string | null;
  poolName: string | null;
};

export type PersonData = {
  generatedAt: string;
  email: string;
  privacyNoticeVersion: string;
  registrations: Json[];
  emailSuppression: { reason: string; since: string } | null;
};

/** The export for an address, texts in `locale`. */
export async function collectPersonData(env: Env, emailNormalized: string, locale: Locale, now: number): Promise<PersonData> {
  const db = env.DB;
  const { results: rows } = await db
    .prepare(
      `SELECT r.id, r.parent_id AS parentId, r.event_id AS eventId, r.status, r.places, r.children, r.preference, r.name, r.email,
              r.locale, r.answers, r.needs, r.exhibitor, r.consent_version AS consentVersion, r.consent_at AS consentAt,
              r.email_confirmed_at AS emailConfirmedAt, r.cancelled_at AS cancelledAt, r.created_at AS createdAt, r.updated_at AS updatedAt,
              e.slug AS eventSlug, e.texts AS eventTexts, e.questions AS eventQuestions, e.format AS eventFormat, e.status AS eventStatus, o.name AS organiser,
              p.kind AS poolKind, p.key AS poolKey, p.slot AS poolSlot, p.name AS poolName
       FROM registrations r JOIN events e ON e.id = r.event_id JOIN organisations o ON o.id = e.organisation_id
       JOIN capacity_pools p ON p.id = r.pool_id
       WHERE r.email_normalized = ?1 AND r.anonymised_at IS NULL
       ORDER BY r.created_at, r.id`,
    )
    .bind(emailNormalized)
    .all<RegistrationRow>();
  const ids = JSON.stringify(rows.map((r) => r.id));
  const eventIds = JSON.stringify([...new Set(rows.map((r) => r.eventId))]);
  const [sessions, translations, emails, certificates, attendance, history, suppression] = await db.batch([
    db.prepare(
      `SELECT id, event_id AS eventId, starts_at AS startsAt, ends_at AS endsAt, title, cancelled_at AS cancelledAt
       FROM sessions WHERE event_id IN (SELECT value FROM json_each(?1)) ORDER BY starts_at`,
    ).bind(eventIds),
    // The events' texts in the reader's language, as the event's page shows them (texts.ts).
    translationsStatement(db, eventIds, locale),
    db.prepare(
      `SELECT registration_id AS registrationId, template, status, to_address AS toAddress, created_at AS createdAt, sent_at AS sentAt
       FROM outbox WHERE registration_id IN (SELECT value FROM json_each(?1)) ORDER BY created_at`,
    ).bind(ids),
    db.prepare(
      `SELECT registration_id AS registrationId, code, facts, issued_at AS issuedAt, revoked_at AS revokedAt
       FROM certificates WHERE registration_id IN (SELECT value FROM json_each(?1)) ORDER BY issued_at`,
    ).bind(ids),
    db.prepare(
      `SELECT a.registration_id AS registrationId, s.starts_at AS sessionStartsAt, a.places, a.checked_in_at AS checkedInAt
       FROM attendance a JOIN sessions s ON s.id = a.session_id WHERE a.registration_id IN (SELECT value FROM json_each(?1)) ORDER BY s.starts_at`,
    ).bind(ids),
    db.prepare(
      `SELECT registration_id AS registrationId, at, actor, action FROM audit_log
       WHERE registration_id IN (SELECT value FROM json_each(?1)) ORDER BY at, id`,
    ).bind(ids),
    suppressionQuery(env).bind(...(await suppressionKeys(env, emailNormalized))),
  ]);
  const of = <T extends { registrationId?: number; eventId?: number }>(result: D1Result | undefined) => (result?.results ?? []) as T[];

  const translated = translationsByEvent(of<StoredTranslation & { eventId: number }>(translations));
  const present = (r: RegistrationRow): Json => {
    const texts = translated.get(r.eventId);
    const show = (field: string, source: LocalizedText | null) => showText(field, source, locale, texts)?.text ?? null;
    const mine = <T extends { registrationId: number }>(list: T[]) => list.filter((x) => x.registrationId === r.id);
    return {
      event: {
        title: storedTitle(r.eventTexts, locale, r.eventSlug, texts),
        slug: r.eventSlug,
        format: r.eventFormat,
        status: r.eventStatus,
        organiser: r.organiser,
        sessions: of<{ id: number; eventId: number; startsAt: number; endsAt: number; title: string | null; cancelledAt: number | null }>(sessions)
          .filter((s) => s.eventId === r.eventId)
          .map((s) => ({
            startsAt: iso(s.startsAt),
            endsAt: iso(s.endsAt),
            title: show(`session.${s.id}`, parse<LocalizedText | null>(s.title, null)),
            cancelled: s.cancelledAt !== null,
          })),
      },
      ...(r.poolKind !== "event" ? { kind: r.poolKind, option: show(`pool.${r.poolKey}`, parse<LocalizedText | null>(r.poolName, null)) ?? r.poolKey } : {}),
      status: r.status,
      places: r.places,
      children: r.children,
      name: r.name,
      email: r.email,
      language: r.locale,
      answers: parse<Json>(r.answers, {}),
      // The questions' wording, so the answers can be read.
      questions: Object.fromEntries(
        parse<{ id: string; label: LocalizedText }[]>(r.eventQuestions, []).map((q) => [q.id, show(`question.${q.id}`, q.label) ?? q.id]),
      ),
      needs: parse<Json>(r.needs, {}),
      exhibitor: parse<Json | null>(r.exhibitor, null),
      consent: { privacyNoticeVersion: r.consentVersion, givenAt: iso(r.consentAt) },
      emailConfirmedAt: iso(r.emailConfirmedAt),
      registeredAt: iso(r.createdAt),
      updatedAt: iso(r.updatedAt),
      cancelledAt: iso(r.cancelledAt),
      workshops: rows
        .filter((child) => child.parentId === r.id)
        .map((child) => ({
          slot: child.poolSlot,
          workshop: show(`pool.${child.poolKey}`, parse<LocalizedText | null>(child.poolName, null)) ?? child.poolKey,
          choice: child.preference,
          status: child.status,
        })),
      checkIns: mine(of<{ registrationId: number; sessionStartsAt: number; places: number; checkedInAt: number }>(attendance)).map((a) => ({
        session: iso(a.sessionStartsAt),
        places: a.places,
        checkedInAt: iso(a.checkedInAt),
      })),
      emails: mine(of<{ registrationId: number; template: string; status: string; toAddress: string; createdAt: number; sentAt: number | null }>(emails)).map((m) => ({
        template: m.template,
        to: m.toAddress,
        status: m.status,
        createdAt: iso(m.createdAt),
        sentAt: iso(m.sentAt),
      })),
      certificates: mine(of<{ registrationId: number; code: string; facts: string; issuedAt: number; revokedAt: number | null }>(certificates)).map((c) => {
        const { locale: _locale, ...facts } = parse<Json>(c.facts, {});
        return { code: c.code, issuedAt: iso(c.issuedAt), revokedAt: iso(c.revokedAt), ...facts };
      }),
      history: mine(of<{ registrationId: number; at: number; actor: string; action: string }>(history)).map((h) => ({
        at: iso(h.at),
        action: h.action,
        // Who acted, without naming staff: the participant, the organisers, or the system.
        by: h.actor.startsWith("user:") ? "organiser" : h.actor,
      })),
    };
  };

  const found = (suppression?.results[0] ?? null) as { reason: string; createdAt: number } | null;
  return {
    generatedAt: new Date(now).toISOString(),
    email: rows.find((r) => r.parentId === null)?.email ?? emailNormalized,
    privacyNoticeVersion: env.PRIVACY_NOTICE_VERSION,
    // Workshop choices appear inside their day registration.
    registrations: rows.filter((r) => r.parentId === null || !rows.some((p) => p.id === r.parentId)).map(present),
    emailSuppression: found ? { reason: found.reason, since: new Date(found.createdAt).toISOString() } : null,
  };
}
