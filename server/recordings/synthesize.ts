import type { Conversation } from '../../contract';
import { concatBytes, createMp3Stream, encodeMp3, mp3Bytes } from './encode-mp3';
import { CALL_SAMPLE_RATE, callSeconds, renderCall } from './render-call';
import { speak } from './speech-engine';
import { AGENT_VOICE } from './voices';
import { createWorkerPool, type RunOptions } from './worker-pool';

export interface SynthesizeOptions extends RunOptions {
  /** Receives the MP3 in order as it is made, so a player can start long before the end. */
  onChunk?: (bytes: Uint8Array) => void;
}

/** Makes a conversation's recording; resolves with the whole MP3 (all the chunks, joined). */
export type SynthesizeRecording = (
  conversation: Conversation,
  options?: SynthesizeOptions,
) => Promise<Uint8Array>;

/** The size of a conversation's recording, known before it is made (it is CBR). */
export function recordingBytes(conversation: Conversation): number {
  return mp3Bytes(Math.round(callSeconds(conversation) * CALL_SAMPLE_RATE), CALL_SAMPLE_RATE);
}

/** In-process synthesis: what tests and the worker use. */
export async function synthesizeInline(
  conversation: Conversation,
  options: Pick<SynthesizeOptions, 'onChunk'> = {},
): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  const keep = (bytes: Uint8Array) => {
    if (!bytes.length) return;
    parts.push(bytes);
    options.onChunk?.(bytes);
  };
  let encoder: ReturnType<typeof createMp3Stream> | undefined;
  let encoded = 0;
  await renderCall(conversation, (mix, finalUpTo) => {
    encoder ??= createMp3Stream(mix.length, CALL_SAMPLE_RATE);
    keep(encoder.push(mix.subarray(encoded, finalUpTo)));
    encoded = finalUpTo;
  });
  if (encoder) keep(encoder.end());
  return concatBytes(parts);
}

/** Instantiates eSpeak and lets the JIT see the mixer and the encoder once. */
export async function warmUpSynthesis(): Promise<void> {
  await speak('Hello.', AGENT_VOICE);
  encodeMp3(new Int16Array(CALL_SAMPLE_RATE), CALL_SAMPLE_RATE);
}

/**
 * Synthesis on worker threads, so a long call never stalls the API. Two workers by default:
 * background warming ({@link RunOptions.background}) keeps one free, so a call a user opens
 * never queues behind an hour-long warm-up. Both start at once and load eSpeak (about 100 MB
 * each), so no request waits for a worker to boot.
 */
export function createWorkerSynthesizer(options: { workers?: number } = {}): {
  synthesize: SynthesizeRecording;
  close(): Promise<void>;
} {
  const pool = createWorkerPool<Conversation, Uint8Array, Uint8Array>(
    new URL('./synthesis-worker.ts', import.meta.url),
    options.workers ?? 2,
  );
  pool.warm();
  return {
    async synthesize(conversation, { onChunk, ...runOptions } = {}) {
      const parts: Uint8Array[] = [];
      await pool.run(conversation, {
        ...runOptions,
        onProgress(bytes) {
          parts.push(bytes);
          onChunk?.(bytes);
        },
      });
      return concatBytes(parts);
    },
    close: () => pool.close(),
  };
}
