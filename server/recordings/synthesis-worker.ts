import type { Conversation } from '../../contract';
import { synthesizeInline, warmUpSynthesis } from './synthesize';
import { serveJobs } from './worker-pool';

/**
 * Synthesis and encoding off the server's event loop: an hour of speech takes a while. The MP3
 * goes back in pieces as it is made. Loading this module already starts eSpeak, so a warmed
 * worker answers its first job at full speed.
 */
const ready = warmUpSynthesis().catch(() => undefined);

serveJobs<Conversation, null, Uint8Array>(async (conversation, progress) => {
  await ready;
  // Copied, not transferred: the pieces are small, and synthesizeInline still joins them.
  await synthesizeInline(conversation, { onChunk: (bytes) => progress(bytes) });
  return { value: null };
});
