import type { CallReviewSlot } from '@/components/call-review-slot';
import { ReviewActionItems } from './components/review-action-items';
import { ReviewPanel } from './components/review-panel';
import { useCommentMarkers } from './hooks/use-comment-markers';
import { useReview } from './hooks/use-review';

function useReviewLoading(callId: string): boolean {
  return useReview(callId).isPending;
}

/** The review the app layer plugs into the call page. */
export const CALL_REVIEW: CallReviewSlot = {
  Panel: ReviewPanel,
  ActionItems: ReviewActionItems,
  useMarkers: useCommentMarkers,
  useLoading: useReviewLoading,
};
