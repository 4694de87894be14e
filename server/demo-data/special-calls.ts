import type { Conversation } from '../../contract';

/**
 * A few conversations with fixed ids and positions, so tests and demos can open them directly:
 * the seed's own example, an XSS payload, no recording, an empty transcript and an hour-long call.
 */
export const SPECIAL_IDS = {
  seed: 'con.1731301581.SEEDHARI',
  xss: 'con.1700000001.XSSNAME1',
  noRecording: 'con.1700000002.NORECORD',
  emptyTranscript: 'con.1700000003.EMPTYTXT',
  long: 'con.1700000004.LONGCALL',
} as const;

export const SEED_EXAMPLE_ID = SPECIAL_IDS.seed;
export const XSS_EXAMPLE_ID = SPECIAL_IDS.xss;
export const NO_RECORDING_EXAMPLE_ID = SPECIAL_IDS.noRecording;
export const EMPTY_TRANSCRIPT_EXAMPLE_ID = SPECIAL_IDS.emptyTranscript;
export const LONG_CALL_EXAMPLE_ID = SPECIAL_IDS.long;

export const XSS_PAYLOAD = '<img src=x onerror=alert(1)>';

export type SpecialKind = Exclude<keyof typeof SPECIAL_IDS, 'seed'>;

const POSITIONS: Record<number, SpecialKind> = {
  1: 'xss',
  2: 'noRecording',
  3: 'emptyTranscript',
  4: 'long',
};

export function specialKindAt(index: number): SpecialKind | undefined {
  return POSITIONS[index];
}

export function applySpecial(conversation: Conversation, kind: SpecialKind): void {
  switch (kind) {
    case 'xss': {
      if (conversation.conversationAnalytics)
        conversation.conversationAnalytics.name_of_caller = XSS_PAYLOAD;
      const first = conversation.transcriptText?.find((message) => message.speaker === 'USER');
      if (first) {
        first.message = `${XSS_PAYLOAD} ${first.message ?? ''}`;
        first.message_id = first.message;
      }
      break;
    }
    case 'noRecording':
      conversation.transcriptRecordingUrl = null;
      break;
    case 'emptyTranscript':
      conversation.transcriptText = [];
      break;
    case 'long':
      break;
  }
}
