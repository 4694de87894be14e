import type { VoiceSettings } from './speech-engine';

/**
 * The AI receptionist always sounds the same: a female variant, pitched up. eSpeak has no
 * `en-gb` voice; British English is plain `en`.
 */
export const AGENT_VOICE: VoiceSettings = { voice: 'en-us+f3', rate: 170, pitch: 62 };

/** Callers are male variants, pitched down, with accents and pace that differ between calls. */
export const CALLER_VOICES: readonly VoiceSettings[] = [
  { voice: 'en-us+m3', rate: 165, pitch: 30 },
  { voice: 'en+m1', rate: 160, pitch: 25 },
  { voice: 'en-us-nyc+m7', rate: 175, pitch: 35 },
  { voice: 'en-us+m2', rate: 160, pitch: 22 },
  { voice: 'en-gb-x-rp+m4', rate: 165, pitch: 28 },
  { voice: 'en-gb-scotland+m3', rate: 160, pitch: 30 },
];

/** The same caller voice every time for one conversation id (a stable string hash). */
export function callerVoice(conversationId: string): VoiceSettings {
  let hash = 0;
  for (const char of conversationId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return CALLER_VOICES[hash % CALLER_VOICES.length]!;
}

/** The AI speaks as the agent; anyone else (USER, or an unknown speaker) as the caller. */
export function voiceFor(
  speaker: string | null | undefined,
  conversationId: string,
): VoiceSettings {
  return speaker === 'AI' ? AGENT_VOICE : callerVoice(conversationId);
}
