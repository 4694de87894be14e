import type { Conversation, TranscriptMessage } from './conversation';

/**
 * `transcriptText` is the message array, or a string that refers to a transcript stored
 * elsewhere. These read it either way without ever following the reference.
 */
export function transcriptMessages(
  conversation: Pick<Conversation, 'transcriptText'>,
): TranscriptMessage[] {
  return Array.isArray(conversation.transcriptText) ? conversation.transcriptText : [];
}

/** The string a conversation holds in place of its messages, or null when it holds messages. */
export function transcriptReference(
  conversation: Pick<Conversation, 'transcriptText'>,
): string | null {
  return typeof conversation.transcriptText === 'string' ? conversation.transcriptText : null;
}
