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

/**
 * Every method returns a Promise (a backend on a server answers over the network). Each change
 * is one transaction that reads and writes the call's review rows together, so two requests
 * changing the same call at once are serialized by the database, never interleaved.
 */
export interface ReviewStore {
  reviews(callId: string): Promise<Review[]>;
  comments(callId: string): Promise<ReviewComment[]>;
  history(callId: string, limit: number): Promise<HistoryEntry[]>;
  actionItems(callId: string): Promise<ActionItemCheck[]>;
  delivery(callId: string): Promise<CallDelivery>;
  /** Sets `actor`'s rating and/or status; throws a `ReviewProblem` on a stale version. */
  setReview(callId: string, actor: string, change: ReviewChange): Promise<Review>;
  addComment(
    callId: string,
    actor: string,
    text: string,
    atSeconds: number | null,
  ): Promise<ReviewComment>;
  /** Only the author may change or delete a comment (`forbidden` otherwise). */
  editComment(
    callId: string,
    id: string,
    actor: string,
    change: CommentChange,
  ): Promise<ReviewComment>;
  deleteComment(callId: string, id: string, actor: string, version?: number): Promise<void>;
  setActionItem(
    callId: string,
    index: number,
    text: string,
    actor: string,
    checked: boolean,
  ): Promise<ActionItemCheck>;
  /** Review summaries of list rows, `viewer`'s own rating and status included. */
  summaries(callIds: string[], viewer: string | null): Promise<Map<string, CallReviewSummary>>;
  /** Grows with every review change: a key part for caches of review-filtered lists. */
  epoch(): Promise<number>;

  // The outbox.
  /**
   * Takes up to `limit` calls with a verdict due at `now`, oldest due first, for the calling
   * worker: until `claimUntil` (epoch ms) or until it marks them (sent, retry or failed), no
   * other worker is given them, so a verdict is never delivered by two workers at once. A worker
   * that dies loses its claims when they run out. A backend shared by several processes claims
   * in the database (`SELECT … FOR UPDATE SKIP LOCKED`); one used by a single process may keep
   * claims in memory, and they end with it.
   */
  claimDue(now: number, limit: number, claimUntil: number): Promise<DueCall[]>;
  /**
   * The earliest time a pending delivery is due, or null when none is pending. A backend shared
   * by several processes counts a call another worker holds as due when its claim runs out.
   */
  nextDueAt(): Promise<number | null>;
  /** Every rated reviewer's current verdict on the call, each with its generation. */
  verdicts(callId: string): Promise<Verdict[]>;
  /** The verdicts read at these generations are in Trata now (newer changes stay due). */
  markSent(callId: string, generations: Map<string, number>, at: number): Promise<void>;
  /** Delivery failed for now: due again at `nextAt`, with the reason in words. */
  markRetry(callId: string, reason: string, nextAt: number): Promise<void>;
  /** Delivery failed for good until someone retries or changes the verdict. */
  markFailed(callId: string, reason: string): Promise<void>;
  /**
   * Gives back claims the worker took and will not mark (it is stopping), so other workers need
   * not wait for them to run out. Nothing else about the calls changes.
   */
  release(callIds: string[]): Promise<void>;
  /**
   * Extends claims this worker still holds, those that run until `from` exactly (what it asked
   * for when it claimed or last renewed them), to `to`; returns the ids extended. A claim that
   * ran out and went to another worker has another end, and stays that worker's.
   */
  renew(callIds: string[], from: number, to: number): Promise<string[]>;
  /** Queues the call's failed (and pending) deliveries again, due now; returns how many. */
  retry(callId: string): Promise<number>;
  close(): Promise<void>;
}

/**
 * The `review` filter of the call list. Without `reviewer`, calls whose review state is one of
 * `states` (a call nobody reviewed is `to_review`); with it, calls `reviewer` has reviewed, in
 * one of `states` when any are given. `epoch` is the review store's, so cached totals and
 * facets of a review-filtered list are never reused across review changes.
 */
export interface ReviewQuery {
  states: ReviewStatus[];
  /** Calls with a rating (mine, with `reviewer`), OR-ed with the states as the list ORs values. */
  rated?: true;
  reviewer: string | null;
  epoch: number;
}
