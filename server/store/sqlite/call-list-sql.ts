import type { SearchByField } from '../../../contract';
import { searchNeedle, trigramQuery } from '../../db/search-fields';
import { fold } from '../../db/row-mapping';
import type { CallCursor, CallQuery } from '../types';
import { SORT_COLUMNS } from './migrations';
import { reviewCondition } from './review-filter-sql';

/** Bound SQL: every value is a parameter; names come from allowlists. */
export interface Sql {
  text: string;
  params: (string | number)[];
}

/** The facets, each computed under every filter but its own. */
export type FacetName = 'sentiment' | 'outcome' | 'consent' | 'agent';

export const FACET_COLUMNS: Record<FacetName, string> = {
  sentiment: 'sentiment',
  outcome: 'prospect_status',
  consent: 'consent',
  agent: 'agent_id',
};

/** Text columns a `search_by` reads, relative to `call_texts t` (transcript first, then summary). */
const TRANSCRIPT = 'substr(t.search_l, 1, t.t_len)';
const SUMMARY = 'substr(t.search_l, t.t_len + 2, t.s_len)';

type SearchSpec =
  | { kind: 'fts'; check: string }
  | { kind: 'scan'; column: string }
  | { kind: 'folded'; column: string };

/**
 * How each `search_by` field is found: trigram candidates from `calls_fts` checked with `instr`
 * on the field itself, a scan of a short folded column (ids), or the few distinct values of a
 * low-cardinality column folded as JavaScript folds them.
 */
const SEARCH: Record<SearchByField, SearchSpec> = {
  transcript: { kind: 'fts', check: TRANSCRIPT },
  summary: { kind: 'fts', check: SUMMARY },
  name_of_caller: { kind: 'fts', check: 'c.name_l' },
  phone_number_of_caller: { kind: 'fts', check: 'c.phone_d' },
  email_address_of_caller: { kind: 'fts', check: 'c.email_l' },
  id: { kind: 'scan', column: 'c.id_l' },
  prospectId: { kind: 'scan', column: 'c.prospect_l' },
  aiAgentId: { kind: 'scan', column: 'c.agent_l' },
  status: { kind: 'folded', column: 'c.status' },
  sourceType: { kind: 'folded', column: 'c.source_type' },
  sentiment_of_caller: { kind: 'folded', column: 'c.sentiment' },
  prospectStatus: { kind: 'folded', column: 'c.prospect_status' },
};

/** The SQL function (registered by the store) that folds case as JavaScript does. */
export const FOLD_FUNCTION = 'js_fold';

/** Rows whose texts wait for their trigrams (see `indexDeferredTexts`): scanned instead. */
const DEFERRED = 'SELECT p.rid FROM calls_fts_pending p';

/**
 * Trigram candidates checked with `instr` on `check` (a column of `call_texts t`). A needle of 3
 * characters is one trigram: over the whole folded text (`q`) the index alone is then exact.
 * Deferred texts are checked with `instr` directly.
 */
function textCondition(
  needle: string,
  check: string,
  alwaysVerify: boolean,
  rowByRow: boolean,
): Sql {
  if (rowByRow) {
    return {
      text: `instr((SELECT ${check} FROM call_texts t WHERE t.rid = c.rid), ?) > 0`,
      params: [needle],
    };
  }
  const verify = alwaysVerify || [...needle].length > 3;
  const deferred = `${DEFERRED} CROSS JOIN call_texts t ON t.rid = p.rid WHERE instr(${check}, ?) > 0`;
  if (!verify) {
    return {
      text: `c.rid IN (SELECT f.rowid FROM calls_fts f WHERE calls_fts MATCH ?
        UNION ALL ${deferred})`,
      params: [trigramQuery(needle), needle],
    };
  }
  return {
    text: `c.rid IN (SELECT f.rowid FROM calls_fts f CROSS JOIN call_texts t ON t.rid = f.rowid
      WHERE calls_fts MATCH ? AND instr(${check}, ?) > 0 UNION ALL ${deferred})`,
    params: [trigramQuery(needle), needle, needle],
  };
}

function searchCondition(field: SearchByField, value: string, rowByRow: boolean): Sql {
  const spec = SEARCH[field];
  const needle = searchNeedle(field, value);
  if (spec.kind === 'scan') return { text: `instr(${spec.column}, ?) > 0`, params: [needle] };
  if (spec.kind === 'folded') {
    return { text: `instr(${FOLD_FUNCTION}(${spec.column}), ?) > 0`, params: [fold(value)] };
  }
  if (spec.check.startsWith('substr(t.')) {
    return textCondition(needle, spec.check, true, rowByRow);
  }
  if (rowByRow) return { text: `instr(${spec.check}, ?) > 0`, params: [needle] };
  // Caller fields are in the indexed text too; the row's own column confirms the field.
  return {
    text: `c.rid IN (SELECT f.rowid FROM calls_fts f WHERE calls_fts MATCH ? UNION ALL ${DEFERRED})
      AND instr(${spec.check}, ?) > 0`,
    params: [trigramQuery(needle), needle],
  };
}

const placeholders = (values: readonly unknown[]) => values.map(() => '?').join(', ');

/**
 * Every active filter but `omit` (a facet counts under the others), as one WHERE clause. A text
 * search reads trigram candidates, or with `rowByRow` checks each row that passes the other
 * filters (cheaper when those rows are few or the text is common); the text check comes last.
 */
export function whereSql(query: CallQuery, omit?: FacetName, rowByRow = false): Sql {
  const parts: Sql[] = [];
  const add = (text: string, ...params: (string | number)[]) => parts.push({ text, params });
  if (query.status !== undefined) add('c.status = ?', query.status);
  if (query.source_type !== undefined) add('c.source_type = ?', query.source_type);
  if (query.from !== undefined) add('c.ts_start >= ?', query.from);
  if (query.to !== undefined) add('c.ts_start < ?', query.to);
  if (query.sentiment && omit !== 'sentiment') {
    add(`c.sentiment IN (${placeholders(query.sentiment)})`, ...query.sentiment);
  }
  if (query.outcome && omit !== 'outcome') {
    add(`c.prospect_status IN (${placeholders(query.outcome)})`, ...query.outcome);
  }
  if (query.agent && omit !== 'agent') {
    add(`c.agent_id IN (${placeholders(query.agent)})`, ...query.agent);
  }
  if (query.consent !== undefined && omit !== 'consent') {
    add('c.consent = ?', query.consent === 'given' ? 1 : 0);
  }
  if (query.prospect !== undefined) add('c.prospect_id = ?', query.prospect);
  if (query.q !== undefined) {
    const needle = fold(query.q);
    parts.push(textCondition(needle, 't.search_l', false, rowByRow));
  }
  if (query.search_by !== undefined && query.search_value !== undefined) {
    parts.push(searchCondition(query.search_by, query.search_value, rowByRow));
  }
  if (query.review) parts.push(reviewCondition(query.review));
  if (parts.length === 0) return { text: '', params: [] };
  return {
    text: `WHERE ${parts.map((part) => part.text).join(' AND ')}`,
    params: parts.flatMap((part) => part.params),
  };
}

/** A page of list rows in the query's order; ties break on `id` in the same direction. */
export function pageSql(query: CallQuery, rowByRow = false): Sql {
  const where = whereSql(query, undefined, rowByRow);
  const column = SORT_COLUMNS[query.sort_by ?? 'timestampStart'];
  const direction = query.sort_order === 'desc' ? 'DESC' : 'ASC';
  return {
    text: `SELECT c.id AS id, c.agent_id AS agentId, c.item AS item FROM calls c ${where.text}
      ORDER BY c.${column} ${direction}, c.id ${direction} LIMIT ? OFFSET ?`,
    params: [...where.params, query.limit, query.skip],
  };
}

/**
 * The list's order in two runs that an index walks without a sort: the rows whose sort value is
 * null (SQLite sorts them first ascending, last descending) and the rows with a value.
 */
export type SortRun = 'nulls' | 'values';

export function sortRuns(query: CallQuery): [SortRun, SortRun] {
  return query.sort_order === 'desc' ? ['values', 'nulls'] : ['nulls', 'values'];
}

/**
 * Up to `limit` rows of one run after `after` (a row of that run; its start when null), in the
 * query's order: a keyset that the sort column's index `(column, id)` answers from that point
 * on, however deep into the list it is.
 */
export function chunkSql(
  query: CallQuery,
  run: SortRun,
  after: CallCursor | null,
  limit: number,
  rowByRow: boolean,
): Sql {
  const sortColumn = SORT_COLUMNS[query.sort_by ?? 'timestampStart'];
  const column = `c.${sortColumn}`;
  const desc = query.sort_order === 'desc';
  const direction = desc ? 'DESC' : 'ASC';
  const beyond = desc ? '<' : '>';
  const fromKey = run === 'values' && after !== null && after.key !== null;
  // Past the first chunk the keyset implies the date bound on its side; left in, SQLite would
  // take that bound for the index range and step over every row already sent, in each chunk.
  const filters =
    fromKey && sortColumn === 'ts_start'
      ? { ...query, ...(desc ? { to: undefined } : { from: undefined }) }
      : query;
  const filtered = whereSql(filters, undefined, rowByRow);
  // A filter on the sort column itself (sentiment, outcome) would win the index too, its values
  // looked up from their first row in every chunk; the unary plus leaves the index to the keyset.
  const where = {
    ...filtered,
    text: filtered.text.replaceAll(`${column} IN (`, `+${column} IN (`),
  };
  const keyset: Sql =
    run === 'nulls'
      ? after === null
        ? { text: `${column} IS NULL`, params: [] }
        : { text: `${column} IS NULL AND c.id ${beyond} ?`, params: [after.id] }
      : fromKey
        ? { text: `(${column}, c.id) ${beyond} (?, ?)`, params: [after.key!, after.id] }
        : { text: `${column} IS NOT NULL`, params: [] };
  const conditions = [where.text.replace(/^WHERE /, ''), keyset.text].filter(Boolean);
  // The sort's own index, always: with another one (a filter's), SQLite would sort every match
  // again for each chunk. Walking this one reads each row once over the whole export.
  return {
    text: `SELECT c.id AS id, ${column} AS sortKey, c.agent_id AS agentId, c.item AS item
      FROM calls c INDEXED BY calls_sort_${sortColumn} WHERE ${conditions.join(' AND ')}
      ORDER BY ${column} ${direction}, c.id ${direction} LIMIT ?`,
    params: [...where.params, ...keyset.params, limit],
  };
}

export function countSql(query: CallQuery): Sql {
  const where = whereSql(query);
  return { text: `SELECT count(*) FROM calls c ${where.text}`, params: where.params };
}

export function facetSql(query: CallQuery, facet: FacetName): Sql {
  const where = whereSql(query, facet);
  const column = FACET_COLUMNS[facet];
  return {
    text: `SELECT c.${column} AS value, count(*) AS n FROM calls c ${where.text} GROUP BY c.${column}`,
    params: where.params,
  };
}
