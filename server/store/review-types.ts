import type {
  ActionItemCheck,
  CallDelivery,
  CallReviewSummary,
  HistoryEntry,
  Review,
  ReviewComment,
  ReviewStatus,
} from '../../contract';

/**
 * Reviews beside the call index: ratings, statuses, comments, action-item checks, the history of
 * every change, and the outbox that writes each reviewer's verdict to Trata. Each change and its
 * outbox entry are committed together, so a verdict saved is a verdict queued.
 */
export interface ReviewChange {
  rating?: number;
  status?: ReviewStatus;
  followUpReason?: string | null;
  /** The version the client read; another one means someone changed it since (a conflict). */
  version?: number;
}

export interface CommentChange {
  text?: string;
  atSeconds?: number | null;
  version?: number;
}

/** Why a change was refused; the routes turn each kind into its status code. */
export class ReviewProblem extends Error {
  constructor(
    readonly kind: 'not_found' | 'forbidden' | 'conflict' | 'invalid',
    message: string,
    readonly current?: unknown,
  ) {
    super(message);
  }
}

/** One reviewer's verdict as the outbox sends it, with the generation it was read at. */
export interface Verdict {
  reviewer: string;
  rating: number | null;
  status: ReviewStatus;
  followUpReason: string | null;
  comments: Pick<ReviewComment, 'text' | 'atSeconds'>[];
  generation: number;
}

export interface DueCall {
  callId: string;
  attempts: number;
}

export interface ReviewStore {
  reviews(callId: string): Review[];
  comments(callId: string): ReviewComment[];
  history(callId: string, limit: number): HistoryEntry[];
  actionItems(callId: string): ActionItemCheck[];
  delivery(callId: string): CallDelivery;
  /** Sets `actor`'s rating and/or status; throws a `ReviewProblem` on a stale version. */
  setReview(callId: string, actor: string, change: ReviewChange): Review;
  addComment(callId: string, actor: string, text: string, atSeconds: number | null): ReviewComment;
  /** Only the author may change or delete a comment (`forbidden` otherwise). */
  editComment(callId: string, id: string, actor: string, change: CommentChange): ReviewComment;
  deleteComment(callId: string, id: string, actor: string, version?: number): void;
  setActionItem(
    callId: string,
    index: number,
    text: string,
    actor: string,
    checked: boolean,
  ): ActionItemCheck;
  /** Review summaries of list rows, `viewer`'s own rating and status included. */
  summaries(callIds: string[], viewer: string | null): Map<string, CallReviewSummary>;
  /** Grows with every review change: a key part for caches of review-filtered lists. */
  epoch(): number;

  // The outbox.
  /** Calls with a verdict due for delivery at `now`, oldest due first. */
  dueCalls(now: number, limit: number): DueCall[];
  /** The earliest time a pending delivery is due, or null when none is pending. */
  nextDueAt(): number | null;
  /** Every rated reviewer's current verdict on the call, each with its generation. */
  verdicts(callId: string): Verdict[];
  /** The verdicts read at these generations are in Trata now (newer changes stay due). */
  markSent(callId: string, generations: Map<string, number>, at: number): void;
  /** Delivery failed for now: due again at `nextAt`, with the reason in words. */
  markRetry(callId: string, reason: string, nextAt: number): void;
  /** Delivery failed for good until someone retries or changes the verdict. */
  markFailed(callId: string, reason: string): void;
  /** Queues the call's failed (and pending) deliveries again, due now; returns how many. */
  retry(callId: string): number;
  close(): void;
}

/**
 * The `review` filter of the call list. Without `reviewer`, calls whose review state is one of
 * `states` (a call nobody reviewed is `to_review`); with it, calls `reviewer` has reviewed, in
 * one of `states` when any are given. `epoch` is the review store's, so cached totals and
 * facets of a review-filtered list are never reused across review changes.
 */
export interface ReviewQuery {
  states: ReviewStatus[];
  reviewer: string | null;
  epoch: number;
}
