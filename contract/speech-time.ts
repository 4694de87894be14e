/**
 * How long a line takes to say: about 150 words a minute (0.4 s a word) plus a short breath at
 * each break between sentences. One rule for both sides: the demo data leaves every line at least
 * this long before the next one starts, the recordings are synthesized into exactly these slots,
 * and the dashboard uses it where the data has no end time for a line (latency, merging a
 * caller's fragments, the span a search match highlights).
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
