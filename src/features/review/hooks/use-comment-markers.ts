import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { CallReview } from '@contract';
import type { MomentMarker } from '@/components/call-review-slot';
import { reviewQueryOptions } from '../api/get-review';
import { commentMarkers } from '../markers';

const NO_COMMENTS: CallReview['comments'] = [];
const selectComments = (review: CallReview) => review.comments;

/**
 * The call's anchored comments as markers for the waveform and the transcript. Only the
 * comments are selected from the review: the call page that calls this hook re-renders when
 * they change, not on every rating or status, which must show at once.
 */
export function useCommentMarkers(callId: string): readonly MomentMarker[] {
  const { data: comments = NO_COMMENTS } = useQuery({
    ...reviewQueryOptions(callId),
    select: selectComments,
  });
  return useMemo(() => commentMarkers(comments), [comments]);
}
