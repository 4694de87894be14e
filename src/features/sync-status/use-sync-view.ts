import { describeSync, type SyncView } from './describe-sync';
import { useSyncStatus } from './api/get-sync-status';
import { useNow } from './use-now';

/** The header's view of the sync, re-described every second so "ago" ticks. */
export function useSyncView(): SyncView | null {
  const { data, dataUpdatedAt } = useSyncStatus();
  const now = useNow(1_000, data !== undefined);
  if (!data) return null;
  return describeSync(data, { now, receivedAt: dataUpdatedAt });
}
