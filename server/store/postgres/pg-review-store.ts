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
import { newCommentId, nextReview, ownComment, reviewNotes } from '../review-rules';
import type { ReviewStore } from '../review-types';
import { runMigrations } from './pg-migrate';
import { bumpOutbox, pgOutbox } from './pg-outbox-queue';
import { REVIEW_STEPS } from './pg-review-migration';
import { inTransaction, lockCall } from './pg-transaction';

const REVIEW_COLUMNS =
  'reviewer, rating, status, follow_up_reason, version, created_at, updated_at';
const COMMENT_COLUMNS = 'id, author, text, at_seconds, version, created_at, updated_at';

/**
 * Reviews and their outbox on PostgreSQL, beside the call index in the same schema, shared by
 * every replica. Each change is one transaction under the call's advisory lock (so changes of
 * one call from any replica are serialized, and versions are checked against committed rows),
 * and writes its history, the call's list state, the outbox entry and the epoch with it.
 * `close()` leaves the pool to its owner.
 */
export async function createPgReviewStore(pool: pg.Pool): Promise<ReviewStore> {
  await runMigrations(pool, 'reviews', REVIEW_STEPS);
  const outbox = pgOutbox(pool);

  const reviewOf = async (client: pg.PoolClient, callId: string, reviewer: string) =>
    (
      await client.query<ReviewRow>(
        `SELECT ${REVIEW_COLUMNS} FROM reviews WHERE call_id = $1 AND reviewer = $2`,
        [callId, reviewer],
      )
    ).rows[0];
  const commentOf = async (client: pg.PoolClient, callId: string, id: string) =>
    (
      await client.query<CommentRow>(
        `SELECT ${COMMENT_COLUMNS} FROM review_comments WHERE id = $1 AND call_id = $2`,
        [id, callId],
      )
    ).rows[0];

  const note = (
    client: pg.PoolClient,
    callId: string,
    now: number,
    actor: string,
    kind: HistoryKind,
    target: string | null,
    from: Scalar,
    to: Scalar,
  ) =>
    client.query(
      `INSERT INTO review_history (call_id, at, actor, kind, target, from_value, to_value)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [callId, now, actor, kind, target, JSON.stringify(from), JSON.stringify(to)],
    );

  /** Bumped last, just before COMMIT: the counter row is locked only that long. */
  const bumpEpoch = (client: pg.PoolClient) =>
    client.query('UPDATE review_epoch SET value = value + 1');

  /** After any change by `reviewer`: the list's state, the outbox and the caches' epoch. */
  const changed = async (client: pg.PoolClient, callId: string, reviewer: string, now: number) => {
    await client.query(
      `INSERT INTO call_review_state (call_id, state, reviewers, rating_sum, rating_count, comments)
       SELECT $1,
         CASE WHEN count(*) FILTER (WHERE status = 'follow_up') > 0 THEN 'follow_up'
              WHEN count(*) FILTER (WHERE status = 'reviewed') > 0 THEN 'reviewed'
              ELSE 'to_review' END,
         count(*), coalesce(sum(rating), 0), count(rating),
         (SELECT count(*) FROM review_comments WHERE call_id = $1)
       FROM reviews WHERE call_id = $1
       ON CONFLICT (call_id) DO UPDATE SET state = excluded.state,
         reviewers = excluded.reviewers, rating_sum = excluded.rating_sum,
         rating_count = excluded.rating_count, comments = excluded.comments`,
      [callId],
    );
    const rated = ((await reviewOf(client, callId, reviewer))?.rating ?? null) !== null;
    await bumpOutbox(client, callId, reviewer, rated, now);
    await bumpEpoch(client);
  };

  /** One change of a call: its own transaction, after every earlier change of the call. */
  const change = <T>(callId: string, work: (client: pg.PoolClient) => Promise<T>) =>
    inTransaction(pool, async (client) => {
      await lockCall(client, callId);
      return work(client);
    });

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
    delivery: outbox.delivery,

    setReview: (callId, actor, request) =>
      change(callId, async (client) => {
        const now = Date.now();
        const before = await reviewOf(client, callId, actor);
        const next = nextReview(before, request);
        const values = [callId, actor, next.rating, next.status, next.reason, now];
        if (before) {
          await client.query(
            `UPDATE reviews SET rating = $3, status = $4, follow_up_reason = $5,
               version = version + 1, updated_at = $6 WHERE call_id = $1 AND reviewer = $2`,
            values,
          );
        } else {
          await client.query(
            `INSERT INTO reviews (call_id, reviewer, rating, status, follow_up_reason, version,
               created_at, updated_at) VALUES ($1, $2, $3, $4, $5, 1, $6, $6)`,
            values,
          );
        }
        for (const { kind, from, to } of reviewNotes(before, next)) {
          await note(client, callId, now, actor, kind, null, from, to);
        }
        await changed(client, callId, actor, now);
        return toReview((await reviewOf(client, callId, actor))!);
      }),

    addComment: (callId, actor, text, atSeconds) =>
      change(callId, async (client) => {
        const now = Date.now();
        const id = newCommentId(now);
        await client.query(
          `INSERT INTO review_comments (id, call_id, author, text, at_seconds, version,
             created_at, updated_at) VALUES ($1, $2, $3, $4, $5, 1, $6, $6)`,
          [id, callId, actor, text, atSeconds, now],
        );
        await note(client, callId, now, actor, 'comment_added', id, null, text);
        await changed(client, callId, actor, now);
        return toComment((await commentOf(client, callId, id))!);
      }),

    editComment: (callId, id, actor, request) =>
      change(callId, async (client) => {
        const row = ownComment(await commentOf(client, callId, id), actor, request.version);
        const now = Date.now();
        const text = request.text ?? row.text;
        const at = request.atSeconds !== undefined ? request.atSeconds : row.at_seconds;
        await client.query(
          `UPDATE review_comments SET text = $2, at_seconds = $3, version = version + 1,
             updated_at = $4 WHERE id = $1`,
          [id, text, at, now],
        );
        if (text !== row.text) {
          await note(client, callId, now, actor, 'comment_edited', id, row.text, text);
        }
        if (at !== row.at_seconds) {
          await note(client, callId, now, actor, 'comment_moved', id, row.at_seconds, at);
        }
        await changed(client, callId, actor, now);
        return toComment((await commentOf(client, callId, id))!);
      }),

    deleteComment: (callId, id, actor, version) =>
      change(callId, async (client) => {
        const row = ownComment(await commentOf(client, callId, id), actor, version);
        const now = Date.now();
        await client.query('DELETE FROM review_comments WHERE id = $1', [id]);
        await note(client, callId, now, actor, 'comment_deleted', id, row.text, null);
        await changed(client, callId, actor, now);
      }),

    setActionItem: (callId, index, text, actor, checked) =>
      change(callId, async (client): Promise<ActionItemCheck> => {
        const now = Date.now();
        const { rows } = await client.query<{ checked: number }>(
          'SELECT checked FROM action_item_checks WHERE call_id = $1 AND item_index = $2',
          [callId, index],
        );
        const was = rows[0]?.checked === 1;
        await client.query(
          `INSERT INTO action_item_checks (call_id, item_index, text, checked, "by", at)
           VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (call_id, item_index) DO UPDATE SET text = excluded.text,
             checked = excluded.checked, "by" = excluded."by", at = excluded.at`,
          [callId, index, text, checked ? 1 : 0, actor, now],
        );
        if (was !== checked) {
          await note(client, callId, now, actor, 'action_item', String(index), was, checked);
        }
        await bumpEpoch(client);
        return { index, text, checked, by: actor, at: iso(now) };
      }),

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

    claimDue: outbox.claimDue,
    nextDueAt: outbox.nextDueAt,
    verdicts: outbox.verdicts,
    markSent: outbox.markSent,
    markRetry: outbox.markRetry,
    markFailed: outbox.markFailed,
    retry: outbox.retry,
    async close() {
      // The pool is shared (the call index, sessions) and ended by whoever opened it.
    },
  };
}
