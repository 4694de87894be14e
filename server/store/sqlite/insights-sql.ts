import type Database from 'better-sqlite3';
import { REVIEWED_STATES } from '../../../contract';
import { splitCells, type FullInsightCell } from '../insight-rollups';
import type { CallQuery, InsightReviewRow, InsightRollup } from '../types';
import { whereSql, type Sql } from './call-list-sql';

const placeholders = (values: readonly unknown[]) => values.map(() => '?').join(', ');

/** The query's filters with the whole series' span as its date range. */
function spanOf(query: CallQuery, bounds: number[]): CallQuery {
  return { ...query, from: bounds[0], to: bounds.at(-1) };
}

/**
 * The calls of the span in start order, from `calls_insights` alone. They are summed in
 * JavaScript in the same pass that collects the durations: a GROUP BY in SQLite sorted every row
 * into a temporary tree, which cost more than reading them.
 */
export function insightRowsSql(query: CallQuery, bounds: number[], rowByRow: boolean): Sql {
  const where = whereSql(spanOf(query, bounds), undefined, rowByRow);
  return {
    text: `SELECT c.ts_start, c.sentiment, c.prospect_status, c.agent_id, c.consent, c.duration,
        c.slow_answers
      FROM calls c INDEXED BY calls_insights ${where.text}
      ORDER BY c.ts_start`,
    params: where.params,
  };
}

/** A key part that tells null from any string, "null" included. */
const tag = (value: string | null) => (value === null ? '-' : `=${value.length}:${value}`);

type InsightRow = [
  number,
  string | null,
  string | null,
  string | null,
  number,
  number | null,
  number,
];

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
  if (bounds.length < 2) {
    return { cells: [], agents: [], trend: [], duration: { median: null, p90: null } };
  }
  const sql = insightRowsSql(query, bounds, rowByRow);
  const cells = new Map<string, FullInsightCell>();
  let durations = new Float64Array(1024);
  let known = 0;
  let bucket = 0;
  for (const row of prepared(sql.text)
    .raw()
    .iterate(...sql.params) as IterableIterator<InsightRow>) {
    const [start, sentiment, outcome, agent, consent, duration, slow] = row;
    // Rows come in start order, so the bucket only ever moves forward.
    while (start >= bounds[bucket + 1]!) bucket++;
    const key = `${bucket}|${consent}|${tag(sentiment)}|${tag(outcome)}|${tag(agent)}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = { bucket, sentiment, outcome, agent, consent, n: 0, talk: 0, slow: 0 };
      cells.set(key, cell);
    }
    cell.n++;
    cell.slow += slow;
    if (duration !== null) {
      cell.talk += duration;
      if (known === durations.length) {
        const grown = new Float64Array(known * 2);
        grown.set(durations);
        durations = grown;
      }
      durations[known++] = duration;
    }
  }
  const sorted = durations.subarray(0, known).sort();
  return {
    ...splitCells(cells.values()),
    duration: { median: nearestRank(sorted, 0.5), p90: nearestRank(sorted, 0.9) },
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
