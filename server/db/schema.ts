/**
 * The demo database, version 4 (version 3 changed what `phone_d` holds: see `phone-search.ts`;
 * version 4 added `prospects`, see `migrate-v4.ts`).
 *
 * - `conversations` is narrow (no JSON) so index walks and row checks touch little data. It holds
 *   the sort columns, the low-cardinality filter columns and lowercased copies of the short search
 *   fields (ids, name, email, phone digits).
 * - `docs` holds each conversation's full JSON as received, read only for the page returned.
 * - `texts` holds the lowercased summary and transcript: the content the search verifies against.
 *   The short summary comes first so reading it never walks the transcript's overflow pages.
 * - Three FTS5 trigram indexes over that content, external-content so no text is stored twice in
 *   FTS. Transcript and summary use `detail=none` (rowids only: a fraction of the size of a
 *   positional index); a match is then verified with `instr` against the content, so the index
 *   is a filter and the answer exact. The short fields share one `detail=column` index so a query
 *   can name its column.
 * - `value_counts` keeps exact row counts per (field, value, status) for the low-cardinality
 *   fields, in the same transactions as the writes: totals cost a lookup, never a COUNT(*).
 */
export const SCHEMA_VERSION = 4;

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

/**
 * Prospects written through the API (PUT or POST), each as its JSON document. A prospect nobody
 * wrote is derived from its conversations when read (`prospect-store.ts`).
 */
export const PROSPECTS_SQL = `
  CREATE TABLE IF NOT EXISTS prospects (id TEXT PRIMARY KEY, doc TEXT NOT NULL) WITHOUT ROWID;
`;

export const TABLES_SQL = `
  CREATE TABLE IF NOT EXISTS conversations (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    status TEXT,
    source_type TEXT,
    prospect_id TEXT,
    ts_start REAL,
    ts_end REAL,
    created_at REAL,
    updated_at REAL,
    duration REAL,
    caller_name TEXT COLLATE NOCASE,
    sentiment TEXT,
    prospect_status TEXT,
    id_l TEXT NOT NULL,
    prospect_l TEXT NOT NULL,
    agent_l TEXT NOT NULL,
    name_l TEXT NOT NULL,
    phone_d TEXT NOT NULL,
    email_l TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS docs (rid INTEGER PRIMARY KEY, doc TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS texts (rid INTEGER PRIMARY KEY, summary_l TEXT NOT NULL, transcript_l TEXT NOT NULL);
  CREATE VIRTUAL TABLE IF NOT EXISTS fts_short USING fts5 (
    id_l, prospect_l, agent_l, name_l, phone_d, email_l,
    content = 'conversations', content_rowid = 'rid', detail = column,
    tokenize = 'trigram case_sensitive 1'
  );
  CREATE VIRTUAL TABLE IF NOT EXISTS fts_transcript USING fts5 (
    transcript_l, content = 'texts', content_rowid = 'rid', detail = none,
    tokenize = 'trigram case_sensitive 1'
  );
  CREATE VIRTUAL TABLE IF NOT EXISTS fts_summary USING fts5 (
    summary_l, content = 'texts', content_rowid = 'rid', detail = none,
    tokenize = 'trigram case_sensitive 1'
  );
  CREATE TABLE IF NOT EXISTS value_counts (
    field TEXT NOT NULL,
    value TEXT NOT NULL,
    status TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (field, value, status)
  ) WITHOUT ROWID;
  ${PROSPECTS_SQL}
`;

/**
 * Every sort column has an index ending in `id` (the tie-break), alone and behind `status`, so
 * a sorted or status-filtered page is an index walk with no sort step.
 */
export function indexStatements(): string[] {
  const statements = [
    'CREATE INDEX IF NOT EXISTS conv_prospect ON conversations (prospect_id, ts_start, id)',
    'CREATE INDEX IF NOT EXISTS conv_source_type ON conversations (source_type)',
  ];
  for (const column of Object.values(SORT_COLUMNS)) {
    statements.push(
      `CREATE INDEX IF NOT EXISTS conv_sort_${column} ON conversations (${column}, id)`,
      `CREATE INDEX IF NOT EXISTS conv_status_${column} ON conversations (status, ${column}, id)`,
    );
  }
  return statements;
}

/** Every table and index the schema defines, by name: what a converged database holds. */
export function schemaObjectNames(): string[] {
  const tables = [...TABLES_SQL.matchAll(/CREATE (?:VIRTUAL )?TABLE IF NOT EXISTS (\w+)/g)];
  return [...tables.map((match) => match[1]!), ...indexStatements().map(indexName)];
}

function indexName(statement: string): string {
  return /INDEX IF NOT EXISTS (\w+)/.exec(statement)![1]!;
}

export function dropIndexStatements(): string[] {
  return indexStatements().map((statement) => `DROP INDEX IF EXISTS ${indexName(statement)}`);
}
