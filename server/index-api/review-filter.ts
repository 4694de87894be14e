import type { FastifyRequest } from 'fastify';
import { REVIEW_FILTERS, type ReviewStatus, type ValidationIssue } from '../../contract';
import { expectedChoices, HttpProblem, validationProblem } from '../api/fastapi-errors';
import { parseRawQuery } from '../api/query-validation';
import type { ReviewStore } from '../store/review-types';
import type { CallQuery } from '../store/types';
import { validateCallQuery } from './calls-query';
import { requireReviewer, reviewerOf } from './reviewer';

/**
 * `/api/calls` parameters with the `review` filter: repeatable `to_review|reviewed|follow_up|rated`
 * (any of them) and `mine` (calls I reviewed, in those states or rated when given). Every problem comes
 * back in one 422 with the list's own.
 */
export async function validateReviewedCallQuery(
  request: FastifyRequest,
  reviews: ReviewStore,
): Promise<CallQuery> {
  const issues: ValidationIssue[] = [];
  let query: CallQuery | undefined;
  try {
    query = validateCallQuery(request.url);
  } catch (error) {
    if (!(error instanceof HttpProblem) || typeof error.body.detail === 'string') throw error;
    issues.push(...error.body.detail);
  }
  const values = parseRawQuery(request.url).values.get('review');
  let review: CallQuery['review'];
  if (values) {
    const unique = [...new Set(values)];
    const bad = unique.filter((value) => !(REVIEW_FILTERS as readonly string[]).includes(value));
    for (const value of bad.slice(0, 10)) {
      const expected = expectedChoices(REVIEW_FILTERS);
      issues.push({
        type: 'enum',
        loc: ['query', 'review'],
        msg: `Input should be ${expected}`,
        input: value.slice(0, 100),
        ctx: { expected },
      });
    }
    if (bad.length === 0) {
      let reviewer: string | null = null;
      if (unique.includes('mine')) {
        try {
          reviewer = requireReviewer(request);
        } catch (error) {
          if (!(error instanceof HttpProblem) || typeof error.body.detail === 'string') throw error;
          issues.push(...error.body.detail);
        }
      }
      const states = unique.filter(
        (value): value is ReviewStatus => value !== 'mine' && value !== 'rated',
      );
      review = { states, reviewer, epoch: await reviews.epoch() };
      if (unique.includes('rated')) review.rated = true;
    }
  }
  if (issues.length || !query) throw validationProblem(issues);
  return review ? { ...query, review } : query;
}

/** Whose rating and status the list shows as "mine"; nobody when the name is missing or broken. */
export function viewerOf(request: FastifyRequest): string | null {
  try {
    return reviewerOf(request);
  } catch {
    // A broken name only hides "my" columns on a read; writes still refuse it in words.
    return null;
  }
}
