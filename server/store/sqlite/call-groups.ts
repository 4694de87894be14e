import { GROUP_BY, SELECT_GROUP } from '../call-groups';
import type { CallQuery } from '../types';
import { whereSql, type Sql } from './call-list-sql';

/** Groups of the calls that match the query's text search and range (one grouped scan). */
export function textGroupSql(scope: CallQuery, rowByRow: boolean): Sql {
  const where = whereSql(scope, undefined, rowByRow);
  return {
    text: `SELECT ${SELECT_GROUP}, count(*) AS n FROM calls c ${where.text} GROUP BY ${GROUP_BY}`,
    params: where.params,
  };
}
