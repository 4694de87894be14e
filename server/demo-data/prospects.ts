import type { ProspectStatus } from '../../contract';
import type { Business, BusinessKey } from './businesses';
import type { Person } from './people';
import type { Random } from './prng';
import { SCENARIOS, type CallKind, type Scenario } from './scenarios';

/** A caller Trata knows: the prospect id, and the person behind it. */
export interface Prospect {
  id: string;
  person: Person;
  business: BusinessKey;
}

/** A planned call back from a known caller, at a fixed time, with the scenario its stage needs. */
export interface Visit {
  prospect: Prospect;
  startMs: number;
  scenario: Scenario;
}

const DAY_MS = 86_400_000;
/** The share of new callers who come back; each returns 1 to 5 times. */
export const RETURNING_SHARE = 0.1;
/** Room for a journey: a caller who first rings in the last days has no time to return. */
const MIN_DAYS_LEFT = 10;
const LATEST_BEFORE_NOW_MS = 2 * 3600_000;

const ENQUIRY: readonly ProspectStatus[] = ['GENERAL_ENQUIRY'];
const CALLBACK: readonly ProspectStatus[] = ['SCHEDULED_CALLBACK_WITH_BOT'];
const APPOINTMENT: readonly ProspectStatus[] = [
  'SCHEDULED_APPOINTMENT_FOR_SERVICE',
  'SCHEDULED_APPOINTMENT_WITH_PERSON',
];
const ORDER: readonly ProspectStatus[] = ['SERVICE_ORDER_PLACED', 'PRODUCT_ORDER_PLACED'];
const LOST: readonly ProspectStatus[] = ['NOT_INTERESTED'];

/**
 * How a lead moves from call to call: forward from an enquiry to an appointment and an order,
 * or to not interested. Each path is 2 to 6 calls.
 */
const PATHS: readonly (readonly (readonly ProspectStatus[])[])[] = [
  [ENQUIRY, APPOINTMENT],
  [ENQUIRY, APPOINTMENT, ORDER],
  [ENQUIRY, CALLBACK, APPOINTMENT, ORDER],
  [ENQUIRY, APPOINTMENT, APPOINTMENT, ORDER, ORDER],
  [ENQUIRY, ENQUIRY, APPOINTMENT, ORDER, ORDER, ORDER],
  [ENQUIRY, LOST],
  [ENQUIRY, CALLBACK, LOST],
  [ENQUIRY, APPOINTMENT, LOST],
];

/**
 * Where each status stands on the way from a first call to an order. Not interested ends a lead
 * as an order does, so nothing follows it on a path.
 */
export const LEAD_STAGE: Readonly<Record<ProspectStatus, number>> = {
  NEW: 0,
  GENERAL_ENQUIRY: 1,
  SCHEDULED_CALLBACK_WITH_BOT: 2,
  SCHEDULED_APPOINTMENT_WITH_PERSON: 3,
  SCHEDULED_APPOINTMENT_FOR_SERVICE: 3,
  PRODUCT_ORDER_PLACED: 4,
  SERVICE_ORDER_PLACED: 4,
  NOT_INTERESTED: 4,
};

/** Calls that say nothing about the lead: they never stand for a stage. */
const NO_LEAD: ReadonlySet<CallKind> = new Set(['hang-up', 'wrong-number', 'spam', 'angry']);

const STAGE_POOLS = new Map<string, readonly Scenario[]>();

function scenariosFor(
  business: Business,
  statuses: readonly ProspectStatus[],
): readonly Scenario[] {
  const key = `${business.key}:${statuses.join()}`;
  let pool = STAGE_POOLS.get(key);
  if (!pool) {
    pool = SCENARIOS.filter(
      (s) =>
        (!s.fits || s.fits.includes(business.key)) &&
        statuses.includes(s.prospectStatus) &&
        !NO_LEAD.has(s.kind) &&
        s.givesDetails,
    );
    STAGE_POOLS.set(key, pool);
  }
  return pool;
}

/** A journey about to start: the first call's scenario and the stages after it. */
export interface JourneyPlan {
  first: Scenario;
  later: Scenario[];
}

/**
 * Returning callers. A new caller may start a journey: its later calls are queued with their
 * times and scenarios, and later positions of the stream take them from the queue, so a
 * prospect's calls share the person (name, number) and their status only moves forward. The
 * queue is bounded by how fast it drains, so a million calls stream in constant memory.
 */
export function createJourneys(nowMs: number) {
  const queue: Visit[] = [];
  const latestMs = nowMs - LATEST_BEFORE_NOW_MS;

  return {
    /** A planned call back to make at this position, or undefined. */
    take(rng: Random): Visit | undefined {
      if (queue.length === 0) return undefined;
      return rng.chance(Math.min(0.9, 0.15 + queue.length / 40)) ? queue.shift() : undefined;
    },
    /** Whether a new caller of `business` at `startMs` starts a journey, and its scenarios. */
    plan(business: Business, startMs: number, rng: Random): JourneyPlan | undefined {
      if (startMs > nowMs - MIN_DAYS_LEFT * DAY_MS || !rng.chance(RETURNING_SHARE))
        return undefined;
      const stages = rng
        .pick(PATHS)
        .map((statuses) => scenariosFor(business, statuses))
        .filter((pool) => pool.length > 0)
        .map((pool) => rng.pick(pool));
      if (stages.length < 2) return undefined;
      return { first: stages[0]!, later: stages.slice(1) };
    },
    /** Queues the later calls of a journey whose first call starts at `startMs`. */
    schedule(plan: JourneyPlan, prospect: Prospect, startMs: number, rng: Random): void {
      let at = startMs;
      for (const scenario of plan.later) {
        at += rng.int(3, 21) * DAY_MS + rng.int(-4, 4) * 3600_000;
        if (at > latestMs) break;
        queue.push({ prospect, startMs: at, scenario });
      }
    },
  };
}
export type Journeys = ReturnType<typeof createJourneys>;
