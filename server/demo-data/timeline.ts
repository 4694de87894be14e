import type { TranscriptMessage } from '../../contract';
import type { Random } from './prng';
import type { Turn } from './scenarios';
import { estimateSpeechSeconds, pauseBefore, type Speaker } from './timing';
import { formatMicros, secondsToMicros } from './trata-time';

/**
 * Lays lines on a call's timeline, in microseconds from the call's start: each line lasts as long
 * as `estimateSpeechSeconds` says, then a pause follows, so no line overlaps the next.
 * A class rather than closures: one is made per call, a million times in a benchmark seed.
 */
export class Timeline {
  readonly messages: TranscriptMessage[] = [];
  private cursorUs = 0;
  private previous: Speaker | undefined;

  constructor(
    private readonly startUs: number,
    private readonly rng: Random,
  ) {}

  say(turns: readonly Turn[]): void {
    const { rng, startUs } = this;
    for (const turn of turns) {
      const pause = this.previous
        ? pauseBefore(this.previous, turn.speaker, rng)
        : rng.between(0.25, 0.45);
      const atUs = startUs + this.cursorUs + secondsToMicros(pause);
      this.messages.push({
        speaker: turn.speaker,
        message: turn.text,
        timestamp: formatMicros(atUs),
        message_id:
          turn.speaker === 'AI' ? `dia.${Math.floor(atUs / 1_000_000)}.${rng.alnum(8)}` : turn.text,
      });
      this.cursorUs = atUs - startUs + secondsToMicros(estimateSpeechSeconds(turn.text));
      this.previous = turn.speaker;
    }
  }

  /** Seconds from the start of the call to the end of the last line. */
  seconds(): number {
    return this.cursorUs / 1_000_000;
  }

  /** The call's length in µs: a few seconds after the last line, and never below the minimum. */
  finish(minimumSeconds: number): number {
    const tailUs = secondsToMicros(this.rng.between(1.5, 5));
    return Math.max(secondsToMicros(minimumSeconds), this.cursorUs + tailUs);
  }
}
