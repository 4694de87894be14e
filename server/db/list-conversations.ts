import type { Statement } from 'better-sqlite3';
import {
  countedMatchSql,
  fromTheEnd,
  ftsMatchSql,
  indexPageSql,
  orderKey,
  placeSql,
  setPageSql,
  walkPageSql,
  type ListQuery,
  type Mark,
  type SeekMark,
  type Sql,
} from './list-plan';
import { createMatchSets, type MatchSet } from './match-sets';
import type { Db } from './open-database';
import { createSkipMarks, type SkipMarkOptions } from './skip-marks';
import { fold, NULL_KEY, type CountedField } from './row-mapping';
import { SEARCH_FIELDS, searchNeedle } from './search-fields';

export interface ListOptions {
  /** Tests force one path to check both against the reference; production uses `auto`. */
  plan?: 'auto' | 'walk' | 'set';
  /** Tests mark every few rows, so a small list exercises deep pages. */
  skipMarks?: SkipMarkOptions;
}

export interface RidPage {
  rids: number[];
  total: number;
}

/** Relative costs of one row: stepping an index with a bit test, and sorting a listed match. */
const WALK_ROW_COST = 1;
const SET_ROW_COST = 8;
const MIN_WALK_BUDGET = 20_000;

/**
 * Pages of the list, and the X-Total-Count of each.
 *
 * Totals: unfiltered, status-filtered and low-cardinality-field totals are exact sums from
 * `value_counts`, kept in the write transactions. An FTS search computes its match set once
 * (trigram candidates checked with `instr`) and keeps it until the next write (see
 * `match-sets.ts`), so paging through a search, or re-sorting it, does not search again.
 *
 * A page of a search takes the cheaper of two paths, given the match count `m` and the `b` rows
 * under the status filter:
 * - walk the sort index, testing each rowid against the match bitmap without reading the row:
 *   about `(skip + limit) * b / m` index entries when matches are spread out. The walk is capped
 *   at what sorting would cost, so matches clustered far along the order (ids sharing a prefix
 *   sort together by time) fall back to sorting;
 * - sort the matches themselves when they are few.
 * A search that matches nothing stops at the trigram index, without reading a row.
 */
export function createListQueries(db: Db, options: ListOptions = {}) {
  const plan = options.plan ?? 'auto';
  // A few dozen statement shapes at most: names come from allowlists, values are parameters.
  const statements = new Map<string, Statement<unknown[], number>>();
  const prepared = (text: string) => {
    let statement = statements.get(text);
    if (!statement) {
      statement = db.prepare<unknown[], number>(text).pluck();
      statements.set(text, statement);
    }
    return statement;
  };
  const all = (sql: Sql, ...extra: string[]) => prepared(sql.text).all(...extra, ...sql.params);
  const matchSets = createMatchSets(db);
  const skipMarks = createSkipMarks(db, (sql) => all(sql), options.skipMarks);
  const countsOf = db.prepare<[string], { value: string; status: string; n: number }>(
    'SELECT value, status, n FROM value_counts WHERE field = ? AND n > 0',
  );

  /** Exact counts per value of a low-cardinality field, under the status filter if any. */
  function valueCounts(field: CountedField, status: string | undefined): Map<string, number> {
    const counts = new Map<string, number>();
    for (const row of countsOf.all(field)) {
      if (status !== undefined && row.status !== status) continue;
      counts.set(row.value, (counts.get(row.value) ?? 0) + row.n);
    }
    return counts;
  }

  function baseTotal(status: string | undefined): number {
    let total = 0;
    for (const n of valueCounts('status', status).values()) total += n;
    return total;
  }

  /** What a search needs: an answer already, or the match set under `key` that `sql` lists. */
  type Resolved =
    | { kind: 'answer'; answer: () => RidPage }
    | { kind: 'set'; key: string; sql: Sql; total?: number };

  function resolve(query: ListQuery): Resolved {
    const field = query.search_by!;
    const value = query.search_value!;
    const spec = SEARCH_FIELDS[field];
    if (spec.kind === 'fts') {
      const status = query.status ?? NULL_KEY;
      const key = `fts\u0000${field}\u0000${searchNeedle(field, value)}\u0000${status}`;
      return { kind: 'set', key, sql: ftsMatchSql(field, value, query.status) };
    }
    const needle = fold(value);
    const values: string[] = [];
    let total = 0;
    for (const [candidate, n] of valueCounts(spec.field, query.status)) {
      if (candidate === NULL_KEY || !fold(candidate).includes(needle)) continue;
      values.push(candidate);
      total += n;
    }
    if (total === 0 || query.skip >= total) {
      return { kind: 'answer', answer: () => ({ rids: [], total }) };
    }
    // One status value is the status filter itself, which has its own indexes.
    if (field === 'status' && values.length === 1) {
      const filtered = { ...query, status: values[0] };
      return { kind: 'answer', answer: () => ({ rids: indexPage(filtered, total), total }) };
    }
    const index = spec.index ?? 'conv_status_ts_start';
    const key = `counted\u0000${field}\u0000${values.join('\u0000')}`;
    return { kind: 'set', key, sql: countedMatchSql(spec.column, index, values), total };
  }

  function searchPage(query: ListQuery): RidPage {
    const resolved = resolve(query);
    if (resolved.kind === 'answer') return resolved.answer();
    const set = matchSets.get(resolved.key, () => all(resolved.sql));
    const total = resolved.total ?? set.count;
    if (total === 0 || query.skip >= total) return { rids: [], total };
    return { rids: pageOf(query, set, total), total };
  }

  /**
   * Computes a search's match set with `compute` (another thread) unless it is known, so the
   * expensive part of a new search never blocks this one. A write meanwhile voids the result.
   */
  async function prepare(
    query: ListQuery,
    compute: (sql: Sql) => Promise<number[]>,
  ): Promise<'computed' | 'known' | 'stale'> {
    if (query.search_by === undefined || query.search_value === undefined) return 'known';
    const resolved = resolve(query);
    if (resolved.kind === 'answer' || matchSets.has(resolved.key)) return 'known';
    const generation = matchSets.generation();
    const rids = await compute(resolved.sql);
    if (matchSets.generation() !== generation) return 'stale';
    matchSets.get(resolved.key, () => rids);
    return 'computed';
  }

  function pageOf(query: ListQuery, set: MatchSet, total: number): number[] {
    const listed = set.rids;
    const sortPage = () => all(setPageSql(query), JSON.stringify(listed));
    const base = baseTotal(query.status);
    const expectedWalk = Math.min(base, ((query.skip + query.limit) * base) / total);
    const setCost = listed === null ? Infinity : listed.length * SET_ROW_COST;
    if (plan === 'set' && listed !== null) return sortPage();
    if (plan === 'auto' && expectedWalk * WALK_ROW_COST > setCost) return sortPage();
    const budget =
      plan === 'walk' || listed === null
        ? base
        : Math.max(MIN_WALK_BUDGET, Math.ceil(setCost / WALK_ROW_COST));
    const rids = walkPage(query, set, budget);
    // Complete when the page is full, or when the walk saw every row under the filter.
    if (rids.length === query.limit || budget >= base || listed === null) return rids;
    return sortPage();
  }

  /**
   * The walk, from the first match when a first page has found it: exact when the page is full
   * (see `walkPageSql`), else walked again from the start.
   */
  function walkPage(query: ListQuery, set: MatchSet, budget: number): number[] {
    const walk = (first?: SeekMark) =>
      matchSets.withActive(set, () =>
        all(walkPageSql(query, budget, matchSets.functionName, first)),
      );
    const first = set.firstMatches.get(orderKey(query));
    const fromFirst = first ? walk(first) : [];
    if (fromFirst.length === query.limit) return fromFirst;
    const rids = walk();
    if (query.skip === 0 && rids[0] !== undefined) noteFirstMatch(query, set, rids[0]);
    return rids;
  }

  /** Keeps where the first match of `set` is in `query`'s order, if a seek can reach it. */
  function noteFirstMatch(query: ListQuery, set: MatchSet, rid: number): void {
    const sql = placeSql(query, rid);
    // Once per search and order, so the statement is not kept.
    const place = db.prepare<unknown[], Mark>(sql.text).get(...sql.params);
    if (place && place.key !== null) {
      set.firstMatches.set(orderKey(query), { key: place.key, id: place.id });
    }
  }

  function page(query: ListQuery): RidPage {
    if (query.search_by !== undefined && query.search_value !== undefined) {
      return searchPage(query);
    }
    const total = baseTotal(query.status);
    return { rids: indexPage(query, total), total };
  }

  /**
   * A page of the `total` rows an index lists, walked from whichever end is nearer: `total` is
   * exact (kept in the write transactions), so the mirrored page is the same rows.
   */
  function indexPage(query: ListQuery, total: number): number[] {
    const nearer = fromTheEnd(query, total);
    if (nearer === null) return [];
    const rids = skipMarks.page(nearer.query) ?? all(indexPageSql(nearer.query));
    return nearer.reversed ? rids.reverse() : rids;
  }

  return {
    page,
    prepare,
    total: () => baseTotal(undefined),
    /** Call after every committed write: match sets may have changed. */
    invalidate: () => {
      matchSets.invalidate();
      skipMarks.invalidate();
    },
  };
}
