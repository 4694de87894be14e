import type { Random } from './prng';

export {
  estimateSpeechSeconds,
  MIN_SPEECH_SECONDS,
  SECONDS_PER_SENTENCE_BREAK,
  SECONDS_PER_WORD,
} from '../../contract/speech-time';

export type Speaker = 'AI' | 'USER';

/**
 * The silence before a line, from the end of the previous one. The AI usually answers within two
 * seconds and now and then takes far longer (the dashboard flags that); a caller's fragments
 * follow each other quickly.
 */
export function pauseBefore(previous: Speaker, next: Speaker, rng: Random): number {
  if (previous === 'USER' && next === 'AI')
    return rng.chance(0.05) ? rng.between(3, 8) : rng.between(0.6, 2);
  if (previous === 'AI' && next === 'USER') return rng.between(0.4, 1.5);
  if (next === 'USER') return rng.between(0.15, 0.8);
  // The AI speaking twice: it waited for a caller who said nothing.
  return rng.between(2.5, 5);
}
