import type Database from 'better-sqlite3';
import { GROUP_COLUMNS } from '../call-groups';
import { PERIODS } from './insights-migration';

/**
 * Counts of calls per combination of `GROUP_COLUMNS` per UTC hour, day and month of `ts_start`
 * (`level` 0, 1, 2, `period` in epoch ms, as the insight rollups), in place of the daily counts.
 * A range is then planned as the insights plan theirs: whole months, days and hours added or
 * taken away, and only the parts of an hour at its ends counted call by call. At a million calls
 * a 30-day range read about 20,000 daily rows and up to two days of calls; now it reads about a
 * month's, a few days' and a few hours' rows (the counts are kept by `createRollupKeeper`).
 */
export function periodGroupsStep(db: Database.Database): void {
  const columns = GROUP_COLUMNS.join(', ');
  db.exec(`
    CREATE TABLE call_period_groups (level INTEGER NOT NULL, period INTEGER NOT NULL, ${columns},
      n INTEGER NOT NULL);
    CREATE INDEX call_period_groups_key ON call_period_groups (level, period, ${columns}, n);
    DROP TABLE call_day_groups;
  `);
  for (const [level, period] of PERIODS) {
    db.exec(`
      INSERT INTO call_period_groups (level, period, ${columns}, n)
        SELECT ${level}, ${period('calls')}, ${columns}, count(*) FROM calls
        WHERE ts_start IS NOT NULL GROUP BY 2, ${columns};
    `);
  }
}
