/** About 150 words a minute: how long a line takes to say, when the data has no end time. */
export function estimateSpeechSeconds(text: string): number {
  const words = text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
  return Math.max(0.5, words * 0.4);
}
