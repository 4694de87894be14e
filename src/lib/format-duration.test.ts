import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDuration, formatDurationClock } from './format';

/** "1:02:03" → 3723. */
function clockSeconds(clock: string): number {
  return clock.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}

describe('a call duration, in the header and in the player', () => {
  it('rounds the same way in both', () => {
    expect(formatDuration(140.9)).toBe('2 min 21 s');
    expect(formatDurationClock(140.9)).toBe('2:21');
    expect(formatDuration(3599.6)).toBe('1 h');
    expect(formatDurationClock(3599.6)).toBe('1:00:00');
    expect(formatDurationClock(140.4)).toBe('2:20');
    expect(formatDurationClock(null)).toBe('—');
  });

  it('always names the same whole second', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 5 * 3600, noNaN: true }), (seconds) => {
        const clock = formatDurationClock(seconds);
        expect(formatDuration(clockSeconds(clock))).toBe(formatDuration(seconds));
      }),
    );
  });
});
