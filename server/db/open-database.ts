import Database from 'better-sqlite3';
import { createConversationWriter } from './conversation-writer';
import { migrateFromV1 } from './migrate-v1';
import { migrateFromV2 } from './migrate-v2';
import { migrateFromV3 } from './migrate-v4';
import { indexStatements, schemaObjectNames, SCHEMA_VERSION, TABLES_SQL } from './schema';

export type Db = Database.Database;

/**
 * Opens (and creates or migrates) the demo database. WAL keeps every committed write across a
 * crash (`synchronous = NORMAL` loses no committed transaction on a process kill; only an OS
 * crash can drop the last ones) and lets readers run beside the writer.
 */
export function openDatabase(file: string): Db {
  const db = new Database(file);
  if (file !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  db.pragma('cache_size = -131072');
  db.pragma('temp_store = MEMORY');
  db.pragma('mmap_size = 1073741824');
  migrate(db);
  convergeSchema(db);
  return db;
}

/** A private in-memory database, for tests. */
export function openMemoryDatabase(): Db {
  return openDatabase(':memory:');
}

function migrate(db: Db): void {
  let version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    throw new Error(`Database schema ${version} is newer than this code (${SCHEMA_VERSION})`);
  }
  if (version === 0) {
    db.transaction(() => {
      db.exec(TABLES_SQL);
      for (const statement of indexStatements()) db.exec(statement);
      db.pragma(`user_version = ${SCHEMA_VERSION}`);
    }).immediate();
    return;
  }
  if (version === 1) {
    migrateFromV1(
      db,
      () => db.exec(TABLES_SQL),
      () => {
        for (const statement of indexStatements()) db.exec(statement);
        db.pragma(`user_version = ${SCHEMA_VERSION}`);
      },
    );
    return;
  }
  // Later steps run in turn, each in its own transaction, so a stop between them resumes.
  if (version === 2) {
    migrateFromV2(db, () => db.pragma('user_version = 3'));
    version = 3;
  }
  if (version === 3) migrateFromV3(db);
}

/**
 * Brings any database of the current version to the full schema: a table or index that is
 * missing is created. Indexes go missing when a bulk load is stopped before its end (it drops
 * them and builds them, with the FTS indexes, once at the end), so the FTS indexes are rebuilt
 * from their content too. A database that is whole costs one look at `sqlite_master`.
 */
export function convergeSchema(db: Db): void {
  const existing = new Set(db.prepare<[], string>('SELECT name FROM sqlite_master').pluck().all());
  if (schemaObjectNames().every((name) => existing.has(name))) return;
  db.transaction(() => {
    db.exec(TABLES_SQL);
    for (const statement of indexStatements()) db.exec(statement);
    createConversationWriter(db).rebuildFts();
  }).immediate();
}
