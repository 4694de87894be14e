import type { Sql } from './call-filters';
import type {
  CallQuery,
  InsightAgentCell,
  InsightCell,
  InsightRollup,
  InsightTrendCell,
} from './types';

/**
 * The rollups of calls: each keeps calls (and, but for the trend, talk seconds and slow answers)
 * per its keys. One per figure, so each is read at its own size: a series bucket's cells from
 * about 60 rows a day, an agent's trend from 8, the agents' split from the full combinations.
 */
export const INSIGHT_ROLLUPS = [
  {
    table: 'call_insight_cells',
    keys: ['sentiment', 'prospect_status', 'consent', 'agent_id'],
    sums: true,
  },
  { table: 'call_insight_series', keys: ['sentiment', 'prospect_status', 'consent'], sums: true },
  { table: 'call_insight_trend', keys: ['agent_id'], sums: false },
] as const;

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/**
 * The levels of the insight rollups (and of SQLite's period counts), coarsest first. `period` is
 * the UTC start of the level's hour, day or month in epoch ms, so every level compares with the
 * same numbers.
 */
interface RollupLevel {
  code: number;
  floor(ms: number): number;
  next(boundary: number): number;
}

const fixed = (code: number, size: number): RollupLevel => ({
  code,
  floor: (ms) => Math.floor(ms / size) * size,
  next: (boundary) => boundary + size,
});

const MONTH: RollupLevel = {
  code: 2,
  floor(ms) {
    const date = new Date(ms);
    return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
  },
  next(boundary) {
    const date = new Date(boundary);
    return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
  },
};

export const ROLLUP_LEVELS = [MONTH, fixed(1, DAY_MS), fixed(0, HOUR_MS)] as const;

/** The rollup rows of one level whose period lies in `[from, to)`, added or taken away. */
export interface RollupPiece {
  level: number;
  from: number;
  to: number;
  sign: 1 | -1;
}

/** Calls counted one by one over `[from, to)` (a part of an hour the rollups cannot split). */
export interface RowPiece {
  level: null;
  from: number;
  to: number;
  sign: 1 | -1;
}

export type SpanPiece = RollupPiece | RowPiece;

/**
 * `[from, to)` as sums and differences of rollup periods, coarsest first, and rows for what is
 * left of an hour. Each end moves to the nearest boundary of a level (a window ending at 23:00
 * is a whole day minus its last hour), so the finer levels only ever cover half a unit at an end.
 * That is what lets a day of a zone an hour off UTC read one day and two hours instead of
 * 24 hours.
 */
export function planSpan(from: number, to: number): SpanPiece[] {
  const pieces: SpanPiece[] = [];
  const cover = (a: number, b: number, index: number, sign: 1 | -1) => {
    if (a >= b) return;
    const level = ROLLUP_LEVELS[index];
    if (!level) {
      pieces.push({ level: null, from: a, to: b, sign });
      return;
    }
    const nearest = (ms: number) => {
      const below = level.floor(ms);
      if (below === ms) return ms;
      const above = level.next(below);
      return ms - below <= above - ms ? below : above;
    };
    const [start, end] = [nearest(a), nearest(b)];
    if (start >= end) {
      cover(a, b, index + 1, sign);
      return;
    }
    pieces.push({ level: level.code, from: start, to: end, sign });
    if (a < start) cover(a, start, index + 1, sign);
    else if (a > start) cover(start, a, index + 1, -sign as 1 | -1);
    if (b > end) cover(end, b, index + 1, sign);
    else if (b < end) cover(b, end, index + 1, -sign as 1 | -1);
  };
  cover(from, to, 0, 1);
  return pieces;
}

/**
 * Can the rollups answer this query? They are kept for every call, split by the values the
 * figures group by, so any filter (a facet, a text search, a caller, a review state) reads rows.
 */
export function rollupsAnswer(query: CallQuery): boolean {
  return (
    query.q === undefined &&
    query.search_by === undefined &&
    query.search_value === undefined &&
    query.status === undefined &&
    query.source_type === undefined &&
    query.sentiment === undefined &&
    query.outcome === undefined &&
    query.consent === undefined &&
    query.agent === undefined &&
    query.prospect === undefined &&
    query.review === undefined
  );
}

/** What one piece is read for. */
export type PieceKind = 'cells' | 'agents' | 'trend' | 'durations';

export interface PieceRow {
  sentiment?: string | null;
  outcome?: string | null;
  consent?: number;
  agent?: string | null;
  duration?: number;
  n: number;
  talk?: number;
  slow?: number;
}

/** How a backend writes a sum as a JavaScript number (PostgreSQL's sums of integers are bigint). */
export interface RollupDialect {
  int(expression: string): string;
}

const KIND_GROUPS: Record<PieceKind, { rollup: string[]; rows: string[]; names: string[] }> = {
  cells: {
    rollup: ['sentiment', 'prospect_status', 'consent'],
    rows: ['c.sentiment', 'c.prospect_status', 'c.consent'],
    names: ['sentiment', 'outcome', 'consent'],
  },
  agents: {
    rollup: ['agent_id', 'sentiment', 'prospect_status'],
    rows: ['c.agent_id', 'c.sentiment', 'c.prospect_status'],
    names: ['agent', 'sentiment', 'outcome'],
  },
  trend: { rollup: ['agent_id'], rows: ['c.agent_id'], names: ['agent'] },
  durations: { rollup: ['duration'], rows: ['c.duration'], names: ['duration'] },
};

/** The rollup each kind reads: the narrowest that holds its keys. */
const ROLLUP_TABLES: Record<PieceKind, string> = {
  cells: 'call_insight_series',
  agents: 'call_insight_cells',
  trend: 'call_insight_trend',
  durations: 'call_insight_durations',
};

const levelOf = (code: number) => ROLLUP_LEVELS.find((level) => level.code === code)!;

/** One piece of one kind as a statement: rollup rows of a level, or the calls themselves. */
export function pieceSql(kind: PieceKind, piece: SpanPiece, dialect: RollupDialect): Sql {
  const groups = KIND_GROUPS[kind];
  const rollup = piece.level !== null;
  const columns = rollup ? groups.rollup : groups.rows;
  const select = columns.map((column, i) => `${column} AS ${groups.names[i]}`);
  const sums =
    kind === 'cells' || kind === 'agents'
      ? rollup
        ? [
            `${dialect.int('sum(n)')} AS n`,
            'sum(talk) AS talk',
            `${dialect.int('sum(slow)')} AS slow`,
          ]
        : [
            `${dialect.int('count(*)')} AS n`,
            'coalesce(sum(c.duration), 0) AS talk',
            `${dialect.int('sum(c.slow_answers)')} AS slow`,
          ]
      : [`${dialect.int(rollup ? 'sum(n)' : 'count(*)')} AS n`];
  const conditions: string[] = [];
  if (kind === 'agents' || kind === 'trend') conditions.push(`${columns[0]} IS NOT NULL`);
  if (kind === 'durations' && !rollup) conditions.push('c.duration IS NOT NULL');
  const table = rollup ? ROLLUP_TABLES[kind] : 'calls c';
  // One period alone is read by equality: its rows then come grouped in the index's order.
  const single = rollup && levelOf(piece.level).next(piece.from) === piece.to;
  const range = !rollup
    ? 'c.ts_start >= ? AND c.ts_start < ?'
    : single
      ? 'level = ? AND period = ?'
      : 'level = ? AND period >= ? AND period < ?';
  const params = !rollup
    ? [piece.from, piece.to]
    : single
      ? [piece.level, piece.from]
      : [piece.level, piece.from, piece.to];
  return {
    text: `SELECT ${[...select, ...sums].join(', ')} FROM ${table}
      WHERE ${[range, ...conditions].join(' AND ')} GROUP BY ${columns.join(', ')}`,
    params,
  };
}

/**
 * Runs every kind's pieces at once, giving each piece's rows in the pieces' order: a backend
 * reads them in one snapshot, so the figures never mix two states of the calls.
 */
export type PieceRunner = (
  batches: { kind: PieceKind; pieces: SpanPiece[] }[],
) => Promise<PieceRow[][][]>;

/** Nearest rank over a histogram: the smallest value with at least `q` of the counts at or below. */
function histogramRank(sorted: [number, number][], total: number, q: number): number | null {
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (const [value, count] of sorted) {
    seen += count;
    if (seen >= rank) return value;
  }
  return sorted.at(-1)![0];
}

const tag = (value: string | number | null | undefined) =>
  value === null || value === undefined ? '-' : `=${String(value).length}:${String(value)}`;

/**
 * The call figures of a window over `bounds` from the rollups: each bucket and the whole span
 * planned as pieces, each distinct piece read once, and the signed sums merged by key.
 */
export async function readRollupFigures(
  bounds: number[],
  run: PieceRunner,
): Promise<Omit<InsightRollup, 'reviews'>> {
  if (bounds.length < 2) return { cells: [], agents: [], trend: [], duration: emptyDuration() };
  const bucketPlans = bounds.slice(0, -1).map((start, i) => planSpan(start, bounds[i + 1]!));
  const spanPlan = planSpan(bounds[0]!, bounds.at(-1)!);
  // Neighbouring buckets share their correction hours: each distinct piece is read once.
  const distinct = (plans: SpanPiece[][]) => {
    const byKey = new Map<string, SpanPiece>();
    for (const piece of plans.flat()) {
      byKey.set(`${piece.level}|${piece.from}|${piece.to}`, { ...piece, sign: 1 });
    }
    return byKey;
  };
  const batches = [
    { kind: 'cells' as const, pieces: distinct(bucketPlans) },
    { kind: 'trend' as const, pieces: distinct(bucketPlans) },
    { kind: 'agents' as const, pieces: distinct([spanPlan]) },
    { kind: 'durations' as const, pieces: distinct([spanPlan]) },
  ];
  const results = await run(
    batches.map(({ kind, pieces }) => ({ kind, pieces: [...pieces.values()] })),
  );
  const [cellRows, trendRows, agentRows, durationRows] = batches.map(({ pieces }, b) => {
    const byKey = new Map<string, PieceRow[]>();
    [...pieces.keys()].forEach((key, i) => byKey.set(key, results[b]![i]!));
    return (piece: SpanPiece) => byKey.get(`${piece.level}|${piece.from}|${piece.to}`)!;
  }) as [Rows, Rows, Rows, Rows];

  const cells = new Map<string, InsightCell>();
  const trend = new Map<string, InsightTrendCell>();
  bucketPlans.forEach((plan, bucket) => {
    for (const piece of plan) {
      for (const row of cellRows(piece)) {
        const key = `${bucket}|${row.consent}|${tag(row.sentiment)}|${tag(row.outcome)}`;
        let cell = cells.get(key);
        if (!cell) {
          cell = {
            bucket,
            sentiment: row.sentiment ?? null,
            outcome: row.outcome ?? null,
            consent: row.consent!,
            n: 0,
            talk: 0,
            slow: 0,
          };
          cells.set(key, cell);
        }
        cell.n += piece.sign * row.n;
        cell.talk += piece.sign * row.talk!;
        cell.slow += piece.sign * row.slow!;
      }
      for (const row of trendRows(piece)) {
        const key = `${bucket}|${row.agent}`;
        let cell = trend.get(key);
        if (!cell) {
          cell = { bucket, agent: row.agent!, n: 0 };
          trend.set(key, cell);
        }
        cell.n += piece.sign * row.n;
      }
    }
  });
  const agents = new Map<string, InsightAgentCell>();
  const durations = new Map<number, number>();
  for (const piece of spanPlan) {
    for (const row of agentRows(piece)) {
      const key = `${tag(row.agent)}|${tag(row.sentiment)}|${tag(row.outcome)}`;
      let cell = agents.get(key);
      if (!cell) {
        cell = {
          agent: row.agent!,
          sentiment: row.sentiment ?? null,
          outcome: row.outcome ?? null,
          n: 0,
          slow: 0,
        };
        agents.set(key, cell);
      }
      cell.n += piece.sign * row.n;
      cell.slow += piece.sign * row.slow!;
    }
    for (const row of durationRows(piece)) {
      durations.set(row.duration!, (durations.get(row.duration!) ?? 0) + piece.sign * row.n);
    }
  }
  const histogram = [...durations].filter(([, count]) => count !== 0).sort((a, b) => a[0] - b[0]);
  const known = histogram.reduce((sum, [, count]) => sum + count, 0);
  return {
    cells: [...cells.values()].filter((cell) => cell.n !== 0),
    agents: [...agents.values()].filter((cell) => cell.n !== 0),
    trend: [...trend.values()].filter((cell) => cell.n !== 0),
    duration: {
      median: histogramRank(histogram, known, 0.5),
      p90: histogramRank(histogram, known, 0.9),
    },
  };
}

const emptyDuration = () => ({ median: null, p90: null });
type Rows = (piece: SpanPiece) => PieceRow[];

/** A call's values as the row paths group them, before they are split into the three shapes. */
export interface FullInsightCell extends InsightCell {
  agent: string | null;
}

/** Cells grouped by bucket and every value, split into the shapes of an `InsightRollup`. */
export function splitCells(
  full: Iterable<FullInsightCell>,
): Pick<InsightRollup, 'cells' | 'agents' | 'trend'> {
  const cells = new Map<string, InsightCell>();
  const agents = new Map<string, InsightAgentCell>();
  const trend = new Map<string, InsightTrendCell>();
  for (const cell of full) {
    const cellKey = `${cell.bucket}|${cell.consent}|${tag(cell.sentiment)}|${tag(cell.outcome)}`;
    const known = cells.get(cellKey);
    if (known) {
      known.n += cell.n;
      known.talk += cell.talk;
      known.slow += cell.slow;
    } else {
      const { agent: _agent, ...own } = cell;
      cells.set(cellKey, own);
    }
    if (cell.agent === null) continue;
    const agentKey = `${tag(cell.agent)}|${tag(cell.sentiment)}|${tag(cell.outcome)}`;
    const agent = agents.get(agentKey);
    if (agent) {
      agent.n += cell.n;
      agent.slow += cell.slow;
    } else {
      agents.set(agentKey, {
        agent: cell.agent,
        sentiment: cell.sentiment,
        outcome: cell.outcome,
        n: cell.n,
        slow: cell.slow,
      });
    }
    const trendKey = `${cell.bucket}|${cell.agent}`;
    const point = trend.get(trendKey);
    if (point) point.n += cell.n;
    else trend.set(trendKey, { bucket: cell.bucket, agent: cell.agent, n: cell.n });
  }
  return { cells: [...cells.values()], agents: [...agents.values()], trend: [...trend.values()] };
}
