import { CallReviewSlotProvider } from '@/components/call-review-slot';
import { ConversationPanelsProvider } from '@/components/conversation-panels';
import { CallerPanel } from '@/features/callers';
import { CallDetailPage } from '@/features/call-detail';
import { CALL_REVIEW } from '@/features/review';

/** What other features add to the call page's side panel. */
const CALL_PANELS = [CallerPanel];

export function Component() {
  return (
    <ConversationPanelsProvider value={CALL_PANELS}>
      <CallReviewSlotProvider value={CALL_REVIEW}>
        <CallDetailPage />
      </CallReviewSlotProvider>
    </ConversationPanelsProvider>
  );
}
