import type { InstantRange } from '@/lib/date-range';
import { DEFAULT_LIST_PARAMS, parseListParams, serializeListParams } from '@/lib/list-params';
import type { InsightFilters } from './drill-down';

const iso = (ms: number) => new Date(ms).toISOString();

/** The list's filters in a URL, without its window, sort and page. */
export function insightFiltersOf(search: URLSearchParams): InsightFilters {
  const {
    from: _f,
    to: _t,
    sort_by: _s,
    sort_order: _o,
    skip: _k,
    limit: _l,
    ...filters
  } = parseListParams(search).params;
  return filters;
}

/** `/api/insights`'s query for the filters over the window, in the viewer's zone. */
export function insightsApiQuery(
  filters: InsightFilters,
  window: InstantRange,
  timeZone: string,
): URLSearchParams {
  const query = serializeListParams({
    ...DEFAULT_LIST_PARAMS,
    ...filters,
    from: iso(window.from),
    to: iso(window.to),
  });
  query.set('tz', timeZone);
  return query;
}
