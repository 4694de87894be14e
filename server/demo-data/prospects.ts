import type { BusinessKey } from './businesses';
import type { Person } from './people';
import type { Random } from './prng';

export interface Prospect {
  id: string;
  person: Person;
  /** When Trata created the prospect: a repeat call cannot come before it. */
  createdMs: number;
}

const POOL_SIZE = 300;
const REPEAT_SHARE = 0.12;

/**
 * The callers each business has seen, so some call again under the same prospect id, name and
 * number. Bounded, so a million calls stream in constant memory.
 */
export function createProspectBook() {
  const pools = new Map<BusinessKey, Prospect[]>();
  return {
    /** A known caller of this business whose prospect exists by `startMs`, or undefined. */
    repeatCaller(business: BusinessKey, startMs: number, rng: Random): Prospect | undefined {
      const pool = pools.get(business);
      if (!pool || pool.length < 10 || !rng.chance(REPEAT_SHARE)) return undefined;
      const candidate = rng.pick(pool);
      return candidate.createdMs <= startMs ? candidate : undefined;
    },
    add(business: BusinessKey, prospect: Prospect): void {
      let pool = pools.get(business);
      if (!pool) pools.set(business, (pool = []));
      pool.push(prospect);
      if (pool.length > POOL_SIZE) pool.shift();
    },
  };
}
export type ProspectBook = ReturnType<typeof createProspectBook>;
