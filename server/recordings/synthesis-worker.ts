import type { Conversation } from '../../contract';
import { streamSynthesis, warmUpSynthesis, type SynthesisProgress } from './synthesize';
import { serveJobs } from '../workers/worker-pool';

/**
 * Synthesis and encoding off the server's event loop: an hour of speech takes a while. The MP3
 * goes back in pieces as it is made. Loading this module already starts eSpeak, so a warmed
 * worker answers its first job at full speed.
 */
const ready = warmUpSynthesis().catch(() => undefined);

const NOTHING = new Uint8Array(0);

serveJobs<Conversation, null, SynthesisProgress>(async (conversation, progress, cancel) => {
  await ready;
  // Copied, not transferred: the pieces are small. The waveform's points go out with the audio
  // they describe, so both grow together. `cancel` stops the rendering between pieces.
  let pending: Int8Array = new Int8Array(0);
  await streamSynthesis(conversation, {
    stop: cancel,
    onPeaks: (pairs) => {
      pending = pending.length ? Int8Array.from([...pending, ...pairs]) : pairs;
    },
    onChunk: (bytes) => {
      progress({ mp3: bytes, peaks: pending });
      pending = new Int8Array(0);
    },
  });
  if (pending.length) progress({ mp3: NOTHING, peaks: pending });
  return { value: null };
});
