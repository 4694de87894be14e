import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createPgCallStore } from '../postgres/pg-call-store';
import { createPgPool, ensureSchema } from '../postgres/pg-pool';
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

/**
 * A call index alone on the suite's backend: SQLite in memory (with `rowByRowMax` for its text
 * plans), or a fresh PostgreSQL schema that its `close` drops. With `at` (see
 * `testCallStoreLocation`), the index that location names, kept after `close`: a child process
 * or a second opening finds it again.
 */
export async function openTestCallStore(
  options: { at?: string; rowByRowMax?: number } = {},
): Promise<CallStore> {
  if (options.at?.startsWith(PG_LOCATION)) {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error(`${options.at} needs DATABASE_URL`);
    const schema = options.at.slice(PG_LOCATION.length);
    const pool = createPgPool({ connectionString, schema, max: 3 });
    try {
      await ensureSchema(pool, schema);
      const store = await createPgCallStore(pool);
      return {
        ...store,
        async close() {
          await store.close();
          await pool.end();
        },
      };
    } catch (error) {
      await pool.end();
      throw error;
    }
  }
  if (testBackend() === 'postgres' && options.at === undefined) {
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
    options.at ?? ':memory:',
    options.rowByRowMax === undefined ? {} : { rowByRowMax: options.rowByRowMax },
  );
}

const PG_LOCATION = 'postgres-schema:';

/**
 * Names a new index on the suite's backend, for `openTestCallStore({ at })`: a file in `dir`
 * for SQLite, a schema of its own for PostgreSQL (`DATABASE_URL` names the database; a child
 * process inherits both).
 */
export function testCallStoreLocation(dir: string): string {
  if (testBackend() === 'postgres') return `${PG_LOCATION}t_${randomBytes(6).toString('hex')}`;
  return path.join(dir, 'index.sqlite');
}

/** Deletes the PostgreSQL schema of a location (a SQLite file goes with its directory). */
export async function dropTestCallStore(at: string): Promise<void> {
  if (!at.startsWith(PG_LOCATION)) return;
  const pool = createPgPool({ connectionString: process.env.DATABASE_URL! });
  try {
    await pool.query(`DROP SCHEMA IF EXISTS ${at.slice(PG_LOCATION.length)} CASCADE`);
  } finally {
    await pool.end();
  }
}
