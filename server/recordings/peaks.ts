import type { Peaks } from '../../contract';
import { peaksOfMp3 } from './decode-peaks';
import { createWorkerPool, type WorkerPool } from '../workers/worker-pool';

/** About four minutes of 32 kbps audio: decoded in well under 100 ms, not worth a thread hop. */
const INLINE_MAX_BYTES = 1024 * 1024;

let pool: WorkerPool<Uint8Array, Peaks> | undefined;

/**
 * Peaks of an MP3 (see {@link peaksOfMp3}). A long recording is decoded on a worker thread so
 * the app server keeps answering meanwhile; the worker starts with the first call of any size,
 * so it is usually ready by the time a long call is opened.
 */
export function computePeaks(mp3: Uint8Array): Promise<Peaks> {
  pool ??= createWorkerPool<Uint8Array, Peaks>(new URL('./peaks-worker.ts', import.meta.url), 1);
  pool.warm();
  return mp3.length <= INLINE_MAX_BYTES ? peaksOfMp3(mp3) : pool.run(mp3);
}

/** Stops the peaks worker (tests, shutdown); the next long recording starts a new one. */
export async function stopPeaksWorker(): Promise<void> {
  const stopping = pool;
  pool = undefined;
  await stopping?.close();
}
