import type { SyncStatus } from '../../contract';
import type { CallIndex } from '../store/types';

/** What the sync knows about itself between passes; `GET /api/sync` shows it in words. */
export interface SyncProgress {
  backfillDone: boolean;
  backfillSeen: number;
  /** The API's own count of its calls, when it sends one, for the backfill's progress bar. */
  backfillTotal: number | null;
  lastSuccessAt: number | null;
  lastError: string | null;
  notes: Map<string, string>;
  /** Another replica holds the sync lease: this one serves the shared index without syncing. */
  standby: boolean;
}

export async function describeSync(
  progress: SyncProgress,
  store: CallIndex,
  now: number,
): Promise<SyncStatus> {
  const skipped = await store.skipped(100);
  return {
    state: progress.lastError !== null ? 'error' : progress.backfillDone ? 'idle' : 'backfilling',
    indexed: await store.count(),
    lastSuccessAt:
      progress.lastSuccessAt === null ? null : new Date(progress.lastSuccessAt).toISOString(),
    lagSeconds:
      progress.lastSuccessAt === null
        ? null
        : Math.max(0, Math.round((now - progress.lastSuccessAt) / 1000)),
    lastError: progress.lastError,
    backfill: {
      done: progress.backfillDone,
      seen: progress.backfillSeen,
      total: progress.backfillTotal,
    },
    notes: [...progress.notes.values()],
    skipped: skipped.items,
    skippedCount: skipped.count,
    replica: progress.standby ? 'standby' : 'syncing',
  };
}
