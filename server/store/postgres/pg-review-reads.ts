import type pg from 'pg';
import type { ActionItemCheck, HistoryEntry } from '../../../contract';
import {
  composeSummaries,
  toActionItemCheck,
  toComment,
  toHistoryEntry,
  toReview,
  type CheckRow,
  type CommentRow,
  type HistoryRow,
  type ReviewRow,
  type StateRow,
} from '../review-rows';
import type { ReviewStore } from '../review-types';
import { keptSummaries } from '../kept-summaries';
import { sharedFreshRead } from './shared-fresh-read';

export const REVIEW_COLUMNS =
  'reviewer, rating, status, follow_up_reason, version, created_at, updated_at';
export const COMMENT_COLUMNS = 'id, author, text, at_seconds, version, created_at, updated_at';

type ReadMethods = Pick<
  ReviewStore,
  'reviews' | 'comments' | 'history' | 'actionItems' | 'summaries' | 'epoch'
>;

/**
 * What the review panel and the list read, on PostgreSQL. Each is one statement (or two at once
 * for a list page), so what it returns is committed data of one moment. Every review change
 * bumps the epoch, on whichever replica, so a list page's summaries asked for again with the
 * epoch unchanged cost one small shared read.
 */
export function pgReviewReads(pool: pg.Pool): ReadMethods {
  const freshEpoch = sharedFreshRead(pool, 'SELECT value FROM review_epoch');
  const epoch = async () => Number((await freshEpoch()) ?? 0);
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
      const { rows } = await pool.query<HistoryRow>(
        `SELECT seq, at, actor, kind, target, from_value, to_value FROM review_history
         WHERE call_id = $1 ORDER BY seq DESC LIMIT $2`,
        [callId, limit],
      );
      return rows.map(toHistoryEntry);
    },
    async actionItems(callId): Promise<ActionItemCheck[]> {
      const { rows } = await pool.query<CheckRow>(
        `SELECT item_index, text, checked, "by", at FROM action_item_checks
         WHERE call_id = $1 ORDER BY item_index`,
        [callId],
      );
      return rows.map(toActionItemCheck);
    },
    summaries: keptSummaries(async (callIds, viewer) => {
      const [states, mine] = await Promise.all([
        pool.query<StateRow>(
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
      return composeSummaries(callIds, states.rows, mine?.rows ?? []);
    }, epoch),
    epoch,
  };
}
