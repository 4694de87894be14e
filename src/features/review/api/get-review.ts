import { queryOptions } from '@tanstack/react-query';
import { callReviewSchema, type CallReview } from '@contract';
import { apiRequest } from '@/lib/api-client';
import { reviewKeys } from '@/lib/query-keys';
import { currentReviewerName } from '../reviewer-name-store';
import { reviewerHeaders } from '@/lib/reviewer-name';

/** How often an open call asks for colleagues' changes, while the tab is visible. */
export const REVIEW_POLL_MS = 5_000;

export const reviewPath = (callId: string) => `/api/calls/${encodeURIComponent(callId)}/review`;

export async function fetchReview(
  callId: string,
  reviewer: string | null,
  signal?: AbortSignal,
): Promise<CallReview> {
  const { data } = await apiRequest(reviewPath(callId), {
    signal,
    headers: reviewerHeaders(reviewer),
  });
  return callReviewSchema.parse(data);
}

/**
 * A call's review. The key leaves the reviewer out: the name only tells the server who "me" is,
 * so it is read when the request starts, and the write that follows a new name refetches.
 */
export function reviewQueryOptions(callId: string) {
  return queryOptions({
    queryKey: reviewKeys.detail(callId),
    queryFn: ({ signal }) => fetchReview(callId, currentReviewerName(), signal),
    refetchInterval: REVIEW_POLL_MS,
    // Hidden tabs stop asking; they catch up on focus.
    refetchIntervalInBackground: false,
  });
}
