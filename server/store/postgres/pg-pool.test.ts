import { afterEach, describe, expect, it } from 'vitest';
import { openTestPgDatabase, type TestPgDatabase } from '../testing/test-database';
import { fixtureConversations } from '../../db/testing/fixture-conversations';
import { createPgCallStore } from './pg-call-store';
import { databaseUnavailableReason, isDatabaseUnavailable } from './pg-errors';

let database: TestPgDatabase | undefined;
afterEach(async () => {
  await database?.drop();
  database = undefined;
});

describe.skipIf(!process.env.DATABASE_URL)('a pool whose connection dies while checked out', () => {
  it('fails that transaction without ending the process, and serves the next query', async () => {
    database = await openTestPgDatabase();
    const client = await database.pool.connect();
    await client.query('BEGIN');
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    // Ends the session from outside, as a server stopping mid-transaction does.
    // Not an 'error' listener of its own: the pool's must be the one that keeps the process up.
    const ended = new Promise((resolve) => client.once('end', resolve));
    const other = database.openPool();
    await other.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
    await ended;
    const failure = await client.query('SELECT 1').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect(isDatabaseUnavailable(failure)).toBe(true);
    client.release(failure as Error);
    expect((await database.pool.query('SELECT 1 AS one')).rows[0]).toEqual({ one: 1 });
  });
});

describe.skipIf(!process.env.DATABASE_URL)('the statement timeout', () => {
  it("cancels a request's runaway statement, which reads as the database being unavailable", async () => {
    database = await openTestPgDatabase();
    const pool = database.openPool({ statementTimeoutMs: 200 });
    const started = performance.now();
    const failure = await pool.query('SELECT pg_sleep(10)').catch((error: unknown) => error);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(databaseUnavailableReason(failure)).toBe('a query took too long (57014)');
  });

  it("leaves migrations and the sync's writes their time", async () => {
    database = await openTestPgDatabase();
    // Far shorter than migrating an empty schema or writing a few hundred calls takes.
    const store = await createPgCallStore(database.openPool({ statementTimeoutMs: 1 }));
    const conversations = fixtureConversations(300, 3);
    await store.group(async (tx) => {
      await tx.upsert(conversations.slice(0, 150));
      await tx.commit();
      await tx.upsert(conversations.slice(150));
    });
    await store.upsert(conversations.slice(0, 10).map((c) => ({ ...c, summary: 'changed' })));
    await store.close();
    const { rows } = await database.pool.query<{ n: number }>(
      'SELECT count(*)::integer AS n FROM calls',
    );
    expect(rows[0]!.n).toBe(300);
  });
});

describe.skipIf(!process.env.DATABASE_URL)('the settings each connection starts with', () => {
  it('runs no parallel workers, in its own schema', async () => {
    database = await openTestPgDatabase();
    const { rows } = await database.pool.query<{ workers: string; path: string }>(
      "SELECT current_setting('max_parallel_workers_per_gather') AS workers, current_schema() AS path",
    );
    expect(rows[0]!.workers).toBe('0');
    expect(rows[0]!.path).not.toBe('public');
  });
});
