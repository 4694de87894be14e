import { SORT_COLUMNS } from '../call-filters';
import { DAY_MS, GROUP_COLUMNS } from '../call-groups';
import { INSIGHT_ROLLUPS } from '../insight-rollups';

const HOUR_MS = 3_600_000;

/** Each level's period of `ts_start`: the UTC start of its hour, day or month, in ms. */
const PERIODS: [number, string][] = [
  [0, `floor(ts_start / ${HOUR_MS}) * ${HOUR_MS}`],
  [1, `floor(ts_start / ${DAY_MS}) * ${DAY_MS}`],
  [
    2,
    `(extract(epoch FROM date_trunc('month', to_timestamp(ts_start / 1000) AT TIME ZONE 'UTC')) * 1000)::double precision`,
  ],
];

/** The sort column of the caller's name: its ASCII letters folded, as SQLite's NOCASE compares. */
export const NAME_KEY = 'name_key';

/** Columns as the list compares them: ids and texts by their bytes, whatever the database's locale. */
export const TEXT_SORT_COLUMNS = new Set(['id', NAME_KEY, 'sentiment', 'prospect_status']);

const sortColumnOf = (column: string) => (column === 'caller_name' ? NAME_KEY : column);
const keyOf = (column: string) =>
  TEXT_SORT_COLUMNS.has(column) ? `${column} COLLATE "C"` : column;

/** Filter columns whose index also gives the default order (start, then id) without a sort. */
const FILTER_COLUMNS = [
  ['sentiment', 'sentiment'],
  ['outcome', 'prospect_status'],
  ['agent', 'agent_id'],
  ['consent', 'consent'],
  ['source', 'source_type'],
  ['status', 'status'],
  ['prospect', 'prospect_id'],
] as const;

/**
 * The call index's schema on PostgreSQL (component `calls`), one statement list per version;
 * steps are only ever appended.
 *
 * - `calls` holds the columns filters and sorts read, folded copies for `search_by`, the list
 *   row as JSON text (`item`, spliced into answers as is) and a hash of the document.
 * - `call_docs` holds each conversation as jsonb; only a call page reads it.
 * - `call_texts.search_l` holds transcript, summary and caller fields folded, as SQLite's does,
 *   under a pg_trgm GIN index (where SQLite has FTS5 trigrams); a LIKE on it is exact.
 * - `calls_version` is bumped (from a sequence, so a rolled-back value never returns) by every
 *   write that changes what a list shows: replicas key their caches by it.
 * - Columns carry the database's collation (the review tables join on ids); the list orders by
 *   `COLLATE "C"`, as SQLite compares bytes, and its indexes are built that way.
 */
export const CALL_MIGRATIONS: readonly string[] = [
  `CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;
  CREATE TABLE calls (
    id text PRIMARY KEY,
    status text,
    source_type text,
    agent_id text,
    prospect_id text,
    ts_start double precision,
    ts_end double precision,
    created_at double precision,
    updated_at double precision,
    duration double precision,
    caller_name text,
    ${NAME_KEY} text,
    sentiment text,
    prospect_status text,
    consent smallint NOT NULL,
    slow_answers integer NOT NULL,
    id_l text NOT NULL,
    prospect_l text NOT NULL,
    agent_l text NOT NULL,
    name_l text NOT NULL,
    phone_d text NOT NULL,
    email_l text NOT NULL,
    status_f text,
    source_type_f text,
    sentiment_f text,
    prospect_status_f text,
    item text NOT NULL,
    doc_hash text NOT NULL,
    seen_sweep text,
    synced_at double precision NOT NULL
  );
  CREATE TABLE call_docs (id text PRIMARY KEY, doc jsonb NOT NULL);
  CREATE TABLE call_texts (
    id text PRIMARY KEY,
    t_len integer NOT NULL,
    s_len integer NOT NULL,
    search_l text NOT NULL
  );
  CREATE INDEX call_texts_trgm ON call_texts USING gin (search_l public.gin_trgm_ops);
  CREATE TABLE agents (
    id text PRIMARY KEY,
    name text,
    role text,
    timezone text,
    doc jsonb NOT NULL,
    synced_at double precision NOT NULL
  );
  CREATE TABLE sync_state (key text PRIMARY KEY, value text NOT NULL);
  CREATE TABLE sync_skipped (id text PRIMARY KEY, reason text NOT NULL, at text NOT NULL);
  CREATE SEQUENCE calls_version_seq;
  CREATE TABLE calls_version (
    single boolean PRIMARY KEY DEFAULT true CHECK (single),
    version bigint NOT NULL
  );
  INSERT INTO calls_version (version) VALUES (nextval('calls_version_seq'));
  CREATE INDEX calls_seen ON calls (seen_sweep);
  CREATE INDEX calls_insights ON calls (ts_start) INCLUDE (sentiment, prospect_status, agent_id,
    consent, duration, slow_answers);
  ${Object.values(SORT_COLUMNS)
    .map(sortColumnOf)
    .map(
      (column) =>
        `CREATE INDEX calls_sort_${column} ON calls (${keyOf(column)} NULLS FIRST, id COLLATE "C");`,
    )
    .join('\n  ')}
  ${FILTER_COLUMNS.map(
    ([name, column]) =>
      `CREATE INDEX calls_${name} ON calls (${column}, ts_start NULLS FIRST, id COLLATE "C");`,
  ).join('\n  ')}`,
  // A search on ids (the call's, the caller record's, the agent's) finds its rows through trigrams
  // instead of reading every id.
  ['id_l', 'prospect_l', 'agent_l']
    .map(
      (column) =>
        `CREATE INDEX calls_${column}_trgm ON calls USING gin (${column} public.gin_trgm_ops);`,
    )
    .join('\n'),
  // The list orders ids with NULLS FIRST too (ids are never null): the indexes must say so for
  // the planner to read the order from them instead of sorting each run of equal values.
  listIndexes('DROP INDEX IF EXISTS calls_%s;', 'CREATE INDEX calls_%s ON calls (%c);'),
  groupCounts(),
  // A search checks each candidate's folded text (kilobytes, stored compressed): lz4 reads it
  // back about twice as fast as the default pglz. Texts written from now on use it; a server
  // built without lz4 keeps pglz.
  `DO $$ BEGIN
    ALTER TABLE call_texts ALTER COLUMN search_l SET COMPRESSION lz4;
  EXCEPTION WHEN feature_not_supported THEN NULL;
  END $$;`,
  insightRollups(),
  periodGroupCounts(),
];

/** One statement per index of the list's orders: `%s` is the index's name, `%c` its columns. */
function listIndexes(...templates: string[]): string {
  const id = 'id COLLATE "C" NULLS FIRST';
  const indexes = [
    ...Object.values(SORT_COLUMNS)
      .map(sortColumnOf)
      .map((column) => [`sort_${column}`, `${keyOf(column)} NULLS FIRST, ${id}`]),
    ...FILTER_COLUMNS.map(([name, column]) => [name, `${column}, ts_start NULLS FIRST, ${id}`]),
  ];
  return templates
    .flatMap((template) =>
      indexes.map(([name, columns]) => template.replace('%s', name!).replace('%c', columns!)),
    )
    .join('\n');
}

/**
 * A statement trigger's function that takes each write's old rows (`old_rows`) away from kept
 * counts and adds its new ones (`new_rows`), as `add` writes them for a set of rows and a sign.
 */
function countingFunction(
  create: 'CREATE' | 'CREATE OR REPLACE',
  name: string,
  add: (rows: string, sign: string) => string,
): string {
  return `${create} FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql
    SET search_path FROM CURRENT AS $$
  BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN ${add('old_rows', '-')}
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN ${add('new_rows', '')}
    END IF;
    RETURN NULL;
  END $$;`;
}

/**
 * Counts of calls per combination of `GROUP_COLUMNS`, over all time (`call_groups`) and per UTC
 * day of `ts_start` (`call_day_groups`), as SQLite keeps them: a total or the facets without a
 * text search read a few thousand counts instead of every call. Statement triggers add up each
 * write's rows (transition tables) in its own transaction; keys may be null, and a unique index
 * with NULLS NOT DISTINCT finds a combination's row.
 */
function groupCounts(): string {
  const columns = GROUP_COLUMNS.join(', ');
  const typed = GROUP_COLUMNS.map(
    (column) => `${column} ${column === 'consent' ? 'smallint' : 'text'}`,
  ).join(', ');
  const day = `floor(ts_start / ${DAY_MS})::integer`;
  const add = (rows: string, sign: string) => `
      INSERT INTO call_groups (${columns}, n)
        SELECT ${columns}, ${sign}count(*)::integer FROM ${rows} GROUP BY ${columns}
        ON CONFLICT (${columns}) DO UPDATE SET n = call_groups.n + excluded.n;
      INSERT INTO call_day_groups (day, ${columns}, n)
        SELECT ${day}, ${columns}, ${sign}count(*)::integer FROM ${rows} GROUP BY 1, ${columns}
        ON CONFLICT (day, ${columns}) DO UPDATE SET n = call_day_groups.n + excluded.n;`;
  return `CREATE TABLE call_groups (${typed}, n integer NOT NULL);
  CREATE UNIQUE INDEX call_groups_key ON call_groups (${columns}) NULLS NOT DISTINCT;
  CREATE TABLE call_day_groups (day integer, ${typed}, n integer NOT NULL);
  CREATE UNIQUE INDEX call_day_groups_key ON call_day_groups (day, ${columns}) NULLS NOT DISTINCT;
  ${countingFunction('CREATE', 'calls_count_groups', add)}
  CREATE TRIGGER calls_groups_insert AFTER INSERT ON calls REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION calls_count_groups();
  CREATE TRIGGER calls_groups_delete AFTER DELETE ON calls REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION calls_count_groups();
  CREATE TRIGGER calls_groups_update AFTER UPDATE ON calls
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION calls_count_groups();
  ${add('calls', '').replace(/ON CONFLICT[^;]*;/g, ';')}`;
}

/**
 * Counts per combination of `GROUP_COLUMNS` per UTC hour, day and month of `ts_start`
 * (`call_period_groups`, `level` 0, 1, 2 as the insight rollups) in place of the daily counts, as
 * SQLite keeps them: a range is planned as whole months, days and hours added or taken away, and
 * only the parts of an hour at its ends are counted call by call (`periodGroupSql`). At a million
 * calls a 30-day range read about 20,000 daily rows and up to two days of calls one by one.
 * The trigger function is replaced, so the all-time counts are kept as before.
 */
function periodGroupCounts(): string {
  const columns = GROUP_COLUMNS.join(', ');
  const typed = GROUP_COLUMNS.map(
    (column) => `${column} ${column === 'consent' ? 'smallint' : 'text'}`,
  ).join(', ');
  const add = (rows: string, sign: string, upsert: boolean) =>
    [
      `INSERT INTO call_groups (${columns}, n)
        SELECT ${columns}, ${sign}count(*)::integer FROM ${rows} GROUP BY ${columns}
        ON CONFLICT (${columns}) DO UPDATE SET n = call_groups.n + excluded.n;`,
      ...PERIODS.map(
        ([level, period]) => `
      INSERT INTO call_period_groups (level, period, ${columns}, n)
        SELECT ${level}, ${period}, ${columns}, ${sign}count(*)::integer
        FROM ${rows} WHERE ts_start IS NOT NULL GROUP BY 2, ${columns}
        ${upsert ? `ON CONFLICT (level, period, ${columns}) DO UPDATE SET n = call_period_groups.n + excluded.n` : ''};`,
      ),
    ].join('');
  return `CREATE TABLE call_period_groups (level smallint NOT NULL, period double precision NOT NULL,
    ${typed}, n integer NOT NULL);
  CREATE UNIQUE INDEX call_period_groups_key ON call_period_groups (level, period, ${columns})
    NULLS NOT DISTINCT;
  ${countingFunction('CREATE OR REPLACE', 'calls_count_groups', (rows, sign) => add(rows, sign, true))}
  ${add('calls', '', false).replace(/INSERT INTO call_groups[^;]*;/, '')}
  DROP TABLE call_day_groups;`;
}

/**
 * Insight rollups per UTC hour, day and month (`level` 0, 1, 2), as SQLite keeps them: calls,
 * talk seconds and slow answers per sentiment, outcome, consent and agent and the narrower
 * splits of `INSIGHT_ROLLUPS`, and a histogram of the exact stored durations. Kept by statement triggers from each write's rows, and filled from
 * the calls already there.
 */
function insightRollups(): string {
  const add = (rows: string, sign: string, upsert: boolean) =>
    PERIODS.map(([level, period]) => {
      const rollups = INSIGHT_ROLLUPS.map(({ table, keys, sums }) => {
        const list = keys.join(', ');
        const sumValues = sums
          ? `, ${sign}coalesce(sum(duration), 0), ${sign}sum(slow_answers)::integer`
          : '';
        const sumSet = sums
          ? `, talk = ${table}.talk + excluded.talk, slow = ${table}.slow + excluded.slow`
          : '';
        return `
      INSERT INTO ${table} (level, period, ${list}, n${sums ? ', talk, slow' : ''})
        SELECT ${level}, ${period}, ${list}, ${sign}count(*)::integer${sumValues}
        FROM ${rows} WHERE ts_start IS NOT NULL GROUP BY 2, ${list}
        ${upsert ? `ON CONFLICT (level, period, ${list}) DO UPDATE SET n = ${table}.n + excluded.n${sumSet}` : ''};`;
      }).join('');
      return `${rollups}
      INSERT INTO call_insight_durations (level, period, duration, n)
        SELECT ${level}, ${period}, duration, ${sign}count(*)::integer
        FROM ${rows} WHERE ts_start IS NOT NULL AND duration IS NOT NULL GROUP BY 2, duration
        ${upsert ? 'ON CONFLICT (level, period, duration) DO UPDATE SET n = call_insight_durations.n + excluded.n' : ''};`;
    }).join('');
  const tables = INSIGHT_ROLLUPS.map(({ table, keys, sums }) => {
    const typed = keys.map((key) => `${key} ${key === 'consent' ? 'smallint' : 'text'}`).join(', ');
    return `CREATE TABLE ${table} (level smallint NOT NULL, period double precision NOT NULL,
    ${typed}, n integer NOT NULL${sums ? ', talk double precision NOT NULL, slow integer NOT NULL' : ''});
  CREATE UNIQUE INDEX ${table}_key ON ${table} (level, period, ${keys.join(', ')})
    NULLS NOT DISTINCT;`;
  }).join('\n  ');
  return `${tables}
  CREATE TABLE call_insight_durations (level smallint NOT NULL, period double precision NOT NULL,
    duration double precision NOT NULL, n integer NOT NULL);
  CREATE UNIQUE INDEX call_insight_durations_key
    ON call_insight_durations (level, period, duration);
  ${countingFunction('CREATE', 'calls_roll_insights', (rows, sign) => add(rows, sign, true))}
  CREATE TRIGGER calls_insights_insert AFTER INSERT ON calls REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION calls_roll_insights();
  CREATE TRIGGER calls_insights_delete AFTER DELETE ON calls REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION calls_roll_insights();
  CREATE TRIGGER calls_insights_update AFTER UPDATE ON calls
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION calls_roll_insights();
  ${add('calls', '', false)}`;
}
