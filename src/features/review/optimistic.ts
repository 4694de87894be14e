import type { CallReview, Review, ReviewComment } from '@contract';
import type { NewComment, ReviewChange } from './api/review-writes';

/**
 * What a write looks like before the server answers, as pure functions of the cached review.
 * The server's answer (or the next poll) replaces it; a failure restores the snapshot taken
 * before. History and delivery are left to the server, which alone knows them.
 */

/** My review with a change applied; a first review starts "to review". */
export function withReviewChange(
  review: CallReview,
  me: string,
  change: ReviewChange,
  nowIso: string,
): CallReview {
  const before = review.reviews.find((entry) => entry.reviewer === me);
  const status = change.status ?? before?.status ?? 'to_review';
  const next: Review = {
    reviewer: me,
    rating: change.rating ?? before?.rating ?? null,
    status,
    followUpReason:
      status === 'follow_up'
        ? change.followUpReason !== undefined
          ? change.followUpReason
          : (before?.followUpReason ?? null)
        : null,
    version: before?.version ?? 1,
    createdAt: before?.createdAt ?? nowIso,
    updatedAt: nowIso,
  };
  return {
    ...review,
    reviews: before
      ? review.reviews.map((entry) => (entry === before ? next : entry))
      : [...review.reviews, next],
  };
}

/** Replaces my review by the server's answer. */
export function withReview(review: CallReview, saved: Review): CallReview {
  const known = review.reviews.some((entry) => entry.reviewer === saved.reviewer);
  return {
    ...review,
    reviews: known
      ? review.reviews.map((entry) => (entry.reviewer === saved.reviewer ? saved : entry))
      : [...review.reviews, saved],
  };
}

/** Ids of comments not yet saved; the server never makes one like it. */
export const PENDING_PREFIX = 'pending:';

export function isPendingComment(comment: ReviewComment): boolean {
  return comment.id.startsWith(PENDING_PREFIX);
}

export function withNewComment(
  review: CallReview,
  me: string,
  comment: NewComment,
  pendingId: string,
  nowIso: string,
): CallReview {
  const added: ReviewComment = {
    id: `${PENDING_PREFIX}${pendingId}`,
    author: me,
    text: comment.text.trim(),
    atSeconds: comment.atSeconds,
    version: 1,
    createdAt: nowIso,
    updatedAt: nowIso,
  };
  return { ...review, comments: [...review.comments, added] };
}

/** Puts the saved comment where its pending copy was (or adds it, if a poll dropped that). */
export function withSavedComment(
  review: CallReview,
  pendingId: string,
  saved: ReviewComment,
): CallReview {
  const others = review.comments.filter(
    (comment) => comment.id !== `${PENDING_PREFIX}${pendingId}` && comment.id !== saved.id,
  );
  return { ...review, comments: [...others, saved] };
}

export function withCommentText(
  review: CallReview,
  commentId: string,
  text: string,
  nowIso: string,
): CallReview {
  return {
    ...review,
    comments: review.comments.map((comment) =>
      comment.id === commentId ? { ...comment, text: text.trim(), updatedAt: nowIso } : comment,
    ),
  };
}

export function withComment(review: CallReview, saved: ReviewComment): CallReview {
  return {
    ...review,
    comments: review.comments.map((comment) => (comment.id === saved.id ? saved : comment)),
  };
}

export function withoutComment(review: CallReview, commentId: string): CallReview {
  return { ...review, comments: review.comments.filter((comment) => comment.id !== commentId) };
}

export function withActionItem(
  review: CallReview,
  me: string,
  item: { index: number; text: string; checked: boolean },
  nowIso: string,
): CallReview {
  const check = { ...item, by: me, at: nowIso };
  const others = review.actionItems.filter((entry) => entry.index !== item.index);
  return {
    ...review,
    actionItems: [...others, check].sort((left, right) => left.index - right.index),
  };
}

/** Comments in the order of the call: moments first by time, then whole-call ones by age. */
export function orderComments(comments: readonly ReviewComment[]): ReviewComment[] {
  return [...comments].sort((left, right) => {
    if (left.atSeconds !== null && right.atSeconds !== null) {
      return left.atSeconds - right.atSeconds || left.createdAt.localeCompare(right.createdAt);
    }
    if (left.atSeconds !== null) return -1;
    if (right.atSeconds !== null) return 1;
    return left.createdAt.localeCompare(right.createdAt);
  });
}
