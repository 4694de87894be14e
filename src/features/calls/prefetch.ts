import type { QueryClient } from '@tanstack/react-query';
import { conversationListQueryOptions } from '@/lib/conversations-api';
import { listSearchProblem, parseListParams } from '@/lib/list-params';
import { loadPhoneFormatting } from '@/lib/phone';

/**
 * Starts the list's request as soon as the router knows the URL, before the page has rendered:
 * the rows then arrive while the app is still starting.
 */
export function prefetchCallList(queryClient: QueryClient, search: URLSearchParams): void {
  // The rows wait for the phone formatter (see CallsPage): it loads beside them from the start.
  void loadPhoneFormatting();
  const { params } = parseListParams(search);
  // A search the API would refuse is explained on the page, never sent.
  if (listSearchProblem(params) !== null) return;
  void queryClient.prefetchQuery(conversationListQueryOptions(params));
}
