import type { QueryClient } from '@tanstack/react-query';
import { conversationQueryOptions } from '@/lib/conversations-api';
import { peaksQueryOptions, recordingUrl } from './player/peaks-api';
import { preloadAudio } from './player/preloaded-audio';
import { findListRow, fromLists } from './use-conversation';

/**
 * Starts what the detail page needs before it renders: the call (unless a list already holds
 * it) and, for a call known to have a recording, its waveform peaks and its audio. Kept free of
 * components, so the router can import it without pulling the player into the first load.
 */
export function preloadCall(queryClient: QueryClient, id: string): void {
  const row = findListRow(queryClient, id);
  if (!row) {
    void queryClient.prefetchQuery(conversationQueryOptions(id));
    return;
  }
  if (row.item.transcriptRecordingUrl) {
    void queryClient.prefetchQuery(peaksQueryOptions(id));
    preloadAudio(recordingUrl(id));
  }
  // The transcript is checked while the audio and peaks are on their way, not as the page renders.
  fromLists(queryClient, id);
}
