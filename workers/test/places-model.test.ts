/**
 * Model-based property test (fast-check commands) of the places state machine, against real
 * D1: random events (capacity, households, double opt-in, offer or confirm mode, approval,
 * parallel workshops, with or without waitlist) and random sequences of what participants,
 * organisers and the clock do. After every step the invariants of ./places-invariants.ts
 * must hold, and the step's own outcome must be the one its rules promise.
 *
 * The cron's safety net (serveAllWaitlists) is never run here: every verb must serve the
 * waitlists it frees places for by itself. On a failure fast-check prints the seed and the
 * shrunk sequence of commands (replay with `{ seed, path }` in fc.assert's options).
 */
import { env } from "cloudflare:test";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { DomainContext } from "../src/domain/change";
import { editRegistration } from "../src/domain/console/registrations/edit";
import { expireHolds, expireOffers } from "../src/domain/places/expire";
import { approveApplication, cancelOnBehalf, confirmNow, moveInWaitlist, offerNow, rejectApplication } from "../src/domain/places/organiser-actions";
import { setPoolCapacity } from "../src/domain/places/pool-size";
import { AWAITING_EMAIL_STATUSES, CHOOSING_STATUSES, HOLDING_STATUSES, isLive } from "../src/domain/places/statuses";
import { acceptOffer, cancelRegistration, chooseWorkshop, confirmEmail } from "../src/domain/registrations/manage";
import { registerForEvent } from "../src/domain/registrations/register";
import { DomainError } from "../src/lib/errors";
import { PLACE_TAKING_STATUSES } from "../../db/schema";
import { context, createEvent, tokenOf } from "./fixtures";
import { freePlaces as free, placesProblems, snapshot, type RegistrationState, type Snapshot } from "./places-invariants";

const RUNS = 50;
const MINUTE = 60_000;
const ORGANISER = "user:1" as const;

type Config = {
  capacity: number;
  maxPlaces: number;
  emailConfirmation: boolean;
  waitlistMode: "confirm" | "offer";
  waitlistEnabled: boolean;
  approval: boolean;
  /** Capacities of two parallel workshops in one slot, or none. */
  workshops: [number, number] | null;
};

type Model = { now: number };
type Real = { config: Config; slug: string; eventId: number; poolId: number; workshopPools: number[] };

/** Refusals the rules allow (each command says which); anything else is a failure. */
async function attempt(allowed: string[], action: () => Promise<unknown>): Promise<string | null> {
  try {
    await action();
    return null;
  } catch (error) {
    if (error instanceof DomainError && allowed.includes(error.code)) return error.code;
    throw error;
  }
}

function ctxAt(model: Model): DomainContext {
  return context(model.now);
}

/** Day registrations (or any, with `children`) matching `where`, in a stable order; `pick` chooses one. */
function choose(state: Snapshot, pick: number, where: (r: RegistrationState) => boolean, children = false): RegistrationState | undefined {
  const found = [...state.registrations.values()].filter((r) => (children || r.parentId === null) && where(r)).sort((a, b) => a.id - b.id);
  return found.length ? found[pick % found.length] : undefined;
}

type Outcome = {
  /** Registrations the organiser served out of order on purpose. */
  outOfOrder?: number[];
  /** The step's own promise, checked on the state after it. */
  expect?: (after: Snapshot) => void;
};
type Act = (model: Model, real: Real, before: Snapshot) => Promise<Outcome>;

/** One step: act, then check the invariants and the step's own promise. `name` is what fast-check prints. */
class Step implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly name: string,
    readonly act: Act,
  ) {}
  check(): boolean {
    return true;
  }
  async run(model: Model, real: Real): Promise<void> {
    const before = await snapshot(real.eventId);
    const { outOfOrder, expect: promise } = await this.act(model, real, before);
    const after = await snapshot(real.eventId);
    expect(placesProblems(before, after, { outOfOrder }), this.name).toEqual([]);
    promise?.(after);
  }
  toString(): string {
    return this.name;
  }
}

/** The status of `target` after the step, as the step promises it. */
const statusOf = (id: number, status: string) => (after: Snapshot) => expect(after.registrations.get(id)!.status).toBe(status);

function register(person: number, places: number, workshop: { first: number; second: boolean } | null): Step {
  return new Step(`register(p${person}, ${places}${workshop ? `, w${workshop.first}${workshop.second ? "+" : ""}` : ""})`, async (model, real) => {
    const keys = ["w0", "w1"];
    const workshops =
      real.config.workshops && workshop ? [{ slot: "s", first: keys[workshop.first]!, ...(workshop.second ? { second: keys[1 - workshop.first]! } : {}) }] : undefined;
    const body = { name: `Person ${person}`, email: `p${person}@example.org`, locale: "de", consent: true, places: Math.min(places, real.config.maxPlaces), workshops };
    await attempt(["event_full"], () => registerForEvent(ctxAt(model), real.slug, body, null));
    return {};
  });
}

function cancel(pick: number, byOrganiser: boolean): Step {
  return new Step(`cancel(#${pick}${byOrganiser ? ", organiser" : ""})`, async (model, _real, before) => {
    // Organisers may also cancel a single workshop choice.
    const target = choose(before, pick, (r) => isLive(r.status), byOrganiser);
    if (!target) return {};
    const ctx = ctxAt(model);
    await (byOrganiser ? cancelOnBehalf(ctx, ORGANISER, target.id, "Telefonisch abgesagt") : cancelRegistration(ctx, await tokenOf(target.id)));
    return { expect: statusOf(target.id, "cancelled") };
  });
}

function confirmAddress(pick: number): Step {
  return new Step(`confirmEmail(#${pick})`, async (model, _real, before) => {
    const target = choose(before, pick, (r) => Boolean(r.awaitingEmail) && (AWAITING_EMAIL_STATUSES as readonly string[]).includes(r.status));
    if (!target) return {};
    await confirmEmail(ctxAt(model), await tokenOf(target.id));
    return { expect: (after) => expect(after.registrations.get(target.id)!.awaitingEmail).toBe(0) };
  });
}

/** The clock moves on and the scheduled deadlines run (holds after 30 minutes, offers after 48 hours). */
function timePasses(minutes: number): Step {
  return new Step(`timePasses(${minutes} min)`, async (model) => {
    model.now += minutes * MINUTE;
    await expireHolds(ctxAt(model));
    await expireOffers(ctxAt(model));
    return {};
  });
}

function accept(pick: number): Step {
  return new Step(`acceptOffer(#${pick})`, async (model, _real, before) => {
    const target = choose(before, pick, (r) => r.status === "offered");
    if (!target) return {};
    // Offers that ran out but were not expired by the cron yet are refused.
    const token = await tokenOf(target.id);
    const refused = await attempt(["offer_expired"], () => acceptOffer(ctxAt(model), token));
    return { expect: statusOf(target.id, refused ? "offered" : "confirmed") };
  });
}

function setCapacity(pool: number, capacity: number): Step {
  return new Step(`setCapacity(pool ${pool}, ${capacity})`, async (model, real) => {
    const pools = [real.poolId, ...real.workshopPools];
    await setPoolCapacity(ctxAt(model), pools[pool % pools.length]!, capacity, ORGANISER);
    return {};
  });
}

/** Confirm now or offer now: succeeds exactly when the places fit (an offer holds them already). */
function serveNow(pick: number, how: "confirm" | "offer"): Step {
  return new Step(`${how}Now(#${pick})`, async (model, _real, before) => {
    const target = choose(before, pick, (r) => (r.status === "waitlisted" && !r.awaitingEmail) || (how === "confirm" && r.status === "offered"));
    if (!target) return {};
    const fits = target.status === "offered" || target.places <= free(before, target.poolId);
    const verb = how === "confirm" ? confirmNow : offerNow;
    const refused = await attempt(["event_full"], () => verb(ctxAt(model), ORGANISER, target.id));
    return {
      outOfOrder: [target.id],
      expect: (after) => {
        expect(refused, "refused although it fits").toBe(fits ? null : "event_full");
        expect(after.registrations.get(target.id)!.status).toBe(fits ? (how === "confirm" ? "confirmed" : "offered") : target.status);
      },
    };
  });
}

function decide(pick: number, approve: boolean): Step {
  return new Step(`${approve ? "approve" : "reject"}(#${pick})`, async (model, real, before) => {
    const target = choose(before, pick, (r) => r.status === "pending_approval" && !r.awaitingEmail);
    if (!target) return {};
    if (!approve) {
      await rejectApplication(ctxAt(model), ORGANISER, target.id, "Leider ausgebucht");
      return { expect: statusOf(target.id, "rejected") };
    }
    const fits = target.places <= free(before, target.poolId);
    const refused = await attempt(["event_full"], () => approveApplication(ctxAt(model), ORGANISER, target.id));
    return {
      expect: (after) => {
        const status = after.registrations.get(target.id)!.status;
        if (fits) expect(status).toBe("confirmed");
        else if (real.config.waitlistEnabled) expect(status).toBe("waitlisted");
        else expect([refused, status]).toEqual(["event_full", "pending_approval"]);
      },
    };
  });
}

function switchTo(pick: number, key: number): Step {
  return new Step(`switchWorkshop(#${pick}, w${key})`, async (model, real, before) => {
    if (!real.config.workshops) return {};
    const target = choose(before, pick, (r) => (CHOOSING_STATUSES as readonly string[]).includes(r.status));
    if (!target) return {};
    const poolId = real.workshopPools[key]!;
    const liveChoices = (snap: Snapshot) => [...snap.registrations.values()].filter((c) => c.parentId === target.id && isLive(c.status));
    // Choosing the workshop that is already the first choice changes nothing (a second choice held meanwhile stays).
    const alreadyFirst = liveChoices(before).some((c) => c.poolId === poolId && c.preference === 1);
    const choicesBefore = liveChoices(before).map((c) => [c.id, c.status]);
    await chooseWorkshop(ctxAt(model), await tokenOf(target.id), "s", `w${key}`);
    return {
      expect: (after) => {
        if (alreadyFirst) {
          expect(liveChoices(after).map((c) => [c.id, c.status])).toEqual(choicesBefore);
          return;
        }
        // The new workshop is the first choice. No place is lost by surprise: a place held in
        // the slot before is still held, by the new choice or kept meanwhile (as the second
        // choice, only while the new one waits).
        const holds = (c: RegistrationState) => (HOLDING_STATUSES as readonly string[]).includes(c.status);
        const live = liveChoices(after);
        const first = live.find((c) => c.preference === 1);
        expect(first?.poolId).toBe(poolId);
        const others = live.filter((c) => c !== first);
        expect(others.length).toBeLessThanOrEqual(1);
        for (const kept of others) expect([kept.preference, holds(kept), holds(first!)]).toEqual([2, true, false]);
        if (liveChoices(before).some(holds)) expect(holds(first!) || others.some(holds)).toBe(true);
      },
    };
  });
}

function editPlaces(pick: number, wanted: number): Step {
  return new Step(`editPlaces(#${pick}, ${wanted})`, async (model, real, before) => {
    const hasChoices = (r: RegistrationState) => [...before.registrations.values()].some((c) => c.parentId === r.id && isLive(c.status));
    const target = choose(before, pick, (r) => isLive(r.status) && !hasChoices(r));
    if (!target) return {};
    const places = Math.min(wanted, real.config.maxPlaces);
    const more = places - target.places;
    const fits = more <= 0 || !(PLACE_TAKING_STATUSES as readonly string[]).includes(target.status) || more <= free(before, target.poolId);
    const refused = await attempt(["event_full"], () => editRegistration(ctxAt(model), ORGANISER, target.id, { places }));
    return {
      expect: (after) => {
        expect(refused).toBe(fits ? null : "event_full");
        expect(after.registrations.get(target.id)!.places).toBe(fits ? places : target.places);
      },
    };
  });
}

function move(pick: number, up: boolean): Step {
  return new Step(`move(#${pick}, ${up ? "up" : "down"})`, async (model, _real, before) => {
    const target = choose(before, pick, (r) => r.status === "waitlisted" && !r.awaitingEmail);
    if (!target) return {};
    const refused = await attempt(["already_first", "already_last"], () => moveInWaitlist(ctxAt(model), ORGANISER, target.id, up ? "up" : "down", "Härtefall"));
    return { expect: (after) => expect(after.registrations.get(target.id)!.position).toBe(refused ? target.position : target.position! + (up ? -1 : 1)) };
  });
}

const pick = fc.nat({ max: 1000 });
const registering = fc
  .tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 3 }), fc.option(fc.record({ first: fc.integer({ min: 0, max: 1 }), second: fc.boolean() })))
  .map(([person, places, workshop]) => register(person, places, workshop));
// Registrations and cancellations come more often than anything else, so the other steps
// find someone to act on and places keep freeing up.
const steps = [
  registering,
  registering,
  registering,
  registering,
  fc.tuple(pick, fc.boolean()).map(([p, organiser]) => cancel(p, organiser)),
  pick.map((p) => cancel(p, false)),
  pick.map((p) => confirmAddress(p)),
  fc.constantFrom(10, 31, 49 * 60).map((minutes) => timePasses(minutes)),
  pick.map((p) => accept(p)),
  fc.tuple(fc.nat({ max: 2 }), fc.integer({ min: 0, max: 5 })).map(([pool, capacity]) => setCapacity(pool, capacity)),
  pick.map((p) => serveNow(p, "confirm")),
  pick.map((p) => serveNow(p, "offer")),
  fc.tuple(pick, fc.boolean()).map(([p, approve]) => decide(p, approve)),
  fc.tuple(pick, fc.nat({ max: 1 })).map(([p, key]) => switchTo(p, key)),
  fc.tuple(pick, fc.integer({ min: 1, max: 3 })).map(([p, places]) => editPlaces(p, places)),
  fc.tuple(pick, fc.boolean()).map(([p, up]) => move(p, up)),
];

/** true `yes` times in `yes + no`. */
const weighted = (yes: number, no: number) => fc.oneof({ arbitrary: fc.constant(true), weight: yes }, { arbitrary: fc.constant(false), weight: no });

const configs: fc.Arbitrary<Config> = fc.record({
  capacity: fc.integer({ min: 1, max: 4 }),
  // Households (more than one place) make most of the rules matter: first fit, edits, over-capacity.
  maxPlaces: fc.constantFrom(1, 2, 3, 3),
  emailConfirmation: weighted(1, 2),
  waitlistMode: fc.constantFrom("confirm" as const, "offer" as const),
  waitlistEnabled: weighted(4, 1),
  approval: weighted(1, 2),
  workshops: fc.option(fc.tuple(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 2 })), { freq: 2 }),
});

async function scenario(config: Config): Promise<Real> {
  const { slug, eventId, poolId } = await createEvent({
    capacity: config.capacity,
    maxPlaces: config.maxPlaces,
    emailConfirmation: config.emailConfirmation,
    waitlistMode: config.waitlistMode,
    waitlistEnabled: config.waitlistEnabled,
    registrationMode: config.approval ? "approval" : "open",
    // Far enough ahead that the clock never closes registration.
    startsAt: Date.now() + 400 * 24 * 60 * MINUTE,
  });
  const workshopPools: number[] = [];
  for (const [i, capacity] of (config.workshops ?? []).entries()) {
    const pool = await env.DB.prepare(`INSERT INTO capacity_pools (event_id, kind, key, slot, capacity) VALUES (?1, 'workshop', ?2, 's', ?3) RETURNING id`)
      .bind(eventId, `w${i}`, capacity)
      .first<{ id: number }>();
    workshopPools.push(pool!.id);
  }
  return { config, slug, eventId, poolId, workshopPools };
}

describe("the places state machine (model-based)", () => {
  it("keeps capacity, the line, positions 1..n and one email per change through random sequences of actions", async () => {
    await fc.assert(
      fc.asyncProperty(configs, fc.commands(steps, { maxCommands: 50, size: "max" }), async (config, commands) => {
        const real = await scenario(config);
        await fc.asyncModelRun(() => ({ model: { now: Date.now() }, real }), commands);
      }),
      { numRuns: RUNS },
    );
  });
});
