import type { Conversation, TranscriptMessage } from '../../contract';
import type { DemoConversation } from './build-conversation';
import type { Random } from './prng';

/**
 * What real data carries, one kind per messy conversation. `fragments` and `unicode` shape how
 * the caller talks and are applied while the script is written; the rest alter the finished
 * conversation.
 */
export const MESS_KINDS = [
  'fragments',
  'unicode',
  'duplicates',
  'out-of-order',
  'analytics-gaps',
  'null-analytics',
  'empty-transcript',
  'null-recording',
] as const;
export type MessKind = (typeof MESS_KINDS)[number];

/** About one conversation in twenty is messy. */
export const MESSY_SHARE = 0.05;

export function applyMess(conversation: DemoConversation, kind: MessKind, rng: Random): void {
  const messages = conversation.transcriptText ?? [];
  switch (kind) {
    case 'duplicates':
      conversation.transcriptText = withDuplicates(messages, rng);
      break;
    case 'out-of-order':
      conversation.transcriptText = outOfOrder(messages, rng);
      break;
    case 'analytics-gaps':
      conversation.conversationAnalytics = withGaps(conversation, rng);
      break;
    case 'null-analytics':
      conversation.conversationAnalytics = null;
      break;
    case 'empty-transcript':
      conversation.transcriptText = [];
      break;
    case 'null-recording':
      conversation.transcriptRecordingUrl = null;
      break;
    case 'fragments':
    case 'unicode':
      break;
  }
}

/** Exact copies of a few messages, a little later in the list, as in the seed. */
function withDuplicates(messages: TranscriptMessage[], rng: Random): TranscriptMessage[] {
  const out = [...messages];
  const copies = Math.min(messages.length, rng.int(1, 3));
  for (let i = 0; i < copies; i++) {
    const from = rng.int(0, messages.length - 1);
    const to = Math.min(out.length, from + rng.int(1, 3));
    out.splice(to, 0, { ...messages[from]! });
  }
  return out;
}

/** A message or two stored after one that was said later. */
function outOfOrder(messages: TranscriptMessage[], rng: Random): TranscriptMessage[] {
  const out = [...messages];
  if (out.length < 2) return out;
  const first = rng.int(0, out.length - 2);
  swapWithNext(out, first);
  // A second swap at the same place would undo the first.
  const second = rng.int(0, out.length - 2);
  if (second !== first) swapWithNext(out, second);
  return out;
}

function swapWithNext(messages: TranscriptMessage[], at: number): void {
  const earlier = messages[at]!;
  messages[at] = messages[at + 1]!;
  messages[at + 1] = earlier;
}

/** Keys missing altogether, and others present but null. */
function withGaps(conversation: Conversation, rng: Random): Conversation['conversationAnalytics'] {
  const analytics = { ...conversation.conversationAnalytics };
  delete analytics.address_of_caller;
  if (rng.chance(0.5)) delete analytics.action_items;
  analytics.email_address_of_caller = null;
  analytics.sentiment_of_caller = rng.chance(0.5) ? null : analytics.sentiment_of_caller;
  if (rng.chance(0.3)) analytics.prospectStatus = null;
  if (rng.chance(0.3)) delete analytics.is_audio_consent_given;
  return analytics;
}
