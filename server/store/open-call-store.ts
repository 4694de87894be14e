import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { createSqliteCallStore } from './sqlite/sqlite-call-store';
import type { CallStore } from './types';

/**
 * The index of this server: SQLite at `DATA_DIR/index.sqlite`. Asynchronous, as opening a
 * database server (connecting, migrating) will be.
 */
export async function openCallStore(dataDir: string): Promise<CallStore> {
  mkdirSync(dataDir, { recursive: true });
  return createSqliteCallStore(path.join(dataDir, 'index.sqlite'));
}
