import { createReadStream } from 'node:fs';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { LRUCache } from 'lru-cache';
import { transcriptReference, type Conversation } from '../../contract';
import { sendWithRange } from '../http/send-range';
import { peaksOfMp3Stream } from './decode-peaks';
import { GrowingPeaks } from './pcm-peaks';
import { DEFAULT_MAX_RECORDING_SECONDS, recordingTooLong } from './recording-limit';
import {
  CacheWriteFailed,
  type CachedBytes,
  type CachedFile,
  type FileCache,
} from './recording-cache';
import {
  recordingBytes,
  recordingPeaksLayout,
  type SynthesizeOptions,
  type SynthesizeRecording,
} from './synthesize';

export interface DemoRecordingOptions {
  getConversation(id: string): Conversation | null;
  cache: FileCache;
  /** Where the waveform of each recording is kept; without it only the audio is served. */
  peaksCache?: FileCache;
  synthesize: SynthesizeRecording;
  /** Calls longer than this get a 422 in words instead of a recording (default 4 h). */
  maxSeconds?: number;
}

const NOT_FOUND = { detail: 'Recording not found' };
/** The demo speaks a call's messages; a transcript kept elsewhere leaves it nothing to speak. */
const NO_MESSAGES = {
  detail:
    'No demo recording: this conversation’s transcript is a reference to text stored elsewhere',
};
const NO_PEAKS = { detail: 'This recording was made before its waveform was kept.' };
const PEAKS_SUFFIX = '.peaks.json';

/**
 * The demo API also stands in for Trata's storage host: `GET /recordings/{id}.mp3` is public,
 * like a storage URL (the app server never sends the Trata token there). A recording is made on
 * its first request and cached; Range, ETag and Cache-Control work as on a real storage host.
 * Its size is known in advance (CBR), so it is sent while it is being made: a player starts
 * within a second or so, and a range not made yet follows as soon as it is.
 *
 * Beside it, `GET /recordings/{id}.peaks.json` is its waveform (audiowaveform JSON), computed
 * from the PCM while the call is synthesized: while it is made the answer holds the points made
 * so far with `complete: false`, so a player draws the waveform as it grows.
 */
export function registerDemoRecordingRoutes(app: FastifyInstance, options: DemoRecordingOptions) {
  const growing = new Map<string, GrowingPeaks>();
  // Waveforms the disk would not keep: small, so they are served from memory meanwhile.
  const unkeptPeaks = new LRUCache<string, string>({ max: 200 });
  const maxSeconds = options.maxSeconds ?? DEFAULT_MAX_RECORDING_SECONDS;

  function make(conversation: Conversation, run: Pick<SynthesizeOptions, 'background'>) {
    return async (write: (chunk: Uint8Array) => void, signal: AbortSignal) => {
      const { id } = conversation;
      const peaks = new GrowingPeaks(recordingPeaksLayout(conversation));
      if (options.peaksCache) growing.set(id, peaks);
      try {
        // The MP3 goes to the cache chunk by chunk; nothing here holds the whole call.
        await options.synthesize(conversation, {
          ...run,
          signal,
          onChunk: write,
          onPeaks: (pairs) => peaks.add(pairs),
        });
        // Kept before the audio is, so a waveform request never finds neither.
        await keepPeaks(id, JSON.stringify(peaks.snapshot()));
      } finally {
        growing.delete(id);
      }
    };
  }

  async function keepPeaks(id: string, json: string): Promise<void> {
    if (!options.peaksCache) return;
    try {
      await options.peaksCache.get(id, async () => new TextEncoder().encode(json));
      unkeptPeaks.delete(id);
    } catch (error) {
      // The cache logged why; the recording itself may still be kept or streamed.
      if (!(error instanceof CacheWriteFailed)) throw error;
      unkeptPeaks.set(id, json);
    }
  }

  const open = (conversation: Conversation): Promise<CachedBytes> =>
    options.cache.open(conversation.id, make(conversation, {}), recordingBytes(conversation));

  async function sendPeaks(conversation: Conversation, reply: FastifyReply) {
    const { peaksCache } = options;
    if (!peaksCache) return reply.code(404).send(NO_PEAKS);
    const json = reply.type('application/json; charset=utf-8');
    const sendGrowing = (peaks: GrowingPeaks) =>
      json.header('cache-control', 'no-store').send(JSON.stringify(peaks.snapshot()));
    const inFlight = growing.get(conversation.id);
    if (inFlight) return sendGrowing(inFlight);
    const unkept = unkeptPeaks.get(conversation.id);
    if (unkept) return json.header('cache-control', 'no-store').send(unkept);
    const kept = await peaksCache.peek(conversation.id);
    if (kept) return sendWithRange(reply.request, reply, fromFile(kept));
    const recording = await options.cache.peek(conversation.id);
    if (recording) {
      // The audio is kept but its waveform is not (lost, damaged): decoded from the audio.
      const remade = await peaksCache.get(conversation.id, async () =>
        new TextEncoder().encode(
          JSON.stringify(await peaksOfMp3Stream(createReadStream(recording.path))),
        ),
      );
      return sendWithRange(reply.request, reply, fromFile(remade));
    }
    // Nothing made yet: the waveform's request starts the synthesis as the audio's would.
    await open(conversation);
    const started = growing.get(conversation.id);
    if (started) return sendGrowing(started);
    const made = await peaksCache.peek(conversation.id);
    return made
      ? sendWithRange(reply.request, reply, fromFile(made))
      : reply.code(404).send(NO_PEAKS);
  }

  app.get<{ Params: { file: string } }>('/recordings/:file', async (request, reply) => {
    const { file } = request.params;
    const isPeaks = file.endsWith(PEAKS_SUFFIX);
    const id = isPeaks ? file.slice(0, -PEAKS_SUFFIX.length) : file.replace(/\.mp3$/, '');
    const conversation = isPeaks || file.endsWith('.mp3') ? options.getConversation(id) : null;
    if (!conversation?.transcriptRecordingUrl) return reply.code(404).send(NOT_FOUND);
    if (transcriptReference(conversation) !== null) return reply.code(404).send(NO_MESSAGES);
    // Before any allocation: the size and the synthesis grow with the call's length.
    const tooLong = recordingTooLong(conversation, maxSeconds);
    if (tooLong) return reply.code(422).send({ detail: tooLong });
    try {
      if (isPeaks) return await sendPeaks(conversation, reply);
      return sendWithRange(request, reply, {
        ...(await open(conversation)),
        contentType: 'audio/mpeg',
        // The file for an id never changes, so browsers and proxies may keep it for a day.
        cacheControl: 'public, max-age=86400',
      });
    } catch (error) {
      // The disk refused this file a moment ago: say so rather than make it again at once.
      if (!(error instanceof CacheWriteFailed)) throw error;
      return reply
        .code(507)
        .header('retry-after', '10')
        .send({ detail: `This recording can't be made now. ${error.message}` });
    }
  });

  return {
    /**
     * Makes the recordings of the calls a user will open first, one at a time and at background
     * priority, so a call the user opens meanwhile does not wait behind them. Failures are left
     * for the request that needs the file to report.
     */
    async warm(conversations: readonly Conversation[]): Promise<void> {
      for (const conversation of conversations) {
        if (
          !conversation.transcriptRecordingUrl ||
          transcriptReference(conversation) !== null ||
          recordingTooLong(conversation, maxSeconds)
        )
          continue;
        await options.cache
          .get(
            conversation.id,
            make(conversation, { background: true }),
            recordingBytes(conversation),
          )
          .catch(() => undefined);
      }
    },
  };
}

function fromFile(file: CachedFile) {
  return {
    size: file.size,
    etag: file.etag,
    contentType: 'application/json; charset=utf-8',
    cacheControl: 'public, max-age=86400',
    stream: (range: { start: number; end: number } | null) =>
      createReadStream(file.path, range ?? {}),
  };
}
