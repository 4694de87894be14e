import type { SeekMark } from './list-plan';
import type { Db } from './open-database';

/** The rows one search matches: their count, a bitmap over rowids and, when few, the rowids. */
export interface MatchSet {
  count: number;
  bits: Uint8Array;
  rids: number[] | null;
  /**
   * Per order (see `orderKey`), where its first match is, once a first page has found it: later
   * pages seek there instead of walking rows that hold no match. Ids embed the start time, so an
   * id search can match nothing in the first hundreds of thousands of rows by time.
   */
  firstMatches: Map<string, SeekMark>;
}

/** Beyond this many matches a page is always found by walking an index, never by sorting. */
export const MAX_LISTED_RIDS = 50_000;
const CACHE_BYTES = 64 * 1024 * 1024;

/**
 * Match sets are computed once per search and kept until the next write (a write can change any
 * match), within a memory budget. `in_match_N(rid)` tests the set that `withActive` installs; SQL
 * calls it while walking an index, so a walk never reads a table row.
 */
let instances = 0;

export function createMatchSets(db: Db) {
  // One SQL function per instance, so two stores on one connection never share a bitmap.
  const functionName = `in_match_${++instances}`;
  let cache = new Map<string, MatchSet>();
  let writes = 0;
  let cachedBytes = 0;
  let active: Uint8Array | null = null;
  const maxRid = db.prepare<[], number | null>('SELECT max(rid) FROM conversations').pluck();

  db.function(functionName, { deterministic: false, directOnly: true }, (rid: unknown) => {
    const r = Number(rid);
    return active !== null && (active[r >> 3]! >> (r & 7)) & 1 ? 1 : 0;
  });

  function build(rids: number[]): MatchSet {
    const bits = new Uint8Array(((maxRid.get() ?? 0) >> 3) + 1);
    for (const rid of rids) bits[rid >> 3]! |= 1 << (rid & 7);
    const listed = rids.length <= MAX_LISTED_RIDS ? rids : null;
    return { count: rids.length, bits, rids: listed, firstMatches: new Map() };
  }

  return {
    functionName,
    get(key: string, computeRids: () => number[]): MatchSet {
      const hit = cache.get(key);
      if (hit) {
        // Refresh its place: Map order is the eviction order.
        cache.delete(key);
        cache.set(key, hit);
        return hit;
      }
      const set = build(computeRids());
      const bytes = set.bits.length + (set.rids?.length ?? 0) * 8;
      while (cachedBytes + bytes > CACHE_BYTES && cache.size > 0) {
        const [oldest, evicted] = cache.entries().next().value!;
        cache.delete(oldest);
        cachedBytes -= evicted.bits.length + (evicted.rids?.length ?? 0) * 8;
      }
      cache.set(key, set);
      cachedBytes += bytes;
      return set;
    },
    withActive<T>(set: MatchSet, run: () => T): T {
      active = set.bits;
      try {
        return run();
      } finally {
        active = null;
      }
    },
    has: (key: string) => cache.has(key),
    /** Changes on every invalidation, so a set computed across a write is never kept. */
    generation: () => writes,
    invalidate() {
      writes++;
      cache = new Map();
      cachedBytes = 0;
    },
  };
}
