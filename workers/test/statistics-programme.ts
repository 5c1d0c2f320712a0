/**
 * A year's programme of one organisation, made the way it happens: events created and
 * published in the console, people signing up on the public form (waitlist, household,
 * needs), a cancellation through the manage link, check-ins and a walk-in at the door,
 * certificates issued, an event and a date cancelled; then the dates are moved to where they
 * were held (time passing). The expected figures in statistics.test.ts are worked out by hand
 * from this list, not from the code.
 *
 * Year Y is last year. People: A, B, C, D, E, F, G (addresses), one walk-in without address.
 *   W  workshop  Y-03-10 18–21 (3 h), 2 places, KOMM-AN: A confirmed (tr, interpreter "Türkisch",
 *      childcare 2 children), B confirmed (de, accessibility), C waitlisted (ar), D waitlisted then
 *      cancelled (de). Checked in: A.
 *   C  workshop  Y-04-01, cancelled with B's registration in it.
 *   S  series    Y-05-05, Y-06-09, Y-07-07 (cancelled date) 17–19 (2 h each), ESF: A (de), E (uk,
 *      interpreter "Ukrainisch"), F (en) confirmed; a walk-in (de) at the first date. Checked in:
 *      first date A, E, F, walk-in; second date A, E. Certificates (every date): A and E.
 *   H  reading   Y-09-20 15–17 (2 h): G confirmed with 3 places, 2 of them children (ar, interpreter
 *      "Farsi"). Nobody checked in.
 *   X  exhibition Y-10-01 10–18 (8 h): free entry, no registrations.
 *   P  workshop  in 10 days: A confirmed (de, interpreter "Dari").
 *   Draft        Y-06-01: not counted.
 *   O  workshop  (Y-1)-11-15: E confirmed (E returns in Y).
 *   N  workshop  in 90 days (after the range): F confirmed.
 *   Other organisation: a workshop in Y with A confirmed.
 */
import { env } from "cloudflare:test";
import { expect } from "vitest";
import { zonedToUtc } from "../src/lib/time-zone";
import { consoleFetch, createStaff, eventInput, participant, register, rows, tokenOf, type StaffSession } from "./fixtures";
import { SELF } from "cloudflare:test";

export const ORG = 40;
export const OTHER_ORG = 41;
const ZONE = "Europe/Berlin";
const DAY = 86_400_000;

export const Y = new Date().getUTCFullYear() - 1;

/** A Berlin wall time of year `year` as an instant. */
export function berlin(year: number, month: number, day: number, hour: number, minute = 0): number {
  return zonedToUtc({ year, month, day, hour, minute }, ZONE);
}

export const PEOPLE = {
  A: "anna.statistik@example.org",
  B: "bert.statistik@example.org",
  C: "cem.statistik@example.org",
  D: "dora.statistik@example.org",
  E: "elena.statistik@example.org",
  F: "finn.statistik@example.org",
  G: "ghazal.statistik@example.org",
} as const;
type Person = keyof typeof PEOPLE;

export type Programme = {
  organiser: StaffSession;
  events: Record<"W" | "C" | "S" | "H" | "X" | "P" | "Draft" | "O" | "N" | "Other", number>;
  registrations: Record<string, number>;
  /** The custom range of the report: from Y-01-01 to 30 days from now. */
  range: { from: string; to: string };
};

async function createPublished(organiser: StaffSession, organisationId: number, title: string, overrides: Record<string, unknown>, publish = true): Promise<{ id: number; slug: string }> {
  const response = await consoleFetch(organiser, "POST", "/api/console/events", eventInput({ organisationId, texts: { de: { title } }, questions: [], ...overrides }));
  expect(response.status, await response.clone().text()).toBe(201);
  const { event } = (await response.json()) as { event: { id: number; slug: string } };
  if (publish) expect((await consoleFetch(organiser, "POST", `/api/console/events/${event.id}/publish`, {})).status).toBe(200);
  return event;
}

/** Sessions a few weeks ahead, so people may register; they are moved to where they were held afterwards. */
function futureSessions(count: number, hours: number): { startsAt: string; endsAt: string }[] {
  const start = Date.now() + 20 * DAY;
  return Array.from({ length: count }, (_, i) => ({
    startsAt: new Date(start + i * DAY).toISOString(),
    endsAt: new Date(start + i * DAY + hours * 3_600_000).toISOString(),
  }));
}

async function signUp(slug: string, who: Person, extra: Record<string, unknown> = {}): Promise<number> {
  const n = Object.keys(PEOPLE).indexOf(who) + 1;
  const response = await register(slug, participant(n, { name: `Person ${who}`, email: PEOPLE[who], ...extra }));
  expect(response.status, await response.clone().text()).toBe(201);
  const [row] = await rows(`SELECT r.id FROM registrations r JOIN events e ON e.id = r.event_id WHERE e.slug = ?1 AND r.email_normalized = ?2 AND r.parent_id IS NULL`, slug, PEOPLE[who]);
  return Number(row!.id);
}

async function sessionsOf(eventId: number): Promise<number[]> {
  return (await rows(`SELECT id FROM sessions WHERE event_id = ?1 ORDER BY starts_at`, eventId)).map((r) => Number(r.id));
}

async function moveSession(sessionId: number, startsAt: number, endsAt: number): Promise<void> {
  await env.DB.prepare(`UPDATE sessions SET starts_at = ?2, ends_at = ?3 WHERE id = ?1`).bind(sessionId, startsAt, endsAt).run();
}

async function checkIn(organiser: StaffSession, eventId: number, sessionId: number, registrationId: number): Promise<void> {
  const response = await consoleFetch(organiser, "POST", `/api/console/events/${eventId}/checkin/scan`, { sessionId, registrationId });
  expect(((await response.json()) as { outcome: string }).outcome).toBe("checked_in");
}

const dayText = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export async function seedProgramme(): Promise<Programme> {
  await env.DB.prepare(`INSERT OR IGNORE INTO organisations (id, slug, name, retention_days) VALUES (?1, 'statistik-test', 'Integrationszentrum Statistik', 30)`).bind(ORG).run();
  await env.DB.prepare(`INSERT OR IGNORE INTO organisations (id, slug, name) VALUES (?1, 'statistik-andere', 'Anderes Zentrum')`).bind(OTHER_ORG).run();
  const organiser = await createStaff({ role: "organiser", organisationId: ORG });
  const otherOrganiser = await createStaff({ role: "organiser", organisationId: OTHER_ORG });
  const registrations: Record<string, number> = {};
  const workshop = (capacity: number, extra: Record<string, unknown> = {}) => ({
    format: "workshop",
    maxPlacesPerRegistration: 1,
    sessions: futureSessions(1, 3),
    pools: [{ kind: "event", key: "main", capacity }],
    ...extra,
  });

  const W = await createPublished(organiser, ORG, "Asylrecht kompakt", workshop(2, { fundingLines: ["KOMM-AN"], partners: ["Flüchtlingsrat"] }));
  registrations.WA = await signUp(W.slug, "A", { locale: "tr", needs: { interpreter: "Türkisch", childcare: { children: 2, ages: "3 und 5" } } });
  registrations.WB = await signUp(W.slug, "B", { needs: { accessibility: "Ich nutze einen Rollstuhl." } });
  registrations.WC = await signUp(W.slug, "C", { locale: "ar" });
  registrations.WD = await signUp(W.slug, "D");
  const cancelled = await SELF.fetch(`https://zusammen.test/api/registrations/${await tokenOf(registrations.WD)}/cancel`, { method: "POST" });
  expect(cancelled.status).toBe(200);

  const C = await createPublished(organiser, ORG, "Abgesagter Workshop", workshop(5));
  registrations.CB = await signUp(C.slug, "B");
  expect((await consoleFetch(organiser, "POST", `/api/console/events/${C.id}/cancel`, { reason: "Die Referentin ist erkrankt." })).status).toBe(200);

  const S = await createPublished(organiser, ORG, "Qualifizierungsreihe", {
    format: "series",
    maxPlacesPerRegistration: 1,
    sessions: futureSessions(3, 2),
    pools: [{ kind: "event", key: "main", capacity: 10 }],
    fundingLines: ["ESF"],
  });
  registrations.SA = await signUp(S.slug, "A");
  registrations.SE = await signUp(S.slug, "E", { locale: "uk", needs: { interpreter: "Ukrainisch" } });
  registrations.SF = await signUp(S.slug, "F", { locale: "en" });

  const H = await createPublished(organiser, ORG, "Lesung für Familien", { format: "reading", maxPlacesPerRegistration: 4, sessions: futureSessions(1, 2), pools: [{ kind: "event", key: "main", capacity: 40 }] });
  await env.DB.prepare(`UPDATE events SET count_children = 1 WHERE id = ?1`).bind(H.id).run();
  registrations.HG = await signUp(H.slug, "G", { locale: "ar", places: 3, children: 2, needs: { interpreter: "Farsi" } });

  const X = await createPublished(organiser, ORG, "Ausstellung 100 Boote", { format: "exhibition", registrationMode: "none", sessions: futureSessions(1, 8), pools: [] });

  const P = await createPublished(organiser, ORG, "Elterncafé", workshop(10, { sessions: [{ startsAt: new Date(Date.now() + 10 * DAY).toISOString(), endsAt: new Date(Date.now() + 10 * DAY + 2 * 3_600_000).toISOString() }] }));
  registrations.PA = await signUp(P.slug, "A", { needs: { interpreter: "Dari" } });

  const Draft = await createPublished(organiser, ORG, "Entwurf", workshop(10), false);
  const O = await createPublished(organiser, ORG, "Vorjahr", workshop(10));
  registrations.OE = await signUp(O.slug, "E");
  const N = await createPublished(organiser, ORG, "Nächstes Jahr", workshop(10, { sessions: [{ startsAt: new Date(Date.now() + 90 * DAY).toISOString(), endsAt: new Date(Date.now() + 90 * DAY + 2 * 3_600_000).toISOString() }] }));
  registrations.NF = await signUp(N.slug, "F");
  const Other = await createPublished(otherOrganiser, OTHER_ORG, "Anderswo", workshop(10));
  registrations.OtherA = await signUp(Other.slug, "A");

  // Time passes: the dates move to where they were held.
  const [w1] = await sessionsOf(W.id);
  await moveSession(w1!, berlin(Y, 3, 10, 18), berlin(Y, 3, 10, 21));
  const [c1] = await sessionsOf(C.id);
  await moveSession(c1!, berlin(Y, 4, 1, 10), berlin(Y, 4, 1, 13));
  const [s1, s2, s3] = await sessionsOf(S.id);
  await moveSession(s1!, berlin(Y, 5, 5, 17), berlin(Y, 5, 5, 19));
  await moveSession(s2!, berlin(Y, 6, 9, 17), berlin(Y, 6, 9, 19));
  await moveSession(s3!, berlin(Y, 7, 7, 17), berlin(Y, 7, 7, 19));
  await env.DB.prepare(`UPDATE sessions SET cancelled_at = ?2 WHERE id = ?1`).bind(s3, berlin(Y, 7, 1, 9)).run();
  const [h1] = await sessionsOf(H.id);
  await moveSession(h1!, berlin(Y, 9, 20, 15), berlin(Y, 9, 20, 17));
  const [x1] = await sessionsOf(X.id);
  await moveSession(x1!, berlin(Y, 10, 1, 10), berlin(Y, 10, 1, 18));
  const [d1] = await sessionsOf(Draft.id);
  await moveSession(d1!, berlin(Y, 6, 1, 10), berlin(Y, 6, 1, 12));
  const [o1] = await sessionsOf(O.id);
  await moveSession(o1!, berlin(Y - 1, 11, 15, 10), berlin(Y - 1, 11, 15, 13));
  const [other1] = await sessionsOf(Other.id);
  await moveSession(other1!, berlin(Y, 5, 20, 10), berlin(Y, 5, 20, 13));

  // At the door.
  await checkIn(organiser, W.id, w1!, registrations.WA);
  for (const r of [registrations.SA, registrations.SE, registrations.SF]) await checkIn(organiser, S.id, s1!, r!);
  const walkIn = await consoleFetch(organiser, "POST", `/api/console/events/${S.id}/checkin/walk-in`, { sessionId: s1, name: "Spontan Gekommen" });
  expect(walkIn.status).toBe(201);
  registrations.SWalkIn = ((await walkIn.json()) as { person: { registrationId: number } }).person.registrationId;
  for (const r of [registrations.SA, registrations.SE]) await checkIn(organiser, S.id, s2!, r!);
  await checkIn(organiser, O.id, o1!, registrations.OE);
  await checkIn(otherOrganiser, Other.id, other1!, registrations.OtherA);

  // Certificates of the series: every date (the cancelled one does not count).
  expect((await consoleFetch(organiser, "PUT", `/api/console/events/${S.id}/certificate-settings`, { rule: { kind: "all_sessions" }, signer: null })).status).toBe(200);
  expect(await (await consoleFetch(organiser, "POST", `/api/console/events/${S.id}/certificates/issue`, {})).json()).toEqual({ issued: 2, eligible: 2 });

  return {
    organiser,
    events: { W: W.id, C: C.id, S: S.id, H: H.id, X: X.id, P: P.id, Draft: Draft.id, O: O.id, N: N.id, Other: Other.id },
    registrations,
    range: { from: `${Y}-01-01`, to: dayText(Date.now() + 30 * DAY) },
  };
}
