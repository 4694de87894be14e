import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { civilDate, pickCallStartMs, pickSlot } from './calendar';
import { createRandom } from './prng';

describe('calendar', () => {
  it('finds the month and day of any day number as Date does', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (dayNumber) => {
        const date = new Date(dayNumber * 86_400_000);
        const civil = civilDate(dayNumber);
        return civil.month === date.getUTCMonth() + 1 && civil.day === date.getUTCDate();
      }),
      { numRuns: 5000 },
    );
  });

  it('starts calls within the 90 days before now, ending before now, mostly in US hours', () => {
    const rng = createRandom(1);
    const now = Date.UTC(2026, 10, 20, 9, 30);
    const starts = Array.from({ length: 5000 }, () => pickCallStartMs(rng, now));
    expect(Math.min(...starts)).toBeGreaterThanOrEqual(now - 90 * 86_400_000);
    expect(Math.max(...starts)).toBeLessThanOrEqual(now - 2 * 3_600_000);
    const usHours = starts.filter((s) => {
      const hour = new Date(s).getUTCHours();
      return hour >= 13 || hour <= 2;
    });
    expect(usHours.length / starts.length).toBeGreaterThan(0.85);
  });

  it('names a later day the way people say it, with a matching weekday', () => {
    const rng = createRandom(2);
    const start = Date.UTC(2026, 10, 20, 15); // a Friday
    const days = new Set(Array.from({ length: 400 }, () => pickSlot(rng, start).day));
    expect(days).toContain('tomorrow');
    expect(days).toContain('Saturday');
    expect(days).toContain('next Friday');
    expect(days).toContain('Friday the 27th');
    expect(days).toContain('December 1st');
    expect(
      [...days].filter((d) => /Monday the (?!23rd|30th)|Tuesday the (?!24th|1st)/.test(d)),
    ).toEqual([]);
    const slot = pickSlot(rng, start);
    expect(slot.onDay === slot.day || slot.onDay === `on ${slot.day}`).toBe(true);
    expect(slot.otherTime).not.toBe(slot.time);
  });
});
