import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateSpeechSeconds } from './speech-time';

/** The rule written the obvious way, to check the fast version against. */
function referenceEstimate(text: string): number {
  const words = text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
  const breaks = (text.match(/[.!?;:](\s|$)/g) ?? []).length;
  return Math.max(0.5, words * 0.4 + Math.max(0, breaks - 1) * 0.3);
}

describe('estimateSpeechSeconds', () => {
  it('gives 0.4 s a word and 0.3 s a sentence break, and at least half a second', () => {
    expect(estimateSpeechSeconds('Hey.')).toBe(0.5);
    expect(estimateSpeechSeconds('What do you actually do?')).toBeCloseTo(2.0);
    expect(estimateSpeechSeconds('Yes. That is right. Go ahead.')).toBeCloseTo(6 * 0.4 + 2 * 0.3);
    expect(estimateSpeechSeconds('96260')).toBe(0.5);
    expect(estimateSpeechSeconds('Thanks! 🙏 — see you')).toBeCloseTo(3 * 0.4);
    expect(estimateSpeechSeconds('שלום, אפשר לדבר בעברית?')).toBeCloseTo(4 * 0.4);
    expect(estimateSpeechSeconds('')).toBe(0.5);
  });

  it('matches the plain rule on any text', () => {
    const text = fc.oneof(
      fc.string({
        unit: fc.constantFrom(
          'a',
          'Z',
          '7',
          ' ',
          '.',
          '!',
          '?',
          ';',
          ':',
          ',',
          '\n',
          '—',
          'é',
          '🙂',
          '\u00a0',
          'ש',
        ),
      }),
      fc.string({ unit: 'grapheme' }),
    );
    fc.assert(
      fc.property(text, (t) => Math.abs(estimateSpeechSeconds(t) - referenceEstimate(t)) < 1e-9),
      { numRuns: 2000 },
    );
  });
});
