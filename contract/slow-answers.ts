import type { Conversation } from './conversation';
import { responseLatencies } from './response-latency';
import { transcriptMessages } from './transcript-text';
import { normalizeTranscript } from './transcript-turns';

/**
 * How many times the AI took longer than `LONG_LATENCY_SECONDS` to answer the caller: the marks
 * the call page draws under the waveform, counted once when a call is indexed.
 */
export function countSlowAnswers(
  conversation: Pick<Conversation, 'transcriptText' | 'timestampStart' | 'timestampEnd'>,
): number {
  const bubbles = normalizeTranscript(transcriptMessages(conversation), conversation);
  return responseLatencies(bubbles).filter((segment) => segment.long).length;
}
