import { describe, expect, it } from 'vitest';
import {
  addDays,
  calendarDayOf,
  describeDateRange,
  parseDayInput,
  presetOf,
  presetRange,
  startOfDay,
} from './date-range';

const iso = (ms: number) => new Date(ms).toISOString();

describe('date ranges in the viewer’s zone', () => {
  it('starts a day at local midnight, east and west of UTC', () => {
    expect(iso(startOfDay({ year: 2026, month: 12, day: 2 }, 'UTC'))).toBe(
      '2026-12-02T00:00:00.000Z',
    );
    expect(iso(startOfDay({ year: 2026, month: 12, day: 2 }, 'Asia/Kolkata'))).toBe(
      '2026-12-01T18:30:00.000Z',
    );
    expect(iso(startOfDay({ year: 2026, month: 12, day: 2 }, 'America/Los_Angeles'))).toBe(
      '2026-12-02T08:00:00.000Z',
    );
  });

  it('knows which day an instant falls on in a zone', () => {
    const ms = Date.parse('2026-12-02T03:00:00Z');
    expect(calendarDayOf(ms, 'UTC')).toEqual({ year: 2026, month: 12, day: 2 });
    expect(calendarDayOf(ms, 'America/New_York')).toEqual({ year: 2026, month: 12, day: 1 });
  });

  it('presets follow the viewer’s calendar, today included in the last N days', () => {
    // 01:00 on Dec 2 in New York is still Dec 1 nowhere near: it is 06:00 UTC.
    const now = Date.parse('2026-12-02T06:00:00Z');
    const zone = 'America/New_York';
    const today = presetRange('today', now, zone);
    expect([iso(today.from), iso(today.to)]).toEqual([
      '2026-12-02T05:00:00.000Z',
      '2026-12-03T05:00:00.000Z',
    ]);
    const yesterday = presetRange('yesterday', now, zone);
    expect([iso(yesterday.from), iso(yesterday.to)]).toEqual([
      '2026-12-01T05:00:00.000Z',
      '2026-12-02T05:00:00.000Z',
    ]);
    const week = presetRange('last-7-days', now, zone);
    expect(iso(week.from)).toBe('2026-11-26T05:00:00.000Z');
    expect(iso(week.to)).toBe(iso(today.to));
    expect(iso(presetRange('last-30-days', now, zone).from)).toBe('2026-11-03T05:00:00.000Z');
  });

  it('a range across a daylight-saving change is whole local days, not 24 h multiples', () => {
    // New York left summer time on 2026-11-01: that day has 25 hours.
    const now = Date.parse('2026-11-03T15:00:00Z');
    const week = presetRange('last-7-days', now, 'America/New_York');
    expect(iso(week.from)).toBe('2026-10-28T04:00:00.000Z');
    expect(iso(week.to)).toBe('2026-11-04T05:00:00.000Z');
    expect(week.to - week.from).toBe((7 * 24 + 1) * 3600_000);
  });

  it('recognises a preset again, and only as of the same day', () => {
    const now = Date.parse('2026-12-02T12:00:00Z');
    const range = presetRange('last-7-days', now, 'Europe/Berlin');
    expect(presetOf(range, now, 'Europe/Berlin')).toBe('last-7-days');
    expect(presetOf(range, now + 86_400_000, 'Europe/Berlin')).toBeNull();
    expect(presetOf({ from: range.from }, now, 'Europe/Berlin')).toBeNull();
  });

  it('describes a range in words', () => {
    const now = Date.parse('2026-12-02T12:00:00Z');
    expect(describeDateRange(presetRange('today', now, 'UTC'), now, 'UTC', 'en-US')).toBe('Today');
    const days = {
      from: startOfDay({ year: 2026, month: 11, day: 3 }, 'UTC'),
      to: startOfDay({ year: 2026, month: 11, day: 10 }, 'UTC'),
    };
    // ICU puts thin spaces around the dash.
    expect(describeDateRange(days, now, 'UTC', 'en-US').replace(/\s/g, ' ')).toBe(
      'Nov 3 – 9, 2026',
    );
    expect(describeDateRange({ from: days.from }, now, 'UTC', 'en-US')).toBe('Since Nov 3, 2026');
    expect(describeDateRange({ to: days.to }, now, 'UTC', 'en-US')).toBe('Through Nov 9, 2026');
  });

  it('reads only real days from a date input', () => {
    expect(parseDayInput('2026-02-28')).toEqual({ year: 2026, month: 2, day: 28 });
    expect(parseDayInput('2026-02-30')).toBeNull();
    expect(parseDayInput('26-02-01')).toBeNull();
    expect(addDays({ year: 2026, month: 12, day: 31 }, 1)).toEqual({
      year: 2027,
      month: 1,
      day: 1,
    });
  });
});
