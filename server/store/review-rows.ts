import type {
  ActionItemCheck,
  CallReviewSummary,
  HistoryEntry,
  HistoryKind,
  Review,
  ReviewComment,
  ReviewStatus,
} from '../../contract';

/** Rows of the review tables as either backend returns them, and their shapes in the contract. */
export interface ReviewRow {
  reviewer: string;
  rating: number | null;
  status: ReviewStatus;
  follow_up_reason: string | null;
  version: number;
  created_at: number;
  updated_at: number;
}

export interface CommentRow {
  id: string;
  author: string;
  text: string;
  at_seconds: number | null;
  version: number;
  created_at: number;
  updated_at: number;
}

export type Scalar = string | number | boolean | null;

export const iso = (ms: number) => new Date(ms).toISOString();

export const toReview = (row: ReviewRow): Review => ({
  reviewer: row.reviewer,
  rating: row.rating,
  status: row.status,
  followUpReason: row.follow_up_reason,
  version: row.version,
  createdAt: iso(row.created_at),
  updatedAt: iso(row.updated_at),
});

export const toComment = (row: CommentRow): ReviewComment => ({
  id: row.id,
  author: row.author,
  text: row.text,
  atSeconds: row.at_seconds,
  version: row.version,
  createdAt: iso(row.created_at),
  updatedAt: iso(row.updated_at),
});

export interface HistoryRow {
  /** A bigint's text on PostgreSQL, a number on SQLite. */
  seq: number | string;
  at: number;
  actor: string;
  kind: HistoryKind;
  target: string | null;
  from_value: string | null;
  to_value: string | null;
}

export const toHistoryEntry = (row: HistoryRow): HistoryEntry => ({
  id: Number(row.seq),
  at: iso(row.at),
  actor: row.actor,
  kind: row.kind,
  target: row.target,
  from: row.from_value === null ? null : (JSON.parse(row.from_value) as Scalar),
  to: row.to_value === null ? null : (JSON.parse(row.to_value) as Scalar),
});

export interface CheckRow {
  item_index: number;
  text: string;
  checked: number;
  by: string;
  at: number;
}

export const toActionItemCheck = (row: CheckRow): ActionItemCheck => ({
  index: row.item_index,
  text: row.text,
  checked: row.checked === 1,
  by: row.by,
  at: iso(row.at),
});

/** A call's row of `call_review_state`: its review figures, kept as each review changes. */
export interface StateRow {
  call_id: string;
  state: ReviewStatus;
  reviewers: number;
  rating_sum: number;
  rating_count: number;
  comments: number;
}

/**
 * The review summaries of a list page, in the order of `callIds` (as the page lists them):
 * each call's kept figures with the viewer's own review (`mine`) beside them. A call without
 * figures has never been reviewed, and gets no summary.
 */
export function composeSummaries(
  callIds: readonly string[],
  states: readonly StateRow[],
  mine: readonly (ReviewRow & { call_id: string })[],
): Map<string, CallReviewSummary> {
  const stateOf = new Map(states.map((row) => [row.call_id, row]));
  const reviewOf = new Map(mine.map((row) => [row.call_id, row]));
  const result = new Map<string, CallReviewSummary>();
  for (const callId of callIds) {
    const state = stateOf.get(callId);
    if (!state) continue;
    const review = reviewOf.get(callId);
    result.set(callId, {
      state: state.state,
      reviewers: state.reviewers,
      averageRating:
        state.rating_count === 0
          ? null
          : Math.round((state.rating_sum / state.rating_count) * 10) / 10,
      comments: state.comments,
      myRating: review?.rating ?? null,
      myStatus: review?.status ?? null,
    });
  }
  return result;
}
