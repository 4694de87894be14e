import { useMemo } from 'react';
import type { MomentMarker } from '@/components/call-review-slot';
import { commentMarkers } from '../markers';
import { useReview } from './use-review';

/** The call's anchored comments as markers for the waveform and the transcript. */
export function useCommentMarkers(callId: string): readonly MomentMarker[] {
  const query = useReview(callId);
  const comments = query.data?.comments;
  return useMemo(() => commentMarkers(comments ?? []), [comments]);
}
