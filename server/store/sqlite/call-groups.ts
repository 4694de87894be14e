import { GROUP_BY, SELECT_GROUP } from '../call-groups';
import type { CallQuery } from '../types';
import { whereSql, type Sql } from './call-list-sql';
import { DAY_MS } from './migrations';

/**
 * The statements that group the calls in a date range without a text search: whole UTC days
 * from `call_day_groups`, and the calls of the partial days at either end counted one by one.
 * Without a range, `call_groups` alone.
 */
export function rangeGroupSql(from: number | undefined, to: number | undefined): Sql[] {
  if (from === undefined && to === undefined) {
    return [{ text: `SELECT ${SELECT_GROUP}, n FROM call_groups WHERE n > 0`, params: [] }];
  }
  const exact = (low: number | undefined, high: number | undefined): Sql => {
    const parts: string[] = [];
    const params: number[] = [];
    if (low !== undefined) {
      parts.push('ts_start >= ?');
      params.push(low);
    }
    if (high !== undefined) {
      parts.push('ts_start < ?');
      params.push(high);
    }
    return {
      text: `SELECT ${SELECT_GROUP}, count(*) AS n FROM calls WHERE ${parts.join(' AND ')}
        GROUP BY ${GROUP_BY}`,
      params,
    };
  };
  // Whole days: the first day that starts at or after `from`, up to the day `to` falls in.
  const firstDay = from === undefined ? null : Math.ceil(from / DAY_MS);
  const endDay = to === undefined ? null : Math.floor(to / DAY_MS);
  if (firstDay !== null && endDay !== null && firstDay >= endDay) return [exact(from, to)];
  const days: string[] = ['day IS NOT NULL'];
  const params: number[] = [];
  if (firstDay !== null) {
    days.push('day >= ?');
    params.push(firstDay);
  }
  if (endDay !== null) {
    days.push('day < ?');
    params.push(endDay);
  }
  const statements: Sql[] = [
    // Summed by `mergeGroups`: a sort in SQLite would cost more than the sums.
    {
      text: `SELECT ${SELECT_GROUP}, n FROM call_day_groups WHERE ${days.join(' AND ')} AND n > 0`,
      params,
    },
  ];
  if (firstDay !== null && from! < firstDay * DAY_MS) {
    statements.push(exact(from, firstDay * DAY_MS));
  }
  if (endDay !== null && to! > endDay * DAY_MS) statements.push(exact(endDay * DAY_MS, to));
  return statements;
}

/** Groups of the calls that match the query's text search and range (one grouped scan). */
export function textGroupSql(scope: CallQuery, rowByRow: boolean): Sql {
  const where = whereSql(scope, undefined, rowByRow);
  return {
    text: `SELECT ${SELECT_GROUP}, count(*) AS n FROM calls c ${where.text} GROUP BY ${GROUP_BY}`,
    params: where.params,
  };
}
