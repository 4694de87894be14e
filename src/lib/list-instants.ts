import { parseTrataTimestamp } from '@contract';
import { addDays, parseDayInput, startOfDay, viewerTimeZone } from './date-range';

/** A zone suffix the ISO forms allow: `Z` or `±hh:mm`. */
const HAS_ZONE = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * An instant from a list URL, in epoch milliseconds, or null. An ISO date-time needs its zone
 * (a link means the same moment for everyone); a bare day is the viewer's day, its start or its
 * end by `edge`.
 */
export function parseInstant(
  value: string,
  edge: 'start' | 'end',
  timeZone = viewerTimeZone(),
): number | null {
  const day = parseDayInput(value);
  if (day) return startOfDay(edge === 'start' ? day : addDays(day, 1), timeZone);
  if (value.length > 64 || !HAS_ZONE.test(value)) return null;
  return parseTrataTimestamp(value);
}
