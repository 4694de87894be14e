import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { conversationSchema, type Conversation, type ConversationListItem } from '@contract';
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

/** The row of call `id` in a list the cache holds, as the list checked it (not its transcript). */
export function findListRow(
  queryClient: QueryClient,
  id: string,
): { item: ConversationListItem; updatedAt: number | undefined } | undefined {
  for (const [key, page] of queryClient.getQueriesData<ConversationPage>({
    queryKey: conversationKeys.lists(),
  })) {
    for (const row of page?.rows ?? []) {
      if (row.kind === 'ok' && row.conversation.id === id) {
        return { item: row.conversation, updatedAt: queryClient.getQueryState(key)?.dataUpdatedAt };
      }
    }
  }
  return undefined;
}

// A long call's transcript takes tens of milliseconds to check: once per row is enough.
const checkedRows = new WeakMap<ConversationListItem, Conversation | null>();

function checkInFull(item: ConversationListItem): Conversation | null {
  let checked = checkedRows.get(item);
  if (checked === undefined) {
    const result = conversationSchema.safeParse(item);
    checked = result.success ? result.data : null;
    checkedRows.set(item, checked);
  }
  return checked;
}

/**
 * The call as a list already holds it, checked in full, or undefined. A row whose transcript
 * breaks the contract is fetched again, and reported from there.
 */
export function fromLists(queryClient: QueryClient, id: string) {
  const row = findListRow(queryClient, id);
  const conversation = row && checkInFull(row.item);
  return conversation ? { conversation, updatedAt: row.updatedAt } : undefined;
}
