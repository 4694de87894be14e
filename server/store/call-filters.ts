import type { SearchByField } from '../../contract';
import { fold } from '../db/row-mapping';
import { searchNeedle } from '../db/search-fields';
import type { ReviewQuery } from './review-types';
import type { CallCursor, CallQuery } from './types';

/**
 * The list's filters, order and keyset, written once for every backend. A backend supplies a
 * `CallDialect`: how its text index answers a search and how it orders nulls. Placeholders are
 * `?` here; a backend that numbers them (PostgreSQL) renumbers the finished statement.
 */

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

/** Columns the list sorts by, by `sort_by` name. Names come from here only, never from input. */
export const SORT_COLUMNS = {
  timestampStart: 'ts_start',
  timestampEnd: 'ts_end',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  duration: 'duration',
  name_of_caller: 'caller_name',
  sentiment_of_caller: 'sentiment',
  prospectStatus: 'prospect_status',
} as const;
export type SortColumn = (typeof SORT_COLUMNS)[keyof typeof SORT_COLUMNS];

/** Fields of the call's folded text that a `search_by` can target. */
export type TextField = 'transcript' | 'summary' | 'name' | 'phone' | 'email';

type SearchSpec =
  | { kind: 'text'; field: TextField }
  | { kind: 'scan'; column: string }
  | { kind: 'folded'; column: string };

/**
 * How each `search_by` field is found: through the backend's text index (long texts and the
 * caller's fields), a scan of a short folded column (ids), or the few distinct values of a
 * low-cardinality column folded as JavaScript folds them.
 */
const SEARCH: Record<SearchByField, SearchSpec> = {
  transcript: { kind: 'text', field: 'transcript' },
  summary: { kind: 'text', field: 'summary' },
  name_of_caller: { kind: 'text', field: 'name' },
  phone_number_of_caller: { kind: 'text', field: 'phone' },
  email_address_of_caller: { kind: 'text', field: 'email' },
  id: { kind: 'scan', column: 'c.id_l' },
  prospectId: { kind: 'scan', column: 'c.prospect_l' },
  aiAgentId: { kind: 'scan', column: 'c.agent_l' },
  status: { kind: 'folded', column: 'c.status' },
  sourceType: { kind: 'folded', column: 'c.source_type' },
  sentiment_of_caller: { kind: 'folded', column: 'c.sentiment' },
  prospectStatus: { kind: 'folded', column: 'c.prospect_status' },
};

/** What differs between backends in the list's SQL. Every text is matched case-sensitively. */
export interface CallDialect {
  /** `q`: the needle (folded) anywhere in the call's folded texts. */
  anyText(needle: string, rowByRow: boolean): Sql;
  /** A `search_by` on one field of the folded texts. */
  fieldText(field: TextField, needle: string, rowByRow: boolean): Sql;
  /** The needle inside a short folded column (`c.id_l`…). */
  contains(column: string, needle: string): Sql;
  /** The needle inside a column's value folded as JavaScript folds it (`c.status`…). */
  foldedContains(column: string, needle: string): Sql;
  /** The column (of `calls c`, unqualified) that orders a `sort_by`. */
  sortColumn(column: SortColumn): string;
  /** A column (`c.`-qualified) as the list's order compares it: texts by their bytes. */
  sortKey(column: string): string;
  /** The ORDER BY term of a sort key: nulls first ascending and last descending. */
  order(key: string, desc: boolean): string;
}

export const placeholders = (values: readonly unknown[]) => values.map(() => '?').join(', ');

function searchCondition(
  dialect: CallDialect,
  field: SearchByField,
  value: string,
  rowByRow: boolean,
): Sql {
  const spec = SEARCH[field];
  if (spec.kind === 'scan') return dialect.contains(spec.column, searchNeedle(field, value));
  if (spec.kind === 'folded') return dialect.foldedContains(spec.column, fold(value));
  return dialect.fieldText(spec.field, searchNeedle(field, value), rowByRow);
}

/**
 * The `review` filter as one condition on `calls c`. A call's state is kept per call in
 * `call_review_state`; a call without a row there (or with state `to_review`) is to review.
 */
export function reviewCondition(review: ReviewQuery): Sql {
  const { states, reviewer, rated } = review;
  if (reviewer !== null) {
    if (states.length === 0 && !rated) {
      return {
        text: 'c.id IN (SELECT call_id FROM reviews WHERE reviewer = ?)',
        params: [reviewer],
      };
    }
    const mine = [
      ...(states.length > 0 ? [`status IN (${placeholders(states)})`] : []),
      ...(rated ? ['rating IS NOT NULL'] : []),
    ];
    return {
      text: `c.id IN (SELECT call_id FROM reviews WHERE reviewer = ? AND (${mine.join(' OR ')}))`,
      params: [reviewer, ...states],
    };
  }
  const decided = states.filter((state) => state !== 'to_review');
  const parts: Sql[] = [];
  if (rated) {
    parts.push({
      text: 'c.id IN (SELECT call_id FROM call_review_state WHERE rating_count > 0)',
      params: [],
    });
  }
  if (decided.length > 0) {
    parts.push({
      text: `c.id IN (SELECT call_id FROM call_review_state WHERE state IN (${placeholders(decided)}))`,
      params: decided,
    });
  }
  if (states.includes('to_review')) {
    parts.push({
      text: `c.id NOT IN (SELECT call_id FROM call_review_state WHERE state <> 'to_review')`,
      params: [],
    });
  }
  return {
    text: `(${parts.map((part) => part.text).join(' OR ')})`,
    params: parts.flatMap((part) => part.params),
  };
}

/**
 * Every active filter but `omit` (a facet counts under the others), as one WHERE clause. A text
 * search reads index candidates, or with `rowByRow` checks each row that passes the other
 * filters (cheaper when those rows are few or the text is common); the text check comes last.
 */
export function whereSql(
  dialect: CallDialect,
  query: CallQuery,
  omit?: FacetName,
  rowByRow = false,
): Sql {
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
  if (query.q !== undefined) parts.push(dialect.anyText(fold(query.q), rowByRow));
  if (query.search_by !== undefined && query.search_value !== undefined) {
    parts.push(searchCondition(dialect, query.search_by, query.search_value, rowByRow));
  }
  if (query.review) parts.push(reviewCondition(query.review));
  if (parts.length === 0) return { text: '', params: [] };
  return {
    text: `WHERE ${parts.map((part) => part.text).join(' AND ')}`,
    params: parts.flatMap((part) => part.params),
  };
}

/** Does the query search text (which only the text index, or a scan, answers)? */
export const hasText = (query: CallQuery) =>
  query.q !== undefined || (query.search_by !== undefined && query.search_value !== undefined);

/** The list's ORDER BY: the sort column, then `id` in the same direction to break ties. */
export function orderSql(dialect: CallDialect, query: CallQuery): string {
  const column = `c.${dialect.sortColumn(SORT_COLUMNS[query.sort_by ?? 'timestampStart'])}`;
  const desc = query.sort_order === 'desc';
  return `${dialect.order(dialect.sortKey(column), desc)}, ${dialect.order(dialect.sortKey('c.id'), desc)}`;
}

/**
 * The list's order in two runs that an index walks without a sort: the rows whose sort value is
 * null (sorted first ascending, last descending) and the rows with a value.
 */
export type SortRun = 'nulls' | 'values';

export function sortRuns(query: CallQuery): [SortRun, SortRun] {
  return query.sort_order === 'desc' ? ['values', 'nulls'] : ['nulls', 'values'];
}

/** One chunk of a walk: its filters, and the keyset that starts it after `after`. */
export interface ChunkParts {
  /** The sort column, qualified (`c.ts_start`). */
  column: string;
  where: Sql;
  keyset: Sql;
}

/**
 * The conditions of up to one run's chunk after `after` (a row of that run; its start when
 * null): a keyset that the sort column's index `(column, id)` answers from that point on,
 * however deep into the list it is.
 */
export function chunkParts(
  dialect: CallDialect,
  query: CallQuery,
  run: SortRun,
  after: CallCursor | null,
  rowByRow: boolean,
): ChunkParts {
  const sortColumn = SORT_COLUMNS[query.sort_by ?? 'timestampStart'];
  const column = `c.${dialect.sortColumn(sortColumn)}`;
  const desc = query.sort_order === 'desc';
  const beyond = desc ? '<' : '>';
  const fromKey = run === 'values' && after !== null && after.key !== null;
  // Past the first chunk the keyset implies the date bound on its side; left in, an index
  // could take that bound for its range and step over every row already sent, in each chunk.
  const filters =
    fromKey && sortColumn === 'ts_start'
      ? { ...query, ...(desc ? { to: undefined } : { from: undefined }) }
      : query;
  const key = dialect.sortKey(column);
  const id = dialect.sortKey('c.id');
  const keyset: Sql =
    run === 'nulls'
      ? after === null
        ? { text: `${column} IS NULL`, params: [] }
        : { text: `${column} IS NULL AND ${id} ${beyond} ?`, params: [after.id] }
      : fromKey
        ? { text: `(${key}, ${id}) ${beyond} (?, ?)`, params: [after.key!, after.id] }
        : { text: `${column} IS NOT NULL`, params: [] };
  return { column, where: whereSql(dialect, filters, undefined, rowByRow), keyset };
}

/**
 * Up to `limit` rows after `after` in the query's order, across both runs: `read` reads up to
 * `wanted` rows of one run after `from` (its start when null), and `cursorOf` says where a row
 * is (its sort value and id). Each backend's walks (list rows, export rows) go through here, so
 * they agree on where a chunk ends and the next begins.
 */
export async function walkRuns<R>(
  query: CallQuery,
  after: CallCursor | null,
  limit: number,
  read: (run: SortRun, from: CallCursor | null, wanted: number) => R[] | Promise<R[]>,
  cursorOf: (row: R) => CallCursor,
): Promise<{ rows: R[]; next: CallCursor | null }> {
  const runs = sortRuns(query);
  // A cursor's sort value says which run it is in: null only in the run of nulls.
  let run = after === null ? runs[0] : after.key === null ? 'nulls' : 'values';
  let from = after;
  let rows: R[] = [];
  for (;;) {
    const wanted = limit - rows.length;
    const got = await read(run, from, wanted);
    rows = rows.length === 0 ? got : rows.concat(got);
    if (got.length === wanted || run === runs[1]) break;
    run = runs[1];
    from = null;
  }
  const last = rows.at(-1);
  return { rows, next: last !== undefined && rows.length === limit ? cursorOf(last) : null };
}
