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
  const remembered = new Map<string, { url: string | null; until: number }>();
  return async (id: string, signal: AbortSignal): Promise<string | null> => {
    const hit = remembered.get(id);
    if (hit && hit.until > Date.now()) return hit.url;
    const conversation = await upstream.getConversation(id, signal);
    const url = conversation?.transcriptRecordingUrl ?? null;
    if (remembered.size >= maxEntries) remembered.delete(remembered.keys().next().value!);
    remembered.set(id, { url, until: Date.now() + ttlMs });
    return url;
  };
}
