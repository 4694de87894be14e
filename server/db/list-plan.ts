import type { SearchByField, SortByField, SortOrder } from '../../contract';
import { SORT_COLUMNS } from './schema';
import { SEARCH_FIELDS, searchNeedle, trigramQuery } from './search-fields';

export interface ListQuery {
  search_by?: SearchByField;
  search_value?: string;
  status?: string;
  sort_by?: SortByField;
  sort_order: SortOrder;
  skip: number;
  limit: number;
}

/** Bound SQL with its parameters; every value is a parameter, names come from allowlists. */
export interface Sql {
  text: string;
  params: (string | number)[];
}

export interface Ordering {
  column: string;
  direction: 'ASC' | 'DESC';
  /** The index whose order is the page's order: `(status, column, id)` when filtering by status. */
  index: string;
}

/**
 * Without `sort_by` the list is in `timestampStart` order, in `sort_order` (a project decision:
 * Trata documents no default). Ties break on `id` in the same direction. NULLs sort as SQLite
 * does: first in ascending order, last in descending order.
 */
export function ordering(query: ListQuery): Ordering {
  const column = SORT_COLUMNS[query.sort_by ?? 'timestampStart'];
  return {
    column,
    direction: query.sort_order === 'desc' ? 'DESC' : 'ASC',
    index: query.status === undefined ? `conv_sort_${column}` : `conv_status_${column}`,
  };
}

/** Names one order of one list: its index, direction and status filter. */
export function orderKey(query: ListQuery): string {
  const o = ordering(query);
  // The index differs with and without a status filter, so '' and no filter never collide.
  return `${o.index}\u0000${o.direction}\u0000${query.status ?? ''}`;
}

const orderBy = (o: Ordering) => `ORDER BY c.${o.column} ${o.direction}, c.id ${o.direction}`;

const statusWhere = (status: string | undefined) =>
  status === undefined ? { text: '', params: [] } : { text: 'c.status = ?', params: [status] };

const where = (...conditions: string[]) => {
  const present = conditions.filter(Boolean);
  return present.length ? `WHERE ${present.join(' AND ')}` : '';
};

/**
 * The same page read from the other end of the order, for a list of `total` rows: an OFFSET
 * steps through every skipped index entry (SQLite's B-trees keep no counts), so a page past the
 * middle is cheaper counted from the end. The order (sort column, then the unique `id`, NULLs
 * first ascending and last descending) is total, so the reversed order is exactly its mirror:
 * `reversed: true` says the rows come back last first. Null when the page lies past the end.
 */
export function fromTheEnd(
  query: ListQuery,
  total: number,
): { query: ListQuery; reversed: boolean } | null {
  if (query.skip >= total) return null;
  const remaining = total - query.skip;
  if (query.skip <= remaining) return { query, reversed: false };
  const limit = Math.min(query.limit, remaining);
  return {
    query: {
      ...query,
      sort_order: query.sort_order === 'desc' ? 'asc' : 'desc',
      skip: remaining - limit,
      limit,
    },
    reversed: true,
  };
}

/** A page of the unfiltered or status-filtered list: a walk of one index. */
export function indexPageSql(query: ListQuery): Sql {
  const o = ordering(query);
  const status = statusWhere(query.status);
  return {
    text: `SELECT c.rid FROM conversations c INDEXED BY ${o.index}
      ${where(status.text)} ${orderBy(o)} LIMIT ? OFFSET ?`,
    params: [...status.params, query.limit, query.skip],
  };
}

/**
 * Walks the sort index and keeps the rows in the current match set (`inMatch`, a bit test on
 * the rowid, so the walk never leaves the index), looking at no more than `budget` rows. The
 * inner LIMIT is the bound; SQLite runs the subquery as an ordered co-routine, so the outer
 * ORDER BY costs no sort. With `first`, the place of the first match in this order, the walk
 * seeks to it: the rows before it hold no match. The seek leaves out NULL sort values, which come
 * last in descending order, so only a full page from it is known to be the answer.
 */
export function walkPageSql(
  query: ListQuery,
  budget: number,
  inMatch: string,
  first?: SeekMark,
): Sql {
  const o = ordering(query);
  const status = statusWhere(query.status);
  const from = first ? atOrAfter(o, first) : { text: '', params: [] };
  return {
    text: `SELECT rid FROM (
        SELECT c.rid AS rid, c.${o.column} AS k, c.id AS i FROM conversations c INDEXED BY ${o.index}
        ${where(status.text, from.text)} ${orderBy(o)} LIMIT ?
      ) WHERE ${inMatch}(rid) ORDER BY k ${o.direction}, i ${o.direction} LIMIT ? OFFSET ?`,
    params: [...status.params, ...from.params, budget, query.limit, query.skip],
  };
}

/** The place of one row in `query`'s order: its sort value and id. */
export function placeSql(query: ListQuery, rid: number): Sql {
  return {
    text: `SELECT c.${ordering(query).column} AS key, c.id AS id FROM conversations c WHERE c.rid = ?`,
    params: [rid],
  };
}

/** Sorts a known, small set of matching rows (a JSON array of rowids). */
export function setPageSql(query: ListQuery): Sql {
  const o = ordering(query);
  const status = statusWhere(query.status);
  return {
    text: `SELECT c.rid FROM json_each(?) j CROSS JOIN conversations c ON c.rid = j.value
      ${where(status.text)} ${orderBy(o)} LIMIT ? OFFSET ?`,
    params: [...status.params, query.limit, query.skip],
  };
}

/**
 * Every row an FTS search matches, under the status filter if any: the trigram index gives the
 * candidates, `instr` on the folded text keeps the true matches.
 */
export function ftsMatchSql(field: SearchByField, value: string, status?: string): Sql {
  const spec = SEARCH_FIELDS[field];
  if (spec.kind !== 'fts') throw new TypeError(`${field} is not an FTS field`);
  const needle = searchNeedle(field, value);
  // A three-character needle is one trigram: the index alone is exact, no row need be read.
  const check = [...needle].length > 3;
  const onTexts = check && spec.column.startsWith('t.');
  const onRow = status !== undefined || (check && !onTexts);
  const joins = [
    onRow ? 'CROSS JOIN conversations c ON c.rid = f.rowid' : '',
    onTexts ? 'CROSS JOIN texts t ON t.rid = f.rowid' : '',
  ];
  const conditions = [
    `${spec.table} MATCH ?`,
    check ? `instr(${spec.column}, ?) > 0` : '',
    status === undefined ? '' : 'c.status = ?',
  ];
  return {
    text: `SELECT f.rowid FROM ${spec.table} f ${joins.join(' ')} ${where(...conditions)}`,
    params: [
      trigramQuery(needle, spec.ftsColumn),
      ...(check ? [needle] : []),
      ...(status === undefined ? [] : [status]),
    ],
  };
}

/** The rows holding any of the given values of a low-cardinality column, from its own index. */
export function countedMatchSql(column: string, index: string, values: string[]): Sql {
  return {
    text: `SELECT c.rid FROM conversations c INDEXED BY ${index}
      WHERE c.${column} IN (${values.map(() => '?').join(', ')})`,
    params: values,
  };
}

/** A row's place in an order: its sort value and its `id`, the tie-break. */
export interface Mark {
  key: string | number | null;
  id: string;
}

/** A mark a comparison can seek to: NULL has no place in one. */
export type SeekMark = Mark & { key: string | number };

/**
 * Rows after `mark` in the order of `o`. The row-value comparison uses the column's collation,
 * as the index does, and seeks. Rows with a NULL sort value never compare: they come before every
 * mark in ascending order, which is right, but after them in descending order, so there a short
 * page may lack them. After a NULL mark (ascending only), the rows looked at are the NULLs after
 * it, by id: the index seeks to them too.
 */
function afterMark(o: Ordering, mark: Mark): Sql {
  if (mark.key === null) {
    return { text: `c.${o.column} IS NULL AND c.id > ?`, params: [mark.id] };
  }
  const comparison = o.direction === 'ASC' ? '>' : '<';
  return { text: `(c.${o.column}, c.id) ${comparison} (?, ?)`, params: [mark.key, mark.id] };
}

/** Rows at or after `mark` in the order of `o`, by a seek (see `afterMark`). */
function atOrAfter(o: Ordering, mark: SeekMark): Sql {
  const comparison = o.direction === 'ASC' ? '>=' : '<=';
  return { text: `(c.${o.column}, c.id) ${comparison} (?, ?)`, params: [mark.key, mark.id] };
}

/** A page of `query` counted from the row after `mark` (from the first row without one). */
function seekPageSql(query: ListQuery, mark: Mark | null, select: string): Sql {
  const o = ordering(query);
  const status = statusWhere(query.status);
  const after = mark ? afterMark(o, mark) : { text: '', params: [] };
  return {
    text: `SELECT ${select} FROM conversations c INDEXED BY ${o.index}
      ${where(status.text, after.text)} ${orderBy(o)} LIMIT ? OFFSET ?`,
    params: [...status.params, ...after.params, query.limit, query.skip],
  };
}

/** The rowids of a page counted from the row after `mark`: a seek, then a walk of `skip`. */
export function afterMarkPageSql(query: ListQuery, mark: SeekMark): Sql {
  return seekPageSql(query, mark, 'c.rid');
}

/** The place (sort value and id) of the row `skip` rows after `mark`, or after the start. */
export function markSql(query: ListQuery, mark: Mark | null): Sql {
  return seekPageSql(
    { ...query, limit: 1 },
    mark,
    `c.${ordering(query).column} AS key, c.id AS id`,
  );
}
