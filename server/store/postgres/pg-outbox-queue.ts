import type pg from 'pg';
import type { CallDelivery, ReviewStatus } from '../../../contract';
import { callDelivery, NEEDS_RATING, QUEUED, type OutboxRow } from '../outbox-delivery';
import type { DueCall, ReviewStore, Verdict } from '../review-types';
import { inTransaction, lockCall } from './pg-transaction';

/**
 * The outbox's SQL on PostgreSQL: one row per call and reviewer in `review_outbox` (as SQLite),
 * and one claim row per call in `review_outbox_claims` that replicas lock to share the work.
 */
export async function bumpOutbox(
  client: pg.PoolClient,
  callId: string,
  reviewer: string,
  rated: boolean,
  now: number,
): Promise<void> {
  await client.query(
    `INSERT INTO review_outbox AS o
       (call_id, reviewer, generation, sent_generation, state, attempts, next_at, reason, sent_at)
     VALUES ($1, $2, 1, 0, $3::text, 0, $4::float8, $5::text, NULL)
     ON CONFLICT (call_id, reviewer) DO UPDATE SET
       generation = o.generation + 1,
       -- While retrying, a new change waits for the retry: an outage is not hammered harder.
       next_at = CASE WHEN o.state = 'pending' AND o.next_at > $4::float8 THEN o.next_at ELSE $4::float8 END,
       reason = CASE WHEN o.state = 'pending' AND o.next_at > $4::float8 THEN o.reason ELSE $5::text END,
       attempts = CASE WHEN o.state = 'pending' THEN o.attempts ELSE 0 END,
       state = $3::text`,
    [callId, reviewer, rated ? 'pending' : 'saved', now, rated ? QUEUED : NEEDS_RATING],
  );
  await client.query(
    'INSERT INTO review_outbox_claims (call_id) VALUES ($1) ON CONFLICT (call_id) DO NOTHING',
    [callId],
  );
}

type OutboxMethods = Pick<
  ReviewStore,
  | 'delivery'
  | 'claimDue'
  | 'nextDueAt'
  | 'verdicts'
  | 'markSent'
  | 'markRetry'
  | 'markFailed'
  | 'release'
  | 'renew'
  | 'retry'
>;

/** A worker's mark and the end of its claim on the call, in one transaction. */
const RELEASE = 'UPDATE review_outbox_claims SET claimed_until = 0 WHERE call_id = $1';

export function pgOutbox(pool: pg.Pool): OutboxMethods {
  /** Marks run under the call's lock, so they never interleave with a change of the call. */
  const mark = (callId: string, work: (client: pg.PoolClient) => Promise<void>) =>
    inTransaction(pool, async (client) => {
      await lockCall(client, callId);
      await work(client);
      await client.query(RELEASE, [callId]);
    });

  return {
    async delivery(callId): Promise<CallDelivery> {
      const { rows } = await pool.query<OutboxRow>(
        `SELECT reviewer, state, attempts, next_at, reason, sent_at FROM review_outbox
         WHERE call_id = $1 ORDER BY reviewer COLLATE "C"`,
        [callId],
      );
      return callDelivery(rows);
    },

    claimDue: (now, limit, claimUntil) =>
      inTransaction(pool, async (client): Promise<DueCall[]> => {
        // The claim rows of due calls, oldest due first. Rows another worker is claiming right
        // now are skipped rather than waited for, and a row claimed meanwhile fails the
        // `claimed_until` test when PostgreSQL rechecks it after locking: no call goes to two.
        const { rows } = await client.query<{ call_id: string; attempts: number }>(
          `WITH due AS (
             SELECT call_id, min(next_at) AS first_at, max(attempts) AS attempts
             FROM review_outbox WHERE state = 'pending' AND next_at <= $1
             GROUP BY call_id
           )
           SELECT c.call_id, due.attempts FROM review_outbox_claims c JOIN due USING (call_id)
           WHERE c.claimed_until <= $1
           ORDER BY due.first_at, c.call_id COLLATE "C"
           LIMIT $2
           FOR UPDATE OF c SKIP LOCKED`,
          [now, limit],
        );
        if (rows.length === 0) return [];
        // The statement above read the outbox as it was when it began: a worker that marked a
        // call since (and so ended its claim) may have sent it. A new statement sees that mark.
        const { rows: still } = await client.query<{ call_id: string }>(
          `SELECT DISTINCT call_id FROM review_outbox
           WHERE call_id = ANY($1::text[]) AND state = 'pending' AND next_at <= $2`,
          [rows.map((row) => row.call_id), now],
        );
        const due = new Set(still.map((row) => row.call_id));
        const taken = rows.filter((row) => due.has(row.call_id));
        if (taken.length === 0) return [];
        await client.query(
          'UPDATE review_outbox_claims SET claimed_until = $1 WHERE call_id = ANY($2::text[])',
          [claimUntil, taken.map((row) => row.call_id)],
        );
        return taken.map((row) => ({ callId: row.call_id, attempts: row.attempts }));
      }),

    async nextDueAt() {
      // A call another worker holds is not due before its claim runs out: a replica waits for
      // that rather than looking again and again while the other one delivers it.
      const { rows } = await pool.query<{ due: number | null }>(
        `SELECT min(greatest(o.next_at, coalesce(c.claimed_until, 0))) AS due
         FROM review_outbox o LEFT JOIN review_outbox_claims c USING (call_id)
         WHERE o.state = 'pending'`,
      );
      return rows[0]?.due ?? null;
    },

    async verdicts(callId): Promise<Verdict[]> {
      // One statement, so one snapshot: the generation read is the one of the values sent.
      const { rows } = await pool.query<{
        reviewer: string;
        generation: number;
        rating: number;
        status: ReviewStatus;
        follow_up_reason: string | null;
        comments: Verdict['comments'];
      }>(
        `SELECT o.reviewer, o.generation, r.rating, r.status, r.follow_up_reason,
           coalesce((
             SELECT json_agg(json_build_object('text', m.text, 'atSeconds', m.at_seconds)
                             ORDER BY m.created_at, m.id COLLATE "C")
             FROM review_comments m WHERE m.call_id = o.call_id AND m.author = o.reviewer
           ), '[]'::json) AS comments
         FROM review_outbox o
         JOIN reviews r ON r.call_id = o.call_id AND r.reviewer = o.reviewer
         WHERE o.call_id = $1 AND r.rating IS NOT NULL
         ORDER BY o.reviewer COLLATE "C"`,
        [callId],
      );
      return rows.map((row) => ({
        reviewer: row.reviewer,
        rating: row.rating,
        status: row.status,
        followUpReason: row.follow_up_reason,
        comments: row.comments,
        generation: row.generation,
      }));
    },

    markSent: (callId, generations, at) =>
      mark(callId, async (client) => {
        for (const [reviewer, generation] of generations) {
          await client.query(
            `UPDATE review_outbox SET
               sent_generation = $1, sent_at = $2,
               state = CASE WHEN generation <= $1 THEN 'sent' ELSE 'pending' END,
               attempts = CASE WHEN generation <= $1 THEN 0 ELSE attempts END,
               reason = CASE WHEN generation <= $1 THEN NULL ELSE reason END,
               next_at = CASE WHEN generation <= $1 THEN next_at ELSE $2 END
             WHERE call_id = $3 AND reviewer = $4 AND state = 'pending'`,
            [generation, at, callId, reviewer],
          );
        }
      }),

    markRetry: (callId, reason, nextAt) =>
      mark(callId, async (client) => {
        await client.query(
          `UPDATE review_outbox SET reason = $1, next_at = $2, attempts = attempts + 1
           WHERE call_id = $3 AND state = 'pending'`,
          [reason, nextAt, callId],
        );
      }),

    markFailed: (callId, reason) =>
      mark(callId, async (client) => {
        await client.query(
          `UPDATE review_outbox SET state = 'failed', reason = $1, attempts = attempts + 1
           WHERE call_id = $2 AND state = 'pending'`,
          [reason, callId],
        );
      }),

    async release(callIds) {
      if (callIds.length === 0) return;
      await pool.query(
        'UPDATE review_outbox_claims SET claimed_until = 0 WHERE call_id = ANY($1::text[])',
        [callIds],
      );
    },

    async renew(callIds, from, to) {
      if (callIds.length === 0) return [];
      const { rows } = await pool.query<{ call_id: string }>(
        `UPDATE review_outbox_claims SET claimed_until = $1
         WHERE call_id = ANY($2::text[]) AND claimed_until = $3 RETURNING call_id`,
        [to, callIds, from],
      );
      return rows.map((row) => row.call_id);
    },

    retry: (callId) =>
      inTransaction(pool, async (client) => {
        await lockCall(client, callId);
        const result = await client.query(
          `UPDATE review_outbox SET state = 'pending', attempts = 0, next_at = $1, reason = $2
           WHERE call_id = $3 AND state IN ('failed', 'pending')`,
          [Date.now(), 'Queued again.', callId],
        );
        return result.rowCount ?? 0;
      }),
  };
}
