import type pg from 'pg';
import type { SyncLease } from '../../sync/sync-lease';

const LOCK_KEY = "hashtext('callscope:sync:' || current_schema())";

interface Holding {
  client: pg.PoolClient;
  onError(error: Error): void;
  lost: AbortController;
}

/**
 * The sync lease as a session-level advisory lock, held on a connection of its own: a replica
 * that dies or loses the network loses its connection, PostgreSQL releases the lock, and a
 * standby takes it at its next try. The lock key is the index's schema, so indexes in other
 * schemas of the same database (tests) have leases of their own.
 */
export function createPgSyncLease(
  pool: pg.Pool,
  log: (message: string) => void = () => undefined,
): SyncLease {
  let holding: Holding | null = null;

  /** Ends a holding: its signal aborts and its connection is destroyed, never pooled again. */
  function drop(current: Holding, error: Error): void {
    if (holding !== current) return;
    holding = null;
    current.lost.abort(error);
    current.client.off('error', current.onError);
    // A connection that failed, or that may still hold the lock, is not one to reuse.
    current.client.release(error);
  }

  return {
    async acquire() {
      if (holding) {
        // Confirms the connection still stands: a half-open socket fails here, not in silence.
        const current = holding;
        try {
          await current.client.query('SELECT 1');
          return current.lost.signal;
        } catch (error) {
          log('Sync lease: its connection failed; the sync waits until it holds the lease again');
          drop(current, error instanceof Error ? error : new Error(String(error)));
          throw error;
        }
      }
      const client = await pool.connect();
      const candidate: Holding = {
        client,
        lost: new AbortController(),
        // A checked-out client without a listener would take the process down with its error.
        onError: (error) => {
          log(`Sync lease: its connection dropped (${error.message}); the sync stops`);
          drop(candidate, error);
        },
      };
      client.on('error', candidate.onError);
      let held = false;
      try {
        const { rows } = await client.query<{ held: boolean }>(
          `SELECT pg_try_advisory_lock(${LOCK_KEY}) AS held`,
        );
        held = rows[0]?.held === true;
      } catch (error) {
        client.off('error', candidate.onError);
        client.release(error instanceof Error ? error : true);
        throw error;
      }
      if (!held) {
        client.off('error', candidate.onError);
        client.release();
        return null;
      }
      holding = candidate;
      return candidate.lost.signal;
    },
    async release() {
      const current = holding;
      if (!current) return;
      holding = null;
      current.lost.abort(new Error('the sync lease was released'));
      try {
        await current.client.query(`SELECT pg_advisory_unlock(${LOCK_KEY})`);
        current.client.off('error', current.onError);
        current.client.release();
      } catch (error) {
        current.client.off('error', current.onError);
        current.client.release(error instanceof Error ? error : true);
      }
    },
  };
}
