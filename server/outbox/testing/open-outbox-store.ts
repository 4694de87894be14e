import { createPgPool } from '../../store/postgres/pg-pool';
import { createPgReviewStore } from '../../store/postgres/pg-review-store';
import type { ReviewStore } from '../../store/review-types';
import { createSqliteReviewStore } from '../../store/sqlite/sqlite-review-store';

const PG_PREFIX = 'postgres-schema:';

/** Where a crash test's outbox lives: an SQLite file, or `postgres-schema:<schema>` of DATABASE_URL. */
export const pgTarget = (schema: string) => `${PG_PREFIX}${schema}`;

/**
 * The review store at `target`, for a test and the child processes it starts (which inherit
 * DATABASE_URL): on PostgreSQL, over a pool of its own that `close()` ends with it.
 */
export async function openOutboxStore(
  target: string,
): Promise<{ store: ReviewStore; close(): Promise<void> }> {
  if (!target.startsWith(PG_PREFIX)) {
    const store = createSqliteReviewStore(target);
    return { store, close: () => store.close() };
  }
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error(`DATABASE_URL is not set, needed for ${target}`);
  const pool = createPgPool({ connectionString, schema: target.slice(PG_PREFIX.length), max: 4 });
  const store = await createPgReviewStore(pool);
  return {
    store,
    async close() {
      await store.close();
      await pool.end();
    },
  };
}
