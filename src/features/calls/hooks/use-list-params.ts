import { useCallback, useEffect, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import {
  parseListParams,
  serializeListParams,
  withoutFilters,
  type ListParams,
} from '@/lib/list-params';

/** A change to the list's state: a key set to undefined (or an empty list) removes that filter. */
export type ListParamsPatch = { [K in keyof ListParams]?: ListParams[K] | undefined };

/** The state after `patch`: empty values dropped, and a search kept whole or not at all. */
export function applyListPatch(params: ListParams, patch: ListParamsPatch): ListParams {
  const pageOnly = Object.keys(patch).every((key) => key === 'skip');
  const next = { ...params, ...patch, ...(pageOnly ? {} : { skip: patch.skip ?? 0 }) };
  for (const [key, value] of Object.entries(next)) {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
      delete next[key as keyof ListParams];
    }
  }
  if (!next.search_by || !next.search_value) {
    delete next.search_by;
    delete next.search_value;
  }
  return next as ListParams;
}

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
      setSearchParams(serializeListParams(applyListPatch(params, patch)), {
        replace: options.replace ?? false,
      });
    },
    [params, setSearchParams],
  );

  const clearFilters = useCallback(() => {
    setSearchParams(serializeListParams(withoutFilters(params)));
  }, [params, setSearchParams]);

  return { params, update, clearFilters };
}
