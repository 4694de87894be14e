import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SORT_BY_FIELDS } from '../../../contract';
import type { CallQuery } from '../types';
import { chunkSql, FOLD_FUNCTION, sortRuns } from './call-list-sql';
import { migrate, SORT_COLUMNS } from './migrations';

const FILTERS: Partial<CallQuery>[] = [
  {},
  { sentiment: ['negative', 'neutral'] },
  { outcome: ['NEW'], agent: ['aia.1', 'aia.2'] },
  { from: 1_000, to: 2_000 },
  { prospect: 'pro.1' },
  { consent: 'missing', status: 'active', source_type: 'PHONE' },
  { q: 'appointment' },
];

/**
 * Each chunk of an export must continue along the sort's index from the cursor: a plan that
 * sorts (a temp B-tree) or that takes another bound for its range re-reads every match before
 * the cursor in every chunk, and a million-row export then never ends.
 */
describe('export chunk plans', () => {
  const db = new Database(':memory:');
  db.function(FOLD_FUNCTION, { deterministic: true }, (value: unknown) => value);
  migrate(db);
  const plan = (query: CallQuery, run: 'nulls' | 'values', key: number | null) => {
    const sql = chunkSql(query, run, { key, id: 'con.1' }, 1_000, false);
    return (db.prepare(`EXPLAIN QUERY PLAN ${sql.text}`).all(...sql.params) as { detail: string }[])
      .map((row) => row.detail)
      .join('; ');
  };

  it('walks the sort index from the cursor for every sort, order and filter', () => {
    for (const sort_by of SORT_BY_FIELDS) {
      const column = SORT_COLUMNS[sort_by];
      for (const sort_order of ['asc', 'desc'] as const) {
        for (const filters of FILTERS) {
          const query: CallQuery = { sort_by, sort_order, skip: 0, limit: 50, ...filters };
          const label = JSON.stringify(query);
          for (const run of sortRuns(query)) {
            const detail = plan(query, run, run === 'nulls' ? null : 5);
            expect(detail, label).not.toContain('TEMP B-TREE');
            const range =
              run === 'nulls'
                ? `(${column}=? AND id${sort_order === 'desc' ? '<' : '>'}?)`
                : `(${column},id)${sort_order === 'desc' ? '<' : '>'}(?,?)`;
            expect(detail, label).toContain(`USING INDEX calls_sort_${column} `);
            expect(detail, label).toContain(range);
          }
        }
      }
    }
  });
});
