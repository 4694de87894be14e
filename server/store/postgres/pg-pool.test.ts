import { afterEach, describe, expect, it } from 'vitest';
import { openTestPgDatabase, type TestPgDatabase } from '../testing/test-database';
import { isDatabaseUnavailable } from './pg-errors';

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
