/**
 * What a participant submitted, as organisers read it: answers (with the option labels),
 * needs, children, a stand application, workshop choices and attendance per date. Used in
 * the registrations table, the applications list and a registration's details, so every
 * place shows the same.
 */
import type { ConsoleEvent, ConsoleRegistration, PoolStats } from "./types";
import { counted, localized, s, statusName } from "./strings";
import { formatTime } from "./ui/time";

export function poolName(pool: Pick<PoolStats, "kind" | "key" | "name" | "slot">): string {
  const name = localized(pool.name ?? {});
  if (pool.kind === "event") return name || s("pool.event");
  if (pool.kind === "registration_type") return name || s("pool.stands");
  const base = name || s("pool.workshop");
  return pool.slot ? s("pool.workshop_in_slot", { name: base, slot: pool.slot }) : base;
}

export function poolOf(event: ConsoleEvent, poolId: number): string {
  const pool = event.pools.find((p) => p.id === poolId);
  return pool ? poolName(pool) : "–";
}

/** A date of the event by its id, in the organisation's time zone ("Di., 12.05., 17:00"). */
export function dateOf(event: ConsoleEvent, sessionId: number): string | null {
  const session = event.sessions.find((x) => x.id === sessionId);
  return session ? formatTime(session.startsAt, "weekday", event.timeZone) : null;
}

function answerText(question: ConsoleEvent["questions"][number] | undefined, value: unknown): string {
  if (value === null || value === undefined || value === "") return "–";
  if (typeof value === "boolean") return value ? s("common.yes") : s("common.no");
  const option = (id: unknown) => localized(question?.options?.find((o) => o.id === id)?.label ?? {}) || String(id);
  if (Array.isArray(value)) return value.map(option).join(", ");
  if (question?.type === "single_choice") return option(value);
  return String(value);
}

export function Answers({ event, registration }: { event: ConsoleEvent; registration: ConsoleRegistration }) {
  const entries = Object.entries(registration.answers ?? {}).filter(([, value]) => value !== "" && value !== null && value !== undefined);
  if (entries.length === 0) return <>–</>;
  return (
    <dl class="answers">
      {entries.map(([id, value]) => {
        const question = event.questions.find((q) => q.id === id);
        return [<dt key={`${id}-q`}>{localized(question?.label ?? {}) || s("reg.unknown_question")}</dt>, <dd key={`${id}-a`}>{answerText(question, value)}</dd>];
      })}
    </dl>
  );
}

/** Needs in lines: interpreting, childcare with ages, access. */
export function needLines(registration: Pick<ConsoleRegistration, "needs">): string[] {
  const needs = registration.needs ?? {};
  const lines: string[] = [];
  if (needs.interpreter) lines.push(s("needs.interpreter", { language: needs.interpreter }));
  if (needs.childcare?.children) lines.push(s("needs.childcare", { children: needs.childcare.children, ages: needs.childcare.ages || "–" }));
  if (needs.accessibility) lines.push(s("needs.accessibility", { need: needs.accessibility }));
  return lines;
}

export function Needs({ registration }: { registration: ConsoleRegistration }) {
  const lines = needLines(registration);
  return lines.length > 0 ? (
    <ul class="plain-list">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  ) : (
    <>–</>
  );
}

const STAND_NEED_KEYS = { table: "stand.table", power: "stand.power", wall: "stand.wall" } as const;

/** A stand application: organisation, description, contact, needs. */
export function StandApplication({ registration }: { registration: ConsoleRegistration }) {
  const stand = registration.exhibitor;
  if (!stand) return null;
  return (
    <dl class="answers stand" data-stand>
      <dt>{s("stand.organisation")}</dt>
      <dd>{stand.organisation}</dd>
      <dt>{s("stand.description")}</dt>
      <dd class="pre-line">{stand.description}</dd>
      {stand.contact ? (
        <>
          <dt>{s("stand.contact")}</dt>
          <dd>{stand.contact}</dd>
        </>
      ) : null}
      <dt>{s("stand.needs")}</dt>
      <dd>{stand.needs.length > 0 ? stand.needs.map((n) => s(STAND_NEED_KEYS[n])).join(", ") : s("stand.no_needs")}</dd>
    </dl>
  );
}

/** Places, and of them children where the event counts them. */
export function placesText(registration: ConsoleRegistration): string {
  return registration.children > 0 ? s("reg.places_children", { places: registration.places, children: counted("children", registration.children) }) : String(registration.places);
}

/** Workshop choices: "Gesund essen (bestätigt); Bewegung (Warteliste 2)". */
export function Workshops({ event, registration }: { event: ConsoleEvent; registration: ConsoleRegistration }) {
  if (registration.workshops.length === 0) return <>–</>;
  return (
    <ul class="plain-list">
      {registration.workshops.map((w) => (
        <li key={w.registrationId}>
          {poolOf(event, w.poolId)}: {statusName(w.status)}
          {w.waitlistPosition ? ` ${s("reg.position", { position: w.waitlistPosition })}` : null}
          {w.preference > 1 ? ` (${s("reg.second_choice")})` : null}
        </li>
      ))}
    </ul>
  );
}

/** Attendance per date: "Di., 12.05., 17:00: 2 Plätze" (recorded afterwards marked). */
export function CheckIns({ event, registration }: { event: ConsoleEvent; registration: ConsoleRegistration }) {
  if (registration.checkIns.length === 0) return <>–</>;
  return (
    <ul class="plain-list">
      {registration.checkIns.map((c) => (
        <li key={c.sessionId}>
          {s("reg.checked_in_line", { date: dateOf(event, c.sessionId) ?? "–", places: counted("places", c.places) })}
          {c.afterwards ? ` (${s("reg.afterwards")})` : null}
        </li>
      ))}
    </ul>
  );
}
