import type { QueryClient } from '@tanstack/react-query';
import { conversationListQueryOptions } from '@/lib/conversations-api';
import { parseListParams } from '@/lib/list-params';

/**
 * Starts the list's request as soon as the router knows the URL, before the page has rendered:
 * the rows then arrive while the app is still starting.
 */
export function prefetchCallList(queryClient: QueryClient, search: URLSearchParams): void {
  void queryClient.prefetchQuery(conversationListQueryOptions(parseListParams(search).params));
}
