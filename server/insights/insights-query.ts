import type { FastifyRequest } from 'fastify';
import { isTimeZone, type ValidationIssue } from '../../contract';
import { HttpProblem, validationProblem } from '../api/fastapi-errors';
import { parseRawQuery } from '../api/query-validation';
import { validateCallQuery } from '../index-api/calls-query';
import { validateReviewedCallQuery } from '../index-api/review-filter';
import type { ReviewStore } from '../store/review-types';
import type { CallQuery } from '../store/types';

export interface InsightsQuery {
  filters: CallQuery;
  /** The viewer's IANA zone: series days and hours follow its wall clock. */
  timeZone: string;
}

/**
 * `/api/insights` takes the list's filters, validated as `/api/calls` validates them, plus `tz`
 * (default UTC). Every problem comes back at once in the 422 shape of the list.
 */
export async function validateInsightsQuery(
  request: FastifyRequest,
  reviews: ReviewStore | undefined,
): Promise<InsightsQuery> {
  const issues: ValidationIssue[] = [];
  let filters: CallQuery | undefined;
  try {
    filters = reviews
      ? await validateReviewedCallQuery(request, reviews)
      : validateCallQuery(request.url);
  } catch (error) {
    if (!(error instanceof HttpProblem) || typeof error.body.detail === 'string') throw error;
    issues.push(...error.body.detail);
  }
  const tz = parseRawQuery(request.url).values.get('tz');
  let timeZone = 'UTC';
  if (tz && (tz.length > 1 || !isTimeZone(tz[0]!))) {
    issues.push({
      type: 'value_error',
      loc: ['query', 'tz'],
      msg: 'Value error, tz should be one IANA time zone name, for example Europe/Paris',
      input: tz.length > 1 ? tz.slice(0, 10) : tz[0]!.slice(0, 100),
    });
  } else if (tz) timeZone = tz[0]!;
  if (issues.length || !filters) throw validationProblem(issues);
  return { filters, timeZone };
}
