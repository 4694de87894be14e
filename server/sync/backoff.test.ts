import { describe, expect, it } from 'vitest';
import { backoffDelayMs } from './backoff';

describe('backoffDelayMs', () => {
  it('doubles up to the cap, with jitter in the upper half', () => {
    const at = (attempt: number, random: number) =>
      backoffDelayMs(attempt, { baseMs: 1_000, maxMs: 30_000, random: () => random });
    expect([1, 2, 3, 4].map((n) => at(n, 1))).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(at(3, 0)).toBe(2_000);
    expect(at(20, 1)).toBe(30_000);
  });

  it('never retries before a Retry-After', () => {
    expect(backoffDelayMs(1, { baseMs: 1_000, maxMs: 30_000, retryAfterMs: 45_000 })).toBe(45_000);
  });
});
