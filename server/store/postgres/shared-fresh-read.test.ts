import { afterEach, describe, expect, it, vi } from 'vitest';
import { openTestPgDatabase, type TestPgDatabase } from '../testing/test-database';
import { sharedFreshRead } from './shared-fresh-read';

let database: TestPgDatabase | undefined;
afterEach(async () => {
  await database?.drop();
  database = undefined;
});

describe.skipIf(!process.env.DATABASE_URL)('fresh values read together', () => {
  it('reads the values asked for at once in one statement, each as it is after the ask', async () => {
    database = await openTestPgDatabase();
    const { pool } = database;
    await pool.query('CREATE TABLE a (v integer); CREATE TABLE b (v text)');
    await pool.query("INSERT INTO a VALUES (1); INSERT INTO b VALUES ('one')");
    const a = sharedFreshRead(pool, 'SELECT v FROM a');
    const b = sharedFreshRead(pool, 'SELECT v FROM b');
    const statements = vi.spyOn(pool, 'query');
    expect(await Promise.all([a(), b()])).toEqual([1, 'one']);
    expect(statements).toHaveBeenCalledTimes(1);

    // Written through another connection: the next ask sees it.
    const other = database.openPool();
    await other.query("UPDATE a SET v = 2; UPDATE b SET v = 'two'");
    expect(await a()).toBe(2);
    expect(await b()).toBe('two');
  });

  it('keeps the reads of two pools apart', async () => {
    database = await openTestPgDatabase();
    await database.pool.query('CREATE TABLE a (v integer); INSERT INTO a VALUES (7)');
    const [first, second] = [database.pool, database.openPool()];
    const fromFirst = sharedFreshRead(first, 'SELECT v FROM a');
    const fromSecond = sharedFreshRead(second, 'SELECT v + 1 FROM a');
    const statements = vi.spyOn(second, 'query');
    expect(await Promise.all([fromFirst(), fromSecond()])).toEqual([7, 8]);
    expect(statements).toHaveBeenCalledTimes(1);
  });
});
