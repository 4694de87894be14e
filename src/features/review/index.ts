import type { CallReviewSlot } from '@/components/call-review-slot';
import { ReviewActionItems } from './components/review-action-items';
import { ReviewPanel } from './components/review-panel';
import { useCommentMarkers } from './hooks/use-comment-markers';

/** The review the app layer plugs into the call page. */
export const CALL_REVIEW: CallReviewSlot = {
  Panel: ReviewPanel,
  ActionItems: ReviewActionItems,
  useMarkers: useCommentMarkers,
};
