import { queryOptions } from '@tanstack/react-query';
import { conversationListItemSchema, type ConversationListItem } from '@contract';
import { ApiError, apiRequest } from '@/lib/api-client';
import { prospectKeys } from '@/lib/query-keys';

/** More calls than any one caller makes in the demo; the list link shows them all anyway. */
const HISTORY_LIMIT = 100;

/**
 * Every call of one caller. The only place that knows where they come from: today Trata's
 * documented prospect route; a call index with a `prospect` filter can take its place here.
 * Items that break the contract are left out rather than failing the history.
 */
export async function fetchCallerCalls(
  prospectId: string,
  signal?: AbortSignal,
): Promise<ConversationListItem[]> {
  const { data } = await apiRequest(
    `/v1/prospects/${encodeURIComponent(prospectId)}/conversations?limit=${HISTORY_LIMIT}`,
    { signal },
  );
  if (!Array.isArray(data))
    throw new ApiError('upstream', 200, "The caller's calls did not come as a list.");
  return data.flatMap((item: unknown) => {
    const parsed = conversationListItemSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

export const callerCallsQueryOptions = (prospectId: string) =>
  queryOptions({
    queryKey: prospectKeys.conversations(prospectId),
    queryFn: ({ signal }) => fetchCallerCalls(prospectId, signal),
  });
