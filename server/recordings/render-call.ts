import { parseTrataTimestamp, type Conversation } from '../../contract';
import { speak, SPEECH_SAMPLE_RATE, type VoiceSettings } from './speech-engine';
import { voiceFor } from './voices';

export interface Utterance {
  offsetSeconds: number;
  text: string;
  speaker: string;
}

/**
 * The lines to speak, each at its offset in the call. Exact duplicates are spoken once: they are
 * one utterance that the transcript recorded twice.
 */
export function utterancesOf(conversation: Conversation): Utterance[] {
  const start = parseTrataTimestamp(conversation.timestampStart);
  if (start === null) return [];
  const seen = new Set<string>();
  const utterances: Utterance[] = [];
  for (const message of conversation.transcriptText ?? []) {
    const at = parseTrataTimestamp(message.timestamp);
    const text = message.message?.trim();
    if (at === null || !text) continue;
    const key = `${message.speaker}\u0000${message.timestamp}\u0000${text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    utterances.push({
      offsetSeconds: (at - start) / 1000,
      text,
      speaker: message.speaker ?? 'USER',
    });
  }
  return utterances.sort((a, b) => a.offsetSeconds - b.offsetSeconds);
}

export function callSeconds(conversation: Conversation): number {
  const start = parseTrataTimestamp(conversation.timestampStart);
  const end = parseTrataTimestamp(conversation.timestampEnd);
  return start === null || end === null ? 0 : Math.max(0, (end - start) / 1000);
}

const MAX_SPEEDUP = 1.7;

/**
 * Mixes every utterance into one mono track that lasts exactly the call. A line too long for its
 * slot is said faster; where the data itself overlaps (the seed's example), the voices are mixed.
 */
export async function renderCall(conversation: Conversation): Promise<Int16Array> {
  const total = Math.round(callSeconds(conversation) * SPEECH_SAMPLE_RATE);
  const mix = new Float32Array(total);
  const utterances = utterancesOf(conversation);
  for (const [index, utterance] of utterances.entries()) {
    const next = utterances[index + 1]?.offsetSeconds ?? callSeconds(conversation);
    const slot = Math.max(0.2, next - utterance.offsetSeconds);
    const voice = voiceFor(utterance.speaker, conversation.id);
    const samples = await speakToFit(utterance.text, voice, slot);
    const at = Math.round(Math.max(0, utterance.offsetSeconds) * SPEECH_SAMPLE_RATE);
    for (let i = 0; i < samples.length && at + i < total; i++) mix[at + i]! += samples[i]!;
  }
  const out = new Int16Array(total);
  for (let i = 0; i < total; i++) out[i] = Math.max(-32768, Math.min(32767, Math.round(mix[i]!)));
  return out;
}

async function speakToFit(
  text: string,
  voice: VoiceSettings,
  slotSeconds: number,
): Promise<Int16Array> {
  const first = await speak(text, voice);
  const seconds = first.length / SPEECH_SAMPLE_RATE;
  if (seconds <= slotSeconds) return first;
  const speedup = Math.min(MAX_SPEEDUP, (seconds / slotSeconds) * 1.05);
  return speak(text, { ...voice, rate: Math.min(450, Math.round(voice.rate * speedup)) });
}
