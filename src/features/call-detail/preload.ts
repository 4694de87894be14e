import type { QueryClient } from '@tanstack/react-query';
import { conversationQueryOptions } from '@/lib/conversations-api';
import { peaksQueryOptions, recordingUrl } from './player/peaks-api';
import { preloadAudio } from './player/preloaded-audio';
import { fromLists } from './use-conversation';

/**
 * Starts what the detail page needs while its code is still loading: the call (unless a list
 * already holds it) and, for a call known to have a recording, its waveform peaks and its audio.
 * Kept free of
 * components, so the router can import it without pulling the player into the first load.
 */
export function preloadCall(queryClient: QueryClient, id: string): void {
  const known = fromLists(queryClient, id)?.conversation;
  if (!known) {
    void queryClient.prefetchQuery(conversationQueryOptions(id));
    return;
  }
  if (!known.transcriptRecordingUrl) return;
  void queryClient.prefetchQuery(peaksQueryOptions(id));
  preloadAudio(recordingUrl(id));
}
