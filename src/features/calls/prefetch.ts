import type { QueryClient } from '@tanstack/react-query';
import { conversationListQueryOptions } from '@/lib/conversations-api';
import { listSearchProblem, parseListParams } from '@/lib/list-params';

/**
 * Starts the list's request as soon as the router knows the URL, before the page has rendered:
 * the rows then arrive while the app is still starting.
 */
export function prefetchCallList(queryClient: QueryClient, search: URLSearchParams): void {
  const { params } = parseListParams(search);
  // A search the API would refuse is explained on the page, never sent.
  if (listSearchProblem(params) !== null) return;
  void queryClient.prefetchQuery(conversationListQueryOptions(params));
}
