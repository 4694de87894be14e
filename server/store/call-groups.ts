import type { CallFacets } from '../../contract';
import type { Sql } from './call-filters';
import { planSpan } from './insight-rollups';
import type { CallQuery } from './types';

export { hasText } from './call-filters';

/** How many calls share one combination of the filterable values. */
export interface CallGroup {
  sentiment: string | null;
  outcome: string | null;
  consent: number;
  agent: string | null;
  status: string | null;
  source: string | null;
  n: number;
}

/** The columns the counts are grouped by: every filter but a date range and text. */
export const GROUP_COLUMNS = [
  'sentiment',
  'prospect_status',
  'consent',
  'agent_id',
  'status',
  'source_type',
] as const;

/** The select list of a `CallGroup` (its `n` aside), over `calls`. */
export const SELECT_GROUP = `sentiment, prospect_status AS outcome, consent, agent_id AS agent,
  status, source_type AS source`;
export const GROUP_BY = GROUP_COLUMNS.join(', ');

/** The query without the filters that the groups answer in memory (the facet filters). */
export function scopeOf(query: CallQuery): CallQuery {
  return {
    ...query,
    sentiment: undefined,
    outcome: undefined,
    consent: undefined,
    agent: undefined,
    status: undefined,
    source_type: undefined,
  };
}

/** What a scope's groups depend on, as a cache key (the review epoch included). */
export function scopeKey(scope: CallQuery): string {
  return JSON.stringify([
    scope.from,
    scope.to,
    scope.q,
    scope.search_by,
    scope.search_value,
    scope.prospect,
    // The review state's epoch changes with every review, so a cached count never outlives it.
    scope.review,
  ]);
}

/** UTC days of `ts_start`, as the daily counts of earlier schema versions kept them. */
export const DAY_MS = 86_400_000;

/** The statement of every call's groups, which `rangeGroupSql` returns as this very object. */
export const ALL_GROUPS: Sql = {
  text: `SELECT ${SELECT_GROUP}, n FROM call_groups WHERE n > 0`,
  params: [],
};

/**
 * The statements whose rows, summed per combination (`mergeGroups`), are the groups of the calls
 * that start in `[from, to)` without a text search; an open end reaches every start there is.
 * `latest` is the last start in the index (null when no call has one). A range open at its start
 * is every call less the calls without a start and those from `to` on: for a range that ends
 * now, the all-time counts and nothing else, instead of every month before it.
 * `asNumber` makes an aggregate the backend's number.
 */
export function rangeGroupSql(
  from: number | undefined,
  to: number | undefined,
  latest: number | null,
  asNumber: (aggregate: string) => string = (aggregate) => aggregate,
): Sql[] {
  if (from === undefined && to === undefined) return [ALL_GROUPS];
  // A range holds no call without a start.
  if (latest === null) return [];
  const end = latest + 1;
  const high = to === undefined ? end : Math.min(to, end);
  if (from !== undefined) return from < high ? periodGroupSql(from, high, 1, asNumber) : [];
  const withoutStart: Sql = {
    text: `SELECT ${SELECT_GROUP}, -${asNumber('count(*)')} AS n FROM calls
      WHERE ts_start IS NULL GROUP BY ${GROUP_BY}`,
    params: [],
  };
  return [ALL_GROUPS, withoutStart, ...periodGroupSql(high, end, -1, asNumber)];
}

/**
 * The statements whose rows, summed per combination, are `sign` times the groups of the calls
 * that start in `[from, to)`: whole months, days and hours of `call_period_groups` added or taken
 * away (as the insights plan their spans), and only the parts of an hour at the ends counted
 * call by call. A row's `n` is negative where its piece is taken away.
 */
export function periodGroupSql(
  from: number,
  to: number,
  sign: 1 | -1 = 1,
  asNumber: (aggregate: string) => string = (aggregate) => aggregate,
): Sql[] {
  return planSpan(from, to).map((piece) =>
    piece.level === null
      ? {
          text: `SELECT ${SELECT_GROUP}, ${piece.sign * sign} * ${asNumber('count(*)')} AS n
            FROM calls WHERE ts_start >= ? AND ts_start < ? GROUP BY ${GROUP_BY}`,
          params: [piece.from, piece.to],
        }
      : {
          text: `SELECT ${SELECT_GROUP}, ${piece.sign * sign} * ${asNumber('sum(n)')} AS n
            FROM call_period_groups WHERE level = ? AND period >= ? AND period < ?
            GROUP BY ${GROUP_BY}`,
          params: [piece.level, piece.from, piece.to],
        },
  );
}

/** One group per combination, summing the counts of the same combination; empty ones left out. */
export function mergeGroups(groups: CallGroup[]): CallGroup[] {
  const merged = new Map<string, CallGroup>();
  for (const group of groups) {
    const key = JSON.stringify([
      group.sentiment,
      group.outcome,
      group.consent,
      group.agent,
      group.status,
      group.source,
    ]);
    const known = merged.get(key);
    if (known) known.n += group.n;
    else merged.set(key, { ...group });
  }
  return [...merged.values()].filter((group) => group.n > 0);
}

type FacetFilter = 'sentiment' | 'outcome' | 'consent' | 'agent';

/** Does the group pass every filter but `omit` (a facet counts under the others)? */
function passes(group: CallGroup, query: CallQuery, omit?: FacetFilter): boolean {
  if (query.status !== undefined && group.status !== query.status) return false;
  if (query.source_type !== undefined && group.source !== query.source_type) return false;
  if (omit !== 'sentiment' && query.sentiment && !includes(query.sentiment, group.sentiment)) {
    return false;
  }
  if (omit !== 'outcome' && query.outcome && !includes(query.outcome, group.outcome)) return false;
  if (omit !== 'agent' && query.agent && !includes(query.agent, group.agent)) return false;
  if (omit !== 'consent' && query.consent !== undefined) {
    if (group.consent !== (query.consent === 'given' ? 1 : 0)) return false;
  }
  return true;
}
const includes = (values: string[], value: string | null) =>
  value !== null && values.includes(value);

export function totalOf(groups: CallGroup[], query: CallQuery): number {
  let total = 0;
  for (const group of groups) if (passes(group, query)) total += group.n;
  return total;
}

export function facetsOf(
  groups: CallGroup[],
  query: CallQuery,
  agentName: (id: string) => string,
): CallFacets {
  const facets: CallFacets = {
    sentiment: {},
    outcome: {},
    consent: { given: 0, missing: 0 },
    agent: [],
  };
  const agents = new Map<string, number>();
  for (const group of groups) {
    if (group.sentiment !== null && passes(group, query, 'sentiment')) {
      facets.sentiment[group.sentiment] = (facets.sentiment[group.sentiment] ?? 0) + group.n;
    }
    if (group.outcome !== null && passes(group, query, 'outcome')) {
      facets.outcome[group.outcome] = (facets.outcome[group.outcome] ?? 0) + group.n;
    }
    if (passes(group, query, 'consent')) {
      facets.consent[group.consent === 1 ? 'given' : 'missing'] += group.n;
    }
    if (group.agent !== null && passes(group, query, 'agent')) {
      agents.set(group.agent, (agents.get(group.agent) ?? 0) + group.n);
    }
  }
  for (const [id, count] of agents) facets.agent.push({ id, name: agentName(id), count });
  facets.agent.sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
  return facets;
}
