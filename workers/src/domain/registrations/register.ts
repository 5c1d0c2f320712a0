/**
 * Signing up for an event.
 *
 * The place is taken by ONE guarded INSERT ... SELECT (../places/take.ts) that decides, from
 * the places taken at that instant, whether the registration is confirmed (or held until the
 * email address is confirmed) or waitlisted. The outbox and audit rows are written in the
 * same batch (see ../change.ts).
 *
 * Conferences: each workshop chosen is a child registration in the workshop's pool,
 * inserted in the same batch with the same guard (../places/take.ts). A workshop place is
 * only given while the day registration holds its place; a second choice is taken only while
 * the first choice waits, and is given up when the first choice comes through (see
 * ../places/promote.ts). Fairs: a stand application is a registration in the stands pool
 * that waits for approval.
 */
import type { RegistrationResponse, WorkshopPlace } from "../../api-types";
import type { StoredPool, StoredRegistration } from "../../../../db/rows";
import type { Exhibitor } from "../../../../db/schema";
import { ConflictError, DomainError } from "../../lib/errors";
import { Change, type DomainContext } from "../change";
import { ENDED_SQL, LIVE_SQL } from "../places/statuses";
import { dayPlacement, takePlaceStatement, workshopPlacement, type Person } from "../places/take";
import { WAITLIST_POSITION_SQL } from "../places/waitlist";
import { eventReader, loadPublicEvent, registrationWindow, type EventReader, type LoadedEvent } from "../events/public";
import { participantStatus, type RegistrationRow } from "./present";
import { validateRegistration, type EventRules } from "./validate";
import { botAnswer, looksLikeBot, minFillMs } from "../abuse/bots";

/** Addresses compare case-insensitively; the address as typed is what we write to. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

type Outcome = Pick<StoredRegistration, "id" | "status" | "places" | "awaitingEmail" | "locale"> & { waitlistPosition: number | null };

const OUTCOME_SQL = `SELECT r.id, r.status, r.places, r.awaiting_email AS awaitingEmail, r.locale, ${WAITLIST_POSITION_SQL} AS waitlistPosition
  FROM registrations r`;

/** Workshop places of a registration, for the participant. */
export const WORKSHOPS_SQL = `SELECT p.slot, p.key, p.name, p.starts_at AS startsAt, p.ends_at AS endsAt, r.preference, r.status, r.awaiting_email AS awaitingEmail,
    ${WAITLIST_POSITION_SQL} AS waitlistPosition
  FROM registrations r JOIN capacity_pools p ON p.id = r.pool_id
  WHERE r.parent_id = ?1 AND r.status IN ${LIVE_SQL}
  ORDER BY p.slot, r.preference`;

export type WorkshopRow = Pick<StoredPool, "slot" | "key" | "name" | "startsAt" | "endsAt"> &
  Pick<StoredRegistration, "preference" | "status" | "awaitingEmail"> & { waitlistPosition: number | null };

/** A registration's workshop places (rows of WORKSHOPS_SQL), named in the reader's language. */
export function presentWorkshops(rows: WorkshopRow[], read: EventReader): WorkshopPlace[] {
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return rows.map((w) => {
    const name = read.pool({ key: w.key, name: w.name ? JSON.parse(w.name) : null });
    return {
      slot: w.slot ?? "",
      key: w.key,
      name: name?.text ?? w.key,
      ...(name?.mark ? { mark: name.mark } : {}),
      startsAt: iso(w.startsAt),
      endsAt: iso(w.endsAt),
      preference: w.preference,
      status: participantStatus({ status: w.status, awaitingEmail: Boolean(w.awaitingEmail) }),
      waitlistPosition: w.waitlistPosition,
    };
  });
}

/** What validation needs to know about the event's pools and questions. */
export function eventRules(loaded: LoadedEvent): EventRules {
  const workshopSlots = new Map<string, Set<string>>();
  for (const pool of loaded.pools.filter((p) => p.kind === "workshop")) {
    const keys = workshopSlots.get(pool.slot ?? "") ?? new Set<string>();
    keys.add(pool.key);
    workshopSlots.set(pool.slot ?? "", keys);
  }
  return {
    questions: loaded.event.questions,
    maxPlacesPerRegistration: loaded.event.maxPlacesPerRegistration,
    countChildren: loaded.event.countChildren,
    workshopSlots,
    registrationTypes: new Set(loaded.pools.filter((p) => p.kind === "registration_type").map((p) => p.key)),
  };
}

/** Throws the stable 409 of a registration window that is not open. */
export function assertRegistrationOpen(loaded: LoadedEvent, now: number): void {
  const { event, mainPool } = loaded;
  const window = registrationWindow(event, loaded.sessions, now);
  if (window === "cancelled") throw new ConflictError("event_cancelled", "error.event_cancelled");
  if (window === "no_registration" || !mainPool) throw new ConflictError("no_registration_needed", "error.no_registration_needed");
  if (window === "not_open_yet")
    throw new ConflictError("registration_not_open", "error.registration_not_open_yet", {
      date: new Date(event.registrationOpensAt!).toISOString(),
    });
  if (window === "closed") throw new ConflictError("registration_closed", "error.registration_closed");
}

/** The day registration of this batch, for the workshop choices inserted after it. */
const PARENT_SQL = `(SELECT id FROM registrations WHERE change_id = ?1 AND parent_id IS NULL)`;

/**
 * Registers a participant. An `idempotencyKey` that was seen before returns the
 * registration it created. An email already registered for the event creates nothing,
 * re-sends the manage link to that address and answers "check your email", revealing
 * nothing about the first registration.
 */
export async function registerForEvent(
  ctx: DomainContext,
  slug: string,
  body: unknown,
  idempotencyKey: string | null,
): Promise<RegistrationResponse> {
  const { env, now } = ctx;
  const loaded = await loadPublicEvent(env, slug);
  const { event } = loaded;
  assertRegistrationOpen(loaded, now);
  const input = validateRegistration(body, eventRules(loaded));
  if (looksLikeBot(body, now, minFillMs(env))) return botAnswer(body);
  const change = new Change(ctx, "participant");
  const awaitingEmail = event.emailConfirmation ? 1 : 0;
  const standPool = input.registrationType ? loaded.pools.find((p) => p.key === input.registrationType) : undefined;
  const pool = standPool ?? loaded.mainPool!;
  const exhibitor: Exhibitor | null = input.exhibitor
    ? { organisation: input.exhibitor.organisation, description: input.exhibitor.description, contact: input.exhibitor.contact, needs: input.exhibitor.needs ?? [] }
    : null;
  const person: Person = {
    eventId: event.id,
    name: input.name,
    email: input.email,
    emailNormalized: normalizeEmail(input.email),
    locale: input.locale,
    answers: JSON.stringify(input.answers),
    needs: JSON.stringify(input.needs ?? {}),
    children: input.children ?? 0,
    exhibitor: exhibitor ? JSON.stringify(exhibitor) : null,
    idempotencyKey,
    awaitingEmail,
    holdExpiresAt: awaitingEmail ? now + event.holdMinutes * 60_000 : null,
    consentVersion: env.PRIVACY_NOTICE_VERSION,
  };
  const day = await takePlaceStatement(
    ctx,
    change,
    person,
    // Stands are always chosen by the organisers.
    dayPlacement(pool.id, input.places, { approval: event.registrationMode === "approval" || Boolean(standPool), waitlist: event.waitlistEnabled, awaitingEmail: Boolean(awaitingEmail) }),
  );

  const workshopStatements: D1PreparedStatement[] = [];
  const workshopPool = (slot: string, key: string) => loaded.pools.find((p) => p.kind === "workshop" && p.slot === slot && p.key === key)!;
  for (const choice of input.workshops ?? []) {
    const childPerson = { ...person, idempotencyKey: null, exhibitor: null };
    const first = workshopPool(choice.slot, choice.first);
    workshopStatements.push(
      await takePlaceStatement(ctx, change, childPerson, workshopPlacement(PARENT_SQL, first.id, input.places, { preference: 1, onlyIf: `${PARENT_SQL} IS NOT NULL` })),
    );
    if (choice.second) {
      const second = workshopPool(choice.slot, choice.second);
      const firstWaits = `EXISTS (SELECT 1 FROM registrations f WHERE f.parent_id = ${PARENT_SQL} AND f.pool_id = ${first.id} AND f.status = 'waitlisted')`;
      workshopStatements.push(await takePlaceStatement(ctx, change, childPerson, workshopPlacement(PARENT_SQL, second.id, input.places, { preference: 2, onlyIf: firstWaits })));
    }
  }

  const results = await env.DB.batch<Outcome>([
    day,
    ...workshopStatements,
    change.outbox({
      // An address to confirm comes first: an application goes to the organisers once it is confirmed.
      sql: `CASE WHEN r.awaiting_email = 1 THEN 'confirm_email' WHEN r.status = 'pending_approval' THEN 'application_pending'
              WHEN r.status = 'waitlisted' THEN 'waitlisted' ELSE 'confirmed' END`,
    }),
    change.audit("registration.created"),
    env.DB.prepare(`${OUTCOME_SQL} WHERE r.change_id = ?1 AND r.parent_id IS NULL`).bind(change.id),
    env.DB.prepare(WORKSHOPS_SQL.replace("r.parent_id = ?1", `r.parent_id = ${PARENT_SQL}`)).bind(change.id),
  ]);
  const created = results.at(-2)?.results[0];
  if (results[0]?.meta.changes && created) {
    change.dispatch(results[workshopStatements.length + 1]);
    const workshops = presentWorkshops(((results.at(-1)?.results ?? []) as unknown) as WorkshopRow[], eventReader(loaded, input.locale));
    return {
      registration: {
        status: participantStatus(created),
        places: created.places,
        waitlistPosition: created.waitlistPosition,
        ...(input.workshops?.length ? { workshops } : {}),
      },
    };
  }
  return answerRepeat(ctx, loaded, pool.id, idempotencyKey, person.emailNormalized, input.places);
}

/** Nothing was inserted: a retry with the same key, the same email again, or a full event without waitlist. */
async function answerRepeat(
  ctx: DomainContext,
  loaded: LoadedEvent,
  poolId: number,
  idempotencyKey: string | null,
  emailNormalized: string,
  places: number,
): Promise<RegistrationResponse> {
  const { env } = ctx;
  const eventId = loaded.event.id;
  if (idempotencyKey) {
    const earlier = await env.DB.prepare(`${OUTCOME_SQL} WHERE r.event_id = ?1 AND r.idempotency_key = ?2`)
      .bind(eventId, idempotencyKey)
      .first<Outcome>();
    if (earlier) {
      const { results } = await env.DB.prepare(WORKSHOPS_SQL).bind(earlier.id).all<WorkshopRow>();
      return {
        registration: {
          status: participantStatus(earlier),
          places: earlier.places,
          waitlistPosition: earlier.waitlistPosition,
          ...(results.length ? { workshops: presentWorkshops(results, eventReader(loaded, earlier.locale)) } : {}),
        },
      };
    }
  }
  const change = new Change(ctx, "participant");
  const [stamped, outbox] = await env.DB.batch([
    // Stamping the live registration lets the outbox row of this batch find it.
    env.DB.prepare(
      `UPDATE registrations SET change_id = ?1 WHERE event_id = ?2 AND pool_id = ?3 AND email_normalized = ?4 AND parent_id IS NULL
         AND status NOT IN ${ENDED_SQL}`,
    ).bind(change.id, eventId, poolId, emailNormalized),
    change.outbox("manage_link"),
    change.audit("registration.repeated"),
  ]);
  if (stamped?.meta.changes) {
    change.dispatch(outbox);
    return { registration: { status: "check_email", places, waitlistPosition: null } };
  }
  throw new DomainError("event_full", 409, "error.event_full");
}
