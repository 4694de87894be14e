import type { Peaks } from '../../contract';
import { peaksOfMp3 } from './decode-peaks';
import { serveJobs } from '../workers/worker-pool';

/** Decoding an hour of MP3 takes a second or two of CPU: done here, off the event loop. */
serveJobs<Uint8Array, Peaks>(async (mp3) => ({ value: await peaksOfMp3(mp3) }));
