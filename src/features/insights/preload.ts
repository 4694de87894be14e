import type { QueryClient } from '@tanstack/react-query';
import { viewerTimeZone } from '@/lib/date-range';
import { insightsQueryOptions } from './api/get-insights';
import { insightFiltersOf, insightsApiQuery } from './insights-api-query';
import { windowFromUrl } from './insights-window';

/**
 * Starts the Insights request for a URL before the page's code has arrived, so the two load in
 * parallel. Kept free of components (and of the chart library), so it arrives long before the
 * page's code; the page then finds the answer under the same query key.
 */
export function preloadInsights(queryClient: QueryClient, search: URLSearchParams): void {
  const timeZone = viewerTimeZone();
  const window = windowFromUrl(search, Date.now(), timeZone);
  const query = insightsApiQuery(insightFiltersOf(search), window, timeZone);
  // The page reads the same query and shows its error in words.
  queryClient.prefetchQuery(insightsQueryOptions(query)).catch(() => {});
}
