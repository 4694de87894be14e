/**
 * Calendar arithmetic in a named time zone, done by Intl alone: a day starts at local midnight,
 * whatever the offset or a daylight-saving change that day. The dashboard's date ranges and the
 * server's insight buckets both count days this way.
 */

/** A calendar day: month 1–12. */
export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

const partsFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let format = partsFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partsFormats.set(timeZone, format);
  }
  return format;
}

/** Is `timeZone` a zone Intl knows (an IANA name such as `Europe/Paris`, or `UTC`)? */
export function isTimeZone(timeZone: string): boolean {
  if (timeZone.length === 0 || timeZone.length > 64 || !/^[A-Za-z0-9_+\-/]+$/.test(timeZone))
    return false;
  try {
    partsFormat(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock time at `ms` in `timeZone`, read back as if it were UTC. */
function wallClockAsUtc(ms: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of partsFormat(timeZone).formatToParts(ms)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return Date.UTC(
    parts.year!,
    parts.month! - 1,
    parts.day!,
    parts.hour!,
    parts.minute!,
    parts.second!,
  );
}

/** The zone's offset from UTC at `ms`, in milliseconds (east positive). */
export function offsetAt(ms: number, timeZone: string): number {
  return wallClockAsUtc(ms - (ms % 1000), timeZone) - (ms - (ms % 1000));
}

/** The calendar day `ms` falls on in `timeZone`. */
export function calendarDayOf(ms: number, timeZone: string): CalendarDay {
  const wall = new Date(wallClockAsUtc(ms, timeZone));
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
}

/** The day `days` after (or before) `day`, by the calendar. */
export function addDays(day: CalendarDay, days: number): CalendarDay {
  const date = new Date(Date.UTC(day.year, day.month - 1, day.day + days));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** The instant `day` starts in `timeZone` (its local midnight). */
export function startOfDay(day: CalendarDay, timeZone: string): number {
  const asUtc = Date.UTC(day.year, day.month - 1, day.day);
  const guess = asUtc - offsetAt(asUtc, timeZone);
  // The offset at midnight itself may differ from the one at the first guess (a change that day).
  const offset = offsetAt(guess, timeZone);
  return asUtc - offset;
}
