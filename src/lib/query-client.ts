import { QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-client';

/** Where a page goes when its dashboard session ends: the sign-in page, then back here. */
export function signInUrl(location: Pick<Location, 'pathname' | 'search'>): string {
  return `/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`;
}

export function createQueryClient(
  onSessionEnded: () => void = () => window.location.assign(signInUrl(window.location)),
): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (error instanceof ApiError && error.kind === 'session') onSessionEnded();
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // A 4xx will not fix itself; a network failure or a 5xx may.
        retry: (failureCount, error) =>
          failureCount < 2 &&
          !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      },
    },
  });
}
