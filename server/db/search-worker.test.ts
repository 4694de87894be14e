import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Conversation } from '../../contract';
import { createDemoApi } from '../api/create-demo-api';
import { referenceList, type ReferenceQuery } from '../api/testing/reference-list';
import { createConversationStore, type ConversationStore } from './conversation-store';
import { openDatabase, type Db } from './open-database';
import { fixtureConversations } from './testing/fixture-conversations';

let dir: string;
let db: Db;
let store: ConversationStore;
let data: Conversation[];
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'callscope-worker-'));
  db = openDatabase(path.join(dir, 'demo.sqlite'));
  store = createConversationStore(db);
  data = fixtureConversations(300, 5);
  store.insertMany(data);
});
afterAll(async () => {
  await store.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const asQuery = (q: ReferenceQuery) => ({ sort_order: 'asc' as const, skip: 0, limit: 100, ...q });
const ids = (items: Conversation[]) => items.map((c) => c.id);

describe('searches computed on the worker thread', () => {
  it.each<ReferenceQuery>([
    { search_by: 'transcript', search_value: 'menu', sort_by: 'duration' },
    { search_by: 'name_of_caller', search_value: 'smith', status: 'active' },
    { search_by: 'sentiment_of_caller', search_value: 'tive', sort_order: 'desc' },
    { search_by: 'email_address_of_caller', search_value: 'zqxj' },
  ])('match the reference for %j', async (q) => {
    expect(await store.prepareSearch(asQuery(q))).toBe('computed');
    expect(await store.prepareSearch(asQuery(q))).toBe('known');
    const result = store.list(asQuery(q));
    const expected = referenceList(data, q);
    expect(ids(result.items)).toEqual(ids(expected.items));
    expect(result.total).toBe(expected.total);
  });

  it('drops a match set computed across a write', async () => {
    const q: ReferenceQuery = { search_by: 'summary', search_value: 'platypus' };
    const pending = store.prepareSearch(asQuery(q));
    store.update(data[10]!.id, { transcriptSummary: 'A platypus called' });
    expect(await pending).toBe('stale');
    expect(ids(store.list(asQuery(q)).items)).toEqual([data[10]!.id]);
  });

  it('serves a search through the API', async () => {
    const app = createDemoApi({ store, token: 't0ken' });
    const response = await app.inject({
      method: 'GET',
      url: '/v1/conversations?search_by=transcript&search_value=REFUND&limit=5',
      headers: { authorization: 'Bearer t0ken' },
    });
    await app.close();
    const current = data.map((c) => store.get(c.id)!);
    const expected = referenceList(current, {
      search_by: 'transcript',
      search_value: 'refund',
      limit: 5,
    });
    expect((response.json() as Conversation[]).map((c) => c.id)).toEqual(ids(expected.items));
    expect(response.headers['x-total-count']).toBe(String(expected.total));
  });
});
