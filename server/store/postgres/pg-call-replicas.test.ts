import { afterEach, describe, expect, it } from 'vitest';
import { fixtureConversations } from '../../db/testing/fixture-conversations';
import { openTestPgDatabase, type TestPgDatabase } from '../testing/test-database';
import type { CallQuery, CallStore } from '../types';
import { createPgCallStore } from './pg-call-store';

const consentCount = async (store: CallStore, query: CallQuery) => {
  const { consent } = await store.facets(query);
  return consent.given + consent.missing;
};

let database: TestPgDatabase | undefined;
afterEach(async () => {
  await database?.drop();
  database = undefined;
});

const NEWEST_FIRST: CallQuery = {
  sort_by: 'timestampStart',
  sort_order: 'desc',
  skip: 0,
  limit: 5,
};

describe.skipIf(!process.env.DATABASE_URL)('the index shared by two replicas', () => {
  it("lists a call written through one replica in the other's next page, totals and facets", async () => {
    database = await openTestPgDatabase();
    const [writer, reader] = [
      await createPgCallStore(database.pool),
      await createPgCallStore(database.openPool()),
    ];
    const [first, ...rest] = fixtureConversations(40, 7);
    await writer.upsert(rest);
    // The reader keeps this page and these counts while the data version stays.
    for (let i = 0; i < 2; i++) {
      const page = await reader.listJson(NEWEST_FIRST);
      expect(page.total).toBe(39);
      expect(page.ids).not.toContain(first!.id);
      expect(await consentCount(reader, NEWEST_FIRST)).toBe(39);
    }
    const newest = { ...first!, timestampStart: '2027-01-01T00:00:00.000Z' };
    await writer.upsert([newest]);
    const page = await reader.listJson(NEWEST_FIRST);
    expect(page.ids[0]).toBe(newest.id);
    expect(page.total).toBe(40);
    expect(await consentCount(reader, NEWEST_FIRST)).toBe(40);
  });
});
