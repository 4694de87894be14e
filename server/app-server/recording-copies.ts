import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { LRUCache } from 'lru-cache';
import { createFileCache, type CachedFile } from '../recordings/recording-cache';
import {
  isAcceptableDeclaredType,
  sniffAudioType,
  SNIFF_BYTES,
  type AudioType,
} from '../upstream-fetch/audio-type';
import type { FetchRecording } from './recording-source';
import { cancelBody } from './recording-stream';

export interface RecordingCopy {
  file: CachedFile;
  type: AudioType;
}

export interface RecordingCopiesOptions {
  dir: string;
  fetchRecording: FetchRecording;
  maxBytes: number;
  timeoutMs?: number;
}

/**
 * Copies of the recordings people have played, kept under `DATA_DIR/recording-copies`, so a
 * call played once still plays when its storage host (or the whole upstream) cannot be reached.
 * A copy is made in the background after a play, once per recording, from the same guarded
 * fetch, and only of a whole file that is audio by its first bytes and within the size limit.
 */
export function createRecordingCopies(options: RecordingCopiesOptions) {
  const cache = createFileCache(options.dir, '.audio');
  // A copy that failed is not tried again on every range a media element asks for.
  const failed = new LRUCache<string, true>({ max: 2_000, ttl: 60_000 });
  const keyOf = (url: string) => createHash('sha256').update(url).digest('hex');

  async function download(url: string): Promise<Uint8Array> {
    const response = await options.fetchRecording(url, {
      headers: {},
      signal: AbortSignal.timeout(options.timeoutMs ?? 120_000),
    });
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (
      response.status !== 200 ||
      !isAcceptableDeclaredType(response.headers.get('content-type')) ||
      declared > options.maxBytes
    ) {
      cancelBody(response.body);
      throw new Error(`no copy of ${url}: the host answered ${response.status}`);
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.length > options.maxBytes || !sniffAudioType(bytes.subarray(0, SNIFF_BYTES)))
      throw new Error(`no copy of ${url}: not audio within the limit`);
    return bytes;
  }

  return {
    /** Makes a copy of `url` in the background, unless there is one or one is being made. */
    keep(url: string): void {
      const key = keyOf(url);
      if (failed.has(key)) return;
      cache.get(key, async () => download(url)).catch(() => failed.set(key, true));
    },
    /** The copy of `url` and its type (read again from its first bytes), or null. */
    async find(url: string): Promise<RecordingCopy | null> {
      const file = await cache.peek(keyOf(url));
      if (!file) return null;
      const handle = await open(file.path, 'r').catch(() => null);
      if (!handle) return null;
      try {
        const head = new Uint8Array(SNIFF_BYTES);
        const { bytesRead } = await handle.read(head, 0, SNIFF_BYTES, 0);
        const type = sniffAudioType(head.subarray(0, bytesRead));
        return type ? { file, type } : null;
      } finally {
        await handle.close();
      }
    },
  };
}

export type RecordingCopies = ReturnType<typeof createRecordingCopies>;
