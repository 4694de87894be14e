import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { formatTrataTimestamp, type Conversation } from '../../../contract';
import { planSpan, pieceSql, readRollupFigures, type PieceRow } from '../insight-rollups';
import type { CallStore } from '../types';
import { readCallFigures } from './insights-sql';
import { createSqliteCallStore } from './sqlite-call-store';

const HOUR = 3_600_000;
const base = Date.UTC(2026, 0, 28, 21, 17);

it('plans a span as signed pieces that cover every instant of it once and nothing else', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 120 * 24 * 60 }),
      fc.integer({ min: 1, max: 120 * 24 * 60 }),
      fc.array(fc.integer({ min: -2 * 24 * 60, max: 125 * 24 * 60 }), { maxLength: 40 }),
      (start, length, probes) => {
        const [from, to] = [base + start * 60_000, base + (start + length) * 60_000];
        const pieces = planSpan(from, to);
        for (const minute of [...probes, start, start + length - 1, start + length]) {
          // Every piece is aligned to its level, so a probe counts in it when inside its range.
          const at = base + minute * 60_000 + 7_000;
          const covered = pieces.reduce(
            (sum, piece) => sum + (at >= piece.from && at < piece.to ? piece.sign : 0),
            0,
          );
          expect(covered).toBe(at >= from && at < to ? 1 : 0);
        }
        // Rows are read for less than an hour at either end, however long the span.
        const rows = pieces.filter((piece) => piece.level === null);
        expect(rows.length).toBeLessThanOrEqual(2);
        for (const piece of rows) expect(piece.to - piece.from).toBeLessThanOrEqual(HOUR / 2);
      },
    ),
  );
});

let dir: string;
let file: string;
let store: CallStore;

const call = (i: number): Conversation => {
  const start = base + ((i * 7_919_123) % (60 * 24 * HOUR));
  const seconds = i % 9 === 0 ? null : (i * 37) % 600;
  return {
    id: `con.roll.${i}`,
    aiAgentId: i % 5 === 0 ? null : `aia.roll.${i % 3}`,
    timestampStart: formatTrataTimestamp(start),
    timestampEnd: seconds === null ? null : formatTrataTimestamp(start + seconds * 1000 + (i % 4)),
    transcriptText: [
      { speaker: 'USER', message: 'Hello?', timestamp: formatTrataTimestamp(start) },
      {
        speaker: 'AI',
        message: 'Hi.',
        timestamp: formatTrataTimestamp(start + (i % 4 === 0 ? 9000 : 1000)),
      },
    ],
    conversationAnalytics: {
      sentiment_of_caller: [null, 'positive', 'negative', 'neutral'][i % 4],
      prospectStatus: i % 6 === 0 ? null : 'INTERESTED',
      is_audio_consent_given: i % 7 === 0,
    },
  };
};

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'callscope-rollups-'));
  file = path.join(dir, 'index.sqlite');
  store = createSqliteCallStore(file);
  await store.upsert(Array.from({ length: 600 }, (_, i) => call(i)));
  // Changes after the first write: the triggers take the old values out and put the new ones in.
  await store.upsert(
    Array.from({ length: 80 }, (_, i) => {
      const changed = call(i * 7);
      return {
        ...changed,
        timestampStart: formatTrataTimestamp(base + i * 5 * HOUR),
        conversationAnalytics: { ...changed.conversationAnalytics, sentiment_of_caller: 'neutral' },
      };
    }),
  );
  await store.remove(Array.from({ length: 40 }, (_, i) => `con.roll.${i * 13 + 1}`));
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const sortedBy = <T>(rows: T[]) =>
  [...rows].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

it('sums the same figures from the rollups as from the rows, after inserts, changes and deletes', async () => {
  const db = new Database(file, { readonly: true });
  const prepared = (text: string) => db.prepare(text);
  try {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: -24 * 60, max: 62 * 24 * 60 }),
        fc.array(fc.integer({ min: 1, max: 20 * 24 * 60 }), { minLength: 1, maxLength: 6 }),
        async (start, lengths) => {
          const bounds = [base + start * 60_000];
          for (const length of lengths) bounds.push(bounds.at(-1)! + length * 60_000);
          const query = { sort_order: 'asc' as const, skip: 0, limit: 10 };
          const rows = readCallFigures(prepared, query, bounds, false);
          const rolled = await readRollupFigures(bounds, async (batches) =>
            batches.map(({ kind, pieces }) =>
              pieces.map((piece) => {
                const sql = pieceSql(kind, piece, { int: (e) => e });
                return prepared(sql.text).all(...sql.params) as PieceRow[];
              }),
            ),
          );
          expect(rolled.duration).toEqual(rows.duration);
          const noTalk = <T extends { talk: number }>(cells: T[]) =>
            // `+ 0`: a sum that cancels out may round to -0, which toEqual tells from 0.
            sortedBy(cells.map((cell) => ({ ...cell, talk: Math.round(cell.talk * 1000) + 0 })));
          expect(noTalk(rolled.cells)).toEqual(noTalk(rows.cells));
          expect(sortedBy(rolled.agents)).toEqual(sortedBy(rows.agents));
          expect(sortedBy(rolled.trend)).toEqual(sortedBy(rows.trend));
        },
      ),
      { numRuns: 150 },
    );
  } finally {
    db.close();
  }
});
