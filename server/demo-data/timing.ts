/**
 * How long a line takes to say: about 150 words a minute (0.4 s a word) plus a short breath at
 * each sentence break. The recordings are synthesized into exactly these slots.
 */
export const SECONDS_PER_WORD = 0.4;
export const SECONDS_PER_SENTENCE_BREAK = 0.3;

export function estimateSpeechSeconds(text: string): number {
  const words = text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
  const breaks = (text.match(/[.!?;:](\s|$)/g) ?? []).length;
  return Math.max(
    0.5,
    words * SECONDS_PER_WORD + Math.max(0, breaks - 1) * SECONDS_PER_SENTENCE_BREAK,
  );
}
