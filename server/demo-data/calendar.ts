import type { Random } from './prng';

const DAY_MS = 86_400_000;
const HISTORY_DAYS = 90;
/** Room for the longest call plus its analytics delay, so nothing ends after `now`. */
const LATEST_START_BEFORE_NOW_MS = 2 * 3600_000;

/**
 * When a call starts, in epoch milliseconds: any day of the last 90, mostly during US business
 * hours (13:00 to 03:00 UTC), sometimes at night.
 */
export function pickCallStartMs(rng: Random, nowMs: number): number {
  const earliest = nowMs - HISTORY_DAYS * DAY_MS;
  const latest = nowMs - LATEST_START_BEFORE_NOW_MS;
  const dayStart = Math.floor(earliest / DAY_MS) * DAY_MS + rng.int(0, HISTORY_DAYS) * DAY_MS;
  const hourUtc = rng.chance(0.85) ? (13 + rng.int(0, 13)) % 24 : rng.int(0, 23);
  const candidate = dayStart + hourUtc * 3600_000 + Math.floor(rng.next() * 3600_000);
  // Folding the edges back into the window keeps the spread even and the draw count fixed.
  if (candidate < earliest) return candidate + DAY_MS;
  if (candidate > latest) return candidate - 2 * DAY_MS;
  return candidate;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const TIMES = [
  '9 AM',
  '9:30 AM',
  '10 AM',
  '11:15 AM',
  'noon',
  '1:30 PM',
  '2 PM',
  '3:15 PM',
  '4 PM',
  '4:45 PM',
  '6 PM',
  '7:30 PM',
];

/**
 * Month (1–12) and day of the month of a day number (days since 1970-01-01), by Howard Hinnant's
 * civil-from-days: the generator asks for a date on every call and a Date object costs more.
 */
export function civilDate(dayNumber: number): { month: number; day: number } {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  return { month: monthIndex < 10 ? monthIndex + 3 : monthIndex - 9, day };
}

function ordinal(day: number): string {
  if (day % 100 >= 11 && day % 100 <= 13) return `${day}th`;
  return `${day}${['th', 'st', 'nd', 'rd'][day % 10] ?? 'th'}`;
}

export interface Slot {
  /** "tomorrow", "Friday", "Friday the 14th", "March 3rd": as people say it. */
  day: string;
  /** The day after a verb: "tomorrow", "next Friday", "on Friday". */
  onDay: string;
  time: string;
  /** A second free time the same day, for offers of two options. */
  otherTime: string;
}

/** A date shortly after the call, said the way a receptionist would say it. */
export function pickSlot(rng: Random, callStartMs: number): Slot {
  const ahead = rng.int(1, 16);
  const dayNumber = Math.floor(callStartMs / DAY_MS) + ahead;
  const date = civilDate(dayNumber);
  // 1970-01-01, day 0, was a Thursday.
  const weekday = WEEKDAYS[(dayNumber + 4) % 7]!;
  const dated = `${weekday} the ${ordinal(date.day)}`;
  const style = rng.int(0, 3);
  let day: string;
  if (ahead === 1 && style < 2) day = 'tomorrow';
  else if (ahead < 7) day = style === 3 ? dated : weekday;
  else if (style === 0) day = `next ${weekday}`;
  else if (style === 1) day = dated;
  else day = `${MONTHS[date.month - 1]!} ${ordinal(date.day)}`;
  const first = rng.int(0, TIMES.length - 1);
  const second = (first + rng.int(1, 4)) % TIMES.length;
  return {
    day,
    onDay: day === 'tomorrow' || day.startsWith('next ') ? day : `on ${day}`,
    time: TIMES[first]!,
    otherTime: TIMES[second]!,
  };
}
