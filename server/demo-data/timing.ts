import type { Random } from './prng';

/**
 * How long a line takes to say: about 150 words a minute (0.4 s a word) plus a short breath at
 * each break between sentences. Generated calls leave every line at least this long before the
 * next one starts, and the recordings are synthesized into exactly these slots.
 */
export const SECONDS_PER_WORD = 0.4;
export const SECONDS_PER_SENTENCE_BREAK = 0.3;
export const MIN_SPEECH_SECONDS = 0.5;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const SPACE = /\s/;

function isSentenceEnd(code: number): boolean {
  // `.`, `!`, `?`, `;` and `:`
  return code === 46 || code === 33 || code === 63 || code === 59 || code === 58;
}

/**
 * A word is a run of non-space characters holding a letter or a digit (so "—" or an emoji alone
 * is not a word); a sentence break is `.`, `!`, `?`, `;` or `:` before a space or the end.
 * One pass over character codes, because the generator times every line it writes.
 */
export function estimateSpeechSeconds(text: string): number {
  let words = 0;
  let ends = 0;
  let wordCounts = false;
  let previous = 32;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    const space =
      code === 32 || (code >= 9 && code <= 13) || (code >= 128 && SPACE.test(text.charAt(i)));
    if (space) {
      if (wordCounts) words++;
      if (isSentenceEnd(previous)) ends++;
      wordCounts = false;
      previous = 32;
      continue;
    }
    if (!wordCounts) {
      wordCounts =
        code < 128
          ? (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122)
          : LETTER_OR_DIGIT.test(String.fromCodePoint(text.codePointAt(i) ?? code));
    }
    previous = code;
  }
  if (wordCounts) words++;
  if (isSentenceEnd(previous)) ends++;
  return Math.max(
    MIN_SPEECH_SECONDS,
    words * SECONDS_PER_WORD + Math.max(0, ends - 1) * SECONDS_PER_SENTENCE_BREAK,
  );
}

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
