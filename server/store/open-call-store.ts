import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { createSqliteCallStore } from './sqlite/sqlite-call-store';
import type { CallStore } from './types';

/** The index of this server: SQLite at `DATA_DIR/index.sqlite` (PostgreSQL will plug in here). */
export function openCallStore(dataDir: string): CallStore {
  mkdirSync(dataDir, { recursive: true });
  return createSqliteCallStore(path.join(dataDir, 'index.sqlite'));
}
