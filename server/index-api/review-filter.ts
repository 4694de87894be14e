import type { FastifyRequest } from 'fastify';
import {
  REVIEW_FILTERS,
  type CallReviewSummary,
  type ReviewStatus,
  type ValidationIssue,
} from '../../contract';
import { expectedChoices, HttpProblem, validationProblem } from '../api/fastapi-errors';
import { parseRawQuery } from '../api/query-validation';
import type { ReviewStore } from '../store/review-types';
import type { CallQuery } from '../store/types';
import { validateCallQuery } from './calls-query';
import { requireReviewer, reviewerOf } from './reviewer';

const NO_REVIEW: CallReviewSummary = {
  state: 'to_review',
  reviewers: 0,
  averageRating: null,
  comments: 0,
  myRating: null,
  myStatus: null,
};

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

/** Each row's review summary, in the order of `ids`; `me` sees their own rating and status too. */
export async function reviewSummariesOf(
  ids: string[],
  reviews: ReviewStore,
  request: FastifyRequest,
): Promise<CallReviewSummary[]> {
  let me: string | null = null;
  try {
    me = reviewerOf(request);
  } catch {
    // A broken name only hides "my" columns on a read; writes still refuse it in words.
  }
  const summaries = await reviews.summaries(ids, me);
  return ids.map((id) => summaries.get(id) ?? NO_REVIEW);
}
