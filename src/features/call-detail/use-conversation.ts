import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { conversationSchema } from '@contract';
import { conversationQueryOptions, type ConversationPage } from '@/lib/conversations-api';
import { conversationKeys } from '@/lib/query-keys';

/**
 * One call. Opened from the list, it starts from the row the list already holds (its transcript
 * checked now, since the list does not), so the page and its audio start without a round trip;
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

/** The call as a list already holds it, checked in full, or undefined. */
export function fromLists(queryClient: QueryClient, id: string) {
  for (const [key, page] of queryClient.getQueriesData<ConversationPage>({
    queryKey: conversationKeys.lists(),
  })) {
    for (const row of page?.rows ?? []) {
      if (row.kind !== 'ok' || row.conversation.id !== id) continue;
      const checked = conversationSchema.safeParse(row.conversation);
      // A row whose transcript breaks the contract is fetched again, and reported from there.
      if (checked.success) {
        return {
          conversation: checked.data,
          updatedAt: queryClient.getQueryState(key)?.dataUpdatedAt,
        };
      }
    }
  }
  return undefined;
}
