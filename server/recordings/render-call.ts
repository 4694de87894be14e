import { parseTrataTimestamp, transcriptMessages, type Conversation } from '../../contract';
import { estimateSpeechSeconds } from '../demo-data/generate';
import { halveSampleRate } from './resample';
import { speak, SPEECH_SAMPLE_RATE, type VoiceSettings } from './speech-engine';
import { voiceFor } from './voices';

/** The rate the call is mixed and encoded at: half of eSpeak's, plenty for a phone call. */
export const CALL_SAMPLE_RATE = SPEECH_SAMPLE_RATE / 2;

export interface Utterance {
  offsetSeconds: number;
  text: string;
  speaker: string;
}

/**
 * The lines to speak, each at its offset in the call, in time order (the data is not sorted).
 * Exact duplicates (same id, time and text) are spoken once: they are one utterance the transcript
 * recorded twice, and mixing a voice with itself would only make it louder.
 */
export function utterancesOf(conversation: Conversation): Utterance[] {
  const start = parseTrataTimestamp(conversation.timestampStart);
  if (start === null) return [];
  const seen = new Set<string>();
  const utterances: Utterance[] = [];
  for (const message of transcriptMessages(conversation)) {
    const at = parseTrataTimestamp(message.timestamp);
    const text = message.message?.trim();
    if (at === null || !text) continue;
    const key = [message.message_id, message.speaker, message.timestamp, text].join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);
    utterances.push({ offsetSeconds: (at - start) / 1000, text, speaker: message.speaker ?? '' });
  }
  return utterances.sort((a, b) => a.offsetSeconds - b.offsetSeconds);
}

export function callSeconds(conversation: Conversation): number {
  const start = parseTrataTimestamp(conversation.timestampStart);
  const end = parseTrataTimestamp(conversation.timestampEnd);
  return start === null || end === null ? 0 : Math.max(0, (end - start) / 1000);
}

/**
 * The longest a line may last: what the transcript's timing allows for it (the generator's own
 * estimate, with some slack) and never past the next line, unless the data itself has the next
 * line start before this one could be said; then both are heard at once, as in the seed's data.
 */
export function speechBudgetSeconds(utterance: Utterance, nextOffset: number): number {
  const estimate = estimateSpeechSeconds(utterance.text);
  const allowed = estimate * 1.1 + 0.3;
  const slot = nextOffset - utterance.offsetSeconds;
  return estimate <= slot ? Math.max(0.3, Math.min(allowed, slot)) : allowed;
}

/** eSpeak stays intelligible to about twice its normal rate; longer lines simply overrun. */
const MAX_SPEEDUP = 2.2;
const MAX_WORDS_PER_MINUTE = 450;

/**
 * Called as the rendering advances: samples before `finalUpTo` will not change any more (every
 * line is mixed in at its own offset, in time order), so they can be encoded and sent.
 */
export type OnFinal = (mix: Int16Array, finalUpTo: number) => void;

/**
 * Speaks every utterance into one mono track at {@link CALL_SAMPLE_RATE} that lasts exactly the
 * call, each line starting at its offset and silence in between.
 */
export async function renderCall(
  conversation: Conversation,
  onFinal?: OnFinal,
): Promise<Int16Array> {
  const seconds = callSeconds(conversation);
  const mix = new Int16Array(Math.round(seconds * CALL_SAMPLE_RATE));
  const sampleAt = (offset: number) =>
    Math.min(mix.length, Math.max(0, Math.round(offset * CALL_SAMPLE_RATE)));
  const utterances = utterancesOf(conversation).filter((u) => u.offsetSeconds < seconds);
  onFinal?.(mix, sampleAt(utterances[0]?.offsetSeconds ?? seconds));
  for (const [index, utterance] of utterances.entries()) {
    const next = utterances[index + 1]?.offsetSeconds ?? seconds;
    const voice = voiceFor(utterance.speaker, conversation.id);
    const speech = await speakWithin(utterance.text, voice, speechBudgetSeconds(utterance, next));
    mixInto(mix, halveSampleRate(speech), Math.round(utterance.offsetSeconds * CALL_SAMPLE_RATE));
    onFinal?.(mix, sampleAt(next));
  }
  return mix;
}

async function speakWithin(
  text: string,
  voice: VoiceSettings,
  budgetSeconds: number,
): Promise<Int16Array> {
  const natural = await speak(text, voice);
  const speedup = natural.length / SPEECH_SAMPLE_RATE / budgetSeconds;
  if (speedup <= 1) return natural;
  const rate = Math.round(voice.rate * Math.min(MAX_SPEEDUP, speedup * 1.04));
  return speak(text, { ...voice, rate: Math.min(MAX_WORDS_PER_MINUTE, rate) });
}

/** Above this level overlapping voices are bent towards full scale instead of wrapping or clipping. */
const KNEE = 24_000;
const HEADROOM = 32_767 - KNEE;

/** Adds speech into the mix; where two voices overlap, a soft limiter keeps the sum in range. */
export function mixInto(mix: Int16Array, speech: Float32Array, at: number): void {
  const start = Math.max(0, at);
  const end = Math.min(mix.length, at + speech.length);
  for (let i = start; i < end; i++) {
    const sum = mix[i]! + speech[i - at]!;
    const level = Math.abs(sum);
    mix[i] =
      level <= KNEE
        ? Math.round(sum)
        : Math.sign(sum) * Math.round(KNEE + HEADROOM * Math.tanh((level - KNEE) / HEADROOM));
  }
}
