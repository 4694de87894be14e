import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { conversationQueryOptions, type ConversationPage } from '@/lib/conversations-api';
import { conversationKeys } from '@/lib/query-keys';

/**
 * One call. Opened from the list, it starts from the row the list already holds (the same
 * object, parsed by the same schema), so the page and its audio start without a round trip;
 * the usual staleness rules then refresh it.
 */
export function useConversation(id: string) {
  const queryClient = useQueryClient();
  return useQuery({
    ...conversationQueryOptions(id),
    initialData: () => fromLists(queryClient, id)?.conversation,
    initialDataUpdatedAt: () => fromLists(queryClient, id)?.updatedAt,
  });
}

function fromLists(queryClient: QueryClient, id: string) {
  for (const [key, page] of queryClient.getQueriesData<ConversationPage>({
    queryKey: conversationKeys.lists(),
  })) {
    for (const row of page?.rows ?? []) {
      if (row.kind === 'ok' && row.conversation.id === id) {
        return {
          conversation: row.conversation,
          updatedAt: queryClient.getQueryState(key)?.dataUpdatedAt,
        };
      }
    }
  }
  return undefined;
}
