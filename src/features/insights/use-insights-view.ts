import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { viewerTimeZone, type InstantRange } from '@/lib/date-range';
import { DEFAULT_LIST_PARAMS, parseListParams, serializeListParams } from '@/lib/list-params';
import { listHref, type InsightFilters } from './drill-down';
import { windowFromUrl } from './insights-window';

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The page's view from the URL: the window (the list's `from` and `to`) and the list's other
 * filters, the API query for them, and links to the list.
 */
export function useInsightsView() {
  const [search, setSearch] = useSearchParams();
  const [now] = useState(() => Date.now());
  const timeZone = viewerTimeZone();
  const window = windowFromUrl(search, now, timeZone);
  const {
    from: _from,
    to: _to,
    sort_by: _s,
    sort_order: _o,
    skip: _k,
    limit: _l,
    ...filters
  } = parseListParams(search).params;
  const filterKey = serializeListParams({ ...DEFAULT_LIST_PARAMS, ...filters }).toString();
  const stableFilters = useMemo<InsightFilters>(
    () => parseListParamsFilters(filterKey),
    [filterKey],
  );
  const apiQuery = useMemo(() => {
    const query = serializeListParams({
      ...DEFAULT_LIST_PARAMS,
      ...stableFilters,
      from: iso(window.from),
      to: iso(window.to),
    });
    query.set('tz', timeZone);
    return query;
  }, [stableFilters, window.from, window.to, timeZone]);
  const setWindow = (next: InstantRange) => {
    const params = new URLSearchParams(search);
    params.set('from', iso(next.from));
    params.set('to', iso(next.to));
    setSearch(params);
  };
  const href = useCallback(
    (span: { from: string; to: string }, changes: Partial<InsightFilters> = {}) =>
      listHref(stableFilters, span, changes),
    [stableFilters],
  );
  return { window, now, timeZone, filters: stableFilters, apiQuery, setWindow, href };
}

function parseListParamsFilters(key: string): InsightFilters {
  const {
    from: _f,
    to: _t,
    sort_by: _s,
    sort_order: _o,
    skip: _k,
    limit: _l,
    ...filters
  } = parseListParams(new URLSearchParams(key)).params;
  return filters;
}
