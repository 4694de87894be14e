import { queryOptions } from '@tanstack/react-query';
import { prospectSchema, type Prospect } from '@contract';
import { ApiError, apiRequest } from './api-client';
import { prospectKeys } from './query-keys';

/** The caller's record, or null when the API has none (a 404): the history still shows. */
export async function fetchProspect(id: string, signal?: AbortSignal): Promise<Prospect | null> {
  try {
    const { data } = await apiRequest(`/v1/prospects/${encodeURIComponent(id)}`, { signal });
    const parsed = prospectSchema.safeParse(data);
    if (!parsed.success)
      throw new ApiError('upstream', 200, 'The caller record does not match the contract.');
    return parsed.data;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export const prospectQueryOptions = (id: string) =>
  queryOptions({
    queryKey: prospectKeys.detail(id),
    queryFn: ({ signal }) => fetchProspect(id, signal),
  });
