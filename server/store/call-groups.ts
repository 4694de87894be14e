import type { CallFacets } from '../../contract';
import type { Sql } from './call-filters';
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

/** Days of `call_day_groups` are UTC days of `ts_start`. */
export const DAY_MS = 86_400_000;

/**
 * The statements that group the calls in a date range without a text search: whole UTC days
 * from `call_day_groups`, and the calls of the partial days at either end counted one by one.
 * Without a range, `call_groups` alone. `asNumber` makes an aggregate the backend's number.
 */
export function rangeGroupSql(
  from: number | undefined,
  to: number | undefined,
  asNumber: (aggregate: string) => string = (aggregate) => aggregate,
): Sql[] {
  const count = asNumber('count(*)');
  if (from === undefined && to === undefined) {
    return [{ text: `SELECT ${SELECT_GROUP}, n FROM call_groups WHERE n > 0`, params: [] }];
  }
  const exact = (low: number | undefined, high: number | undefined): Sql => {
    const parts: string[] = [];
    const params: number[] = [];
    if (low !== undefined) {
      parts.push('ts_start >= ?');
      params.push(low);
    }
    if (high !== undefined) {
      parts.push('ts_start < ?');
      params.push(high);
    }
    return {
      text: `SELECT ${SELECT_GROUP}, ${count} AS n FROM calls WHERE ${parts.join(' AND ')}
        GROUP BY ${GROUP_BY}`,
      params,
    };
  };
  // Whole days: the first day that starts at or after `from`, up to the day `to` falls in.
  const firstDay = from === undefined ? null : Math.ceil(from / DAY_MS);
  const endDay = to === undefined ? null : Math.floor(to / DAY_MS);
  if (firstDay !== null && endDay !== null && firstDay >= endDay) return [exact(from, to)];
  const days: string[] = ['day IS NOT NULL'];
  const params: number[] = [];
  if (firstDay !== null) {
    days.push('day >= ?');
    params.push(firstDay);
  }
  if (endDay !== null) {
    days.push('day < ?');
    params.push(endDay);
  }
  const statements: Sql[] = [
    // Summed in the database: a month holds about 20,000 daily rows at a million calls, and
    // building an object for each one costs about 4× the grouping.
    {
      text: `SELECT ${SELECT_GROUP}, ${asNumber('sum(n)')} AS n FROM call_day_groups
        WHERE ${days.join(' AND ')} GROUP BY ${GROUP_BY} HAVING sum(n) > 0`,
      params,
    },
  ];
  if (firstDay !== null && from! < firstDay * DAY_MS) {
    statements.push(exact(from, firstDay * DAY_MS));
  }
  if (endDay !== null && to! > endDay * DAY_MS) statements.push(exact(endDay * DAY_MS, to));
  return statements;
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
