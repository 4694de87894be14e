import { describe, expect, it } from 'vitest';
import { normalizeTranscript } from '../transcript/normalize';
import { findMatches, matchKey, matchRegions } from './find-matches';

const bubbles = normalizeTranscript(
  [
    { speaker: 'AI', message: 'Spicy wings or spicy beef?', timestamp: '2026-01-01T00:00:01' },
    { speaker: 'USER', message: 'The wings.', timestamp: '2026-01-01T00:00:05' },
    { speaker: 'USER', message: 'Extra SPICY (please).', timestamp: '2026-01-01T00:00:06' },
  ],
  { timestampStart: '2026-01-01T00:00:00' },
);

describe('findMatches', () => {
  it('lists every occurrence in reading order, by bubble, fragment and occurrence', () => {
    expect(bubbles).toHaveLength(2);
    expect(findMatches(bubbles, 'spicy')).toEqual([
      { bubble: 0, fragment: 0, occurrence: 0 },
      { bubble: 0, fragment: 0, occurrence: 1 },
      { bubble: 1, fragment: 1, occurrence: 0 },
    ]);
  });

  it('treats regex characters literally and ignores a blank query', () => {
    expect(findMatches(bubbles, '(please)')).toEqual([{ bubble: 1, fragment: 1, occurrence: 0 }]);
    expect(findMatches(bubbles, '.*')).toEqual([]);
    expect(findMatches(bubbles, '   ')).toEqual([]);
  });

  it('gives one waveform region per fragment that holds a match', () => {
    const regions = matchRegions(bubbles, findMatches(bubbles, 'spicy'));
    expect(regions).toHaveLength(2);
    expect(regions[0]!.start).toBe(1);
    expect(regions[1]!.start).toBe(6);
    expect(regions.every((region) => region.end > region.start)).toBe(true);
  });

  it('keys a match by fragment and occurrence', () => {
    expect(matchKey({ bubble: 4, fragment: 1, occurrence: 2 })).toBe('1:2');
  });
});
