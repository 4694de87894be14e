import { afterEach, describe, expect, it } from 'vitest';
import { fixtureConversations } from '../db/testing/fixture-conversations';
import { createPgCallStore } from '../store/postgres/pg-call-store';
import { openTestPgDatabase, type TestPgDatabase } from '../store/testing/test-database';
import { createIndexFixture, type IndexFixture } from './testing/index-fixture';

let database: TestPgDatabase | undefined;
let fixture: IndexFixture | undefined;
afterEach(async () => {
  await fixture?.close();
  await database?.drop();
  fixture = undefined;
  database = undefined;
});

describe.skipIf(!process.env.DATABASE_URL)('GET /api/calls on a stuck PostgreSQL', () => {
  it('answers a 503 in words once a statement outlives the statement timeout', async () => {
    database = await openTestPgDatabase();
    const store = await createPgCallStore(database.openPool({ statementTimeoutMs: 300 }));
    fixture = await createIndexFixture(fixtureConversations(20, 3), { store });
    expect((await fixture.app.inject({ method: 'GET', url: '/api/calls' })).statusCode).toBe(200);
    // Another session holds the table (a long migration, a runaway statement): reads wait.
    const blocker = await database.pool.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE calls IN ACCESS EXCLUSIVE MODE');
      const response = await fixture.app.inject({
        method: 'GET',
        url: '/api/calls?sort_by=duration&limit=7',
      });
      expect(response.statusCode).toBe(503);
      expect(response.headers['retry-after']).toBe('5');
      expect((response.json() as { detail: string }).detail).toContain('a query took too long');
    } finally {
      await blocker.query('ROLLBACK');
      blocker.release();
    }
    expect((await fixture.app.inject({ method: 'GET', url: '/api/calls' })).statusCode).toBe(200);
  });
});
