import {
  parseTrataTimestamp,
  transcriptMessages,
  type Conversation,
  type TranscriptMessage,
} from '../../../contract';
import type { DemoConversation, GeneratedCall } from '../build-conversation';
import { generateCalls, generateConversations, type GenerateOptions } from '../generate';

/** The options the demo-data tests share: the default size, a fixed seed and a fixed `now`. */
export const SAMPLE_OPTIONS: GenerateOptions = {
  count: 2000,
  seed: 99,
  now: new Date('2026-11-20T00:00:00Z'),
  recordingOrigin: 'http://127.0.0.1:8081',
};

export const sampleConversations = (): DemoConversation[] => [
  ...generateConversations(SAMPLE_OPTIONS),
];
export const sampleCalls = (): GeneratedCall[] => [...generateCalls(SAMPLE_OPTIONS)];

export function ms(timestamp: string | null | undefined): number {
  const value = parseTrataTimestamp(timestamp);
  if (value === null) throw new Error(`Not a timestamp: ${String(timestamp)}`);
  return value;
}

export function durationSeconds(conversation: Conversation): number {
  return (ms(conversation.timestampEnd) - ms(conversation.timestampStart)) / 1000;
}

/** Messages in the order they were said, each exact duplicate once. */
export function spokenOrder(conversation: Conversation): TranscriptMessage[] {
  const seen = new Set<string>();
  const unique = transcriptMessages(conversation).filter((message) => {
    const key = JSON.stringify(message);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort((a, b) => ms(a.timestamp) - ms(b.timestamp));
}
