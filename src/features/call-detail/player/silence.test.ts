import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Peaks } from '@contract';
import { savedSeconds, silentSpans, skipTarget, SILENCE_DEFAULTS } from './silence';

/** 8-bit peaks at 10 points a second from one level (0–127) per point. */
function peaksOf(levels: readonly number[]): Peaks {
  return {
    version: 2,
    channels: 1,
    sample_rate: 8000,
    samples_per_pixel: 800,
    bits: 8,
    length: levels.length,
    data: levels.flatMap((level) => [-level, level]),
    duration: levels.length / 10,
  };
}

/** `seconds` of speech (loud) or silence (a hiss), at 10 points a second. */
const speech = (seconds: number, level = 100) => Array<number>(seconds * 10).fill(level);
const quiet = (seconds: number, level = 2) => Array<number>(seconds * 10).fill(level);

describe('silentSpans', () => {
  it('finds pauses of 1.5 s or more, keeping a little at each edge', () => {
    const peaks = peaksOf([
      ...speech(3),
      ...quiet(2),
      ...speech(2),
      ...quiet(1),
      ...speech(2),
      ...quiet(4),
    ]);
    const spans = silentSpans(peaks);
    expect(spans).toHaveLength(2);
    expect(spans[0]!.start).toBeCloseTo(3.25);
    expect(spans[0]!.end).toBeCloseTo(4.75);
    // The 1 s pause is too short; the pause that ends the call runs to its end.
    expect(spans[1]!.start).toBeCloseTo(10.25);
    expect(spans[1]!.end).toBeCloseTo(13.75);
    expect(savedSeconds(spans)).toBeCloseTo(1.5 + 3.5);
  });

  it('judges silence against the call’s own level', () => {
    // A quiet line: its speech is as loud as the other call's hiss is.
    const loud = peaksOf([...speech(3), ...quiet(3, 8), ...speech(3)]);
    const soft = peaksOf([...speech(3, 8), ...quiet(3, 0), ...speech(3, 8)]);
    expect(silentSpans(loud)).toHaveLength(1);
    expect(silentSpans(soft)).toHaveLength(1);
    expect(silentSpans(peaksOf([...speech(3, 8), ...quiet(3, 8)]))).toEqual([]);
  });

  it('leaves a pause that holds one of the AI’s slow answers whole', () => {
    const peaks = peaksOf([...speech(3), ...quiet(4), ...speech(2), ...quiet(3), ...speech(1)]);
    const slowAnswer = { start: 3.4, end: 7 };
    const spans = silentSpans(peaks, [slowAnswer]);
    expect(spans).toHaveLength(1);
    expect(spans[0]!.start).toBeCloseTo(9.25);
  });

  it('finds nothing in a recording that is silent throughout, or empty', () => {
    expect(silentSpans(peaksOf(quiet(10, 0)))).toEqual([]);
    expect(silentSpans(peaksOf([]))).toEqual([]);
  });

  it('gives sorted spans apart from each other, each at least 1 s once its edges are kept', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 1, max: 60 })), { maxLength: 30 }),
        (runs) => {
          const levels = runs.flatMap(([loud, points]) =>
            Array<number>(points).fill(loud ? 90 : 1),
          );
          const spans = silentSpans(peaksOf(levels));
          const { minSeconds, keepSeconds } = SILENCE_DEFAULTS;
          for (const [index, span] of spans.entries()) {
            expect(span.end - span.start).toBeGreaterThanOrEqual(
              minSeconds - 2 * keepSeconds - 1e-9,
            );
            if (index > 0) expect(span.start).toBeGreaterThan(spans[index - 1]!.end);
          }
        },
      ),
    );
  });
});

describe('skipTarget', () => {
  const spans = [
    { start: 2, end: 4 },
    { start: 10, end: 15 },
    { start: 20, end: 21 },
  ];

  it('jumps to the end of the pause playback is in, and nowhere outside one', () => {
    expect(skipTarget(spans, 1.9)).toBeNull();
    expect(skipTarget(spans, 2)).toBe(4);
    expect(skipTarget(spans, 3.99)).toBe(4);
    expect(skipTarget(spans, 4)).toBeNull();
    expect(skipTarget(spans, 12)).toBe(15);
    expect(skipTarget(spans, 20.5)).toBe(21);
    expect(skipTarget(spans, 30)).toBeNull();
    expect(skipTarget([], 3)).toBeNull();
  });

  it('agrees with a look at every span', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 30, noNaN: true }), (time) => {
        const inside = spans.find((span) => time >= span.start && time < span.end);
        expect(skipTarget(spans, time)).toBe(inside ? inside.end : null);
      }),
    );
  });
});
