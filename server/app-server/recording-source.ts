import { LRUCache } from 'lru-cache';
import type { Upstream } from './upstream';

export type FetchRecording = (
  url: string,
  init: { headers: Record<string, string>; signal: AbortSignal },
) => Promise<Response>;

/**
 * Where a call's recording lives, looked up on the server from the conversation itself: the
 * browser never supplies a URL. Lookups are remembered briefly, since a media element asks for
 * many ranges of one file.
 */
export function createRecordingLocator(upstream: Upstream, ttlMs = 5 * 60_000, maxEntries = 1_000) {
  // lru-cache keeps no null values, so "no recording" is remembered as an empty string.
  const remembered = new LRUCache<string, string>({ max: maxEntries, ttl: ttlMs });
  return async (id: string, signal: AbortSignal): Promise<string | null> => {
    const hit = remembered.get(id);
    if (hit !== undefined) return hit || null;
    const conversation = await upstream.getConversation(id, signal);
    const url = conversation?.transcriptRecordingUrl ?? null;
    remembered.set(id, url ?? '');
    return url;
  };
}
