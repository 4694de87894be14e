import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { viewerTimeZone, type InstantRange } from '@/lib/date-range';
import { DEFAULT_LIST_PARAMS, serializeListParams } from '@/lib/list-params';
import { listHref, type InsightFilters } from './drill-down';
import { insightFiltersOf, insightsApiQuery } from './insights-api-query';
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
  const filters = insightFiltersOf(search);
  const filterKey = serializeListParams({ ...DEFAULT_LIST_PARAMS, ...filters }).toString();
  const stableFilters = useMemo<InsightFilters>(
    () => insightFiltersOf(new URLSearchParams(filterKey)),
    [filterKey],
  );
  const apiQuery = useMemo(
    () => insightsApiQuery(stableFilters, { from: window.from, to: window.to }, timeZone),
    [stableFilters, window.from, window.to, timeZone],
  );
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
