import { queryOptions } from '@tanstack/react-query';
import { callListItemSchema, conversationListItemSchema, secondsBetween } from '@contract';
import { ApiError, apiRequest } from '@/lib/api-client';
import { prospectKeys } from '@/lib/query-keys';
import type { HistoryCall } from '../history';

/** More calls than any one caller makes in the demo; the list link shows them all anyway. */
const HISTORY_LIMIT = 100;

/**
 * Every call of one caller. The only place that knows where they come from: Callscope's call
 * index (`/api/calls?prospect=`), else Trata's documented prospect route when the index cannot
 * answer (a server without the filter) or holds none of the caller's calls yet (still filling).
 * Items that break the contract are left out rather than failing the history.
 */
export async function fetchCallerCalls(
  prospectId: string,
  signal?: AbortSignal,
): Promise<HistoryCall[]> {
  const fromIndex = await fetchFromIndex(prospectId, signal);
  return fromIndex.length > 0 ? fromIndex : fetchFromProspectRoute(prospectId, signal);
}

async function fetchFromIndex(prospectId: string, signal?: AbortSignal): Promise<HistoryCall[]> {
  const query = new URLSearchParams({
    prospect: prospectId,
    sort_by: 'timestampStart',
    sort_order: 'desc',
    limit: String(HISTORY_LIMIT),
  });
  try {
    const { data } = await apiRequest(`/api/calls?${query}`, { signal });
    const items = (data as { items?: unknown } | null)?.items;
    if (!Array.isArray(items)) return [];
    return items.flatMap((item: unknown) => {
      const parsed = callListItemSchema.safeParse(item);
      return parsed.success ? [parsed.data] : [];
    });
  } catch (error) {
    // No index route, or one without the filter: the prospect route still answers.
    if (error instanceof ApiError && (error.status === 404 || error.status === 422)) return [];
    throw error;
  }
}

async function fetchFromProspectRoute(
  prospectId: string,
  signal?: AbortSignal,
): Promise<HistoryCall[]> {
  const { data } = await apiRequest(
    `/v1/prospects/${encodeURIComponent(prospectId)}/conversations?limit=${HISTORY_LIMIT}`,
    { signal },
  );
  if (!Array.isArray(data))
    throw new ApiError('upstream', 200, "The caller's calls did not come as a list.");
  return data.flatMap((item: unknown) => {
    const parsed = conversationListItemSchema.safeParse(item);
    if (!parsed.success) return [];
    const call = parsed.data;
    return [
      {
        id: call.id,
        timestampStart: call.timestampStart,
        timestampEnd: call.timestampEnd ?? null,
        durationSeconds: secondsBetween(call.timestampStart, call.timestampEnd),
        sentiment: call.conversationAnalytics?.sentiment_of_caller ?? null,
        prospectStatus: call.conversationAnalytics?.prospectStatus ?? null,
      },
    ];
  });
}

export const callerCallsQueryOptions = (prospectId: string) =>
  queryOptions({
    queryKey: prospectKeys.conversations(prospectId),
    queryFn: ({ signal }) => fetchCallerCalls(prospectId, signal),
  });
