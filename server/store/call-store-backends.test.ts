import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  formatTrataTimestamp,
  parseTrataTimestamp,
  PROSPECT_STATUSES,
  REVIEW_STATUSES,
  SEARCH_BY_FIELDS,
  SORT_BY_FIELDS,
  transcriptMessages,
  type Conversation,
} from '../../contract';
import { fixtureConversations } from '../db/testing/fixture-conversations';
import { createPgCallStore } from './postgres/pg-call-store';
import { createPgPool } from './postgres/pg-pool';
import { createSqliteCallStore } from './sqlite/sqlite-call-store';
import { openTestPgDatabase, testBackend, type TestPgDatabase } from './testing/test-database';
import type { CallQuery, CallStore, ExportRow, InsightCell, InsightReviewRow } from './types';

/**
 * The PostgreSQL index answers every read exactly as SQLite's does, over the same calls: rows
 * and their order (ties, nulls, case and bytes), totals, facets, walks, insights and the sync's
 * own reads and writes. Runs where the suites run on PostgreSQL (`DATABASE_URL`).
 */

/** The fixture with the cases where the two could part: names differing in case only, missing
 * starts, starts shared by several calls, consent three ways and LIKE's own characters. */
function edgy(conversations: Conversation[]): Conversation[] {
  const names = ['bob', 'Bob', 'BOB', 'émile', 'Émile', 'İnci', 'zed', null];
  return conversations.map((conversation, index) => {
    const analytics = conversation.conversationAnalytics;
    return {
      ...conversation,
      // Over ten days, so date ranges cover whole days (kept counts) and partial ones.
      timestampStart: formatTrataTimestamp(
        parseTrataTimestamp(conversation.timestampStart)! + (index % 10) * 86_400_000,
      ),
      ...(index % 17 === 5 ? { timestampStart: 'unknown' } : {}),
      ...(index % 13 === 4 ? { timestampStart: conversations[0]!.timestampStart } : {}),
      ...(analytics
        ? {
            conversationAnalytics: {
              ...analytics,
              is_audio_consent_given: [true, false, null][index % 3],
              ...(index % 4 === 1 ? { name_of_caller: names[index % names.length] } : {}),
              ...(index % 9 === 2 ? { summary: `50%_off \\ c:${index}` } : {}),
            },
          }
        : {}),
    };
  });
}

/**
 * The review store's tables that the review filter and insights read, as the PostgreSQL review
 * store names them (after SQLite's): a stand-in, so this suite needs only the call index.
 */
const REVIEW_TABLES = `CREATE TABLE reviews (
    call_id text NOT NULL, reviewer text NOT NULL, rating integer, status text NOT NULL,
    follow_up_reason text, version integer NOT NULL, created_at double precision NOT NULL,
    updated_at double precision NOT NULL, PRIMARY KEY (call_id, reviewer)
  );
  CREATE TABLE call_review_state (
    call_id text PRIMARY KEY, state text NOT NULL, reviewers integer NOT NULL,
    rating_sum integer NOT NULL, rating_count integer NOT NULL, comments integer NOT NULL
  )`;

/** Reviews of every seventh call by one or two reviewers, and the state each call has then. */
function reviewRows(calls: Conversation[]) {
  const reviews: [string, string, number | null, string][] = [];
  const states: [string, string, number, number, number][] = [];
  calls.forEach((call, index) => {
    if (index % 7 !== 0) return;
    const status = REVIEW_STATUSES[index % REVIEW_STATUSES.length]!;
    const rating = index % 3 === 0 ? null : 1 + (index % 5);
    reviews.push([call.id, 'ann', rating, status]);
    if (index % 2 === 0) reviews.push([call.id, 'ben', 3, 'follow_up']);
    const mine = reviews.filter((review) => review[0] === call.id);
    const rated = mine.filter((review) => review[2] !== null);
    const state = mine.some((review) => review[3] === 'follow_up')
      ? 'follow_up'
      : mine.some((review) => review[3] === 'reviewed')
        ? 'reviewed'
        : 'to_review';
    const sum = rated.reduce((total, review) => total + review[2]!, 0);
    states.push([call.id, state, mine.length, sum, rated.length]);
  });
  return { reviews, states };
}

const enabled = testBackend() === 'postgres';
let dir: string;
let pg: TestPgDatabase;
let sqlite: CallStore;
let postgres: CallStore;
let conversations: Conversation[];
let samples: string[];

beforeAll(async () => {
  if (!enabled) return;
  conversations = edgy(fixtureConversations(150, 23));
  pg = await openTestPgDatabase();
  dir = mkdtempSync(path.join(tmpdir(), 'callscope-parity-'));
  const file = path.join(dir, 'index.sqlite');
  sqlite = createSqliteCallStore(file, { rowByRowMax: 60 });
  // Pages from the 10th row on in start order are placed by the counts, as the deepest are.
  postgres = await createPgCallStore(pg.pool, { countedSkip: 10 });
  const { reviews, states } = reviewRows(conversations);
  const raw = new Database(file);
  await pg.pool.query(REVIEW_TABLES);
  for (const [callId, reviewer, rating, status] of reviews) {
    const row = [callId, reviewer, rating, status, 1, 0, 0];
    raw.prepare('INSERT INTO reviews VALUES (?, ?, ?, ?, NULL, ?, ?, ?)').run(...row);
    await pg.pool.query('INSERT INTO reviews VALUES ($1, $2, $3, $4, NULL, $5, $6, $7)', row);
  }
  for (const row of states) {
    raw.prepare('INSERT INTO call_review_state VALUES (?, ?, ?, ?, ?, 0)').run(...row);
    await pg.pool.query('INSERT INTO call_review_state VALUES ($1, $2, $3, $4, $5, 0)', row);
  }
  raw.close();
  const agents = [
    { id: 'aia.1727.alpha', name: 'Alpha' },
    { id: 'aia.1727.beta', name: 'beta' },
  ];
  for (const store of [sqlite, postgres]) {
    await store.upsert(conversations.slice(0, 100), 'sweep-1');
    await store.upsert(conversations.slice(100), 'sweep-1', { deferText: true });
    await store.upsertAgents(agents);
  }
  samples = [
    '50%_o',
    '%_o',
    '\\ c',
    'bob',
    'émi',
    'i̇nci',
    ...conversations.flatMap((c) => [
      c.id,
      c.conversationAnalytics?.name_of_caller,
      c.conversationAnalytics?.summary,
      c.conversationAnalytics?.phone_number_of_caller,
      transcriptMessages(c)[0]?.message,
    ]),
  ]
    .filter((text): text is string => typeof text === 'string' && [...text].length >= 3)
    .map((text, index) => [...text].slice(index % 2, (index % 2) + 3 + (index % 4)).join(''))
    .filter((text) => [...text].length >= 3);
});
afterAll(async () => {
  if (!enabled) return;
  await sqlite.close();
  await postgres.close();
  await pg.drop();
  rmSync(dir, { recursive: true, force: true });
});

const starts = () =>
  conversations
    .map((c) => parseTrataTimestamp(c.timestampStart))
    .filter((start): start is number => start !== null)
    .sort((a, b) => a - b);

/** Mostly absent, so that most queries keep some rows. */
const rarely = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: 4 }, { arbitrary: arbitrary, weight: 1 });
const share = fc.double({ min: 0, max: 1, noNaN: true });

const query = (): fc.Arbitrary<CallQuery> =>
  fc
    .record({
      q: rarely(fc.nat()),
      sentiment: rarely(
        fc.subarray(['positive', 'neutral', 'Positive', 'mixed'], { minLength: 1 }),
      ),
      outcome: rarely(fc.subarray([...PROSPECT_STATUSES], { minLength: 1 })),
      consent: rarely(fc.constantFrom('given' as const, 'missing' as const)),
      agent: rarely(
        fc.subarray(['aia.1727.alpha', 'aia.1727.beta', 'aia.2024.gamma'], { minLength: 1 }),
      ),
      source_type: rarely(fc.constantFrom('PHONE', 'BROWSER', 'phone_sip')),
      status: rarely(fc.constantFrom('active', 'archived')),
      search: rarely(fc.tuple(fc.constantFrom(...SEARCH_BY_FIELDS), fc.nat())),
      range: rarely(fc.tuple(share, share)),
      review: rarely(
        fc
          .record({
            states: fc.subarray([...REVIEW_STATUSES]),
            reviewer: fc.option(fc.constantFrom('ann', 'ben', 'cy'), { nil: null }),
            epoch: fc.constant(1),
            rated: fc.option(fc.constant(true as const), { nil: undefined }),
          })
          .filter((review) => review.states.length > 0 || review.rated === true),
      ),
      sort_by: fc.option(fc.constantFrom(...SORT_BY_FIELDS), { nil: undefined }),
      sort_order: fc.constantFrom('asc' as const, 'desc' as const),
      skip: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 120 })),
      limit: fc.integer({ min: 1, max: 60 }),
    })
    .map((raw) => {
      const out: CallQuery = {
        sort_order: raw.sort_order,
        skip: raw.skip,
        limit: raw.limit,
        ...(raw.sort_by ? { sort_by: raw.sort_by } : {}),
        ...(raw.sentiment ? { sentiment: raw.sentiment } : {}),
        ...(raw.outcome ? { outcome: raw.outcome } : {}),
        ...(raw.consent ? { consent: raw.consent } : {}),
        ...(raw.agent ? { agent: raw.agent } : {}),
        ...(raw.source_type ? { source_type: raw.source_type } : {}),
        ...(raw.status ? { status: raw.status } : {}),
        ...(raw.review ? { review: raw.review } : {}),
      };
      if (raw.q !== undefined) out.q = samples[raw.q % samples.length]!;
      if (raw.search) {
        const [field, pick] = raw.search;
        let value = samples[pick % samples.length]!;
        if (field === 'phone_number_of_caller') value = value.replace(/\D/g, '').padEnd(3, '5');
        out.search_by = field;
        out.search_value = value;
      }
      if (raw.range) {
        const all = starts();
        const at = (share: number) => all[Math.floor(share * (all.length - 1))]!;
        out.from = at(Math.min(...raw.range));
        out.to = at(Math.max(...raw.range)) + 1;
      }
      return out;
    });

const cellKey = (cell: InsightCell) =>
  JSON.stringify([cell.bucket, cell.sentiment, cell.outcome, cell.consent]);
const sortedCells = (cells: InsightCell[]) =>
  [...cells].sort((a, b) => (cellKey(a) < cellKey(b) ? -1 : 1));
const sortedBy = <T>(rows: T[]) =>
  [...rows].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

async function walk(store: CallStore, q: CallQuery, size: number): Promise<string[]> {
  const ids: string[] = [];
  let after = null;
  for (;;) {
    const chunk = await store.listAfter(q, after, size);
    ids.push(...chunk.items.map((item) => item.id));
    if (!chunk.next) return ids;
    after = chunk.next;
  }
}

async function exportWalk(store: CallStore, q: CallQuery, size: number): Promise<ExportRow[]> {
  const rows: ExportRow[] = [];
  let after = null;
  for (;;) {
    const chunk = await store.exportAfter(q, after, size);
    rows.push(...chunk.rows);
    if (!chunk.next) return rows;
    after = chunk.next;
  }
}

describe.skipIf(!enabled)('the PostgreSQL call index against SQLite', () => {
  it('lists, counts, facets, walks and sums every query alike', async () => {
    await fc.assert(
      fc.asyncProperty(query(), async (q) => {
        const [a, b] = [await sqlite.list(q), await postgres.list(q)];
        console.log(JSON.stringify(q), a.total, a.items.length, b.items.length);
        expect(b.total, JSON.stringify(q)).toBe(a.total);
        expect(b.items, JSON.stringify(q)).toEqual(a.items);
        expect(await postgres.listJson(q)).toEqual(await sqlite.listJson(q));
        expect(await postgres.total(q)).toBe(await sqlite.total(q));
        expect(await postgres.facets(q)).toEqual(await sqlite.facets(q));
        expect(await walk(postgres, q, 7)).toEqual(await walk(sqlite, q, 7));
        expect(await exportWalk(postgres, q, 7)).toEqual(await exportWalk(sqlite, q, 7));
        const all = starts();
        const bounds = [all[0]!, all[30]!, all[90]!, all.at(-1)! + 1];
        const [x, y] = [await sqlite.insights(q, bounds), await postgres.insights(q, bounds)];
        expect(y.duration).toEqual(x.duration);
        const byAgent = (rows: InsightReviewRow[]) =>
          [...rows].sort((m, n) => String(m.agent).localeCompare(String(n.agent)));
        expect(byAgent(y.reviews)).toEqual(byAgent(x.reviews));
        const [cx, cy] = [sortedCells(x.cells), sortedCells(y.cells)];
        expect(cy.map((cell) => ({ ...cell, talk: 0 }))).toEqual(
          cx.map((cell) => ({ ...cell, talk: 0 })),
        );
        cy.forEach((cell, index) => expect(cell.talk).toBeCloseTo(cx[index]!.talk, 6));
        expect(sortedBy(y.agents)).toEqual(sortedBy(x.agents));
        expect(sortedBy(y.trend)).toEqual(sortedBy(x.trend));
      }),
      { numRuns: 120 },
    );
  });

  it('places pages deep into the start order by the counts alike, to the last row', async () => {
    const filters: Partial<CallQuery>[] = [
      {},
      { sentiment: ['negative', 'neutral'] },
      { consent: 'missing', source_type: 'PHONE' },
      { agent: [conversations[0]!.aiAgentId!], status: 'active' },
    ];
    for (const filter of filters) {
      for (const sort_order of ['asc', 'desc'] as const) {
        const total = await sqlite.total({ sort_order, skip: 0, limit: 1, ...filter });
        for (const skip of [10, 11, 37, Math.floor(total / 2), total - 25, total - 5, total - 1]) {
          if (skip < 10) continue;
          const q: CallQuery = {
            sort_by: 'timestampStart',
            sort_order,
            skip,
            limit: 20,
            ...filter,
          };
          const [a, b] = [await sqlite.listJson(q), await postgres.listJson(q)];
          expect(b, JSON.stringify(q)).toEqual(a);
        }
      }
    }
  });

  it('lists pages deep into the list alike, each sort with and without filters', async () => {
    for (const sort_by of SORT_BY_FIELDS) {
      for (const sort_order of ['asc', 'desc'] as const) {
        for (const filters of [{}, { from: 0 }]) {
          const q: CallQuery = { sort_by, sort_order, skip: 100, limit: 30, ...filters };
          const [a, b] = [await sqlite.listJson(q), await postgres.listJson(q)];
          expect(a.ids.length, JSON.stringify(q)).toBeGreaterThan(0);
          expect(b, JSON.stringify(q)).toEqual(a);
        }
      }
    }
  });

  it('answers the sync and the call page alike', async () => {
    for (const method of ['count', 'newestUpdate', 'firstStart', 'deferredTexts'] as const) {
      if (method === 'deferredTexts') continue;
      expect(await postgres[method](), method).toEqual(await sqlite[method]());
    }
    expect(await postgres.agentNames()).toEqual(await sqlite.agentNames());
    for (const conversation of conversations.slice(0, 10)) {
      expect(await postgres.get(conversation.id)).toEqual(await sqlite.get(conversation.id));
    }
    expect(await postgres.get('nope')).toBeNull();
    const again = conversations
      .slice(95, 105)
      .map((c, i) => (i % 2 ? { ...c, status: 'archived' } : c));
    // Repeated ids in one batch: the later one is a change of the earlier one.
    const batch = [...again, { ...again[0]!, status: 'gone' }, again[0]!];
    expect(await postgres.upsert(batch, 'sweep-2')).toEqual(await sqlite.upsert(batch, 'sweep-2'));
    // A NUL character, which PostgreSQL's text cannot hold: the call is indexed and found alike.
    const source = conversations[7]!;
    const nul: Conversation = {
      ...source,
      id: 'conv-nul',
      conversationAnalytics: {
        ...source.conversationAnalytics,
        name_of_caller: 'Nu\u0000ll Caller',
        summary: 'before\u0000after',
      },
    };
    expect(await postgres.upsert([nul])).toEqual(await sqlite.upsert([nul]));
    for (const q of ['after', 'before', 'll caller']) {
      const page: CallQuery = { q, sort_order: 'asc', skip: 0, limit: 200 };
      expect(await postgres.listJson(page), q).toEqual(await sqlite.listJson(page));
    }
    const stored = await postgres.get('conv-nul');
    expect(stored?.conversationAnalytics?.summary).toBe('before\ufffdafter');
    const ids = [conversations[0]!.id, 'unknown', conversations[120]!.id];
    expect(await postgres.seenIn(ids, 'sweep-2')).toEqual(await sqlite.seenIn(ids, 'sweep-2'));
    expect(await postgres.seenBy(ids[0]!, 'sweep-2')).toBe(true);
    expect(await postgres.seenBy(conversations[50]!.id, 'sweep-2')).toBe(false);
    const unseen = async (store: CallStore) => (await store.notSeenIn('sweep-2', 1000)).sort();
    expect(await unseen(postgres)).toEqual(await unseen(sqlite));
    const gone = [conversations[3]!.id, conversations[3]!.id, 'unknown'];
    expect(await postgres.remove(gone)).toBe(await sqlite.remove(gone));
    expect(await postgres.count()).toBe(await sqlite.count());
    // Changes of what the insight rollups split by: each backend moves the calls between rows.
    const moved = conversations.slice(20, 30).map((c, i) => ({
      ...c,
      timestampStart: formatTrataTimestamp(parseTrataTimestamp(c.timestampStart)! + i * 3_600_000),
      conversationAnalytics: { ...c.conversationAnalytics, sentiment_of_caller: 'neutral' },
    }));
    expect(await postgres.upsert(moved)).toEqual(await sqlite.upsert(moved));
    const all = starts();
    const bounds = [all[0]! - 1, all[40]! + 1_800_000, all.at(-1)! + 86_400_000];
    const everything: CallQuery = { sort_order: 'asc', skip: 0, limit: 10 };
    const [x, y] = [
      await sqlite.insights(everything, bounds),
      await postgres.insights(everything, bounds),
    ];
    expect(y.duration).toEqual(x.duration);
    expect(sortedCells(y.cells).map((cell) => cell.n)).toEqual(
      sortedCells(x.cells).map((cell) => cell.n),
    );
    expect(sortedBy(y.agents)).toEqual(sortedBy(x.agents));
    expect(sortedBy(y.trend)).toEqual(sortedBy(x.trend));
    for (const store of [sqlite, postgres]) {
      await store.writeState('sweep', { next: 40, at: 'x' });
      await store.noteSkipped({ id: 'a', reason: 'bad', at: '2026-01-02T00:00:00Z' });
      await store.noteSkipped({ id: 'b', reason: 'worse', at: '2026-01-03T00:00:00Z' });
      await store.noteSkipped({ id: 'a', reason: 'bad again', at: '2026-01-04T00:00:00Z' });
      await store.forgetSkipped('b');
    }
    expect(await postgres.readState('sweep')).toEqual({ next: 40, at: 'x' });
    expect(await postgres.readState('missing')).toBeUndefined();
    expect(await postgres.skipped(10)).toEqual(await sqlite.skipped(10));
  });
});

describe.skipIf(!enabled)('the PostgreSQL call index reading its counts', () => {
  it("reads a range's counts once for a page and its facets, and again after a failed read", async () => {
    const db = await openTestPgDatabase();
    try {
      const statements: string[] = [];
      let failNext = false;
      const pool = db.openPool();
      const query = pool.query.bind(pool) as (text: string, values?: unknown[]) => Promise<unknown>;
      Object.assign(pool, {
        query: (text: string, values?: unknown[]) => {
          if (/call_(period_)?groups/.test(text)) {
            statements.push(`${text} ${JSON.stringify(values)}`);
            if (failNext) {
              failNext = false;
              return Promise.reject(new Error('the database went away'));
            }
          }
          return query(text, values);
        },
      });
      const store = await createPgCallStore(pool);
      const calls = fixtureConversations(40, 9);
      await store.upsert(calls);
      const last = Math.max(...calls.map((c) => parseTrataTimestamp(c.timestampStart)!));
      const q: CallQuery = { sort_order: 'desc', skip: 0, limit: 10, to: last - 3_600_000 };
      statements.length = 0;
      const [page, facets] = await Promise.all([store.listJson(q), store.facets(q)]);
      expect(statements.length).toBeGreaterThan(0);
      expect(new Set(statements).size, 'each count read once').toBe(statements.length);
      expect(page.total).toBe(facets.consent.given + facets.consent.missing);
      // Another range open at its start reads only what follows it: the all-time counts are kept.
      statements.length = 0;
      await store.facets({ ...q, to: last - 7_200_000 });
      expect(statements.some((text) => text.includes('FROM call_groups'))).toBe(false);
      failNext = true;
      const other: CallQuery = { ...q, from: last - 30 * 86_400_000 };
      await expect(store.facets(other)).rejects.toThrow('went away');
      const inRange = calls.filter(
        (c) =>
          parseTrataTimestamp(c.timestampStart)! >= other.from! &&
          parseTrataTimestamp(c.timestampStart)! < q.to!,
      ).length;
      expect(inRange).toBeGreaterThan(0);
      const { consent } = await store.facets(other);
      expect(consent.given + consent.missing).toBe(inRange);
      expect(await store.total(other)).toBe(inRange);
      await store.close();
      await pool.end();
    } finally {
      await db.drop();
    }
  });
});

describe.skipIf(!enabled)('the PostgreSQL call index shared by replicas', () => {
  it('never serves a total, facet or page another replica has changed since', async () => {
    const db = await openTestPgDatabase();
    try {
      const one = await createPgCallStore(db.pool);
      const two = await createPgCallStore(db.openPool());
      const base: CallQuery = { sort_order: 'desc', skip: 0, limit: 50 };
      const calls = fixtureConversations(20, 5);
      await one.upsert(calls.slice(0, 10));
      expect((await two.list(base)).total).toBe(10);
      const facets = await two.facets(base);
      await one.upsert(calls.slice(10));
      expect((await two.list(base)).total).toBe(20);
      expect(await two.facets(base)).not.toEqual(facets);
      await one.upsertAgents([{ id: 'aia.1727.alpha', name: 'Renamed' }]);
      expect((await two.agentNames()).get('aia.1727.alpha')).toBe('Renamed');
      await one.remove([calls[0]!.id]);
      expect(await two.total(base)).toBe(19);
      await one.clear();
      expect((await two.listJson(base)).total).toBe(0);
    } finally {
      await db.drop();
    }
  });

  it('lets replicas write at once: the second waits for the first instead of deadlocking', async () => {
    const db = await openTestPgDatabase();
    const name = `replica_${randomBytes(4).toString('hex')}`;
    const pool = createPgPool({
      connectionString: db.connectionString,
      schema: db.schema,
      applicationName: name,
    });
    try {
      const one = await createPgCallStore(db.pool);
      const two = await createPgCallStore(pool);
      const calls = fixtureConversations(60, 13);
      const renamed = (list: Conversation[]) => list.map((c) => ({ ...c, status: 'archived' }));
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let started!: () => void;
      const firstWrote = new Promise<void>((resolve) => (started = resolve));
      const a = one.group(async (tx) => {
        await tx.upsert(calls.slice(0, 30));
        started();
        await gate;
        await tx.upsert(calls.slice(30));
      });
      await firstWrote;
      const b = two.group(async (tx) => {
        await tx.upsert(renamed(calls.slice(30)));
        await tx.upsert(renamed(calls.slice(0, 30)));
      });
      // The second replica's write waits on a lock (held by the first's open group).
      for (;;) {
        const { rows } = await db.pool.query<{ n: number }>(
          "SELECT count(*)::integer AS n FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'",
          [name],
        );
        if (rows[0]!.n > 0) break;
        await new Promise((resolve) => setImmediate(resolve));
      }
      release();
      await Promise.all([a, b]);
      const all: CallQuery = { sort_order: 'asc', skip: 0, limit: 100, status: 'archived' };
      expect(await one.total(all)).toBe(60);
      expect((await one.facets({ ...all, status: undefined })).consent).toEqual(
        (await two.facets({ ...all, status: undefined })).consent,
      );
    } finally {
      await pool.end();
      await db.drop();
    }
  });

  it('groups writes on one connection: commit goes on, a throw rolls back, groups take turns', async () => {
    const db = await openTestPgDatabase();
    try {
      const store = await createPgCallStore(db.pool);
      const [first, second, third] = fixtureConversations(3, 11);
      const base: CallQuery = { sort_order: 'desc', skip: 0, limit: 100 };
      const failed = store.group(async (tx) => {
        await tx.upsert([first!]);
        await tx.writeState('sweep', { next: 1 });
        await tx.commit();
        await tx.upsert([second!]);
        // Inside the group its own writes are read back; outside they are not yet visible.
        expect(await tx.count()).toBe(2);
        expect((await tx.listJson(base)).total).toBe(2);
        expect(await store.count()).toBe(1);
        throw new Error('crash after the first page');
      });
      await expect(failed).rejects.toThrow('crash after the first page');
      expect((await store.listJson(base)).ids).toEqual([first!.id]);
      expect(await store.readState('sweep')).toEqual({ next: 1 });
      const order: string[] = [];
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const a = store.group(async (tx) => {
        order.push('a starts');
        await tx.upsert([second!]);
        await gate;
        order.push('a ends');
        throw new Error('a fails');
      });
      const b = store.group(async (tx) => {
        order.push('b starts');
        await tx.upsert([third!]);
        return 'b';
      });
      release();
      await expect(a).rejects.toThrow('a fails');
      expect(await b).toBe('b');
      expect(order).toEqual(['a starts', 'a ends', 'b starts']);
      expect((await store.listJson(base)).ids.sort()).toEqual([first!.id, third!.id].sort());
      // A failed write inside a group leaves the group's earlier work in place.
      await store.group(async (tx) => {
        await tx.upsert([second!]);
        await expect(tx.upsert([{ ...third!, id: 'x\u0000' }])).rejects.toThrow();
        await tx.writeState('after', true);
      });
      expect(await store.count()).toBe(3);
      expect(await store.readState('after')).toBe(true);
      await store.close();
      // The pool is the caller's: still open after the store is closed.
      expect((await db.pool.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    } finally {
      await db.drop();
    }
  });
});

describe.skipIf(!enabled)('the PostgreSQL call index in a database of another locale', () => {
  it('orders names, sentiments and ids by their bytes still, as SQLite does', async (context) => {
    const name = `callscope_icu_${randomBytes(4).toString('hex')}`;
    const admin = createPgPool({ connectionString: process.env.DATABASE_URL! });
    try {
      await admin.query(
        `CREATE DATABASE ${name} TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'`,
      );
    } catch {
      await admin.end();
      // A server without ICU (or without the right to create databases) cannot say.
      context.skip();
    }
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${name}`;
    const pool = createPgPool({ connectionString: url.toString() });
    try {
      const store = await createPgCallStore(pool);
      await store.upsert(conversations);
      await store.upsertAgents([
        { id: 'aia.1727.alpha', name: 'Alpha' },
        { id: 'aia.1727.beta', name: 'beta' },
      ]);
      const reference = createSqliteCallStore(':memory:');
      await reference.upsert(conversations);
      for (const sort_by of SORT_BY_FIELDS) {
        for (const sort_order of ['asc', 'desc'] as const) {
          const q: CallQuery = { sort_by, sort_order, skip: 0, limit: 500 };
          const ids = async (from: CallStore) => (await from.listJson(q)).ids;
          expect(await ids(store), `${sort_by} ${sort_order}`).toEqual(await ids(reference));
          expect(await walk(store, q, 11)).toEqual(await ids(reference));
        }
      }
      await reference.close();
      await store.close();
    } finally {
      await pool.end();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
