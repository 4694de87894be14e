import type { FastifyRequest } from 'fastify';
import {
  EXPORT_COLUMNS,
  isTimeZone,
  type ExportColumn,
  type ValidationIssue,
} from '../../contract';
import { expectedChoices, HttpProblem, validationProblem } from '../api/fastapi-errors';
import { parseRawQuery } from '../api/query-validation';
import { validateCallQuery } from '../index-api/calls-query';
import { validateReviewedCallQuery } from '../index-api/review-filter';
import type { ReviewStore } from '../store/review-types';
import type { CallQuery } from '../store/types';

export interface ExportParams {
  /** `/api/calls`'s filters and sort; its `skip` and `limit` are checked but not used. */
  query: CallQuery;
  /** The viewer's IANA zone, for the second time column and the file's date. */
  timeZone: string;
  /** The list's columns to write, in the list's order (id and link always come). */
  columns: ExportColumn[];
}

/**
 * `/api/calls.csv` parameters: `/api/calls`'s, plus `tz` (an IANA zone, default `UTC`) and
 * `columns` (the list's column ids, comma-separated; all when absent). Every problem comes back
 * at once, in the list's 422 shape.
 */
export async function validateExportParams(
  request: FastifyRequest,
  reviews: ReviewStore | undefined,
): Promise<ExportParams> {
  const issues: ValidationIssue[] = [];
  let query: CallQuery | undefined;
  try {
    query = reviews
      ? await validateReviewedCallQuery(request, reviews)
      : validateCallQuery(request.url);
  } catch (error) {
    if (!(error instanceof HttpProblem) || typeof error.body.detail === 'string') throw error;
    issues.push(...error.body.detail);
  }
  const { values } = parseRawQuery(request.url);
  const issue = (name: string, type: string, msg: string, input: unknown) =>
    issues.push({ type, loc: ['query', name], msg, input });
  const one = (name: string): string | undefined => {
    const all = values.get(name);
    if (all && all.length > 1) {
      issue(name, 'multiple_values', 'Input should be given once, not repeated', all.slice(0, 10));
      return undefined;
    }
    return all?.[0];
  };

  const tz = one('tz');
  let timeZone = 'UTC';
  if (tz !== undefined) {
    if (isTimeZone(tz)) timeZone = tz;
    else {
      const example = 'for example Europe/Paris';
      issue('tz', 'time_zone', `Input should be an IANA time zone, ${example}`, tz.slice(0, 100));
    }
  }

  const columnsValue = one('columns');
  let columns: ExportColumn[] = [...EXPORT_COLUMNS];
  if (columnsValue !== undefined) {
    const asked = columnsValue.split(',').filter(Boolean);
    const bad = asked.filter((id) => !(EXPORT_COLUMNS as readonly string[]).includes(id));
    if (bad.length > 0 || asked.length === 0) {
      const expected = expectedChoices(EXPORT_COLUMNS);
      issue(
        'columns',
        'enum',
        `Input should be a comma-separated list of ${expected}`,
        columnsValue.slice(0, 100),
      );
    } else columns = EXPORT_COLUMNS.filter((id) => asked.includes(id));
  }

  if (issues.length || !query) throw validationProblem(issues);
  return { query, timeZone, columns };
}
