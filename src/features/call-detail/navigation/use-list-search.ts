import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocation } from 'react-router';
import type { Conversation } from '@contract';
import { conversationListQueryOptions } from '@/lib/conversations-api';
import { conversationKeys } from '@/lib/query-keys';
import { locateInDefaultList } from './locate-call';

/** The list URL a call was opened from, as the list passes it in router state. */
export function listSearchFromState(state: unknown): string | null {
  const raw =
    state && typeof state === 'object' && 'listSearch' in state ? state.listSearch : undefined;
  return typeof raw === 'string' && (raw === '' || raw.startsWith('?')) ? raw : null;
}

/**
 * The list (its `?…`) this call is stepped through in: the one it was opened from or, for a
 * call opened from a link, the page of the default list that holds it. Undefined while that
 * page is being found, null when the call is in no page of it.
 */
export function useListSearch(
  id: string,
  conversation: Conversation | undefined,
): string | null | undefined {
  const location = useLocation();
  const queryClient = useQueryClient();
  const fromState = listSearchFromState(location.state);
  const timestampStart = conversation?.timestampStart;
  const located = useQuery({
    queryKey: conversationKeys.listPlace(id, timestampStart),
    queryFn: () =>
      locateInDefaultList({ id, timestampStart }, (params) =>
        queryClient.ensureQueryData(conversationListQueryOptions(params)),
      ),
    enabled: fromState === null && conversation !== undefined,
    staleTime: Infinity,
  });
  if (fromState !== null) return fromState;
  return located.isPending ? undefined : (located.data ?? null);
}
