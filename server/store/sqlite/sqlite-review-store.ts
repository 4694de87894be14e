import Database from 'better-sqlite3';
import type { ActionItemCheck, HistoryEntry, HistoryKind } from '../../../contract';
import type { DueCall, ReviewStore, Verdict } from '../review-types';
import { keptSummaries } from '../kept-summaries';
import { migrate } from './migrations';
import { createOutboxQueue } from './sqlite-outbox-queue';
import { alwaysOurTurn, writeTurnOn, type WriteTurn } from './write-turns';
import {
  composeSummaries,
  iso,
  toActionItemCheck,
  toComment,
  toHistoryEntry,
  toReview,
  type CheckRow,
  type CommentRow,
  type HistoryRow,
  type ReviewRow,
  type Scalar,
  type StateRow,
} from '../review-rows';
import { newCommentId, nextReview, ownComment, reviewNotes } from '../review-rules';

/**
 * Reviews in the index's SQLite file, on a connection of their own (WAL lets it sit beside the
 * call store's). Every change writes its history and bumps the outbox in one transaction.
 */
export function createSqliteReviewStore(file: string): ReviewStore {
  const db = new Database(file);
  if (file !== ':memory:') db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return reviewStoreOn(db, file === ':memory:' ? alwaysOurTurn : writeTurnOn(file));
}

/** The store on an open database that already has the review tables (tests share one). */
export function reviewStoreOn(db: Database.Database, turn: WriteTurn = alwaysOurTurn): ReviewStore {
  const outbox = createOutboxQueue(db, turn);
  let epoch = 0;

  const reviewOf = db.prepare<[string, string], ReviewRow>(
    'SELECT * FROM reviews WHERE call_id = ? AND reviewer = ?',
  );
  const reviewsOf = db.prepare<[string], ReviewRow>(
    'SELECT * FROM reviews WHERE call_id = ? ORDER BY created_at, reviewer',
  );
  const insertReview = db.prepare(
    `INSERT INTO reviews (call_id, reviewer, rating, status, follow_up_reason, version, created_at, updated_at)
     VALUES (@call, @reviewer, @rating, @status, @reason, 1, @now, @now)`,
  );
  const updateReview = db.prepare(
    `UPDATE reviews SET rating = @rating, status = @status, follow_up_reason = @reason,
       version = version + 1, updated_at = @now WHERE call_id = @call AND reviewer = @reviewer`,
  );
  const commentOf = db.prepare<[string, string], CommentRow>(
    'SELECT * FROM review_comments WHERE id = ? AND call_id = ?',
  );
  const commentsOf = db.prepare<[string], CommentRow>(
    'SELECT * FROM review_comments WHERE call_id = ? ORDER BY created_at, id',
  );
  const commentsBy = db.prepare<[string, string], CommentRow>(
    'SELECT * FROM review_comments WHERE call_id = ? AND author = ? ORDER BY created_at, id',
  );
  const insertComment = db.prepare(
    `INSERT INTO review_comments (id, call_id, author, text, at_seconds, version, created_at, updated_at)
     VALUES (@id, @call, @author, @text, @at, 1, @now, @now)`,
  );
  const updateComment = db.prepare(
    `UPDATE review_comments SET text = @text, at_seconds = @at, version = version + 1,
       updated_at = @now WHERE id = @id`,
  );
  const deleteCommentStmt = db.prepare('DELETE FROM review_comments WHERE id = ?');
  const insertHistory = db.prepare(
    `INSERT INTO review_history (call_id, at, actor, kind, target, from_value, to_value)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const historyOf = db.prepare<[string, number], HistoryRow>(
    'SELECT * FROM review_history WHERE call_id = ? ORDER BY seq DESC LIMIT ?',
  );
  const checksOf = db.prepare<[string], CheckRow>(
    'SELECT * FROM action_item_checks WHERE call_id = ? ORDER BY item_index',
  );
  const checkOf = db.prepare<[string, number], { checked: number }>(
    'SELECT checked FROM action_item_checks WHERE call_id = ? AND item_index = ?',
  );
  const upsertCheck = db.prepare(
    `INSERT INTO action_item_checks (call_id, item_index, text, checked, by, at)
     VALUES (@call, @index, @text, @checked, @by, @now)
     ON CONFLICT (call_id, item_index) DO UPDATE SET text = @text, checked = @checked,
       by = @by, at = @now`,
  );
  const recountState = db.prepare(
    `INSERT INTO call_review_state (call_id, state, reviewers, rating_sum, rating_count, comments)
     SELECT @call,
       CASE WHEN sum(status = 'follow_up') > 0 THEN 'follow_up'
            WHEN sum(status = 'reviewed') > 0 THEN 'reviewed' ELSE 'to_review' END,
       count(*), coalesce(sum(rating), 0), count(rating),
       (SELECT count(*) FROM review_comments WHERE call_id = @call)
     FROM reviews WHERE call_id = @call
     ON CONFLICT (call_id) DO UPDATE SET state = excluded.state, reviewers = excluded.reviewers,
       rating_sum = excluded.rating_sum, rating_count = excluded.rating_count,
       comments = excluded.comments`,
  );
  // A list page asks for a hundred calls at once: one statement each cost more than the page's
  // own query, so the page's ids go in as one JSON array.
  const statesOf = db.prepare<[string], StateRow>(
    'SELECT * FROM call_review_state WHERE call_id IN (SELECT value FROM json_each(?))',
  );
  const reviewsBy = db.prepare<[string, string], ReviewRow & { call_id: string }>(
    'SELECT * FROM reviews WHERE reviewer = ? AND call_id IN (SELECT value FROM json_each(?))',
  );
  const outboxReviewers = db
    .prepare<[string], string>(`SELECT reviewer FROM review_outbox WHERE call_id = ?`)
    .pluck();
  const generationOf = db
    .prepare<[string, string], number>(
      'SELECT generation FROM review_outbox WHERE call_id = ? AND reviewer = ?',
    )
    .pluck();

  const note = (
    callId: string,
    now: number,
    actor: string,
    kind: HistoryKind,
    target: string | null,
    from: Scalar,
    to: Scalar,
  ) => {
    insertHistory.run(callId, now, actor, kind, target, JSON.stringify(from), JSON.stringify(to));
  };

  /** After any change by `reviewer`: the list's state, the outbox and the caches' epoch. */
  const changed = (callId: string, reviewer: string, now: number) => {
    recountState.run({ call: callId });
    const rated = (reviewOf.get(callId, reviewer)?.rating ?? null) !== null;
    outbox.bump(callId, reviewer, rated, now);
    epoch++;
  };

  const setReview = turn(
    db.transaction(
      (callId: string, actor: string, change: Parameters<ReviewStore['setReview']>[2]) => {
        const now = Date.now();
        const before = reviewOf.get(callId, actor);
        const next = nextReview(before, change);
        const values = { call: callId, reviewer: actor, ...next, now };
        if (before) updateReview.run(values);
        else insertReview.run(values);
        for (const { kind, from, to } of reviewNotes(before, next)) {
          note(callId, now, actor, kind, null, from, to);
        }
        changed(callId, actor, now);
        return toReview(reviewOf.get(callId, actor)!);
      },
    ).immediate,
  );

  const addComment = turn(
    db.transaction((callId: string, actor: string, text: string, atSeconds: number | null) => {
      const now = Date.now();
      const id = newCommentId(now);
      insertComment.run({ id, call: callId, author: actor, text, at: atSeconds, now });
      note(callId, now, actor, 'comment_added', id, null, text);
      changed(callId, actor, now);
      return toComment(commentOf.get(id, callId)!);
    }).immediate,
  );

  const editComment = turn(
    db.transaction(
      (
        callId: string,
        id: string,
        actor: string,
        change: Parameters<ReviewStore['editComment']>[3],
      ) => {
        const row = ownComment(commentOf.get(id, callId), actor, change.version);
        const now = Date.now();
        const text = change.text ?? row.text;
        const at = change.atSeconds !== undefined ? change.atSeconds : row.at_seconds;
        updateComment.run({ id, text, at, now });
        if (text !== row.text) note(callId, now, actor, 'comment_edited', id, row.text, text);
        if (at !== row.at_seconds)
          note(callId, now, actor, 'comment_moved', id, row.at_seconds, at);
        changed(callId, actor, now);
        return toComment(commentOf.get(id, callId)!);
      },
    ).immediate,
  );

  const deleteComment = turn(
    db.transaction((callId: string, id: string, actor: string, version?: number) => {
      const row = ownComment(commentOf.get(id, callId), actor, version);
      const now = Date.now();
      deleteCommentStmt.run(id);
      note(callId, now, actor, 'comment_deleted', id, row.text, null);
      changed(callId, actor, now);
    }).immediate,
  );

  const setActionItem = turn(
    db.transaction(
      (callId: string, index: number, text: string, actor: string, checked: boolean) => {
        const now = Date.now();
        const was = checkOf.get(callId, index)?.checked === 1;
        upsertCheck.run({ call: callId, index, text, checked: checked ? 1 : 0, by: actor, now });
        if (was !== checked) note(callId, now, actor, 'action_item', String(index), was, checked);
        epoch++;
        return { index, text, checked, by: actor, at: iso(now) };
      },
    ).immediate,
  );

  // In-memory claims: this file is used by one process (see `claimDue`), so they end with it.
  const claims = new Map<string, number>();
  const release = (callId: string) => claims.delete(callId);

  // Each method runs synchronously inside, and each change is one transaction (better-sqlite3):
  // two requests changing the same call never interleave.
  return {
    reviews: async (callId) => reviewsOf.all(callId).map(toReview),
    comments: async (callId) => commentsOf.all(callId).map(toComment),
    history: async (callId, limit): Promise<HistoryEntry[]> =>
      historyOf.all(callId, limit).map(toHistoryEntry),
    actionItems: async (callId): Promise<ActionItemCheck[]> =>
      checksOf.all(callId).map(toActionItemCheck),
    delivery: async (callId) => outbox.delivery(callId),
    setReview: async (callId, actor, change) => setReview(callId, actor, change),
    addComment: async (callId, actor, text, atSeconds) =>
      addComment(callId, actor, text, atSeconds),
    editComment: async (callId, id, actor, change) => editComment(callId, id, actor, change),
    deleteComment: async (callId, id, actor, version) => deleteComment(callId, id, actor, version),
    setActionItem: async (callId, index, text, actor, checked) =>
      setActionItem(callId, index, text, actor, checked),
    summaries: keptSummaries(
      async (callIds, viewer) => {
        const ids = JSON.stringify(callIds);
        const mine = viewer === null ? [] : reviewsBy.all(viewer, ids);
        return composeSummaries(callIds, statesOf.all(ids), mine);
      },
      async () => epoch,
    ),
    epoch: async () => epoch,
    async claimDue(now, limit, claimUntil) {
      const taken: DueCall[] = [];
      // Oldest due first; calls another worker of this process holds are passed over.
      for (const due of outbox.dueCalls(now, limit + claims.size)) {
        if ((claims.get(due.callId) ?? 0) > now) continue;
        claims.set(due.callId, claimUntil);
        taken.push(due);
        if (taken.length === limit) break;
      }
      return taken;
    },
    async renew(callIds, from, to) {
      const renewed = callIds.filter((callId) => claims.get(callId) === from);
      for (const callId of renewed) claims.set(callId, to);
      return renewed;
    },
    nextDueAt: async () => outbox.nextDueAt(),
    async verdicts(callId): Promise<Verdict[]> {
      const verdicts: Verdict[] = [];
      for (const reviewer of outboxReviewers.all(callId)) {
        const review = reviewOf.get(callId, reviewer);
        if (!review || review.rating === null) continue;
        verdicts.push({
          reviewer,
          rating: review.rating,
          status: review.status,
          followUpReason: review.follow_up_reason,
          comments: commentsBy
            .all(callId, reviewer)
            .map((row) => ({ text: row.text, atSeconds: row.at_seconds })),
          generation: generationOf.get(callId, reviewer) ?? 0,
        });
      }
      return verdicts;
    },
    async markSent(callId, generations, at) {
      outbox.markSent(callId, generations, at);
      release(callId);
    },
    async markRetry(callId, reason, nextAt) {
      outbox.markRetry(callId, reason, nextAt);
      release(callId);
    },
    async markFailed(callId, reason) {
      outbox.markFailed(callId, reason);
      release(callId);
    },
    async release(callIds) {
      for (const callId of callIds) release(callId);
    },
    retry: async (callId) => outbox.retry(callId, Date.now()),
    async close() {
      db.close();
    },
  };
}
