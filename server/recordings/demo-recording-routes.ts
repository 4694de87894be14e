import type { FastifyInstance } from 'fastify';
import { transcriptReference, type Conversation } from '../../contract';
import { sendWithRange } from '../http/send-range';
import type { FileCache } from './recording-cache';
import { recordingBytes, type SynthesizeRecording } from './synthesize';

export interface DemoRecordingOptions {
  getConversation(id: string): Conversation | null;
  cache: FileCache;
  synthesize: SynthesizeRecording;
}

const NOT_FOUND = { detail: 'Recording not found' };
/** The demo speaks a call's messages; a transcript kept elsewhere leaves it nothing to speak. */
const NO_MESSAGES = {
  detail:
    'No demo recording: this conversation’s transcript is a reference to text stored elsewhere',
};

/**
 * The demo API also stands in for Trata's storage host: `GET /recordings/{id}.mp3` is public,
 * like a storage URL (the app server never sends the Trata token there). A recording is made on
 * its first request and cached; Range, ETag and Cache-Control work as on a real storage host.
 * Its size is known in advance (CBR), so it is sent while it is being made: a player starts
 * within a second or so, and a range not made yet follows as soon as it is.
 */
export function registerDemoRecordingRoutes(
  app: FastifyInstance,
  options: DemoRecordingOptions,
): void {
  app.get<{ Params: { file: string } }>('/recordings/:file', async (request, reply) => {
    const { file } = request.params;
    const conversation = file.endsWith('.mp3') ? options.getConversation(file.slice(0, -4)) : null;
    if (!conversation?.transcriptRecordingUrl) return reply.code(404).send(NOT_FOUND);
    if (transcriptReference(conversation) !== null) return reply.code(404).send(NO_MESSAGES);
    const recording = await options.cache.open(
      conversation.id,
      (write) => options.synthesize(conversation, { onChunk: write }),
      recordingBytes(conversation),
    );
    return sendWithRange(request, reply, {
      ...recording,
      contentType: 'audio/mpeg',
      // The file for an id never changes, so browsers and proxies may keep it for a day.
      cacheControl: 'public, max-age=86400',
    });
  });
}

/**
 * Makes the recordings of the calls a user will open first, one at a time and at background
 * priority, so a call the user opens meanwhile does not wait behind them. Failures are left for
 * the request that needs the file to report.
 */
export async function warmRecordings(
  conversations: readonly Conversation[],
  options: Pick<DemoRecordingOptions, 'cache' | 'synthesize'>,
): Promise<void> {
  for (const conversation of conversations) {
    if (!conversation.transcriptRecordingUrl || transcriptReference(conversation) !== null)
      continue;
    await options.cache
      .get(
        conversation.id,
        (write) => options.synthesize(conversation, { background: true, onChunk: write }),
        recordingBytes(conversation),
      )
      .catch(() => undefined);
  }
}
