import { describe, expect, it } from 'vitest';
import { ROLLUP_LEVELS } from './insight-rollups';
import { countsPlace, placeByCounts, type CountReader, type PeriodCount } from './counted-seek';
import type { CallQuery } from './types';

const HOUR = 3_600_000;
/** Starts over about three months, several to an hour, some sharing a start. */
const starts = Array.from(
  { length: 600 },
  (_, i) => Date.UTC(2026, 0, 1) + ((i * 7919) % 2200) * HOUR + (i % 3) * 60_000,
);

/** Counts per period of a level, as the kept counts hold them. */
const reader =
  (values: number[]): CountReader =>
  async (level, window) => {
    const floor = ROLLUP_LEVELS.find((candidate) => candidate.code === level)!.floor;
    const counts = new Map<number, number>();
    for (const start of values) {
      if (window && (start < window[0] || start >= window[1])) continue;
      counts.set(floor(start), (counts.get(floor(start)) ?? 0) + 1);
    }
    return [...counts].map(([period, n]): PeriodCount => ({ period, n }));
  };

/** The page a placed query gives over `values`, as the database would answer it. */
function pageOf(values: number[], query: CallQuery): number[] {
  const desc = query.sort_order === 'desc';
  return values
    .filter(
      (start) =>
        (query.from === undefined || start >= query.from) &&
        (query.to === undefined || start < query.to),
    )
    .sort((a, b) => (desc ? b - a : a - b))
    .slice(query.skip, query.skip + query.limit);
}

describe('placing a page by the counts per month, day and hour', () => {
  it('gives the same page as skipping every row, in both orders', async () => {
    for (const sort_order of ['asc', 'desc'] as const) {
      for (const skip of [0, 1, 59, 60, 299, 512, 579, 580]) {
        const query: CallQuery = { sort_order, skip, limit: 20 };
        const placed = await placeByCounts(query, reader(starts), 0);
        expect(placed, `${sort_order} ${skip}`).not.toBeNull();
        // It skips less than an hour's calls.
        expect(placed!.skip).toBeLessThan(starts.length / 100);
        expect(pageOf(starts, placed!), `${sort_order} ${skip}`).toEqual(pageOf(starts, query));
      }
    }
  });

  it('leaves pages among or reaching calls without a start, or past the end, to the walk', async () => {
    const asc: CallQuery = { sort_order: 'asc', skip: 4, limit: 20 };
    expect(await placeByCounts(asc, reader(starts), 5)).toBeNull();
    const afterNulls = await placeByCounts({ ...asc, skip: 25 }, reader(starts), 5);
    expect(pageOf(starts, afterNulls!)).toEqual(pageOf(starts, { ...asc, skip: 20 }));
    const desc: CallQuery = { sort_order: 'desc', skip: 590, limit: 20 };
    expect(await placeByCounts(desc, reader(starts), 0)).toBeNull();
    expect(await placeByCounts({ ...desc, skip: 600, limit: 1 }, reader(starts), 0)).toBeNull();
    expect(await placeByCounts({ ...asc, skip: 600 }, reader(starts), 0)).toBeNull();
  });

  it('gives up when the counts were read at different times', async () => {
    const query: CallQuery = { sort_order: 'desc', skip: 100, limit: 20 };
    let reads = 0;
    const changing: CountReader = async (level, window) =>
      ++reads === 2 ? null : reader(starts)(level, window);
    expect(await placeByCounts(query, changing, 0)).toBeNull();
  });

  it('is only used where the counts split calls as the query does', () => {
    const deep: CallQuery = { sort_order: 'desc', skip: 50_000, limit: 50 };
    expect(countsPlace(deep)).toBe(true);
    expect(countsPlace({ ...deep, sentiment: ['negative'], consent: 'given' })).toBe(true);
    expect(countsPlace({ ...deep, skip: 100 })).toBe(false);
    expect(countsPlace({ ...deep, sort_by: 'duration' })).toBe(false);
    expect(countsPlace({ ...deep, from: 0 })).toBe(false);
    expect(countsPlace({ ...deep, q: 'table' })).toBe(false);
    expect(countsPlace({ ...deep, prospect: 'pro.1' })).toBe(false);
    expect(countsPlace({ ...deep, review: { states: [], reviewer: null, epoch: 1 } })).toBe(false);
  });
});
