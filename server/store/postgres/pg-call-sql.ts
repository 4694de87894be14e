import { REVIEWED_STATES } from '../../../contract';
import {
  chunkParts,
  orderSql,
  placeholders,
  whereSql as sharedWhereSql,
  type CallDialect,
  type SortRun,
  type Sql,
  type TextField,
} from '../call-filters';
import { GROUP_BY, SELECT_GROUP } from '../call-groups';
import type { CallCursor, CallQuery } from '../types';
import { NAME_KEY, TEXT_SORT_COLUMNS } from './pg-call-migrations';

/** `?` placeholders numbered as PostgreSQL wants them (`$1`, `$2`…); no statement quotes a `?`. */
export function numbered(sql: Sql): { text: string; values: (string | number)[] } {
  let next = 0;
  return { text: sql.text.replace(/\?/g, () => `$${++next}`), values: sql.params };
}

/** A LIKE pattern that matches `needle` anywhere, its wildcards taken literally. */
export const containing = (needle: string) => `%${needle.replace(/[\\%_]/g, '\\$&')}%`;

/** Text fields inside `call_texts t` (transcript first, then summary) or on the call row. */
const FIELD_CHECKS: Record<TextField, string> = {
  transcript: 'substr(t.search_l, 1, t.t_len)',
  summary: 'substr(t.search_l, t.t_len + 2, t.s_len)',
  name: 'c.name_l',
  phone: 'c.phone_d',
  email: 'c.email_l',
};

/** Trigram candidates (the GIN index answers the LIKE) of the call's whole folded text. */
const candidates = (extra = '') =>
  `EXISTS (SELECT 1 FROM call_texts t WHERE t.id = c.id AND t.search_l LIKE ?${extra})`;

/**
 * PostgreSQL's side of the list: pg_trgm candidates through a LIKE on the folded text (exact, so
 * a needle of any length is answered), checked on the field with `strpos`; folded copies of the
 * low-cardinality columns (JavaScript's folding, which `lower` under a locale is not). The
 * planner chooses between the index and a scan of the other filters' rows by itself.
 */
export const PG_DIALECT: CallDialect = {
  anyText: (needle) => ({ text: candidates(), params: [containing(needle)] }),
  fieldText(field, needle) {
    const check = FIELD_CHECKS[field];
    if (check.startsWith('c.')) {
      return {
        text: `${candidates()} AND strpos(${check}, ?) > 0`,
        params: [containing(needle), needle],
      };
    }
    return {
      text: candidates(` AND strpos(${check}, ?) > 0`),
      params: [containing(needle), needle],
    };
  },
  contains: (column, needle) => ({ text: `${column} LIKE ?`, params: [containing(needle)] }),
  foldedContains: (column, needle) => ({ text: `strpos(${column}_f, ?) > 0`, params: [needle] }),
  sortColumn: (column) => (column === 'caller_name' ? NAME_KEY : column),
  sortKey: (column) =>
    TEXT_SORT_COLUMNS.has(column.replace(/^c\./, '')) ? `${column} COLLATE "C"` : column,
  order: (key, desc) => `${key} ${desc ? 'DESC NULLS LAST' : 'ASC NULLS FIRST'}`,
};

export function whereSql(query: CallQuery): Sql {
  return sharedWhereSql(PG_DIALECT, query);
}

/** Rows skipped past which a page finds its ids first (see `pageSql`); the parity tests reach it. */
export const DEEP_SKIP = 100;

/**
 * A page of list rows in the query's order; ties break on `id` in the same direction. Each row
 * carries the data version its statement read (one snapshot): the counts cached under it give
 * the total without another round trip first. Deep into the list the page's ids are found
 * first, so the rows skipped are read from an index alone (an index-only scan) instead of each
 * being fetched from the table only to be dropped, as SQLite's deferred seeks skip them.
 */
export function pageSql(query: CallQuery): Sql {
  const where = whereSql(query);
  const order = orderSql(PG_DIALECT, query);
  const select = `SELECT (SELECT version FROM calls_version) AS version, c.id AS id,
    c.agent_id AS "agentId", c.item AS item FROM calls c`;
  if (query.skip < DEEP_SKIP) {
    return {
      text: `${select} ${where.text} ORDER BY ${order} LIMIT ? OFFSET ?`,
      params: [...where.params, query.limit, query.skip],
    };
  }
  return {
    text: `${select}
      WHERE c.id IN (SELECT c.id FROM calls c ${where.text} ORDER BY ${order} LIMIT ? OFFSET ?)
      ORDER BY ${order}`,
    params: [...where.params, query.limit, query.skip],
  };
}

/** The query's filters as more conditions after a WHERE of the statement's own. */
const andFilters = (query: CallQuery): Sql => {
  const where = whereSql(query);
  return { text: where.text.replace(/^WHERE/, 'AND'), params: where.params };
};

/**
 * Calls per period of one level of `call_period_groups` (in `[from, to)` unless `window` is
 * null) that pass the query's facet filters (`countsPlace`: the only filters it has), with the
 * data version the statement read.
 */
export function periodCountsSql(
  query: CallQuery,
  level: number,
  window: [number, number] | null,
): Sql {
  const filters = andFilters(query);
  const bounds = window === null ? '' : 'AND c.period >= ? AND c.period < ?';
  return {
    text: `SELECT (SELECT version FROM calls_version) AS version, c.period AS period,
      sum(c.n)::integer AS n FROM call_period_groups c
      WHERE c.level = ? ${bounds} ${filters.text} GROUP BY c.period`,
    params: [level, ...(window ?? []), ...filters.params],
  };
}

/** The calls without a start that pass the query's facet filters, with the data version. */
export function nullStartsSql(query: CallQuery): Sql {
  const filters = andFilters(query);
  return {
    text: `SELECT (SELECT version FROM calls_version) AS version, count(*)::integer AS n
      FROM calls c WHERE c.ts_start IS NULL ${filters.text}`,
    params: filters.params,
  };
}

/** What a walk reads of each row besides its sort value: the list's row. */
export const LIST_FIELDS = 'c.id AS id, c.agent_id AS "agentId", c.item AS item';

/**
 * What an export reads of each row (a `StoredExportRow`): columns, and the list fields only the
 * stored row holds, from one parse of it per row (`json_to_record` in the FROM of `chunkSql`).
 */
export const EXPORT_FIELDS = `c.id AS id, c.ts_start AS start, c.duration AS "durationSeconds",
  c.caller_name AS "callerName", j."callerPhone" AS "callerPhone",
  j."callerPhoneOrigin" AS "callerPhoneOrigin", c.agent_id AS "agentId",
  c.sentiment AS sentiment, c.prospect_status AS "prospectStatus", j.summary AS summary,
  j."consentGiven" AS consent, c.status AS status`;

/** The stored row's fields that `EXPORT_FIELDS` reads, as `j`. */
const EXPORT_JOIN = `CROSS JOIN LATERAL json_to_record(c.item::json)
  AS j("callerPhone" text, "callerPhoneOrigin" text, summary text, "consentGiven" boolean)`;

/**
 * Up to `limit` rows of one run after `after`, in the query's order (see `chunkParts`):
 * `fields` (the list's row unless told) and the sort value as `sortKey`.
 */
export function chunkSql(
  query: CallQuery,
  run: SortRun,
  after: CallCursor | null,
  limit: number,
  fields: string = LIST_FIELDS,
): Sql {
  const { column, where, keyset } = chunkParts(PG_DIALECT, query, run, after, false);
  const conditions = [where.text.replace(/^WHERE /, ''), keyset.text].filter(Boolean);
  const join = fields === EXPORT_FIELDS ? EXPORT_JOIN : '';
  return {
    text: `SELECT ${fields}, ${column} AS "sortKey"
      FROM calls c ${join} WHERE ${conditions.join(' AND ')}
      ORDER BY ${orderSql(PG_DIALECT, query)} LIMIT ?`,
    params: [...where.params, ...keyset.params, limit],
  };
}

/** The calls of a scope counted per combination of the facet columns (see `CallGroup`). */
export function groupSql(scope: CallQuery): Sql {
  const where = whereSql(scope);
  return {
    text: `SELECT ${SELECT_GROUP}, count(*)::integer AS n FROM calls c ${where.text}
      GROUP BY ${GROUP_BY}`,
    params: where.params,
  };
}

/** The query's filters with the whole series' span as its date range. */
function spanOf(query: CallQuery, bounds: number[]): CallQuery {
  return { ...query, from: bounds[0], to: bounds.at(-1) };
}

/** A float8 array literal of the bounds (finite numbers only). */
const boundsArray = (bounds: number[]) => `{${bounds.map((bound) => String(bound)).join(',')}}`;

/**
 * Insight cells summed by the server: `width_bucket` gives each start's bucket (1 for
 * `[bounds[0], bounds[1])`), so a window is one grouped scan of `calls_insights`.
 */
export function insightCellsSql(query: CallQuery, bounds: number[]): Sql {
  const where = whereSql(spanOf(query, bounds));
  return {
    text: `SELECT width_bucket(c.ts_start, ?::double precision[]) - 1 AS bucket,
        c.sentiment AS sentiment, c.prospect_status AS outcome, c.agent_id AS agent,
        c.consent AS consent, count(*)::integer AS n, coalesce(sum(c.duration), 0) AS talk,
        sum(c.slow_answers)::integer AS slow
      FROM calls c ${where.text}
      GROUP BY 1, 2, 3, 4, 5`,
    params: [boundsArray(bounds), ...where.params],
  };
}

/** Nearest-rank quantiles (`percentile_disc`) of the known durations. */
export function insightDurationsSql(query: CallQuery, bounds: number[]): Sql {
  const where = whereSql(spanOf(query, bounds));
  return {
    text: `SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY c.duration) AS median,
        percentile_disc(0.9) WITHIN GROUP (ORDER BY c.duration) AS p90
      FROM calls c ${where.text}`,
    params: where.params,
  };
}

/** Review figures per agent: read from the (few) reviewed calls towards the calls. */
export function insightReviewsSql(query: CallQuery, bounds: number[]): Sql {
  const where = whereSql(spanOf(query, bounds));
  return {
    text: `SELECT c.agent_id AS agent,
        coalesce(sum(CASE WHEN s.state IN (${placeholders(REVIEWED_STATES)}) THEN 1 ELSE 0 END), 0)::double precision AS reviewed,
        coalesce(sum(s.rating_sum), 0)::double precision AS "ratingSum",
        coalesce(sum(s.rating_count), 0)::double precision AS "ratingCount"
      FROM call_review_state s JOIN calls c ON c.id = s.call_id
      ${where.text}
      GROUP BY c.agent_id`,
    params: [...REVIEWED_STATES, ...where.params],
  };
}
