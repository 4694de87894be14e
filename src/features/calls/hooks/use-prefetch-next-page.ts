import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { conversationListQueryOptions } from '@/lib/conversations-api';
import type { ListParams } from '@/lib/list-params';

/** The next page is usually where an operator goes; have it ready once it is known to exist. */
export function usePrefetchNextPage(params: ListParams, nextExists: boolean) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (nextExists)
      void queryClient.prefetchQuery(
        conversationListQueryOptions({ ...params, skip: params.skip + params.limit }),
      );
  }, [nextExists, params, queryClient]);
}
