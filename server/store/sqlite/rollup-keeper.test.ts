import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { formatTrataTimestamp, parseTrataTimestamp, type Conversation } from '../../../contract';
import { fixtureConversations } from '../../db/testing/fixture-conversations';
import type { CallQuery } from '../types';
import { recountRollups } from './rollup-keeper';
import { createSqliteCallStore } from './sqlite-call-store';

const TABLES = [
  'call_groups',
  'call_period_groups',
  'call_insight_cells',
  'call_insight_series',
  'call_insight_trend',
  'call_insight_durations',
];

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function indexFile(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'callscope-rollups-'));
  dirs.push(dir);
  return path.join(dir, 'index.sqlite');
}

/** Every non-empty count and rollup row, in one order, with sums rounded past float noise. */
function snapshot(db: Database.Database): Record<string, string[]> {
  return Object.fromEntries(
    TABLES.map((table) => [
      table,
      (db.prepare(`SELECT * FROM ${table} WHERE n <> 0`).all() as Record<string, unknown>[])
        .map((row) =>
          JSON.stringify(
            Object.entries(row).map(([column, value]) =>
              column === 'talk' ? [column, Number(value).toFixed(3)] : [column, value],
            ),
          ),
        )
        .sort(),
    ]),
  );
}

/** The same call with other filterable values, an hour and a day later, or without a start. */
function changed(call: Conversation, index: number): Conversation {
  const start = parseTrataTimestamp(call.timestampStart);
  const moved =
    start === null ? Date.UTC(2026, 10, 1) : start + (index % 2 ? 3_600_000 : 90_000_000);
  return {
    ...call,
    status: index % 3 === 0 ? 'archived' : 'active',
    // A start the index cannot read: counted over all time only.
    timestampStart: index % 7 === 0 ? 'not a time' : formatTrataTimestamp(moved),
    timestampEnd: formatTrataTimestamp(moved + 1000 * (30 + index)),
    conversationAnalytics: {
      ...call.conversationAnalytics,
      sentiment_of_caller: ['negative', 'positive', null][index % 3],
      is_audio_consent_given: index % 2 === 0,
    },
  };
}

it('keeps the counts and rollups equal to a recount through inserts, changes, removals and rollbacks', async () => {
  const file = indexFile();
  const calls = fixtureConversations(400, 5);
  const store = createSqliteCallStore(file);
  const all: CallQuery = { sort_order: 'desc', skip: 0, limit: 10 };

  await store.upsert(calls.slice(0, 150));
  await store.group(async (tx) => {
    for (let start = 150; start < 310; start += 20) {
      await tx.upsert(calls.slice(start, start + 20), 'sweep-1');
      // Read while the group is open: the counts include what the group wrote so far.
      expect(await store.total(all)).toBe(await store.count());
      if (start === 210) await tx.commit();
    }
  });
  await store.upsert(calls.slice(0, 120).map(changed));
  expect(await store.remove(calls.slice(100, 140).map((call) => call.id))).toBe(40);

  const before = await store.total(all);
  const failed = store.group(async (tx) => {
    await tx.upsert(calls.slice(310, 400));
    await tx.upsert(calls.slice(150, 200).map(changed));
    expect(await store.total(all)).toBe(before + 90);
    // Written after the last read: the counts of these are still pending when it fails.
    await tx.upsert(calls.slice(200, 230).map(changed));
    throw new Error('the API went away');
  });
  await expect(failed).rejects.toThrow('the API went away');
  expect(await store.total(all)).toBe(before);
  expect(await store.count()).toBe(before);
  await store.close();

  const db = new Database(file);
  const kept = snapshot(db);
  expect(kept.call_groups!.length).toBeGreaterThan(10);
  expect(kept.call_insight_durations!.length).toBeGreaterThan(10);
  recountRollups(db);
  expect(kept).toEqual(snapshot(db));
  db.close();
});

it('empties the counts with the calls, and counts what comes after', async () => {
  const file = indexFile();
  const calls = fixtureConversations(60, 9);
  const store = createSqliteCallStore(file);
  await store.upsert(calls.slice(0, 40));
  await store.clear();
  const all: CallQuery = { sort_order: 'desc', skip: 0, limit: 10 };
  expect(await store.total(all)).toBe(0);
  await store.upsert(calls.slice(20, 60));
  expect(await store.total(all)).toBe(40);
  await store.close();

  const db = new Database(file);
  const kept = snapshot(db);
  recountRollups(db);
  expect(kept).toEqual(snapshot(db));
  db.close();
});

it('counts any range as the calls in it, across hours, days and months', async () => {
  const first = Date.UTC(2026, 6, 30, 22, 17);
  const calls = fixtureConversations(500, 13).map((call, i) => {
    const start = first + i * 5 * 3_600_000 + ((i * 7_919) % 3_600) * 1000;
    return {
      ...call,
      timestampStart: formatTrataTimestamp(start),
      timestampEnd: formatTrataTimestamp(start + 60_000),
    };
  });
  const store = createSqliteCallStore(indexFile());
  await store.upsert(calls);
  const starts = calls.map((call) => parseTrataTimestamp(call.timestampStart)!);
  const last = starts[starts.length - 1]!;
  let seed = 7;
  const next = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
  for (let run = 0; run < 60; run++) {
    const a = first - 86_400_000 + next() * (last - first + 2 * 86_400_000);
    const b = a + next() * (run % 3 === 0 ? 3 * 3_600_000 : 70 * 86_400_000);
    const query: CallQuery = { sort_order: 'desc', skip: 0, limit: 10, from: a, to: b };
    const inRange = starts.filter((start) => start >= a && start < b).length;
    expect(await store.total(query), new Date(a).toISOString()).toBe(inRange);
    const facets = await store.facets(query);
    expect(facets.consent.given + facets.consent.missing).toBe(inRange);
  }
  await store.close();
});
