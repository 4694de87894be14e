import type { QueryClient } from '@tanstack/react-query';
import { conversationQueryOptions } from '@/lib/conversations-api';
import { peaksQueryOptions, recordingUrl } from './player/peaks-api';
import { preloadAudio } from './player/preloaded-audio';

/**
 * Starts what the detail page needs before it renders: the call and, once it is known to have a
 * recording, its waveform peaks and its audio. Kept free of components, so the router can import
 * it without pulling the player into the first load.
 */
export function preloadCall(queryClient: QueryClient, id: string): void {
  queryClient.fetchQuery(conversationQueryOptions(id)).then(
    (call) => {
      if (!call.transcriptRecordingUrl) return;
      void queryClient.prefetchQuery(peaksQueryOptions(id));
      preloadAudio(recordingUrl(id));
    },
    // The page reads the same query and shows its error in words.
    () => {},
  );
}
