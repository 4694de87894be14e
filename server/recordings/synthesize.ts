import type { Conversation } from '../../contract';
import { concatBytes, createMp3Stream, encodeMp3, mp3Bytes } from './encode-mp3';
import { peaksLayout, PcmPeaks, type PeaksLayout } from './pcm-peaks';
import { CALL_SAMPLE_RATE, callSeconds, renderCallStream, type StopSignal } from './render-call';
import { speak } from './speech-engine';
import { AGENT_VOICE } from './voices';
import { createWorkerPool, type RunOptions } from '../workers/worker-pool';

export interface SynthesizeOptions extends RunOptions {
  /** Receives the MP3 in order as it is made, so a player can start long before the end. */
  onChunk?: (bytes: Uint8Array) => void;
  /** Receives the waveform's next min,max pairs, computed from the PCM as it is mixed. */
  onPeaks?: (pairs: Int8Array) => void;
  /** Aborts the synthesis: nobody needs the rest of it. */
  signal?: AbortSignal;
}

/** One step of a synthesis in progress: the next MP3 bytes and the next waveform points. */
export interface SynthesisProgress {
  mp3: Uint8Array;
  peaks: Int8Array;
}

/**
 * Makes a conversation's recording, handing the MP3 over through `onChunk`; resolves when it is
 * all made (what it resolves with is not used: a long call is never joined in memory).
 */
export type SynthesizeRecording = (
  conversation: Conversation,
  options?: SynthesizeOptions,
) => Promise<unknown>;

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

/**
 * Synthesis as a stream: the MP3 and the waveform come out in pieces as the call is rendered,
 * and nothing holds the whole call, in PCM or MP3, whatever its length. What the worker runs.
 */
export async function streamSynthesis(
  conversation: Conversation,
  options: Pick<SynthesizeOptions, 'onChunk' | 'onPeaks'> & { stop?: StopSignal } = {},
): Promise<void> {
  const send = (bytes: Uint8Array) => {
    if (bytes.length) options.onChunk?.(bytes);
  };
  const encoder = createMp3Stream(recordingSamples(conversation), CALL_SAMPLE_RATE);
  const peaks = new PcmPeaks(recordingPeaksLayout(conversation));
  await renderCallStream(
    conversation,
    (samples) => {
      const points = peaks.push(samples);
      if (points.length) options.onPeaks?.(points);
      send(encoder.push(samples));
    },
    options.stop,
  );
  send(encoder.end());
}

/** In-process synthesis of the whole MP3 at once: for tests and short calls. */
export async function synthesizeInline(
  conversation: Conversation,
  options: Pick<SynthesizeOptions, 'onChunk' | 'onPeaks'> = {},
): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  await streamSynthesis(conversation, {
    onPeaks: options.onPeaks,
    onChunk: (bytes) => {
      parts.push(bytes);
      options.onChunk?.(bytes);
    },
  });
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
  const pool = createWorkerPool<Conversation, null, SynthesisProgress>(
    new URL('./synthesis-worker.ts', import.meta.url),
    options.workers ?? 2,
  );
  pool.warm();
  return {
    async synthesize(conversation, { onChunk, onPeaks, ...runOptions } = {}) {
      await pool.run(conversation, {
        ...runOptions,
        onProgress({ mp3, peaks }) {
          if (mp3.length) onChunk?.(mp3);
          if (peaks.length) onPeaks?.(peaks);
        },
      });
    },
    close: () => pool.close(),
  };
}
