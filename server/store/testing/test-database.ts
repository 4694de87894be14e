import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { createPgPool, ensureSchema } from '../postgres/pg-pool';

/**
 * Which backend the store suites run against: PostgreSQL when `DATABASE_URL` is given (CI runs
 * them again under `scripts/with-postgres.sh`), SQLite otherwise.
 */
export type TestBackend = 'sqlite' | 'postgres';

export function testBackend(): TestBackend {
  return process.env.DATABASE_URL ? 'postgres' : 'sqlite';
}

export interface TestPgDatabase {
  pool: pg.Pool;
  connectionString: string;
  /** A schema of this test's own: test files run side by side in one database. */
  schema: string;
  /** A second pool on the same schema, as another replica would open (ended by `drop`). */
  openPool(options?: { statementTimeoutMs?: number }): pg.Pool;
  /** Closes every pool opened here and drops the schema. */
  drop(): Promise<void>;
}

export async function openTestPgDatabase(): Promise<TestPgDatabase> {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString)
    throw new Error('DATABASE_URL is not set: run under scripts/with-postgres.sh');
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const pools: pg.Pool[] = [];
  const openPool = (options: { statementTimeoutMs?: number } = {}) => {
    const pool = createPgPool({ connectionString, schema, max: 5, ...options });
    pools.push(pool);
    return pool;
  };
  const pool = openPool();
  await ensureSchema(pool, schema);
  return {
    pool,
    connectionString,
    schema,
    openPool,
    async drop() {
      await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
      await Promise.all(pools.map((each) => each.end().catch(() => undefined)));
    },
  };
}
