import type { Conversation } from '../../contract';
import { concatBytes, createMp3Stream, encodeMp3, mp3Bytes } from './encode-mp3';
import { peaksLayout, PcmPeaks, type PeaksLayout } from './pcm-peaks';
import { CALL_SAMPLE_RATE, callSeconds, renderCall } from './render-call';
import { speak } from './speech-engine';
import { AGENT_VOICE } from './voices';
import { createWorkerPool, type RunOptions } from './worker-pool';

export interface SynthesizeOptions extends RunOptions {
  /** Receives the MP3 in order as it is made, so a player can start long before the end. */
  onChunk?: (bytes: Uint8Array) => void;
  /** Receives the waveform's next min,max pairs, computed from the PCM as it is mixed. */
  onPeaks?: (pairs: Int8Array) => void;
}

/** One step of a synthesis in progress: the next MP3 bytes and the next waveform points. */
export interface SynthesisProgress {
  mp3: Uint8Array;
  peaks: Int8Array;
}

/** Makes a conversation's recording; resolves with the whole MP3 (all the chunks, joined). */
export type SynthesizeRecording = (
  conversation: Conversation,
  options?: SynthesizeOptions,
) => Promise<Uint8Array>;

export function recordingSamples(conversation: Conversation): number {
  return Math.round(callSeconds(conversation) * CALL_SAMPLE_RATE);
}

/** The size of a conversation's recording, known before it is made (it is CBR). */
export function recordingBytes(conversation: Conversation): number {
  return mp3Bytes(recordingSamples(conversation), CALL_SAMPLE_RATE);
}

/** Where a conversation's waveform points fall, known before it is made. */
export function recordingPeaksLayout(conversation: Conversation): PeaksLayout {
  return peaksLayout(recordingSamples(conversation), CALL_SAMPLE_RATE);
}

/** In-process synthesis: what tests and the worker use. */
export async function synthesizeInline(
  conversation: Conversation,
  options: Pick<SynthesizeOptions, 'onChunk' | 'onPeaks'> = {},
): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  const keep = (bytes: Uint8Array) => {
    if (!bytes.length) return;
    parts.push(bytes);
    options.onChunk?.(bytes);
  };
  let encoder: ReturnType<typeof createMp3Stream> | undefined;
  const peaks = new PcmPeaks(recordingPeaksLayout(conversation));
  let encoded = 0;
  await renderCall(conversation, (mix, finalUpTo) => {
    encoder ??= createMp3Stream(mix.length, CALL_SAMPLE_RATE);
    const final = mix.subarray(encoded, finalUpTo);
    const points = peaks.push(final);
    if (points.length) options.onPeaks?.(points);
    keep(encoder.push(final));
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
  const pool = createWorkerPool<Conversation, Uint8Array, SynthesisProgress>(
    new URL('./synthesis-worker.ts', import.meta.url),
    options.workers ?? 2,
  );
  pool.warm();
  return {
    async synthesize(conversation, { onChunk, onPeaks, ...runOptions } = {}) {
      const parts: Uint8Array[] = [];
      await pool.run(conversation, {
        ...runOptions,
        onProgress({ mp3, peaks }) {
          if (mp3.length) {
            parts.push(mp3);
            onChunk?.(mp3);
          }
          if (peaks.length) onPeaks?.(peaks);
        },
      });
      return concatBytes(parts);
    },
    close: () => pool.close(),
  };
}
