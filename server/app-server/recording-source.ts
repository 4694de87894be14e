import { LRUCache } from 'lru-cache';
import { recordingFileName } from '../../contract';
import type { Upstream } from './upstream';

export type FetchRecording = (
  url: string,
  init: { headers: Record<string, string>; signal: AbortSignal },
) => Promise<Response>;

/** Where a call's recording lives, and what a download of it is called. */
export interface RecordingLocation {
  url: string;
  /** The download's name for a file of this extension; `recording.<extension>` without it. */
  fileName?(extension: string): string;
}

/**
 * Where a call's recording lives, looked up on the server from the conversation itself: the
 * browser never supplies a URL. Lookups are remembered briefly, since a media element asks for
 * many ranges of one file.
 */
export function createRecordingLocator(
  upstream: Pick<Upstream, 'getConversation'>,
  ttlMs = 5 * 60_000,
  maxEntries = 1_000,
) {
  const remembered = new LRUCache<string, { location: RecordingLocation | null }>({
    max: maxEntries,
    ttl: ttlMs,
  });
  return async (id: string, signal: AbortSignal): Promise<RecordingLocation | null> => {
    const hit = remembered.get(id);
    if (hit) return hit.location;
    const conversation = await upstream.getConversation(id, signal);
    const url = conversation?.transcriptRecordingUrl;
    const location =
      conversation && url
        ? { url, fileName: (extension: string) => recordingFileName(conversation, extension) }
        : null;
    remembered.set(id, { location });
    return location;
  };
}
