import type Database from 'better-sqlite3';
import { REVIEWED_STATES } from '../../../contract';
import type { CallQuery, InsightCell, InsightReviewRow, InsightRollup } from '../types';
import { whereSql, type Sql } from './call-list-sql';

const placeholders = (values: readonly unknown[]) => values.map(() => '?').join(', ');

/** The query's filters with the whole series' span as its date range. */
function spanOf(query: CallQuery, bounds: number[]): CallQuery {
  return { ...query, from: bounds[0], to: bounds.at(-1) };
}

/**
 * Cells per bucket: the buckets come in as one JSON array of `[from, to)` pairs and drive the
 * join, so each is one range of `calls_insights`, read from the index alone.
 */
export function insightCellsSql(query: CallQuery, bounds: number[], rowByRow: boolean): Sql {
  const where = whereSql(spanOf(query, bounds), undefined, rowByRow);
  const pairs = bounds.slice(0, -1).map((from, i) => [from, bounds[i + 1]!]);
  return {
    text: `WITH b (i, lo, hi) AS (
        SELECT CAST(key AS INTEGER), value ->> 0, value ->> 1 FROM json_each(?)
      )
      SELECT b.i AS bucket, c.sentiment AS sentiment, c.prospect_status AS outcome,
        c.agent_id AS agent, c.consent AS consent, count(*) AS n,
        total(c.duration) AS talk, total(c.slow_answers) AS slow
      FROM b CROSS JOIN calls c INDEXED BY calls_insights
        ON c.ts_start >= b.lo AND c.ts_start < b.hi
      ${where.text}
      GROUP BY b.i, c.sentiment, c.prospect_status, c.agent_id, c.consent`,
    params: [JSON.stringify(pairs), ...where.params],
  };
}

export function durationsSql(query: CallQuery, bounds: number[], rowByRow: boolean): Sql {
  const where = whereSql(spanOf(query, bounds), undefined, rowByRow);
  return {
    text: `SELECT c.duration FROM calls c INDEXED BY calls_insights ${where.text}
      AND c.duration IS NOT NULL`,
    params: where.params,
  };
}

/** Review figures per agent: read from the (few) reviewed calls towards the calls. */
export function insightReviewsSql(query: CallQuery, bounds: number[], rowByRow: boolean): Sql {
  const where = whereSql(spanOf(query, bounds), undefined, rowByRow);
  return {
    text: `SELECT c.agent_id AS agent,
        total(s.state IN (${placeholders(REVIEWED_STATES)})) AS reviewed,
        total(s.rating_sum) AS ratingSum, total(s.rating_count) AS ratingCount
      FROM call_review_state s CROSS JOIN calls c ON c.id = s.call_id
      ${where.text}
      GROUP BY c.agent_id`,
    params: [...REVIEWED_STATES, ...where.params],
  };
}

/** Nearest rank: the smallest value with at least `q` of the values at or below it. */
export function nearestRank(sorted: Float64Array, q: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;
}

/** Cells and duration quantiles: they change only with the calls, so a store may cache them. */
export function readCallFigures(
  prepared: (text: string) => Database.Statement,
  query: CallQuery,
  bounds: number[],
  rowByRow: boolean,
): Omit<InsightRollup, 'reviews'> {
  if (bounds.length < 2) return { cells: [], duration: { median: null, p90: null } };
  const cells = insightCellsSql(query, bounds, rowByRow);
  const durations = durationsSql(query, bounds, rowByRow);
  const values = Float64Array.from(
    prepared(durations.text)
      .pluck()
      .all(...durations.params) as number[],
  ).sort();
  return {
    cells: prepared(cells.text).all(...cells.params) as InsightCell[],
    duration: { median: nearestRank(values, 0.5), p90: nearestRank(values, 0.9) },
  };
}

/** Review figures change with every review: read each time (from the reviewed calls only). */
export function readReviewFigures(
  prepared: (text: string) => Database.Statement,
  query: CallQuery,
  bounds: number[],
  rowByRow: boolean,
): InsightReviewRow[] {
  if (bounds.length < 2) return [];
  const reviews = insightReviewsSql(query, bounds, rowByRow);
  return prepared(reviews.text).all(...reviews.params) as InsightReviewRow[];
}
