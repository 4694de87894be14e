import type { VoiceSettings } from './speech-engine';

/** The receptionist always sounds the same; callers differ from call to call. */
export const AGENT_VOICE: VoiceSettings = { voice: 'en-us+f3', rate: 170, pitch: 62 };

const CALLER_VOICES: readonly VoiceSettings[] = [
  { voice: 'en-us+m3', rate: 165, pitch: 30 },
  { voice: 'en-gb+m1', rate: 160, pitch: 25 },
  { voice: 'en+m7', rate: 170, pitch: 35 },
  { voice: 'en-us+m2', rate: 160, pitch: 20 },
  { voice: 'en-gb-x-rp+m4', rate: 165, pitch: 28 },
];

export function callerVoice(conversationId: string): VoiceSettings {
  let hash = 0;
  for (const char of conversationId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return CALLER_VOICES[hash % CALLER_VOICES.length]!;
}

export function voiceFor(
  speaker: string | null | undefined,
  conversationId: string,
): VoiceSettings {
  return speaker === 'AI' ? AGENT_VOICE : callerVoice(conversationId);
}
