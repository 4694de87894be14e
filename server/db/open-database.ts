import Database from 'better-sqlite3';

export type Db = Database.Database;

const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE conversations (
    rid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    doc TEXT NOT NULL,
    status TEXT,
    prospect_id TEXT,
    ts_start REAL,
    ts_end REAL,
    created_at REAL,
    updated_at REAL,
    duration REAL,
    caller_name TEXT COLLATE NOCASE,
    sentiment TEXT,
    prospect_status TEXT
  );
  CREATE INDEX conv_prospect ON conversations (prospect_id, ts_start, id);
  CREATE VIRTUAL TABLE conversations_fts USING fts5 (
    id, prospectId, aiAgentId, status, sourceType, name_of_caller, phone_number_of_caller,
    email_address_of_caller, sentiment_of_caller, prospectStatus, transcript, summary,
    content = '', contentless_delete = 1, tokenize = 'trigram'
  );
  `,
];

/** Every sortable column gets an index ending in `id`, alone and behind the status filter. */
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

function sortIndexes(): string {
  return Object.values(SORT_COLUMNS)
    .map(
      (column) => `
      CREATE INDEX IF NOT EXISTS conv_sort_${column} ON conversations (${column}, id);
      CREATE INDEX IF NOT EXISTS conv_status_${column} ON conversations (status, ${column}, id);`,
    )
    .join('\n');
}

/**
 * Opens (and creates or migrates) the demo database. WAL keeps every committed write across a
 * crash and lets readers run beside the writer.
 */
export function openDatabase(file: string): Db {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -65536');
  db.pragma('temp_store = MEMORY');
  const version = db.pragma('user_version', { simple: true }) as number;
  for (let step = version; step < MIGRATIONS.length; step++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[step]!);
      db.pragma(`user_version = ${step + 1}`);
    })();
  }
  db.exec(sortIndexes());
  return db;
}
