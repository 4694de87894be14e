/**
 * The right to run the sync. Several replicas share one index, and two syncs writing it at once
 * would race on its checkpoint; the replica holding the lease syncs, the others stand by and
 * try again every interval.
 */
export interface SyncLease {
  /**
   * Takes the lease, or confirms it is still held. Returns a signal that aborts when the lease
   * is lost (its connection dropped), or null while another replica holds it. Throws when the
   * lease cannot be asked for (the database is unreachable): the caller backs off.
   */
  acquire(): Promise<AbortSignal | null>;
  /** Gives the lease up, so a standby takes over at its next try. */
  release(): Promise<void>;
}

/** A single server with its own SQLite index always holds the lease. */
export function createLocalSyncLease(): SyncLease {
  const held = new AbortController();
  return {
    acquire: async () => held.signal,
    release: async () => undefined,
  };
}
