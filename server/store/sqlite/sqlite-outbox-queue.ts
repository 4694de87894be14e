import type Database from 'better-sqlite3';
import type { CallDelivery } from '../../../contract';
import { callDelivery, NEEDS_RATING, QUEUED, type OutboxRow } from '../outbox-delivery';
import type { DueCall } from '../review-types';
import { alwaysOurTurn, type WriteTurn } from './write-turns';

/**
 * The outbox's SQL: one row per call and reviewer. `bump` runs inside the transaction of the
 * change it queues; the worker's marks each run on their own.
 */
export function createOutboxQueue(db: Database.Database, turn: WriteTurn = alwaysOurTurn) {
  const bumpStmt = db.prepare<
    [{ call: string; reviewer: string; state: string; now: number; reason: string }]
  >(
    `INSERT INTO review_outbox
       (call_id, reviewer, generation, sent_generation, state, attempts, next_at, reason, sent_at)
     VALUES (@call, @reviewer, 1, 0, @state, 0, @now, @reason, NULL)
     ON CONFLICT (call_id, reviewer) DO UPDATE SET
       generation = generation + 1,
       -- While retrying, a new change waits for the retry: an outage is not hammered harder.
       next_at = CASE WHEN state = 'pending' AND next_at > @now THEN next_at ELSE @now END,
       reason = CASE WHEN state = 'pending' AND next_at > @now THEN reason ELSE @reason END,
       attempts = CASE WHEN state = 'pending' THEN attempts ELSE 0 END,
       state = @state`,
  );
  const rowsOf = db.prepare<[string], OutboxRow>(
    `SELECT reviewer, state, attempts, next_at, reason, sent_at FROM review_outbox
     WHERE call_id = ? ORDER BY reviewer`,
  );
  const dueStmt = db.prepare<[number, number], { call_id: string; attempts: number }>(
    `SELECT call_id, max(attempts) AS attempts FROM review_outbox
     WHERE state = 'pending' AND next_at <= ? GROUP BY call_id ORDER BY min(next_at) LIMIT ?`,
  );
  const nextDue = db
    .prepare<[], number | null>(`SELECT min(next_at) FROM review_outbox WHERE state = 'pending'`)
    .pluck();
  const sentStmt = db.prepare<[{ generation: number; at: number; call: string; reviewer: string }]>(
    `UPDATE review_outbox SET
       sent_generation = @generation, sent_at = @at,
       state = CASE WHEN generation <= @generation THEN 'sent' ELSE 'pending' END,
       attempts = CASE WHEN generation <= @generation THEN 0 ELSE attempts END,
       reason = CASE WHEN generation <= @generation THEN NULL ELSE reason END,
       next_at = CASE WHEN generation <= @generation THEN next_at ELSE @at END
     WHERE call_id = @call AND reviewer = @reviewer AND state = 'pending'`,
  );
  const retryStmt = db.prepare<[{ call: string; next: number; reason: string }]>(
    `UPDATE review_outbox SET reason = @reason, next_at = @next, attempts = attempts + 1
     WHERE call_id = @call AND state = 'pending'`,
  );
  const failStmt = db.prepare<[{ call: string; reason: string }]>(
    `UPDATE review_outbox SET state = 'failed', reason = @reason, attempts = attempts + 1
     WHERE call_id = @call AND state = 'pending'`,
  );
  const requeueStmt = db.prepare<[{ call: string; now: number; reason: string }]>(
    `UPDATE review_outbox SET state = 'pending', attempts = 0, next_at = @now, reason = @reason
     WHERE call_id = @call AND state IN ('failed', 'pending')`,
  );

  return {
    /** Queues `reviewer`'s verdict on the call (or notes it saved only, until it is rated). */
    bump(callId: string, reviewer: string, rated: boolean, now: number): void {
      bumpStmt.run({
        call: callId,
        reviewer,
        state: rated ? 'pending' : 'saved',
        now,
        reason: rated ? QUEUED : NEEDS_RATING,
      });
    },
    delivery(callId: string): CallDelivery {
      return callDelivery(rowsOf.all(callId));
    },
    dueCalls(now: number, limit: number): DueCall[] {
      return dueStmt
        .all(now, limit)
        .map((row) => ({ callId: row.call_id, attempts: row.attempts }));
    },
    nextDueAt: () => nextDue.get() ?? null,
    markSent: turn((callId: string, generations: Map<string, number>, at: number): void => {
      db.transaction(() => {
        for (const [reviewer, generation] of generations) {
          sentStmt.run({ generation, at, call: callId, reviewer });
        }
      })();
    }),
    markRetry: turn((callId: string, reason: string, nextAt: number): void => {
      retryStmt.run({ call: callId, next: nextAt, reason });
    }),
    markFailed: turn((callId: string, reason: string): void => {
      failStmt.run({ call: callId, reason });
    }),
    retry: turn(
      (callId: string, now: number): number =>
        requeueStmt.run({ call: callId, now, reason: 'Queued again.' }).changes,
    ),
  };
}
