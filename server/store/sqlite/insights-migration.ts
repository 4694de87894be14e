import type Database from 'better-sqlite3';
import { countSlowAnswers, type Conversation } from '../../../contract';
import { unpackDoc } from '../call-record';
import { INSIGHT_ROLLUPS } from '../insight-rollups';

/**
 * What insights read, one migration step of the index: each call's slow AI answers
 * (`slow_answers`, counted from the transcript when the call is written) and an index that
 * holds every column an insights figure groups, filters or sums by, in start order, so a window
 * is read from the index alone.
 */
export function insightsStep(db: Database.Database): void {
  db.exec('ALTER TABLE calls ADD COLUMN slow_answers INTEGER NOT NULL DEFAULT 0');
  const rows = db
    .prepare<[], { rid: number; doc: string | Uint8Array }>(
      'SELECT c.rid AS rid, d.doc AS doc FROM calls c JOIN call_docs d ON d.rid = c.rid',
    )
    .iterate();
  const update = db.prepare('UPDATE calls SET slow_answers = ? WHERE rid = ?');
  const counts: [number, number][] = [];
  for (const row of rows) {
    const slow = countSlowAnswers(JSON.parse(unpackDoc(row.doc)) as Conversation);
    if (slow > 0) counts.push([slow, row.rid]);
  }
  for (const [slow, rid] of counts) update.run(slow, rid);
  db.exec(`CREATE INDEX calls_insights ON calls (ts_start, sentiment, prospect_status, agent_id,
    consent, source_type, status, duration, slow_answers)`);
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** Each level's period of `row.ts_start`: the UTC start of its hour, day or month, in ms. */
export const PERIODS: [number, (row: string) => string][] = [
  [0, (row) => `CAST(floor(${row}.ts_start / ${HOUR_MS}) AS INTEGER) * ${HOUR_MS}`],
  [1, (row) => `CAST(floor(${row}.ts_start / ${DAY_MS}) AS INTEGER) * ${DAY_MS}`],
  [
    2,
    (row) =>
      `CAST(strftime('%s', ${row}.ts_start / 1000, 'unixepoch', 'start of month') AS INTEGER) * 1000`,
  ],
];

/**
 * Insight rollups kept by triggers in the transaction of each write, per UTC hour, day and month
 * (`level` 0, 1, 2): calls, talk seconds and slow answers per sentiment, outcome, consent and
 * agent and narrower splits of them (`INSIGHT_ROLLUPS`), and calls per exact stored duration
 * (`call_insight_durations`, a histogram the median and p90 are ranked from). A window then reads
 * a few thousand rollup rows, and only the parts of an hour at its ends row by row. Keys may be
 * NULL, so rows are found with `IS`, as `call_groups` are; the indexes hold the sums so a range
 * reads the index alone.
 */
export function insightRollupsStep(db: Database.Database): void {
  for (const { table, keys, sums } of INSIGHT_ROLLUPS) {
    const sumColumns = sums ? ', talk REAL NOT NULL, slow INTEGER NOT NULL' : '';
    db.exec(`
      CREATE TABLE ${table} (level INTEGER NOT NULL, period INTEGER NOT NULL, ${keys.join(', ')},
        n INTEGER NOT NULL${sumColumns});
      CREATE INDEX ${table}_key
        ON ${table} (level, period, ${keys.join(', ')}, n${sums ? ', talk, slow' : ''});
    `);
  }
  db.exec(`
    CREATE TABLE call_insight_durations (level INTEGER NOT NULL, period INTEGER NOT NULL,
      duration REAL NOT NULL, n INTEGER NOT NULL);
    CREATE INDEX call_insight_durations_key
      ON call_insight_durations (level, period, duration, n);
  `);
  const change = (row: 'NEW' | 'OLD', sign: '+' | '-') =>
    PERIODS.map(([level, period]) => {
      const rollups = INSIGHT_ROLLUPS.map(({ table, keys, sums }) => {
        const key = `level = ${level} AND period = ${period(row)} AND ${keys.map((k) => `${k} IS ${row}.${k}`).join(' AND ')}`;
        const sumSet = sums
          ? `, talk = talk ${sign} coalesce(${row}.duration, 0), slow = slow ${sign} ${row}.slow_answers`
          : '';
        return `
        INSERT INTO ${table} (level, period, ${keys.join(', ')}, n${sums ? ', talk, slow' : ''})
          SELECT ${level}, ${period(row)}, ${keys.map((k) => `${row}.${k}`).join(', ')}, 0${sums ? ', 0, 0' : ''}
          WHERE ${row}.ts_start IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${table} WHERE ${key});
        UPDATE ${table} SET n = n ${sign} 1${sumSet} WHERE ${key};`;
      }).join('');
      const durationKey = `level = ${level} AND period = ${period(row)} AND duration = ${row}.duration`;
      return `${rollups}
        INSERT INTO call_insight_durations (level, period, duration, n)
          SELECT ${level}, ${period(row)}, ${row}.duration, 0
          WHERE ${row}.ts_start IS NOT NULL AND ${row}.duration IS NOT NULL AND NOT EXISTS
            (SELECT 1 FROM call_insight_durations WHERE ${durationKey});
        UPDATE call_insight_durations SET n = n ${sign} 1 WHERE ${durationKey};`;
    }).join('\n');
  db.exec(`
    CREATE TRIGGER calls_insights_insert AFTER INSERT ON calls BEGIN ${change('NEW', '+')} END;
    CREATE TRIGGER calls_insights_delete AFTER DELETE ON calls BEGIN ${change('OLD', '-')} END;
    CREATE TRIGGER calls_insights_update
      AFTER UPDATE OF ts_start, sentiment, prospect_status, consent, agent_id, duration,
        slow_answers ON calls BEGIN
      ${change('OLD', '-')} ${change('NEW', '+')} END;
  `);
  // Existing calls: the rollups start out as they would have been kept from the first write.
  for (const [level, period] of PERIODS) {
    for (const { table, keys, sums } of INSIGHT_ROLLUPS) {
      db.exec(`
        INSERT INTO ${table} (level, period, ${keys.join(', ')}, n${sums ? ', talk, slow' : ''})
          SELECT ${level}, ${period('calls')}, ${keys.join(', ')}, count(*)${sums ? ', total(duration), sum(slow_answers)' : ''}
          FROM calls WHERE ts_start IS NOT NULL GROUP BY 2, ${keys.join(', ')};
      `);
    }
    db.exec(`
      INSERT INTO call_insight_durations (level, period, duration, n)
        SELECT ${level}, ${period('calls')}, duration, count(*) FROM calls
        WHERE ts_start IS NOT NULL AND duration IS NOT NULL GROUP BY 2, duration;
    `);
  }
}
