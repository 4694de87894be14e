import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { formatTrataTimestamp, type Conversation } from '../../../contract';
import { createSqliteCallStore } from './sqlite-call-store';
import { insightsStep } from './insights-migration';
import { MIGRATIONS } from './migrations';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const start = Date.UTC(2026, 10, 2, 9);
const call = (id: string, answerAfterMs: number): Conversation => ({
  id,
  timestampStart: formatTrataTimestamp(start),
  timestampEnd: formatTrataTimestamp(start + 60_000),
  transcriptText: [
    { speaker: 'USER', message: 'Hello?', timestamp: formatTrataTimestamp(start) },
    { speaker: 'AI', message: 'Hi.', timestamp: formatTrataTimestamp(start + answerAfterMs) },
  ],
});

it('counts the slow answers of calls indexed before the count existed', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'callscope-insights-'));
  dirs.push(dir);
  const file = path.join(dir, 'index.sqlite');
  const store = createSqliteCallStore(file);
  await store.upsert([call('con.slow', 9000), call('con.quick', 1000)]);
  await store.close();
  // The index as the version before the step left it: no column, no index, no rollups. Later
  // steps run again.
  const db = new Database(file);
  db.exec(`DROP TABLE call_insight_cells; DROP TABLE call_insight_series;
    DROP TABLE call_insight_trend; DROP TABLE call_insight_durations;
    DROP TABLE call_period_groups; CREATE TABLE call_day_groups (day INTEGER, n INTEGER);`);
  db.exec('DROP INDEX calls_insights; ALTER TABLE calls DROP COLUMN slow_answers');
  db.pragma(`user_version = ${MIGRATIONS.indexOf(insightsStep)}`);
  db.close();

  const reopened = createSqliteCallStore(file);
  const rollup = await reopened.insights({ sort_order: 'asc', skip: 0, limit: 10 }, [
    start,
    start + 1,
  ]);
  await reopened.close();
  expect(rollup.cells.reduce((sum, cell) => sum + cell.slow, 0)).toBe(1);
  expect(rollup.cells.reduce((sum, cell) => sum + cell.n, 0)).toBe(2);
});
