import {
  addDays,
  calendarDayOf,
  DAY_SERIES_MAX_DAYS,
  HOUR_SERIES_MAX_MS,
  offsetAt,
  startOfDay,
  type SeriesUnit,
} from '../../contract';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/**
 * The series' buckets over `[from, to)` in `timeZone`, as ascending instants: `from`, every local
 * hour, midnight or first of the month inside the window, then `to`. Hours when the window is two
 * days or less, days up to `DAY_SERIES_MAX_DAYS`, months beyond; the first and last bucket are
 * partial when the window does not start or end on a boundary.
 */
export function seriesBounds(
  from: number,
  to: number,
  timeZone: string,
): { unit: SeriesUnit; bounds: number[] } {
  const unit: SeriesUnit =
    to - from <= HOUR_SERIES_MAX_MS
      ? 'hour'
      : to - from <= DAY_SERIES_MAX_DAYS * DAY_MS
        ? 'day'
        : 'month';
  const bounds = [from];
  let next = firstBoundaryAfter(from, unit, timeZone);
  while (next < to) {
    bounds.push(next);
    next = firstBoundaryAfter(next, unit, timeZone);
  }
  bounds.push(to);
  return { unit, bounds };
}

function firstBoundaryAfter(ms: number, unit: SeriesUnit, timeZone: string): number {
  if (unit === 'hour') {
    // Local hours start where the wall clock reads :00, which follows the zone's offset.
    const wall = ms + offsetAt(ms, timeZone);
    const next = ms - (((wall % HOUR_MS) + HOUR_MS) % HOUR_MS) + HOUR_MS;
    return next > ms ? next : next + HOUR_MS;
  }
  const day = calendarDayOf(ms, timeZone);
  if (unit === 'day') return startOfDay(addDays(day, 1), timeZone);
  const month =
    day.month === 12 ? { year: day.year + 1, month: 1 } : { ...day, month: day.month + 1 };
  return startOfDay({ year: month.year, month: month.month, day: 1 }, timeZone);
}
