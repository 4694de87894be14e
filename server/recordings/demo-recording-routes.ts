import type { FastifyInstance } from 'fastify';
import type { Conversation } from '../../contract';
import { sendFileWithRange } from '../http/send-file-range';
import type { FileCache } from './recording-cache';
import type { SynthesizeRecording } from './synthesize';

export interface DemoRecordingOptions {
  getConversation(id: string): Conversation | null;
  cache: FileCache;
  synthesize: SynthesizeRecording;
}

/**
 * The demo API also stands in for Trata's storage host: `GET /recordings/{id}.mp3` is public
 * (like a storage URL), made on first request and cached.
 */
export function registerDemoRecordingRoutes(
  app: FastifyInstance,
  options: DemoRecordingOptions,
): void {
  app.get<{ Params: { file: string } }>('/recordings/:file', async (request, reply) => {
    const { file } = request.params;
    const conversation = file.endsWith('.mp3') ? options.getConversation(file.slice(0, -4)) : null;
    if (!conversation?.transcriptRecordingUrl) {
      return reply.code(404).send({ detail: 'Recording not found' });
    }
    const cached = await options.cache.get(conversation.id, () => options.synthesize(conversation));
    return sendFileWithRange(request, reply, {
      ...cached,
      contentType: 'audio/mpeg',
      cacheControl: 'public, max-age=86400',
    });
  });
}

/** Makes the recordings of the calls a user will open first, one at a time, in the background. */
export async function warmRecordings(
  conversations: readonly Conversation[],
  options: Pick<DemoRecordingOptions, 'cache' | 'synthesize'>,
): Promise<void> {
  for (const conversation of conversations) {
    if (!conversation.transcriptRecordingUrl) continue;
    await options.cache
      .get(conversation.id, () => options.synthesize(conversation))
      .catch(() => undefined);
  }
}
