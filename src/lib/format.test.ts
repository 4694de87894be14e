import { describe, expect, it } from 'vitest';
import {
  formatClock,
  formatDateTime,
  formatDuration,
  formatRelative,
  MISSING,
  orMissing,
  viewerTimeZoneName,
} from './format';
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

  it('formats the absolute date and time in the given time zone', () => {
    const epoch = Date.UTC(2024, 10, 11, 5, 6, 21);
    expect(formatDateTime(epoch, 'en-US', 'UTC')).toBe('Nov 11, 2024, 5:06 AM');
    expect(formatDateTime(epoch, 'en-US', 'America/Denver')).toBe('Nov 10, 2024, 10:06 PM');
    expect(formatDateTime(null)).toBe(MISSING);
    expect(viewerTimeZoneName('en-US', 'UTC')).toBe('UTC');
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
