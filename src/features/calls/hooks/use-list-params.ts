import { useCallback, useEffect, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { parseListParams, serializeListParams, type ListParams } from '@/lib/list-params';

export type ListParamsPatch = Partial<ListParams> & {
  search_by?: ListParams['search_by'] | undefined;
};

/**
 * The list's state, read from the URL and written back to it: the URL is its only store. A
 * change of filter or sort starts again at the first page.
 */
export function useListParams() {
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
      setSearchParams(serializeListParams(next), { replace: options.replace ?? false });
    },
    [params, setSearchParams],
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
