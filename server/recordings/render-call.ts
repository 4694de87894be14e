import {
  estimateSpeechSeconds,
  parseTrataTimestamp,
  transcriptMessages,
  type Conversation,
} from '../../contract';
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

/** The longest any one line is spoken: no receptionist's line lasts ten minutes. */
const MAX_LINE_SECONDS = 10 * 60;

/** eSpeak stays intelligible to about twice its normal rate; longer lines simply overrun. */
const MAX_SPEEDUP = 2.2;
const MAX_WORDS_PER_MINUTE = 450;

/** Something that may ask a long rendering to stop: an AbortSignal, or a flag shared with a thread. */
export interface StopSignal {
  readonly aborted: boolean;
}

/** Rendering stopped because nobody needs the rest. */
export class RenderStopped extends Error {
  constructor() {
    super('rendering stopped: nobody needs the rest of this recording');
  }
}

/**
 * Speaks every utterance into one mono track at {@link CALL_SAMPLE_RATE} that lasts exactly the
 * call, each line starting at its offset and silence in between. The samples are handed to
 * `onSamples` in order, in pieces of at most {@link MixWindow.PIECE} samples, as soon as no later
 * line can change them: memory holds the lines being mixed, never the whole call, whatever its
 * length. `stop` is checked between lines and between pieces.
 */
export async function renderCallStream(
  conversation: Conversation,
  onSamples: (samples: Int16Array) => void,
  stop?: StopSignal,
): Promise<void> {
  const seconds = callSeconds(conversation);
  const total = Math.round(seconds * CALL_SAMPLE_RATE);
  const window = new MixWindow(total, onSamples, stop);
  const sampleAt = (offset: number) =>
    Math.min(total, Math.max(0, Math.round(offset * CALL_SAMPLE_RATE)));
  const utterances = utterancesOf(conversation).filter((u) => u.offsetSeconds < seconds);
  window.finalize(sampleAt(utterances[0]?.offsetSeconds ?? seconds));
  for (const [index, utterance] of utterances.entries()) {
    if (stop?.aborted) throw new RenderStopped();
    const next = utterances[index + 1]?.offsetSeconds ?? seconds;
    const voice = voiceFor(utterance.speaker, conversation.id);
    // No line outlasts the call, nor MAX_LINE_SECONDS: memory per line stays bounded.
    const longest = Math.min(MAX_LINE_SECONDS, seconds - utterance.offsetSeconds);
    const budget = Math.min(speechBudgetSeconds(utterance, next), longest);
    const speech = await speakWithin(utterance.text, voice, budget, longest);
    window.mix(halveSampleRate(speech), Math.round(utterance.offsetSeconds * CALL_SAMPLE_RATE));
    window.finalize(sampleAt(next));
  }
  window.finalize(total);
}

/** The whole call in one array: for tests and short calls only. */
export async function renderCall(conversation: Conversation): Promise<Int16Array> {
  const mix = new Int16Array(Math.round(callSeconds(conversation) * CALL_SAMPLE_RATE));
  let at = 0;
  await renderCallStream(conversation, (samples) => {
    mix.set(samples, at);
    at += samples.length;
  });
  return mix;
}

/**
 * The part of the call still being mixed: from the first sample a line may still change to the
 * end of the last line mixed in. Everything before it has been handed on and let go.
 */
class MixWindow {
  static readonly PIECE = 1 << 16;
  private static readonly SILENCE = new Int16Array(MixWindow.PIECE);
  /** The call's sample index of `buffer[0]`. */
  private base = 0;
  private buffer = new Int16Array(0);

  constructor(
    private readonly total: number,
    private readonly emit: (samples: Int16Array) => void,
    private readonly stop: StopSignal | undefined,
  ) {}

  mix(speech: Float32Array, at: number): void {
    const end = Math.min(this.total, at + speech.length);
    if (end <= Math.max(at, this.base)) return;
    if (end - this.base > this.buffer.length) {
      const grown = new Int16Array(end - this.base);
      grown.set(this.buffer);
      this.buffer = grown;
    }
    mixInto(this.buffer.subarray(0, end - this.base), speech, at - this.base);
  }

  /** Hands on every sample before `upTo`: no line mixed later reaches back before it. */
  finalize(upTo: number): void {
    while (this.base < upTo) {
      if (this.stop?.aborted) throw new RenderStopped();
      const count = Math.min(MixWindow.PIECE, upTo - this.base);
      const held = Math.min(count, this.buffer.length);
      this.emit(held ? this.buffer.subarray(0, held) : MixWindow.SILENCE.subarray(0, count));
      this.buffer = this.buffer.slice(held);
      this.base += held || count;
    }
  }
}

async function speakWithin(
  text: string,
  voice: VoiceSettings,
  budgetSeconds: number,
  longestSeconds: number,
): Promise<Int16Array> {
  const maxSamples = Math.ceil(longestSeconds * SPEECH_SAMPLE_RATE);
  // Past this length the line gets the highest speed-up anyway: no need to hear the rest.
  const enough = Math.min(
    maxSamples,
    Math.ceil(budgetSeconds * MAX_SPEEDUP * SPEECH_SAMPLE_RATE) + 1,
  );
  const natural = await speak(text, voice, enough);
  // A line cut at `enough` comes out at about the highest speed-up, as the whole would.
  const speedup = natural.length / SPEECH_SAMPLE_RATE / budgetSeconds;
  if (speedup <= 1) return natural;
  const rate = Math.round(voice.rate * Math.min(MAX_SPEEDUP, speedup * 1.04));
  return speak(text, { ...voice, rate: Math.min(MAX_WORDS_PER_MINUTE, rate) }, maxSamples);
}

/**
 * The loudest sample the mix holds, about 0.9 dB below full scale: MP3 encoding overshoots sharp
 * peaks by a few percent, and a decoded sample past full scale is clipped by the player (the
 * seed call's overlapping lines decoded to 1.03 with the ceiling at full scale).
 */
export const MIX_CEILING = 29_500;
/** Above this level voices are bent towards the ceiling instead of wrapping or clipping. */
const KNEE = 22_000;
const HEADROOM = MIX_CEILING - KNEE;

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
