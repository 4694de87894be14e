import { parentPort } from 'node:worker_threads';
import type { Conversation } from '../../contract';
import { encodeMp3 } from './encode-mp3';
import { renderCall } from './render-call';
import { SPEECH_SAMPLE_RATE } from './speech-engine';

/** Runs synthesis and encoding off the server's event loop: an hour of speech takes a while. */
parentPort?.on('message', async (job: { id: number; conversation: Conversation }) => {
  try {
    const mp3 = encodeMp3(await renderCall(job.conversation), SPEECH_SAMPLE_RATE);
    parentPort!.postMessage({ id: job.id, mp3 }, [mp3.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort!.postMessage({
      id: job.id,
      error: error instanceof Error ? error.message : String(error),
    });
  }
});
