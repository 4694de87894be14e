import { Worker } from 'node:worker_threads';
import type { Conversation } from '../../contract';
import { encodeMp3 } from './encode-mp3';
import { renderCall } from './render-call';
import { SPEECH_SAMPLE_RATE } from './speech-engine';

export type SynthesizeRecording = (conversation: Conversation) => Promise<Uint8Array>;

/** In-process synthesis: simple, and what tests use. */
export const synthesizeInline: SynthesizeRecording = async (conversation) =>
  encodeMp3(await renderCall(conversation), SPEECH_SAMPLE_RATE);

type Reply = { id: number; mp3?: Uint8Array; error?: string };

/**
 * Synthesis on one worker thread, one job at a time, so a long call never stalls the API. The
 * worker is loaded through tsx, the same way the server itself runs.
 */
export function createWorkerSynthesizer(): {
  synthesize: SynthesizeRecording;
  close(): Promise<void>;
} {
  let worker: Worker | undefined;
  let nextId = 0;
  const pending = new Map<number, { resolve(mp3: Uint8Array): void; reject(error: Error): void }>();

  function start(): Worker {
    const created = new Worker(new URL('./synthesis-worker.mjs', import.meta.url));
    created.unref();
    created.on('message', (reply: Reply) => {
      const job = pending.get(reply.id);
      pending.delete(reply.id);
      if (reply.mp3) job?.resolve(reply.mp3);
      else job?.reject(new Error(reply.error ?? 'synthesis failed'));
    });
    created.on('error', (error) => {
      for (const job of pending.values()) job.reject(error);
      pending.clear();
      worker = undefined;
    });
    return created;
  }

  return {
    synthesize(conversation) {
      worker ??= start();
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker!.postMessage({ id, conversation });
      });
    },
    async close() {
      await worker?.terminate();
      worker = undefined;
    },
  };
}
