import { describe, expect, it } from 'vitest';
import type { MomentMarker } from '@/components/call-review-slot';
import { markerPercent, markersByBubble } from './moment-markers';

const marker = (id: string, seconds: number): MomentMarker => ({ id, seconds, label: id });

describe('markers beside their bubble', () => {
  const offsets = [0.5, 10, 20, 30];

  it('go to the bubble playing at their moment', () => {
    const groups = markersByBubble(
      [marker('a', 12), marker('b', 10), marker('c', 29.9), marker('d', 45)],
      offsets,
    );
    expect([...groups.keys()].sort()).toEqual([1, 2, 3]);
    expect(groups.get(1)!.map((entry) => entry.id)).toEqual(['a', 'b']);
    expect(groups.get(2)!.map((entry) => entry.id)).toEqual(['c']);
    expect(groups.get(3)!.map((entry) => entry.id)).toEqual(['d']);
  });

  it('before the first words, go to the first bubble', () => {
    expect(markersByBubble([marker('early', 0)], offsets).get(0)).toHaveLength(1);
  });

  it('have no bubble to go to in a call without a transcript', () => {
    expect(markersByBubble([marker('a', 3)], []).size).toBe(0);
  });
});

describe('a marker on the waveform', () => {
  it('sits at its share of the call, inside the waveform', () => {
    expect(markerPercent(30, 120)).toBe(25);
    expect(markerPercent(130, 120)).toBe(100);
    expect(markerPercent(-1, 120)).toBe(0);
    expect(markerPercent(5, 0)).toBe(0);
    expect(markerPercent(5, Number.NaN)).toBe(0);
  });
});
