import Database from 'better-sqlite3';
import { migrateFromV1 } from './migrate-v1';
import { migrateFromV2 } from './migrate-v2';
import { indexStatements, SCHEMA_VERSION, TABLES_SQL } from './schema';

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
  return db;
}

/** A private in-memory database, for tests. */
export function openMemoryDatabase(): Db {
  return openDatabase(':memory:');
}

function migrate(db: Db): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    throw new Error(`Database schema ${version} is newer than this code (${SCHEMA_VERSION})`);
  }
  if (version === 0) {
    db.transaction(() => {
      db.exec(TABLES_SQL);
      for (const statement of indexStatements()) db.exec(statement);
      db.pragma(`user_version = ${SCHEMA_VERSION}`);
    }).immediate();
  } else if (version === 2) {
    migrateFromV2(db, () => db.pragma(`user_version = ${SCHEMA_VERSION}`));
  } else if (version === 1) {
    migrateFromV1(
      db,
      () => db.exec(TABLES_SQL),
      () => {
        for (const statement of indexStatements()) db.exec(statement);
        db.pragma(`user_version = ${SCHEMA_VERSION}`);
      },
    );
  }
}
