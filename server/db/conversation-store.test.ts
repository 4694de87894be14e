import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_BY_FIELDS, SORT_BY_FIELDS, type Conversation } from '../../contract';
import { referenceList, type ReferenceQuery } from '../api/testing/reference-list';
import { createConversationStore, type ListQuery } from './conversation-store';
import { openDatabase, openMemoryDatabase } from './open-database';
import { SCHEMA_VERSION } from './schema';
import { fixtureConversations } from './testing/fixture-conversations';
import { V1_SCHEMA } from './testing/v1-schema';

const generate = (count: number, seed = 11) =>
  fixtureConversations(count, seed).map((conversation, index) =>
    index % 3
      ? conversation
      : { ...conversation, transcriptRecordingUrl: `http://127.0.0.1:1/r/${index}.mp3` },
  );

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'callscope-store-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ids = (items: Conversation[]) => items.map((conversation) => conversation.id);
const query = (q: ReferenceQuery): ListQuery => ({ sort_order: 'asc', skip: 0, limit: 100, ...q });

/** A query per search field with a value that occurs, plus each sort, plus status. */
function sampleQueries(data: Conversation[]): ReferenceQuery[] {
  const sample = data[7]!;
  const analytics = sample.conversationAnalytics ?? {};
  const values: Record<string, string> = {
    id: sample.id.slice(2, 9),
    prospectId: (sample.prospectId ?? 'pro').slice(0, 7),
    aiAgentId: (sample.aiAgentId ?? 'aia').slice(0, 6),
    status: 'ACTIV',
    sourceType: 'phon',
    name_of_caller: (analytics.name_of_caller ?? 'ann').slice(1, 4),
    phone_number_of_caller: '555',
    email_address_of_caller: '.com',
    sentiment_of_caller: 'tive',
    prospectStatus: 'sched',
    transcript: 'appointment',
    summary: 'caller',
  };
  return [
    ...SEARCH_BY_FIELDS.map((field) => ({ search_by: field, search_value: values[field]! })),
    ...SORT_BY_FIELDS.map((sort_by) => ({ sort_by, sort_order: 'desc' as const, limit: 50 })),
    { status: 'archived', sort_by: 'duration' as const },
    { search_by: 'transcript' as const, search_value: 'thank', status: 'active', skip: 30 },
  ];
}

describe('conversation store', () => {
  it('answers the same after a bulk load and after small incremental inserts', () => {
    const data = generate(2_400);
    const bulk = createConversationStore(openMemoryDatabase());
    expect(bulk.insertMany(data)).toBe(2_400);
    const incremental = createConversationStore(openMemoryDatabase());
    for (let start = 0; start < data.length; start += 500) {
      incremental.insertMany(data.slice(start, start + 500));
    }
    for (const q of sampleQueries(data)) {
      const expected = referenceList(data, q);
      expect(expected.total, JSON.stringify(q)).toBeGreaterThan(0);
      for (const store of [bulk, incremental]) {
        const actual = store.list(query(q));
        expect(ids(actual.items), JSON.stringify(q)).toEqual(ids(expected.items));
        expect(actual.total).toBe(expected.total);
      }
    }
  });

  it('reads deep pages from the nearer end and from skip marks, with the same rows', () => {
    const data = generate(300);
    const plain = createConversationStore(openMemoryDatabase());
    // Marks every 7 rows from any skip, so 300 rows exercise seeks, NULL marks and short pages.
    const marked = createConversationStore(openMemoryDatabase(), {
      skipMarks: { stride: 7, minSkip: 0 },
    });
    plain.insertMany(data);
    marked.insertMany(data);
    // Name, sentiment and prospect status hold NULLs and ties: the mirror must keep both in place.
    for (const sort_by of SORT_BY_FIELDS) {
      for (const sort_order of ['asc', 'desc'] as const) {
        for (const status of [undefined, 'archived']) {
          for (const [skip, limit] of [
            [6, 2],
            [7, 20],
            // Archived (48 rows): these reach the end, where descending NULLs are.
            [20, 100],
            [24, 100],
            [40, 100],
            [60, 10],
            [90, 100],
            [149, 3],
            [151, 100],
            [260, 100],
            [299, 1],
            [300, 5],
          ] as const) {
            const q: ReferenceQuery = { sort_by, sort_order, status, skip, limit };
            const expected = referenceList(data, q);
            for (const store of [plain, marked]) {
              const actual = store.list(query(q));
              expect(ids(actual.items), JSON.stringify(q)).toEqual(ids(expected.items));
              expect(actual.total).toBe(expected.total);
            }
          }
        }
      }
    }
    // A write moves rows: marks noted before it must not place a page after it. The last name
    // becomes the first, so every mark's row moves one place on.
    const q: ReferenceQuery = { sort_by: 'name_of_caller', skip: 100, limit: 50 };
    const moved = referenceList(data, { ...q, sort_order: 'desc', skip: 0, limit: 1 }).items[0]!;
    marked.update(moved.id, { conversationAnalytics: { name_of_caller: 'Aaron Aardvark' } });
    const after = data.map((c) => (c.id === moved.id ? marked.get(moved.id)! : c));
    expect(ids(marked.list(query(q)).items)).toEqual(ids(referenceList(after, q).items));
  });

  it('pages a search from its first match once a first page has found it', () => {
    const data = generate(300);
    const store = createConversationStore(openMemoryDatabase(), { plan: 'walk' });
    store.insertMany(data);
    for (const sort_by of SORT_BY_FIELDS) {
      for (const sort_order of ['asc', 'desc'] as const) {
        // The first page notes where the first match is; the later pages seek there.
        for (const skip of [0, 0, 3, 40, 90]) {
          const q: ReferenceQuery = { search_by: 'id', search_value: '.17', sort_by, sort_order };
          const expected = referenceList(data, { ...q, skip, limit: 20 });
          const actual = store.list(query({ ...q, skip, limit: 20 }));
          expect(ids(actual.items), JSON.stringify({ ...q, skip })).toEqual(ids(expected.items));
        }
      }
    }
  });

  it('keeps search, counts and sort columns in step with an update', () => {
    const data = generate(120);
    const store = createConversationStore(openMemoryDatabase());
    store.insertMany(data);
    const target = data.find((c) => c.status === 'active' && c.conversationAnalytics)!;
    const oldName = target.conversationAnalytics!.name_of_caller!;
    const archivedBefore = store.list(query({ status: 'archived' })).total;
    // Cache the search totals first, so a stale cache would show.
    expect(store.list(query({ search_by: 'name_of_caller', search_value: oldName })).total).toBe(
      referenceList(data, { search_by: 'name_of_caller', search_value: oldName }).total,
    );
    store.update(target.id, {
      status: 'archived',
      transcriptSummary: 'Zebracorn escalation',
      conversationAnalytics: { name_of_caller: 'Quetzal Übermann', sentiment_of_caller: 'odd' },
    });
    const find = (q: ReferenceQuery) => ids(store.list(query(q)).items);
    expect(find({ search_by: 'name_of_caller', search_value: 'übermann' })).toEqual([target.id]);
    expect(find({ search_by: 'name_of_caller', search_value: oldName })).not.toContain(target.id);
    expect(find({ search_by: 'summary', search_value: 'zebracorn' })).toEqual([target.id]);
    expect(find({ search_by: 'sentiment_of_caller', search_value: 'ODD' })).toEqual([target.id]);
    expect(store.list(query({ status: 'archived' })).total).toBe(archivedBefore + 1);
    expect(store.count()).toBe(120);
    expect(
      store.list(query({ sort_by: 'name_of_caller', sort_order: 'desc', limit: 1 })).items[0]!.id,
    ).toBe(
      referenceList(
        data.map((c) => (c.id === target.id ? store.get(target.id)! : c)),
        { sort_by: 'name_of_caller', sort_order: 'desc', limit: 1 },
      ).items[0]!.id,
    );
  });

  it('finds a created conversation and counts it', () => {
    const store = createConversationStore(openMemoryDatabase());
    store.insertMany(generate(40));
    const [extra] = generate(1, 99);
    store.create({ ...extra!, id: 'con.created.1', transcriptText: [{ message: 'Kumquat jam' }] });
    expect(store.count()).toBe(41);
    const found = store.list(query({ search_by: 'transcript', search_value: 'KUMQUAT' }));
    expect(ids(found.items)).toEqual(['con.created.1']);
  });

  it('rewrites the recording origin of every stored document', () => {
    const store = createConversationStore(openMemoryDatabase());
    const data = generate(30);
    store.insertMany(data);
    const withUrl = data.filter((c) => c.transcriptRecordingUrl?.startsWith('http://127.0.0.1:1/'));
    expect(store.rewriteRecordingOrigin('http://127.0.0.1:1', 'http://127.0.0.1:9')).toBe(
      withUrl.length,
    );
    const after = store.get(withUrl[0]!.id)!;
    expect(after.transcriptRecordingUrl).toBe(
      withUrl[0]!.transcriptRecordingUrl!.replace(':1/', ':9/'),
    );
  });

  it('migrates a version 1 database without losing a conversation', () => {
    const file = path.join(dir, 'v1.sqlite');
    const data = generate(50);
    const v1 = new Database(file);
    v1.exec(V1_SCHEMA);
    const insert = v1.prepare('INSERT INTO conversations (id, doc, ts_start) VALUES (?, ?, 0)');
    for (const c of data) insert.run(c.id, JSON.stringify(c));
    v1.close();
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const store = createConversationStore(db);
    expect(store.count()).toBe(50);
    expect(store.get(data[3]!.id)).toEqual(data[3]);
    const q: ReferenceQuery = { search_by: 'transcript', search_value: 'the', sort_by: 'duration' };
    expect(ids(store.list(query(q)).items)).toEqual(ids(referenceList(data, q).items));
    db.close();
  });

  it('migrates a version 2 database to phone search on every form of the number', () => {
    const file = path.join(dir, 'v2.sqlite');
    const data = generate(60);
    const v2 = openDatabase(file);
    createConversationStore(v2).insertMany(data);
    // What version 2 stored: the given number's digits alone.
    v2.exec("UPDATE conversations SET phone_d = ''");
    v2.exec("INSERT INTO fts_short (fts_short) VALUES ('rebuild')");
    v2.pragma('user_version = 2');
    v2.close();
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const store = createConversationStore(db);
    const q: ReferenceQuery = { search_by: 'phone_number_of_caller', search_value: '555' };
    const expected = ids(referenceList(data, q).items);
    expect(expected.length).toBeGreaterThan(0);
    expect(ids(store.list(query(q)).items)).toEqual(expected);
    db.close();
  });

  it('keeps a committed update when the process is killed right after', () => {
    const file = path.join(dir, 'durable.sqlite');
    const seeded = openDatabase(file);
    const data = generate(20);
    createConversationStore(seeded).insertMany(data);
    seeded.close();
    const child = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(import.meta.dirname, 'testing/kill-after-write.ts'),
        file,
        data[4]!.id,
        'durable',
      ],
      { encoding: 'utf8' },
    );
    expect(child.stdout).toBe('committed\n');
    expect(child.signal).toBe('SIGKILL');
    const reopened = openDatabase(file);
    const store = createConversationStore(reopened);
    expect(store.get(data[4]!.id)?.status).toBe('durable');
    expect(store.list(query({ status: 'durable' })).total).toBe(1);
    reopened.close();
  });
});
