import { parseTrataTimestamp } from './timestamps';
import type { TranscriptMessage } from './conversation';
import { estimateSpeechSeconds } from './speech-time';

export type Speaker = 'AI' | 'USER' | 'OTHER';

export interface Fragment {
  text: string;
  /** Seconds from the start of the call, clamped into the call. */
  offset: number;
}

export interface Bubble {
  key: string;
  speaker: Speaker;
  /** The speaker as the data named it, for speakers the app does not know. */
  speakerName: string;
  offset: number;
  fragments: Fragment[];
  text: string;
}

interface Line {
  speaker: string;
  text: string;
  at: number | null;
  order: number;
}

/** Fragments of one speaker closer than this (from the end of one to the start of the next) merge. */
export const MERGE_GAP_SECONDS = 2;

/**
 * Turns Trata's raw transcript into the bubbles a person expects: sorted by time, exact
 * duplicates dropped, a speaker's fragments merged, offsets measured from the call's start and
 * kept inside the call. Missing fields and unknown speakers never throw.
 */
export function normalizeTranscript(
  messages: readonly TranscriptMessage[] | null | undefined,
  call: { timestampStart: string | null | undefined; timestampEnd?: string | null | undefined },
): Bubble[] {
  const start = parseTrataTimestamp(call.timestampStart);
  const end = parseTrataTimestamp(call.timestampEnd);
  const duration = start !== null && end !== null ? Math.max(0, (end - start) / 1000) : Infinity;

  const seen = new Set<string>();
  const lines: Line[] = [];
  for (const [order, message] of (messages ?? []).entries()) {
    if (!message || typeof message !== 'object') continue;
    const key = duplicateKey(message);
    if (seen.has(key)) continue;
    seen.add(key);
    lines.push({
      speaker: typeof message.speaker === 'string' ? message.speaker : '',
      text: typeof message.message === 'string' ? message.message.trim() : '',
      at: parseTrataTimestamp(message.timestamp),
      order,
    });
  }
  // A line without a time keeps its place after the line before it.
  let previousAt = start ?? 0;
  for (const line of lines) {
    if (line.at === null) line.at = previousAt;
    previousAt = line.at;
  }
  lines.sort((a, b) => a.at! - b.at! || a.order - b.order);

  const bubbles: Bubble[] = [];
  for (const line of lines) {
    if (line.text === '') continue;
    const offset = Math.min(duration, Math.max(0, start === null ? 0 : (line.at! - start) / 1000));
    const speaker = toSpeaker(line.speaker);
    const last = bubbles.at(-1);
    const lastFragment = last?.fragments.at(-1);
    if (
      last &&
      lastFragment &&
      last.speakerName === line.speaker &&
      offset - (lastFragment.offset + estimateSpeechSeconds(lastFragment.text)) < MERGE_GAP_SECONDS
    ) {
      last.fragments.push({ text: line.text, offset });
      last.text = `${last.text} ${line.text}`;
      continue;
    }
    bubbles.push({
      key: `b${bubbles.length}`,
      speaker,
      speakerName: line.speaker,
      offset,
      fragments: [{ text: line.text, offset }],
      text: line.text,
    });
  }
  return bubbles;
}

/**
 * Equal for exact duplicates only. Strings are written with their length before them, so no two
 * tuples share a key; anything else (never in valid data) as JSON, in a key space of its own.
 * JSON of every message cost more than the rest of the normalizing in the sync.
 */
function duplicateKey(message: TranscriptMessage): string {
  const parts = [message.speaker, message.message_id, message.timestamp, message.message];
  let key = '';
  for (const part of parts) {
    if (part === null || part === undefined) key += '~';
    else if (typeof part === 'string') key += `${part.length}:${part}`;
    else return `\u0000${JSON.stringify(parts)}`;
  }
  return key;
}

function toSpeaker(value: string): Speaker {
  const upper = value.toUpperCase();
  return upper === 'AI' || upper === 'USER' ? upper : 'OTHER';
}
