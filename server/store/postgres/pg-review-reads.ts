import type pg from 'pg';
import type {
  ActionItemCheck,
  CallReviewSummary,
  HistoryEntry,
  HistoryKind,
  ReviewStatus,
} from '../../../contract';
import {
  iso,
  toComment,
  toReview,
  type CommentRow,
  type ReviewRow,
  type Scalar,
} from '../review-rows';
import type { ReviewStore } from '../review-types';

export const REVIEW_COLUMNS =
  'reviewer, rating, status, follow_up_reason, version, created_at, updated_at';
export const COMMENT_COLUMNS = 'id, author, text, at_seconds, version, created_at, updated_at';

type ReadMethods = Pick<
  ReviewStore,
  'reviews' | 'comments' | 'history' | 'actionItems' | 'summaries' | 'epoch'
>;

/**
 * What the review panel and the list read, on PostgreSQL. Each is one statement (or two at once
 * for a list page), so what it returns is committed data of one moment.
 */
export function pgReviewReads(pool: pg.Pool): ReadMethods {
  return {
    async reviews(callId) {
      const { rows } = await pool.query<ReviewRow>(
        `SELECT ${REVIEW_COLUMNS} FROM reviews WHERE call_id = $1
         ORDER BY created_at, reviewer COLLATE "C"`,
        [callId],
      );
      return rows.map(toReview);
    },
    async comments(callId) {
      const { rows } = await pool.query<CommentRow>(
        `SELECT ${COMMENT_COLUMNS} FROM review_comments WHERE call_id = $1
         ORDER BY created_at, id COLLATE "C"`,
        [callId],
      );
      return rows.map(toComment);
    },
    async history(callId, limit): Promise<HistoryEntry[]> {
      const { rows } = await pool.query<{
        seq: string;
        at: number;
        actor: string;
        kind: HistoryKind;
        target: string | null;
        from_value: string | null;
        to_value: string | null;
      }>(
        `SELECT seq, at, actor, kind, target, from_value, to_value FROM review_history
         WHERE call_id = $1 ORDER BY seq DESC LIMIT $2`,
        [callId, limit],
      );
      return rows.map((row) => ({
        id: Number(row.seq),
        at: iso(row.at),
        actor: row.actor,
        kind: row.kind,
        target: row.target,
        from: row.from_value === null ? null : (JSON.parse(row.from_value) as Scalar),
        to: row.to_value === null ? null : (JSON.parse(row.to_value) as Scalar),
      }));
    },
    async actionItems(callId): Promise<ActionItemCheck[]> {
      const { rows } = await pool.query<{
        item_index: number;
        text: string;
        checked: number;
        by: string;
        at: number;
      }>(
        `SELECT item_index, text, checked, "by", at FROM action_item_checks
         WHERE call_id = $1 ORDER BY item_index`,
        [callId],
      );
      return rows.map((row) => ({
        index: row.item_index,
        text: row.text,
        checked: row.checked === 1,
        by: row.by,
        at: iso(row.at),
      }));
    },
    async summaries(callIds, viewer) {
      const result = new Map<string, CallReviewSummary>();
      if (callIds.length === 0) return result;
      const [states, mine] = await Promise.all([
        pool.query<{
          call_id: string;
          state: ReviewStatus;
          reviewers: number;
          rating_sum: number;
          rating_count: number;
          comments: number;
        }>(
          `SELECT call_id, state, reviewers, rating_sum, rating_count, comments
           FROM call_review_state WHERE call_id = ANY($1::text[])`,
          [callIds],
        ),
        viewer === null
          ? null
          : pool.query<ReviewRow & { call_id: string }>(
              `SELECT call_id, ${REVIEW_COLUMNS} FROM reviews
               WHERE reviewer = $1 AND call_id = ANY($2::text[])`,
              [viewer, callIds],
            ),
      ]);
      const stateOf = new Map(states.rows.map((row) => [row.call_id, row]));
      const reviewOfCall = new Map((mine?.rows ?? []).map((row) => [row.call_id, row]));
      // In the order asked, as the page lists them.
      for (const callId of callIds) {
        const state = stateOf.get(callId);
        if (!state) continue;
        const review = reviewOfCall.get(callId);
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
    },
    async epoch() {
      const { rows } = await pool.query<{ value: string }>('SELECT value FROM review_epoch');
      return Number(rows[0]?.value ?? 0);
    },
  };
}
