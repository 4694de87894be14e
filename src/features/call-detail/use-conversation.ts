import { useQuery } from '@tanstack/react-query';
import { conversationQueryOptions } from '@/lib/conversations-api';

/**
 * One call. The list's rows come from the index without their transcripts, so a call is always
 * read in full here; `preloadCall` starts that read before the page renders.
 */
export function useConversation(id: string) {
  return useQuery(conversationQueryOptions(id));
}
