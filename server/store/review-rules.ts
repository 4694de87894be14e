import { randomBytes } from 'node:crypto';
import type { HistoryKind, ReviewStatus } from '../../contract';
import {
  iso,
  toComment,
  toReview,
  type CommentRow,
  type ReviewRow,
  type Scalar,
} from './review-rows';
import { ReviewProblem, type ReviewChange } from './review-types';

/**
 * The rules of a review change, the same on every backend: each store reads the rows inside its
 * transaction, asks these what to write, and writes it.
 */
export interface ReviewValues {
  rating: number | null;
  status: ReviewStatus;
  reason: string | null;
}

export interface HistoryNote {
  kind: HistoryKind;
  from: Scalar;
  to: Scalar;
}

const stale = (what: string, had: number, now: number, when: number) =>
  `${what} changed since you loaded it (you had version ${had}, it is now version ${now}, ` +
  `changed ${iso(when)}). Nothing was saved: reload to see the change, then apply yours again.`;

/** What `actor`'s review becomes; throws a `ReviewProblem` on a stale version or no reason. */
export function nextReview(before: ReviewRow | undefined, change: ReviewChange): ReviewValues {
  if (before && change.version !== undefined && change.version !== before.version) {
    throw new ReviewProblem(
      'conflict',
      stale('Your review', change.version, before.version, before.updated_at),
      toReview(before),
    );
  }
  if (!before && change.version !== undefined) {
    throw new ReviewProblem(
      'conflict',
      'Your review was removed since you loaded it. Nothing was saved: reload to see it.',
      null,
    );
  }
  const status = change.status ?? before?.status ?? 'to_review';
  const next: ReviewValues = {
    rating: change.rating ?? before?.rating ?? null,
    status,
    reason:
      status === 'follow_up'
        ? change.followUpReason !== undefined
          ? change.followUpReason?.trim() || null
          : (before?.follow_up_reason ?? null)
        : null,
  };
  if (next.status === 'follow_up' && next.reason === null) {
    throw new ReviewProblem('invalid', 'A follow-up needs a reason: say what should happen next.');
  }
  return next;
}

/** The history entries of a review change, one per value that moved. */
export function reviewNotes(before: ReviewRow | undefined, next: ReviewValues): HistoryNote[] {
  const was: ReviewValues = {
    rating: before?.rating ?? null,
    status: before?.status ?? 'to_review',
    reason: before?.follow_up_reason ?? null,
  };
  const notes: HistoryNote[] = [];
  if (was.rating !== next.rating) notes.push({ kind: 'rating', from: was.rating, to: next.rating });
  if (was.status !== next.status) notes.push({ kind: 'status', from: was.status, to: next.status });
  if (was.reason !== next.reason) {
    notes.push({ kind: 'follow_up_reason', from: was.reason, to: next.reason });
  }
  return notes;
}

/** The comment `actor` may change at `version`; throws a `ReviewProblem` otherwise. */
export function ownComment(
  row: CommentRow | undefined,
  actor: string,
  version: number | undefined,
): CommentRow {
  if (!row) throw new ReviewProblem('not_found', 'Comment not found');
  if (row.author !== actor) {
    throw new ReviewProblem(
      'forbidden',
      `You can change only your own comments; this one is ${row.author}'s.`,
    );
  }
  if (version !== undefined && version !== row.version) {
    throw new ReviewProblem(
      'conflict',
      stale('This comment', version, row.version, row.updated_at),
      toComment(row),
    );
  }
  return row;
}

let commentSequence = 0;

/**
 * A new comment's id: its millisecond and this process's running count, both fixed-width, then
 * random. Comments are read in `created_at, id` order, so two added within one millisecond keep
 * the order they were added in; the random part keeps ids from two replicas apart.
 */
export const newCommentId = (now: number) => {
  commentSequence = (commentSequence + 1) % 1_000_000;
  const millisecond = String(Math.floor(now)).padStart(15, '0');
  const sequence = String(commentSequence).padStart(6, '0');
  return `cmt.${millisecond}.${sequence}.${randomBytes(6).toString('base64url')}`;
};
