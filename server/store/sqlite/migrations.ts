import type Database from 'better-sqlite3';
import { insightRollupsStep, insightsStep } from './insights-migration';
import { periodGroupsStep } from './period-groups';
import { dropRollupTriggers } from './rollup-keeper';
import { reviewTablesStep } from './review-migration';
import { SORT_COLUMNS } from '../call-filters';
import { DAY_MS, GROUP_COLUMNS } from '../call-groups';

export { SORT_COLUMNS } from '../call-filters';

/**
 * The index's schema, one step per version. A step runs once, in its own transaction, and
 * `user_version` records it; a database newer than the code is refused rather than misread.
 *
 * - `calls` is narrow: the columns filters and sorts read, the list row as JSON (`item`) and a
 *   hash of the document, so a sweep that reads an unchanged call rewrites nothing.
 * - `call_docs` holds each full conversation as received; only a call page reads it.
 * - `call_texts.search_l` holds transcript, summary and caller fields folded (transcript first,
 *   its length in `t_len`, the summary's in `s_len`), and `calls_fts` indexes its trigrams
 *   without storing them again (contentless, rowids only). A match is then verified with `instr`.
 * - `seen_sweep` names the last full sweep that read the call: a resumed backfill knows where it
 *   stood, and a reconcile knows which calls the API no longer lists.
 */
export const MIGRATIONS: ((db: Database.Database) => void)[] = [
  (db) => {
    db.exec(`
      CREATE TABLE calls (
        rid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        status TEXT,
        source_type TEXT,
        agent_id TEXT,
        prospect_id TEXT,
        ts_start REAL,
        ts_end REAL,
        created_at REAL,
        updated_at REAL,
        duration REAL,
        caller_name TEXT COLLATE NOCASE,
        sentiment TEXT,
        prospect_status TEXT,
        consent INTEGER NOT NULL,
        id_l TEXT NOT NULL,
        prospect_l TEXT NOT NULL,
        agent_l TEXT NOT NULL,
        name_l TEXT NOT NULL,
        phone_d TEXT NOT NULL,
        email_l TEXT NOT NULL,
        item TEXT NOT NULL,
        doc_hash TEXT NOT NULL,
        seen_sweep TEXT,
        synced_at REAL NOT NULL
      );
      CREATE TABLE call_docs (rid INTEGER PRIMARY KEY, doc TEXT NOT NULL);
      CREATE TABLE call_texts (
        rid INTEGER PRIMARY KEY,
        t_len INTEGER NOT NULL,
        s_len INTEGER NOT NULL,
        search_l TEXT NOT NULL
      );
      CREATE VIRTUAL TABLE calls_fts USING fts5 (
        search_l, content = '', contentless_delete = 1, detail = none,
        tokenize = 'trigram case_sensitive 1'
      );
      CREATE TABLE agents (
        id TEXT PRIMARY KEY,
        name TEXT,
        role TEXT,
        timezone TEXT,
        doc TEXT NOT NULL,
        synced_at REAL NOT NULL
      );
      CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE sync_skipped (id TEXT PRIMARY KEY, reason TEXT NOT NULL, at TEXT NOT NULL);
      CREATE INDEX calls_seen ON calls (seen_sweep);
      CREATE INDEX calls_status ON calls (status, ts_start, id);
      CREATE INDEX calls_sentiment ON calls (sentiment, ts_start);
      CREATE INDEX calls_outcome ON calls (prospect_status, ts_start);
      CREATE INDEX calls_agent ON calls (agent_id, ts_start);
      CREATE INDEX calls_consent ON calls (consent, ts_start);
      CREATE INDEX calls_source ON calls (source_type, ts_start);
    `);
    for (const column of Object.values(SORT_COLUMNS)) {
      db.exec(`CREATE INDEX calls_sort_${column} ON calls (${column}, id)`);
    }
  },
  // Texts whose trigrams are not in `calls_fts` yet: a backfill writes rows first and indexes
  // their texts afterwards, in large batches; until then a search scans these texts.
  (db) => {
    db.exec('CREATE TABLE calls_fts_pending (rid INTEGER PRIMARY KEY)');
    // Trigrams of a batch gather in memory up to this size before a segment is written.
    db.exec(`INSERT INTO calls_fts (calls_fts, rank) VALUES ('hashsize', ${64 * 1024 * 1024})`);
  },
  (db) => {
    // The default order (ts_start, then id) straight from each filter's index: no sort step.
    for (const [name, column] of FILTER_COLUMNS) {
      db.exec(`DROP INDEX IF EXISTS calls_${name}`);
      db.exec(`CREATE INDEX calls_${name} ON calls (${column}, ts_start, id)`);
    }
    createGroupCounts(db);
  },
  reviewTablesStep,
  // A caller's history filters on the caller's record: an index, not a scan of every call.
  (db) => db.exec('CREATE INDEX calls_prospect ON calls (prospect_id, ts_start, id)'),
  insightsStep,
  insightRollupsStep,
  // The same counts, kept with one index lookup per table for a call in an existing group.
  (db) => replaceGroupTriggers(db),
  // The counts and rollups are kept by the store's writes from here on, a batch at a time.
  dropRollupTriggers,
  periodGroupsStep,
];

const FILTER_COLUMNS = [
  ['sentiment', 'sentiment'],
  ['outcome', 'prospect_status'],
  ['agent', 'agent_id'],
  ['consent', 'consent'],
  ['source', 'source_type'],
] as const;

/**
 * Counts of calls per combination of `GROUP_COLUMNS`: over all time (`call_groups`) and per UTC
 * day of `ts_start` (`call_day_groups`), kept by triggers in the transaction of each write. A
 * total or the facets without a text search then read a few thousand counts instead of
 * millions of rows. Keys may be NULL, so rows are found with `IS`, not by a unique index; the
 * indexes hold `n` too, so a range is read from the index alone.
 */
function createGroupCounts(db: Database.Database): void {
  const columns = GROUP_COLUMNS.join(', ');
  db.exec(`
    CREATE TABLE call_groups (${columns}, n INTEGER NOT NULL);
    CREATE INDEX call_groups_key ON call_groups (${columns}, n);
    CREATE TABLE call_day_groups (day INTEGER, ${columns}, n INTEGER NOT NULL);
    CREATE INDEX call_day_groups_key ON call_day_groups (day, ${columns}, n);
  `);
  const day = (row: 'NEW' | 'OLD') => `CAST(floor(${row}.ts_start / ${DAY_MS}) AS INTEGER)`;
  const change = (row: 'NEW' | 'OLD', delta: string) =>
    (
      [
        ['call_groups', ''],
        ['call_day_groups', `day IS ${day(row)} AND `],
      ] as const
    )
      .map(([table, dayKey]) => {
        const key = dayKey + GROUP_COLUMNS.map((c) => `${c} IS ${row}.${c}`).join(' AND ');
        const values = `${table === 'call_day_groups' ? `${day(row)}, ` : ''}${GROUP_COLUMNS.map((c) => `${row}.${c}`).join(', ')}`;
        const into = `${table === 'call_day_groups' ? 'day, ' : ''}${columns}`;
        return `INSERT INTO ${table} (${into}, n) SELECT ${values}, 0
            WHERE NOT EXISTS (SELECT 1 FROM ${table} WHERE ${key});
          UPDATE ${table} SET n = n + ${delta} WHERE ${key};`;
      })
      .join('\n');
  db.exec(`
    CREATE TRIGGER calls_groups_insert AFTER INSERT ON calls BEGIN ${change('NEW', '1')} END;
    CREATE TRIGGER calls_groups_delete AFTER DELETE ON calls BEGIN ${change('OLD', '-1')} END;
    CREATE TRIGGER calls_groups_update AFTER UPDATE OF ts_start, ${columns} ON calls BEGIN
      ${change('OLD', '-1')} ${change('NEW', '1')} END;
    INSERT INTO call_groups (${columns}, n) SELECT ${columns}, count(*) FROM calls GROUP BY ${columns};
    INSERT INTO call_day_groups (day, ${columns}, n)
      SELECT CAST(floor(ts_start / ${DAY_MS}) AS INTEGER), ${columns}, count(*) FROM calls
      GROUP BY 1, ${columns};
  `);
}

/**
 * The triggers of `createGroupCounts`, cheaper: each count is updated first, and its row
 * inserted only when there was none (`changes()` is the last statement's count inside a
 * trigger). The first version looked the key up twice per table (NOT EXISTS, then UPDATE),
 * about a third of the cost of writing a call in a backfill.
 */
function replaceGroupTriggers(db: Database.Database): void {
  const columns = GROUP_COLUMNS.join(', ');
  const day = (row: 'NEW' | 'OLD') => `CAST(floor(${row}.ts_start / ${DAY_MS}) AS INTEGER)`;
  const change = (row: 'NEW' | 'OLD', delta: string) =>
    (['call_groups', 'call_day_groups'] as const)
      .map((table) => {
        const byDay = table === 'call_day_groups';
        const key =
          (byDay ? `day IS ${day(row)} AND ` : '') +
          GROUP_COLUMNS.map((c) => `${c} IS ${row}.${c}`).join(' AND ');
        const into = `${byDay ? 'day, ' : ''}${columns}`;
        const values = `${byDay ? `${day(row)}, ` : ''}${GROUP_COLUMNS.map((c) => `${row}.${c}`).join(', ')}`;
        return `UPDATE ${table} SET n = n + ${delta} WHERE ${key};
          INSERT INTO ${table} (${into}, n) SELECT ${values}, ${delta} WHERE changes() = 0;`;
      })
      .join('\n');
  db.exec(`
    DROP TRIGGER IF EXISTS calls_groups_insert;
    DROP TRIGGER IF EXISTS calls_groups_delete;
    DROP TRIGGER IF EXISTS calls_groups_update;
    CREATE TRIGGER calls_groups_insert AFTER INSERT ON calls BEGIN ${change('NEW', '1')} END;
    CREATE TRIGGER calls_groups_delete AFTER DELETE ON calls BEGIN ${change('OLD', '-1')} END;
    CREATE TRIGGER calls_groups_update AFTER UPDATE OF ts_start, ${columns} ON calls BEGIN
      ${change('OLD', '-1')} ${change('NEW', '1')} END;
  `);
}

export const INDEX_SCHEMA_VERSION = MIGRATIONS.length;

export function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > INDEX_SCHEMA_VERSION) {
    throw new Error(
      `The call index has schema ${version}, newer than this code (${INDEX_SCHEMA_VERSION}).`,
    );
  }
  for (let next = version; next < INDEX_SCHEMA_VERSION; next++) {
    db.transaction(() => {
      MIGRATIONS[next]!(db);
      db.pragma(`user_version = ${next + 1}`);
    }).immediate();
  }
}
