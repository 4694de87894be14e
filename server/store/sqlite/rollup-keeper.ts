import type Database from 'better-sqlite3';
import { GROUP_COLUMNS } from '../call-groups';
import { INSIGHT_ROLLUPS, ROLLUP_LEVELS } from '../insight-rollups';

/** The columns of a call that its counts and rollups are keyed and summed by. */
export interface RollupRow {
  ts_start: number | null;
  sentiment: string | null;
  prospect_status: string | null;
  consent: number;
  agent_id: string | null;
  status: string | null;
  source_type: string | null;
  duration: number | null;
  slow_answers: number;
}

/** The select list of a `RollupRow` over `calls`. */
export const ROLLUP_COLUMNS = `ts_start, sentiment, prospect_status, consent, agent_id, status,
  source_type, duration, slow_answers`;

/** The UTC hour, day and month of a start (`level` 0, 1, 2), as the rollups' `period`. */
const LEVELS: [number, (ms: number) => number][] = ROLLUP_LEVELS.map((level) => [
  level.code,
  level.floor,
]);

/** Key columns stored as integers, as the SQL that first filled the tables stored them. */
const INTEGER_KEYS = new Set(['level', 'period', 'consent']);

interface Table {
  name: string;
  keys: readonly string[];
  sums: boolean;
}

interface Delta {
  table: Table;
  key: unknown[];
  n: number;
  talk: number;
  slow: number;
}

const GROUPS: Table = { name: 'call_groups', keys: GROUP_COLUMNS, sums: false };
const PERIOD_GROUPS: Table = {
  name: 'call_period_groups',
  keys: ['level', 'period', ...GROUP_COLUMNS],
  sums: false,
};
const INSIGHTS: Table[] = INSIGHT_ROLLUPS.map(({ table, keys, sums }) => ({
  name: table,
  keys: ['level', 'period', ...keys],
  sums,
}));
const DURATIONS: Table = {
  name: 'call_insight_durations',
  keys: ['level', 'period', 'duration'],
  sums: false,
};
const TABLES = [GROUPS, PERIOD_GROUPS, ...INSIGHTS, DURATIONS];

/**
 * Keeps the counts behind totals and facets (`call_groups`, `call_period_groups`) and the insight
 * rollups in step with the writes to `calls`. Each write notes what it takes away and adds; the
 * sums of a whole batch are written at once (`flush`), before the transaction commits and before
 * anything reads them. A backfill writes about a thousand calls per transaction, nearly all into
 * the same hours, days and month, so a batch costs one statement per bucket touched where
 * per-row triggers ran about thirty per call (three quarters of the cost of writing one).
 */
export function createRollupKeeper(db: Database.Database) {
  const pending = new Map<string, Delta>();
  const statements = new Map<Table, { update: Database.Statement; insert: Database.Statement }>();
  const statementsOf = (table: Table) => {
    let found = statements.get(table);
    if (!found) {
      const sums = table.sums ? ', talk = talk + ?, slow = slow + ?' : '';
      const where = table.keys.map((key) => `${key} IS ?`).join(' AND ');
      const values = table.keys.map((key) => (INTEGER_KEYS.has(key) ? 'CAST(? AS INTEGER)' : '?'));
      const columns = [...table.keys, 'n', ...(table.sums ? ['talk', 'slow'] : [])];
      if (table.sums) values.push('?', '?', '?');
      else values.push('?');
      found = {
        update: db.prepare(`UPDATE ${table.name} SET n = n + ?${sums} WHERE ${where}`),
        insert: db.prepare(
          `INSERT INTO ${table.name} (${columns.join(', ')}) VALUES (${values.join(', ')})`,
        ),
      };
      statements.set(table, found);
    }
    return found;
  };

  const add = (table: Table, key: unknown[], sign: number, row: RollupRow) => {
    const id = `${table.name}\u0000${JSON.stringify(key)}`;
    let delta = pending.get(id);
    if (!delta) {
      delta = { table, key, n: 0, talk: 0, slow: 0 };
      pending.set(id, delta);
    }
    delta.n += sign;
    if (table.sums) {
      delta.talk += sign * (row.duration ?? 0);
      delta.slow += sign * row.slow_answers;
    }
  };

  /** Counts `row` in (`sign` 1) or out (`sign` -1) of every table it belongs to. */
  const note = (row: RollupRow, sign: 1 | -1) => {
    const groupKey = GROUP_COLUMNS.map((column) => row[column]);
    add(GROUPS, groupKey, sign, row);
    const start = row.ts_start;
    if (start === null) return;
    for (const [level, periodOf] of LEVELS) {
      const period = periodOf(start);
      add(PERIOD_GROUPS, [level, period, ...groupKey], sign, row);
      for (const table of INSIGHTS) {
        const key = table.keys.map((column) =>
          column === 'level'
            ? level
            : column === 'period'
              ? period
              : row[column as keyof RollupRow],
        );
        add(table, key, sign, row);
      }
      if (row.duration !== null) add(DURATIONS, [level, period, row.duration], sign, row);
    }
  };

  return {
    added: (row: RollupRow) => note(row, 1),
    removed: (row: RollupRow) => note(row, -1),
    changed(before: RollupRow, after: RollupRow) {
      note(before, -1);
      note(after, 1);
    },
    /** Writes the pending sums; the caller's transaction is open. */
    flush() {
      for (const delta of pending.values()) {
        if (delta.n === 0 && delta.talk === 0 && delta.slow === 0) continue;
        const { update, insert } = statementsOf(delta.table);
        const sums = delta.table.sums ? [delta.talk, delta.slow] : [];
        if (update.run(delta.n, ...sums, ...delta.key).changes === 0) {
          insert.run(...delta.key, delta.n, ...sums);
        }
      }
      pending.clear();
    },
    /** Forgets the pending sums: their writes were rolled back. */
    discard: () => pending.clear(),
    /** Empties every table (every call is gone). */
    clear() {
      pending.clear();
      for (const table of TABLES) db.exec(`DELETE FROM ${table.name}`);
    },
  };
}

export type RollupKeeper = ReturnType<typeof createRollupKeeper>;

/**
 * Counts every call again from nothing: for an index whose calls were written by SQL of its own
 * (a benchmark's copies), not through the store.
 */
export function recountRollups(db: Database.Database): void {
  const rollups = createRollupKeeper(db);
  const chunk = db.prepare<[number], RollupRow & { rid: number }>(
    `SELECT rid, ${ROLLUP_COLUMNS} FROM calls WHERE rid > ? ORDER BY rid LIMIT 50000`,
  );
  db.transaction(() => {
    rollups.clear();
    for (let after = 0; ;) {
      const rows = chunk.all(after);
      if (rows.length === 0) break;
      for (const row of rows) rollups.added(row);
      rollups.flush();
      after = rows[rows.length - 1]!.rid;
    }
  })();
}

/** Drops the per-row triggers that kept the same tables before `createRollupKeeper`. */
export function dropRollupTriggers(db: Database.Database): void {
  for (const name of ['groups', 'insights']) {
    for (const event of ['insert', 'delete', 'update']) {
      db.exec(`DROP TRIGGER IF EXISTS calls_${name}_${event}`);
    }
  }
}
