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
    let calls: CallStore;
    let reviews: ReviewStore;
    try {
      calls = await createPgCallStore(pg.pool);
      reviews = await createPgReviewStore(pg.pool);
    } catch (error) {
      // A store that cannot open must not leave the test's schema behind.
      await pg.drop();
      throw error;
    }
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

export interface TestReviewStore {
  backend: TestBackend;
  reviews: ReviewStore;
  pg: TestPgDatabase | null;
  /** Another replica's store on the same data (PostgreSQL only: SQLite's is per process). */
  openReplica(): Promise<ReviewStore>;
  close(): Promise<void>;
}

/**
 * The review store alone, on the backend the suite runs against: SQLite in memory, or a fresh
 * schema of PostgreSQL whose other pools stand in for other replicas.
 */
export async function openTestReviewStore(): Promise<TestReviewStore> {
  if (testBackend() === 'postgres') {
    const pg = await openTestPgDatabase();
    const reviews = await createPgReviewStore(pg.pool);
    return {
      backend: 'postgres',
      reviews,
      pg,
      openReplica: () => createPgReviewStore(pg.openPool()),
      async close() {
        await reviews.close();
        await pg.drop();
      },
    };
  }
  const reviews = createSqliteReviewStore(':memory:');
  return {
    backend: 'sqlite',
    reviews,
    pg: null,
    openReplica: () => Promise.reject(new Error('an SQLite review store has no replicas')),
    close: () => reviews.close(),
  };
}
