import type { Bubble } from './transcript-turns';
import { estimateSpeechSeconds } from './speech-time';

export interface LatencySegment {
  from: number;
  to: number;
  seconds: number;
  long: boolean;
}

/** Callers hang up on an assistant that takes this long to answer. */
export const LONG_LATENCY_SECONDS = 3;

/**
 * The AI's response time: from the (estimated) end of each caller turn to the AI's answer.
 * The data has no end times, so a turn ends when its last fragment would have been said.
 */
export function responseLatencies(bubbles: readonly Bubble[]): LatencySegment[] {
  const segments: LatencySegment[] = [];
  for (let i = 1; i < bubbles.length; i++) {
    const caller = bubbles[i - 1]!;
    const answer = bubbles[i]!;
    if (caller.speaker !== 'USER' || answer.speaker !== 'AI') continue;
    const last = caller.fragments.at(-1)!;
    const from = last.offset + estimateSpeechSeconds(last.text);
    const seconds = answer.offset - from;
    if (seconds <= 0) continue;
    segments.push({ from, to: answer.offset, seconds, long: seconds > LONG_LATENCY_SECONDS });
  }
  return segments;
}
