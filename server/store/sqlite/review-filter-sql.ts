import type { ReviewQuery } from '../review-types';
import type { Sql } from './call-list-sql';

const placeholders = (values: readonly unknown[]) => values.map(() => '?').join(', ');

/**
 * The `review` filter as one condition on `calls c`. A call's state is kept per call in
 * `call_review_state`; a call without a row there (or with state `to_review`) is to review.
 */
export function reviewCondition(review: ReviewQuery): Sql {
  const { states, reviewer } = review;
  if (reviewer !== null) {
    if (states.length === 0) {
      return {
        text: 'c.id IN (SELECT call_id FROM reviews WHERE reviewer = ?)',
        params: [reviewer],
      };
    }
    return {
      text: `c.id IN (SELECT call_id FROM reviews WHERE reviewer = ? AND status IN (${placeholders(states)}))`,
      params: [reviewer, ...states],
    };
  }
  const decided = states.filter((state) => state !== 'to_review');
  const parts: Sql[] = [];
  if (decided.length > 0) {
    parts.push({
      text: `c.id IN (SELECT call_id FROM call_review_state WHERE state IN (${placeholders(decided)}))`,
      params: decided,
    });
  }
  if (states.includes('to_review')) {
    parts.push({
      text: `c.id NOT IN (SELECT call_id FROM call_review_state WHERE state <> 'to_review')`,
      params: [],
    });
  }
  return {
    text: `(${parts.map((part) => part.text).join(' OR ')})`,
    params: parts.flatMap((part) => part.params),
  };
}
