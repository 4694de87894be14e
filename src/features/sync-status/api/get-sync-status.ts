import { queryOptions, useQuery } from '@tanstack/react-query';
import { syncStatusSchema, type SyncStatus } from '@contract';
import { ApiError, apiRequest } from '@/lib/api-client';
import { syncKeys } from '@/lib/query-keys';

/** `GET /api/sync`, checked against the contract where it enters. */
export async function fetchSyncStatus(signal?: AbortSignal): Promise<SyncStatus> {
  const { data } = await apiRequest('/api/sync', { signal });
  const parsed = syncStatusSchema.safeParse(data);
  if (!parsed.success) {
    throw new ApiError('server', 200, 'The server sent a sync status that could not be read.');
  }
  return parsed.data;
}

/** A backfill moves by the second; otherwise a pass ends every SYNC_INTERVAL_S at most. */
export function pollIntervalMs(status: SyncStatus | undefined): number {
  return status?.state === 'backfilling' ? 1_000 : 5_000;
}

export const syncStatusQueryOptions = () =>
  queryOptions({
    queryKey: syncKeys.status(),
    queryFn: ({ signal }) => fetchSyncStatus(signal),
    refetchInterval: (query) => pollIntervalMs(query.state.data),
    // A failed poll is tried again at the next interval, not three times in a row.
    retry: false,
  });

export function useSyncStatus() {
  return useQuery(syncStatusQueryOptions());
}
