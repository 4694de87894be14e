import {
  addDays,
  calendarDayOf,
  daysRange,
  parseDayInput,
  formatDayInput,
  type InstantRange,
} from '@/lib/date-range';
import { parseInstant } from '@/lib/list-instants';

/** The windows the page offers; every one is whole days in the viewer's zone, today included. */
export const WINDOW_PRESETS = ['today', '7d', '30d', '90d'] as const;
export type WindowPreset = (typeof WINDOW_PRESETS)[number];

export const WINDOW_PRESET_LABELS: Record<WindowPreset, string> = {
  today: 'Today',
  '7d': '7 days',
  '30d': '30 days',
  '90d': '90 days',
};
const PRESET_DAYS: Record<WindowPreset, number> = { today: 1, '7d': 7, '30d': 30, '90d': 90 };

export const DEFAULT_WINDOW: WindowPreset = '7d';

export function presetWindow(preset: WindowPreset, now: number, timeZone: string): InstantRange {
  const today = calendarDayOf(now, timeZone);
  return daysRange(addDays(today, 1 - PRESET_DAYS[preset]), today, timeZone);
}

export function presetOfWindow(
  window: InstantRange,
  now: number,
  timeZone: string,
): WindowPreset | null {
  return (
    WINDOW_PRESETS.find((preset) => {
      const candidate = presetWindow(preset, now, timeZone);
      return candidate.from === window.from && candidate.to === window.to;
    }) ?? null
  );
}

/**
 * The window in the URL (`from` and `to`, as the list reads them), else the default preset. A
 * window that is not one (a bad date, an end before its start) falls back to the default too.
 */
export function windowFromUrl(search: URLSearchParams, now: number, timeZone: string) {
  const from = search.get('from');
  const to = search.get('to');
  const parsed = {
    from: from === null ? null : parseInstant(from, 'start', timeZone),
    to: to === null ? null : parseInstant(to, 'end', timeZone),
  };
  if (parsed.from !== null && parsed.to !== null && parsed.from < parsed.to) {
    return { from: parsed.from, to: parsed.to };
  }
  return presetWindow(DEFAULT_WINDOW, now, timeZone);
}

/** A custom window from two date inputs (`YYYY-MM-DD`, both days included), or null. */
export function customWindow(first: string, last: string, timeZone: string): InstantRange | null {
  const a = parseDayInput(first);
  const b = parseDayInput(last);
  if (!a || !b) return null;
  const range = daysRange(a, b, timeZone);
  return range.from < range.to ? range : null;
}

export function windowDays(window: InstantRange, timeZone: string) {
  return {
    first: formatDayInput(calendarDayOf(window.from, timeZone)),
    last: formatDayInput(calendarDayOf(window.to - 1, timeZone)),
  };
}
