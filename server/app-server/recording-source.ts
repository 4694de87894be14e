import { LRUCache } from 'lru-cache';
import { recordingFileName, type Conversation } from '../../contract';
import { isDatabaseUnavailable } from '../store/postgres/pg-errors';
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

type GetConversation = Upstream['getConversation'];

/**
 * Where the locator reads a conversation: the index first (it knows each call's recording even
 * while the API is down), then the API when the index lacks the call or its database cannot be
 * reached, so recordings keep playing through a database outage. Other index errors are raised.
 */
export function indexThenUpstream(
  fromIndex: (id: string) => Promise<Conversation | null>,
  fromUpstream: GetConversation,
): GetConversation {
  return async (id, signal) => {
    const indexed = await fromIndex(id).catch((error: unknown) => {
      if (!isDatabaseUnavailable(error)) throw error;
      return null;
    });
    return indexed ?? fromUpstream(id, signal);
  };
}
