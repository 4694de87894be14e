import type { CallListItem, CallReview, CallReviewSummary } from '@contract';
import type { ConversationPage } from './conversations-api';

/**
 * A list row's review summary, from the call's whole review as the review panel holds it; the
 * same rule as the server's: follow-up wins over reviewed, the average is of the given ratings,
 * to one decimal.
 */
export function summarizeReview(review: CallReview): CallReviewSummary {
  const statuses = new Set(review.reviews.map((entry) => entry.status));
  const ratings = review.reviews.flatMap((entry) => (entry.rating === null ? [] : [entry.rating]));
  const mine =
    review.me === null ? undefined : review.reviews.find((e) => e.reviewer === review.me);
  return {
    state: statuses.has('follow_up')
      ? 'follow_up'
      : statuses.has('reviewed')
        ? 'reviewed'
        : 'to_review',
    reviewers: review.reviews.length,
    averageRating:
      ratings.length === 0
        ? null
        : Math.round((ratings.reduce((sum, value) => sum + value, 0) / ratings.length) * 10) / 10,
    comments: review.comments.length,
    myRating: mine?.rating ?? null,
    myStatus: mine?.status ?? null,
  };
}

/**
 * The page with one call's summary replaced, or the same page when the call is not on it (so a
 * cache update leaves every other page, and its subscribers, alone).
 */
export function withRowReview(
  page: ConversationPage,
  callId: string,
  summary: CallReviewSummary,
): ConversationPage {
  const index = page.rows.findIndex((row) => row.kind === 'ok' && row.conversation.id === callId);
  const row = page.rows[index];
  if (!row || row.kind !== 'ok') return page;
  const conversation: CallListItem = { ...row.conversation, review: summary };
  const rows = page.rows.slice();
  rows[index] = { kind: 'ok', conversation };
  return { ...page, rows };
}
