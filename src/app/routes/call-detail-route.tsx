import { ConversationPanelsProvider } from '@/components/conversation-panels';
import { CallerPanel } from '@/features/callers';
import { CallDetailPage } from '@/features/call-detail';

/** What other features add to the call page's side panel. */
const CALL_PANELS = [CallerPanel];

export function Component() {
  return (
    <ConversationPanelsProvider value={CALL_PANELS}>
      <CallDetailPage />
    </ConversationPanelsProvider>
  );
}
