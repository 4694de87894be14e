/**
 * Date ranges on the list, in the viewer's time zone: a day starts at local midnight, whatever the
 * offset or a daylight-saving change that week. Ranges are instants, `from` inclusive and `to`
 * exclusive, as the list API takes them. Only Intl does the zone arithmetic (in the contract, which
 * the server's insight buckets share).
 */
import { addDays, calendarDayOf, startOfDay, type CalendarDay } from '@contract';

export { addDays, calendarDayOf, startOfDay, type CalendarDay };

export const DATE_PRESETS = ['today', 'yesterday', 'last-7-days', 'last-30-days'] as const;
export type DatePreset = (typeof DATE_PRESETS)[number];

export const DATE_PRESET_LABELS: Record<DatePreset, string> = {
  today: 'Today',
  yesterday: 'Yesterday',
  'last-7-days': 'Last 7 days',
  'last-30-days': 'Last 30 days',
};

export interface InstantRange {
  /** Epoch milliseconds, inclusive. */
  from: number;
  /** Epoch milliseconds, exclusive. */
  to: number;
}

export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The days from `first` to `last`, both included, as instants. */
export function daysRange(first: CalendarDay, last: CalendarDay, timeZone: string): InstantRange {
  return { from: startOfDay(first, timeZone), to: startOfDay(addDays(last, 1), timeZone) };
}

/** A preset's range, as of `now`. The "last N days" ranges include today. */
export function presetRange(preset: DatePreset, now: number, timeZone: string): InstantRange {
  const today = calendarDayOf(now, timeZone);
  switch (preset) {
    case 'today':
      return daysRange(today, today, timeZone);
    case 'yesterday': {
      const yesterday = addDays(today, -1);
      return daysRange(yesterday, yesterday, timeZone);
    }
    case 'last-7-days':
      return daysRange(addDays(today, -6), today, timeZone);
    case 'last-30-days':
      return daysRange(addDays(today, -29), today, timeZone);
  }
}

/** The preset a range is, as of `now`, or null for any other range. */
export function presetOf(
  range: Partial<InstantRange>,
  now: number,
  timeZone: string,
): DatePreset | null {
  if (range.from === undefined || range.to === undefined) return null;
  return (
    DATE_PRESETS.find((preset) => {
      const candidate = presetRange(preset, now, timeZone);
      return candidate.from === range.from && candidate.to === range.to;
    }) ?? null
  );
}

const DAY_INPUT = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A `YYYY-MM-DD` value (a date input's), or null when it is not a real day. */
export function parseDayInput(value: string): CalendarDay | null {
  const match = DAY_INPUT.exec(value);
  if (!match) return null;
  const day = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  const check = addDays(day, 0);
  return check.year === day.year && check.month === day.month && check.day === day.day ? day : null;
}

export function formatDayInput(day: CalendarDay): string {
  const pad = (value: number, length = 2) => String(value).padStart(length, '0');
  return `${pad(day.year, 4)}-${pad(day.month)}-${pad(day.day)}`;
}

/** The first and last day a range covers in `timeZone` (its end is exclusive). */
export function rangeDays(
  range: Partial<InstantRange>,
  timeZone: string,
): { first: CalendarDay | null; last: CalendarDay | null } {
  return {
    first: range.from === undefined ? null : calendarDayOf(range.from, timeZone),
    last: range.to === undefined ? null : calendarDayOf(range.to - 1, timeZone),
  };
}

/**
 * A range in words for a chip: a preset's name, else its days ("Nov 3 – Nov 9, 2026"), else the
 * instants when it does not fall on day boundaries.
 */
export function describeDateRange(
  range: Partial<InstantRange>,
  now: number,
  timeZone: string,
  locale?: string,
): string {
  const preset = presetOf(range, now, timeZone);
  if (preset) return DATE_PRESET_LABELS[preset];
  const onDayBoundary = (ms: number | undefined) =>
    ms === undefined || startOfDay(calendarDayOf(ms, timeZone), timeZone) === ms;
  const whole = onDayBoundary(range.from) && onDayBoundary(range.to);
  const format = new Intl.DateTimeFormat(locale, {
    timeZone,
    dateStyle: 'medium',
    ...(whole ? {} : { timeStyle: 'short' }),
  });
  const from = range.from === undefined ? null : new Date(range.from);
  // A whole-day range names its last day; a range to an instant names that instant.
  const to = range.to === undefined ? null : new Date(whole ? range.to - 1 : range.to);
  if (from && to) {
    if (whole && format.format(from) === format.format(to)) return format.format(from);
    return format.formatRange(from, to);
  }
  if (from) return `Since ${format.format(from)}`;
  return whole ? `Through ${format.format(to!)}` : `Before ${format.format(to!)}`;
}
