import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { conversationListQueryOptions } from '@/lib/conversations-api';
import { parseListParams, serializeListParams, type ListParams } from '@/lib/list-params';

export type ListParamsPatch = Partial<ListParams> & {
  search_by?: ListParams['search_by'] | undefined;
};

/**
 * The list's state, read from the URL and written back to it: the URL is its only store. A
 * change of filter or sort starts again at the first page.
 */
export function useListParams() {
  const queryClient = useQueryClient();
  const [searchParams, setSearchParams] = useSearchParams();
  const { params, needsCorrection } = useMemo(() => parseListParams(searchParams), [searchParams]);

  useEffect(() => {
    // Invalid or redundant values are replaced, not pushed, so Back does not return to them.
    if (needsCorrection) setSearchParams(serializeListParams(params), { replace: true });
  }, [needsCorrection, params, setSearchParams]);

  const update = useCallback(
    (patch: ListParamsPatch, options: { replace?: boolean } = {}) => {
      const pageOnly = Object.keys(patch).every((key) => key === 'skip');
      const next: ListParams = {
        ...params,
        ...patch,
        ...(pageOnly ? {} : { skip: patch.skip ?? 0 }),
      };
      if (!next.search_by || !next.search_value) {
        delete next.search_by;
        delete next.search_value;
      }
      if (!next.status) delete next.status;
      // The request leaves on the click itself, not after the router and the table have
      // re-rendered for the new URL; the query for that URL then finds it in flight.
      void queryClient.prefetchQuery(conversationListQueryOptions(next));
      setSearchParams(serializeListParams(next), { replace: options.replace ?? false });
    },
    [params, setSearchParams, queryClient],
  );

  const clearFilters = useCallback(() => {
    setSearchParams(
      serializeListParams({
        ...params,
        search_by: undefined,
        search_value: undefined,
        status: undefined,
        skip: 0,
      }),
    );
  }, [params, setSearchParams]);

  return { params, update, clearFilters };
}
