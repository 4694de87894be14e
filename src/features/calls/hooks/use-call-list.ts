import { useQuery } from '@tanstack/react-query';
import { conversationListQueryOptions } from '@/lib/conversations-api';
import { listSearchProblem, serializeListParams, type ListParams } from '@/lib/list-params';
import { useShownPage } from './use-shown-page';

/** How often a visible list asks for new calls; a hidden tab does not ask. */
export const LIST_REFRESH_MS = 30_000;

/**
 * The list's rows for these params. A search the API would refuse is not sent: its problem is
 * returned instead. The list refreshes when the tab comes back and every little while it is
 * visible; new calls wait behind a button (see `useShownPage`).
 */
export function useCallList(params: ListParams) {
  const searchProblem = listSearchProblem(params);
  const query = useQuery({
    ...conversationListQueryOptions(params),
    enabled: searchProblem === null,
    refetchInterval: LIST_REFRESH_MS,
    refetchOnWindowFocus: 'always',
  });
  const shown = useShownPage(
    serializeListParams(params).toString(),
    query.data,
    query.isPlaceholderData,
  );
  return { query, searchProblem, ...shown };
}
