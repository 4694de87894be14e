import { describe, expect, it } from 'vitest';
import { formatClock, formatDuration, formatRelative, MISSING, orMissing } from './format';
import { formatPhone, isPhoneFormattingReady, loadPhoneFormatting } from './phone';

describe('format', () => {
  it('formats clocks and durations', () => {
    expect(formatClock(75.4)).toBe('1:15');
    expect(formatClock(3725)).toBe('1:02:05');
    expect(formatClock(undefined)).toBe(MISSING);
    expect(formatDuration(42)).toBe('42 s');
    expect(formatDuration(75)).toBe('1 min 15 s');
    expect(formatDuration(3725)).toBe('1 h 2 min');
    expect(formatDuration(null)).toBe(MISSING);
  });

  it('formats relative times', () => {
    const now = Date.UTC(2026, 0, 1, 12);
    expect(formatRelative(now - 2 * 3600_000, now, 'en')).toBe('2 hr. ago');
    expect(formatRelative(null, now)).toBe(MISSING);
  });

  it('shows numbers as given until the formatter has loaded, then formats them', async () => {
    expect(isPhoneFormattingReady()).toBe(false);
    expect(formatPhone(' +14155550123 ')).toBe('+14155550123');
    await loadPhoneFormatting();
    expect(isPhoneFormattingReady()).toBe(true);
    expect(formatPhone('+14155550123')).toBe('(415) 555-0123');
    expect(formatPhone('+442071838750')).toBe('+44 20 7183 8750');
    expect(formatPhone('96260-12778')).toBe('96260-12778');
    expect(formatPhone('')).toBe(MISSING);
    expect(orMissing(undefined)).toBe(MISSING);
  });
});
