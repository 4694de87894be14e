import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Conversation } from '../../contract';
import { referenceList, type ReferenceQuery } from '../api/testing/reference-list';
import { createConversationStore } from './conversation-store';
import { openDatabase } from './open-database';
import { schemaObjectNames } from './schema';
import { fixtureConversations } from './testing/fixture-conversations';

const dir = mkdtempSync(path.join(tmpdir(), 'callscope-converge-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Yields `rows`, then fails, as a load stopped after its batches committed would. */
function* stopsAfter(rows: Conversation[]): Generator<Conversation> {
  yield* rows;
  throw new Error('stopped');
}

describe('opening a database converges it to the full schema', () => {
  it('rebuilds the indexes and FTS a stopped bulk load left out, so it starts and searches', () => {
    const file = path.join(dir, 'stopped-bulk.sqlite');
    const data = fixtureConversations(4_000, 3);
    const first = openDatabase(file);
    expect(() => createConversationStore(first).insertMany(stopsAfter(data))).toThrow('stopped');
    const names = () =>
      new Set(first.prepare<[], string>('SELECT name FROM sqlite_master').pluck().all());
    expect(names().has('conv_sort_ts_start')).toBe(false);
    first.close();

    const db = openDatabase(file);
    const present = new Set(db.prepare<[], string>('SELECT name FROM sqlite_master').pluck().all());
    expect(schemaObjectNames().filter((name) => !present.has(name))).toEqual([]);
    const store = createConversationStore(db, { searchWorker: false });
    const q: ReferenceQuery = {
      search_by: 'transcript',
      search_value: 'booking',
      sort_by: 'duration',
    };
    const listed = store.list({ sort_order: 'asc', skip: 0, limit: 50, ...q });
    const expected = referenceList(data, { ...q, limit: 50 });
    expect(listed.total).toBe(expected.total);
    expect(listed.items.map((item) => item.id)).toEqual(expected.items.map((item) => item.id));
    db.close();
  });
});
