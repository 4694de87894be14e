import type { Business } from '../businesses';
import type { Random } from '../prng';
import { BOOKING_SCENARIOS } from './bookings';
import { ENQUIRY_SCENARIOS } from './enquiries';
import { HANDOFF_SCENARIOS } from './handoffs';
import { NUISANCE_SCENARIOS } from './nuisance';
import { ORDER_SCENARIOS } from './orders';
import { TROUBLE_SCENARIOS } from './trouble';
import type { Scenario } from './types';

export type { CallContext, CallKind, Scenario, Turn } from './types';

export const SCENARIOS: readonly Scenario[] = [
  ...BOOKING_SCENARIOS,
  ...ORDER_SCENARIOS,
  ...HANDOFF_SCENARIOS,
  ...ENQUIRY_SCENARIOS,
  ...TROUBLE_SCENARIOS,
  ...NUISANCE_SCENARIOS,
];

export function scenarioByKey(key: string): Scenario {
  const scenario = SCENARIOS.find((candidate) => candidate.key === key);
  if (!scenario) throw new Error(`No demo scenario "${key}"`);
  return scenario;
}

/** Each business draws only from the scenarios that fit it, by weight. */
const POOLS = new Map<string, { scenarios: readonly Scenario[]; total: number }>();

export function pickScenario(rng: Random, business: Business): Scenario {
  let pool = POOLS.get(business.key);
  if (!pool) {
    const scenarios = SCENARIOS.filter((s) => !s.fits || s.fits.includes(business.key));
    pool = { scenarios, total: scenarios.reduce((sum, s) => sum + s.weight, 0) };
    POOLS.set(business.key, pool);
  }
  let roll = rng.next() * pool.total;
  for (const scenario of pool.scenarios) {
    roll -= scenario.weight;
    if (roll < 0) return scenario;
  }
  return pool.scenarios[0]!;
}
