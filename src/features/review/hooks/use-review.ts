import { useQuery } from '@tanstack/react-query';
import { reviewQueryOptions } from '../api/get-review';

export function useReview(callId: string) {
  return useQuery(reviewQueryOptions(callId));
}
