import { hasText } from './call-filters';
import { ROLLUP_LEVELS } from './insight-rollups';
import type { CallQuery } from './types';

/**
 * Rows skipped from which a page in start order is placed by the counts per month, day and hour
 * (`placeByCounts`) instead of walking the order's index past every skipped row. Placing takes
 * three or four statements; PostgreSQL walks some 10,000 index entries a millisecond.
 */
export const COUNTED_SKIP = 20_000;

/** Calls per period of one level (`period` is its UTC start in epoch ms). */
export interface PeriodCount {
  period: number;
  n: number;
}

/**
 * Reads the counts of one level whose periods start in `[from, to)` (all of them when `window`
 * is null), split only by the query's filters, in any order; null when the reads can't agree
 * (the data changed between them).
 */
export type CountReader = (
  level: number,
  window: [from: number, to: number] | null,
) => Promise<PeriodCount[] | null>;

/**
 * Can the counts per period place this query's page? They are split by the facet filters only,
 * and cover whole periods, so: the start order, no date range, no text, caller or review filter.
 */
export function countsPlace(query: CallQuery, countedSkip = COUNTED_SKIP): boolean {
  return (
    query.skip >= countedSkip &&
    (query.sort_by ?? 'timestampStart') === 'timestampStart' &&
    query.from === undefined &&
    query.to === undefined &&
    !hasText(query) &&
    query.search_by === undefined &&
    query.prospect === undefined &&
    query.review === undefined
  );
}

/**
 * The period that holds the row `skip` places into `counts` (already in the list's order), and
 * how many rows the periods before it hold; null when `counts` holds no more than `skip` rows.
 */
function periodHolding(
  counts: PeriodCount[],
  skip: number,
): { period: number; before: number } | null {
  let before = 0;
  for (const { period, n } of counts) {
    if (skip < before + n) return { period, before };
    before += n;
  }
  return null;
}

/**
 * The same page as `query` asks for, as a query that skips less than an hour's calls: the month,
 * then the day, then the hour that holds its first row are found from the counts, and the page
 * is asked from that hour's edge on. `nullsFirst` is how many calls without a start (which the
 * ascending order puts first) pass the filters. Null when the counts can't place it: a page
 * among or reaching the calls without a start, past the end, or counts read at different times.
 */
export async function placeByCounts(
  query: CallQuery,
  read: CountReader,
  nullsFirst: number,
): Promise<CallQuery | null> {
  const desc = query.sort_order === 'desc';
  let remaining = query.skip - (desc ? 0 : nullsFirst);
  if (remaining < 0) return null;
  let window: [number, number] | null = null;
  for (const level of ROLLUP_LEVELS) {
    const counts = await read(level.code, window);
    if (counts === null) return null;
    counts.sort((a, b) => (desc ? b.period - a.period : a.period - b.period));
    // Descending, the calls without a start come last: a page that reaches them is not placed.
    if (window === null && desc) {
      const withStart = counts.reduce((sum, { n }) => sum + n, 0);
      if (query.skip + query.limit > withStart) return null;
    }
    const hit = periodHolding(counts, remaining);
    if (hit === null) return null;
    remaining -= hit.before;
    window = [hit.period, level.next(hit.period)];
  }
  if (window === null) return null;
  return desc
    ? { ...query, to: window[1], skip: remaining }
    : { ...query, from: window[0], skip: remaining };
}
