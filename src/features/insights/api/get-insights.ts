import { insightsSchema, type Insights } from '@contract';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { insightKeys } from '@/lib/query-keys';

export async function getInsights(query: URLSearchParams, signal?: AbortSignal): Promise<Insights> {
  const { data } = await apiRequest(`/api/insights?${query}`, { signal });
  return insightsSchema.parse(data);
}

export const insightsQueryOptions = (query: URLSearchParams) =>
  queryOptions({
    queryKey: insightKeys.window(query.toString()),
    queryFn: ({ signal }) => getInsights(query, signal),
    placeholderData: keepPreviousData,
  });

export function useInsights(query: URLSearchParams) {
  return useQuery(insightsQueryOptions(query));
}
