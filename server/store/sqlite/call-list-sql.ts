import { trigramQuery } from '../../db/search-fields';
import {
  chunkParts,
  orderSql,
  whereSql as sharedWhereSql,
  type CallDialect,
  type FacetName,
  type SortRun,
  type Sql,
  type TextField,
  FACET_COLUMNS,
} from '../call-filters';
import type { CallCursor, CallQuery } from '../types';

export { FACET_COLUMNS, sortRuns, type FacetName, type SortRun, type Sql } from '../call-filters';

/** Text columns a `search_by` reads, relative to `call_texts t` (transcript first, then summary). */
const TRANSCRIPT = 'substr(t.search_l, 1, t.t_len)';
const SUMMARY = 'substr(t.search_l, t.t_len + 2, t.s_len)';
const CALLER_COLUMNS: Record<Exclude<TextField, 'transcript' | 'summary'>, string> = {
  name: 'c.name_l',
  phone: 'c.phone_d',
  email: 'c.email_l',
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

/**
 * SQLite's side of the list: FTS5 trigram candidates (plus the deferred texts) checked with
 * `instr`; nulls first ascending already, and texts compare by bytes (BINARY) except the
 * caller's name, whose column is NOCASE.
 */
export const SQLITE_DIALECT: CallDialect = {
  anyText: (needle, rowByRow) => textCondition(needle, 't.search_l', false, rowByRow),
  fieldText(field, needle, rowByRow) {
    if (field === 'transcript' || field === 'summary') {
      return textCondition(needle, field === 'transcript' ? TRANSCRIPT : SUMMARY, true, rowByRow);
    }
    const check = CALLER_COLUMNS[field];
    if (rowByRow) return { text: `instr(${check}, ?) > 0`, params: [needle] };
    // Caller fields are in the indexed text too; the row's own column confirms the field.
    return {
      text: `c.rid IN (SELECT f.rowid FROM calls_fts f WHERE calls_fts MATCH ? UNION ALL ${DEFERRED})
      AND instr(${check}, ?) > 0`,
      params: [trigramQuery(needle), needle],
    };
  },
  contains: (column, needle) => ({ text: `instr(${column}, ?) > 0`, params: [needle] }),
  foldedContains: (column, needle) => ({
    text: `instr(${FOLD_FUNCTION}(${column}), ?) > 0`,
    params: [needle],
  }),
  sortColumn: (column) => column,
  sortKey: (column) => column,
  order: (expression, desc) => `${expression} ${desc ? 'DESC' : 'ASC'}`,
};

export function whereSql(query: CallQuery, omit?: FacetName, rowByRow = false): Sql {
  return sharedWhereSql(SQLITE_DIALECT, query, omit, rowByRow);
}

/** A page of list rows in the query's order; ties break on `id` in the same direction. */
export function pageSql(query: CallQuery, rowByRow = false): Sql {
  const where = whereSql(query, undefined, rowByRow);
  return {
    text: `SELECT c.id AS id, c.agent_id AS agentId, c.item AS item FROM calls c ${where.text}
      ORDER BY ${orderSql(SQLITE_DIALECT, query)} LIMIT ? OFFSET ?`,
    params: [...where.params, query.limit, query.skip],
  };
}

/** What a walk reads of each row besides its sort value: the list's row. */
export const LIST_FIELDS = 'c.id AS id, c.agent_id AS agentId, c.item AS item';

/**
 * What an export reads of each row, in `StoredExportValues`' order but its sort value (which
 * `chunkSql` adds last): columns, and the list fields only the stored row holds, extracted by
 * SQLite, whose JSON parse costs far less than JavaScript's.
 */
export const EXPORT_FIELDS = `c.id, c.ts_start, c.duration, c.caller_name,
  json_extract(c.item, '$.callerPhone'), json_extract(c.item, '$.callerPhoneOrigin'), c.agent_id,
  c.sentiment, c.prospect_status, json_extract(c.item, '$.summary'),
  json_extract(c.item, '$.consentGiven'), c.status`;

/**
 * Up to `limit` rows of one run after `after`, in the query's order, through the sort column's
 * own index: `fields` (the list's row unless told) and the sort value as `sortKey`.
 */
export function chunkSql(
  query: CallQuery,
  run: SortRun,
  after: CallCursor | null,
  limit: number,
  rowByRow: boolean,
  fields: string = LIST_FIELDS,
): Sql {
  const {
    column,
    where: filtered,
    keyset,
  } = chunkParts(SQLITE_DIALECT, query, run, after, rowByRow);
  // A filter on the sort column itself (sentiment, outcome) would win the index too, its values
  // looked up from their first row in every chunk; the unary plus leaves the index to the keyset.
  const where = {
    ...filtered,
    text: filtered.text.replaceAll(`${column} IN (`, `+${column} IN (`),
  };
  const conditions = [where.text.replace(/^WHERE /, ''), keyset.text].filter(Boolean);
  // The sort's own index, always: with another one (a filter's), SQLite would sort every match
  // again for each chunk. Walking this one reads each row once over the whole export.
  return {
    text: `SELECT ${fields}, ${column} AS sortKey
      FROM calls c INDEXED BY calls_sort_${column.slice(2)} WHERE ${conditions.join(' AND ')}
      ORDER BY ${orderSql(SQLITE_DIALECT, query)} LIMIT ?`,
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
