import type { DemoConversation } from './build-conversation';
import seedExample from './seed-example.json' with { type: 'json' };
import { SEED_EXAMPLE_ID } from './special-calls';

export function demoRecordingUrl(origin: string, id: string): string {
  return `${origin}/recordings/${id}.mp3`;
}

/**
 * The user's own example, exactly as given (unsorted, with duplicates, its 2024 timestamps), plus
 * an id. Its recording moves to the demo API like every other; the original URL is not kept.
 */
export function seedConversation(recordingOrigin: string): DemoConversation {
  const copy = structuredClone(seedExample);
  return {
    id: SEED_EXAMPLE_ID,
    ...copy,
    transcriptRecordingUrl: demoRecordingUrl(recordingOrigin, SEED_EXAMPLE_ID),
  };
}
