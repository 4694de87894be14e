import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPgCallStore } from '../postgres/pg-call-store';
import { createPgReviewStore } from '../postgres/pg-review-store';
import type { ReviewStore } from '../review-types';
import { createSqliteCallStore } from '../sqlite/sqlite-call-store';
import { createSqliteReviewStore } from '../sqlite/sqlite-review-store';
import type { CallStore } from '../types';
import {
  openTestPgDatabase,
  testBackend,
  type TestBackend,
  type TestPgDatabase,
} from './test-database';

export interface TestStores {
  backend: TestBackend;
  calls: CallStore;
  reviews: ReviewStore;
  /** The PostgreSQL schema of this test, when the backend is PostgreSQL. */
  pg: TestPgDatabase | null;
  /** Closes both stores and deletes their data. */
  close(): Promise<void>;
}

/**
 * A call index and the reviews beside it, on the backend the suite runs against (see
 * `testBackend`): a fresh file of SQLite, or a fresh schema of PostgreSQL.
 */
export async function openTestStores(options: { dir?: string } = {}): Promise<TestStores> {
  if (testBackend() === 'postgres') {
    const pg = await openTestPgDatabase();
    const calls = await createPgCallStore(pg.pool);
    const reviews = await createPgReviewStore(pg.pool);
    return {
      backend: 'postgres',
      calls,
      reviews,
      pg,
      async close() {
        await calls.close();
        await reviews.close();
        await pg.drop();
      },
    };
  }
  const dir = options.dir ?? mkdtempSync(path.join(tmpdir(), 'callscope-stores-'));
  const file = path.join(dir, 'index.sqlite');
  const calls = createSqliteCallStore(file);
  const reviews = createSqliteReviewStore(file);
  return {
    backend: 'sqlite',
    calls,
    reviews,
    pg: null,
    async close() {
      await calls.close();
      await reviews.close();
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A call index alone on the suite's backend: SQLite at `file` (in memory by default, with
 * `rowByRowMax` for its text plans), or a fresh PostgreSQL schema. Its `close` also deletes a
 * PostgreSQL schema; a SQLite file is the caller's.
 */
export async function openTestCallStore(
  options: { file?: string; rowByRowMax?: number } = {},
): Promise<CallStore> {
  if (testBackend() === 'postgres') {
    const pg = await openTestPgDatabase();
    const store = await createPgCallStore(pg.pool);
    return {
      ...store,
      async close() {
        await store.close();
        await pg.drop();
      },
    };
  }
  return createSqliteCallStore(
    options.file ?? ':memory:',
    options.rowByRowMax === undefined ? {} : { rowByRowMax: options.rowByRowMax },
  );
}
