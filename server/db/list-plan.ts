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

const orderBy = (o: Ordering) => `ORDER BY c.${o.column} ${o.direction}, c.id ${o.direction}`;

const statusWhere = (status: string | undefined) =>
  status === undefined ? { text: '', params: [] } : { text: 'c.status = ?', params: [status] };

const where = (...conditions: string[]) => {
  const present = conditions.filter(Boolean);
  return present.length ? `WHERE ${present.join(' AND ')}` : '';
};

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
 * ORDER BY costs no sort.
 */
export function walkPageSql(query: ListQuery, budget: number, inMatch: string): Sql {
  const o = ordering(query);
  const status = statusWhere(query.status);
  return {
    text: `SELECT rid FROM (
        SELECT c.rid AS rid, c.${o.column} AS k, c.id AS i FROM conversations c INDEXED BY ${o.index}
        ${where(status.text)} ${orderBy(o)} LIMIT ?
      ) WHERE ${inMatch}(rid) ORDER BY k ${o.direction}, i ${o.direction} LIMIT ? OFFSET ?`,
    params: [...status.params, budget, query.limit, query.skip],
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
