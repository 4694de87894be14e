import {
  formatTrataTimestamp,
  parseTrataTimestamp,
  type Conversation,
  type TranscriptMessage,
} from '../../contract';
import type { Random } from './prng';
import { estimateSpeechSeconds } from './timing';

/** What real data carries: one kind of mess per messy conversation. */
export const MESS_KINDS = [
  'fragments',
  'duplicates',
  'out-of-order',
  'analytics-gaps',
  'null-analytics',
  'empty-transcript',
  'null-recording',
  'emoji-and-rtl',
] as const;
export type MessKind = (typeof MESS_KINDS)[number];

export function applyMess(conversation: Conversation, kind: MessKind, rng: Random): void {
  const messages = conversation.transcriptText ?? [];
  switch (kind) {
    case 'fragments':
      conversation.transcriptText = messages.flatMap((message) => splitUserMessage(message));
      break;
    case 'duplicates': {
      const copies = messages.filter(() => rng.chance(0.15)).map((message) => ({ ...message }));
      conversation.transcriptText = [...messages, ...copies];
      break;
    }
    case 'out-of-order':
      for (let i = 1; i < messages.length; i += 3) {
        const a = messages[i - 1]!;
        messages[i - 1] = messages[i]!;
        messages[i] = a;
      }
      break;
    case 'analytics-gaps': {
      const analytics = conversation.conversationAnalytics;
      if (analytics) {
        delete analytics.address_of_caller;
        analytics.email_address_of_caller = null;
        analytics.sentiment_of_caller = rng.chance(0.5) ? null : analytics.sentiment_of_caller;
        if (rng.chance(0.5)) delete analytics.action_items;
      }
      break;
    }
    case 'null-analytics':
      conversation.conversationAnalytics = null;
      break;
    case 'empty-transcript':
      conversation.transcriptText = [];
      conversation.transcriptRecordingUrl = null;
      break;
    case 'null-recording':
      conversation.transcriptRecordingUrl = null;
      break;
    case 'emoji-and-rtl':
      for (const message of messages) {
        if (message.speaker === 'USER' && rng.chance(0.5)) {
          message.message = `${message.message} ${rng.pick(['🙂', '👍', '🎉', '😅'])}`;
          message.message_id = message.message;
        }
      }
      if (conversation.conversationAnalytics) {
        conversation.conversationAnalytics.name_of_caller = rng.pick([
          'سارة خان',
          'דוד לוי',
          'Zoë 🌸 Martin',
        ]);
      }
      break;
  }
}

function splitUserMessage(message: TranscriptMessage): TranscriptMessage[] {
  const text = message.message ?? '';
  const cut = text.indexOf(', ');
  const startMs = parseTrataTimestamp(message.timestamp);
  if (message.speaker !== 'USER' || cut < 0 || startMs === null) return [message];
  const first = text.slice(0, cut + 1);
  const rest = text.slice(cut + 2);
  const laterStamp = formatTrataTimestamp(startMs + estimateSpeechSeconds(first) * 1000);
  return [
    { ...message, message: first, message_id: first },
    { ...message, message: rest, message_id: rest, timestamp: laterStamp },
  ];
}
