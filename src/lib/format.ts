import { createBoundedCache } from './bounded-cache';

/** Shown wherever a value is missing, never "undefined" or "null". */
export const MISSING = '—';

/** 75.4 → "1:15"; 3725 → "1:02:05". */
export function formatClock(totalSeconds: number | null | undefined): string {
  if (totalSeconds == null || !Number.isFinite(totalSeconds)) return MISSING;
  const whole = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const seconds = String(whole % 60).padStart(2, '0');
  return hours > 0
    ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}`
    : `${minutes}:${seconds}`;
}

/**
 * A length of time in whole seconds, rounded to the nearest: the one rule for every display of
 * a duration, so "2 min 21 s" in a header and "2:21" in the player are the same call. (A clock
 * position is floored instead: 140.9 s into a call is still 2:20.)
 */
export function wholeSeconds(seconds: number): number {
  return Math.round(seconds);
}

/** A duration as a clock, rounded as `formatDuration` rounds it: 140.9 → "2:21", 3599.6 → "1:00:00". */
export function formatDurationClock(totalSeconds: number | null | undefined): string {
  if (totalSeconds == null || !Number.isFinite(totalSeconds)) return MISSING;
  return formatClock(wholeSeconds(totalSeconds));
}

/** 75 → "1 min 15 s"; 42 → "42 s"; 3725 → "1 h 2 min". */
export function formatDuration(totalSeconds: number | null | undefined): string {
  if (totalSeconds == null || !Number.isFinite(totalSeconds) || totalSeconds < 0) return MISSING;
  const whole = wholeSeconds(totalSeconds);
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const seconds = whole % 60;
  if (hours > 0) return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
  if (minutes > 0) return seconds > 0 ? `${minutes} min ${seconds} s` : `${minutes} min`;
  return `${seconds} s`;
}

/** Spoken form for screen readers: "1 minute 15 seconds". */
export function formatDurationInWords(totalSeconds: number): string {
  const whole = Math.max(0, wholeSeconds(totalSeconds));
  const parts: string[] = [];
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const seconds = whole % 60;
  if (hours) parts.push(`${hours} ${hours === 1 ? 'hour' : 'hours'}`);
  if (minutes) parts.push(`${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`);
  if (seconds || parts.length === 0)
    parts.push(`${seconds} ${seconds === 1 ? 'second' : 'seconds'}`);
  return parts.join(' ');
}

const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

// Building an Intl formatter costs about a millisecond; a page of rows would pay it per cell.
const relativeFormats = createBoundedCache<string, Intl.RelativeTimeFormat>(8);
const relativeFormat = (locale: string | undefined) =>
  relativeFormats.getOrCreate(
    locale ?? '',
    () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' }),
  );

/** "2 hours ago", in the browser's language. */
export function formatRelative(
  epochMs: number | null,
  now: number = Date.now(),
  locale?: string,
): string {
  if (epochMs === null) return MISSING;
  const deltaSeconds = (epochMs - now) / 1000;
  const format = relativeFormat(locale);
  for (const [unit, size] of RELATIVE_UNITS) {
    if (Math.abs(deltaSeconds) >= size || unit === 'second') {
      return format.format(Math.round(deltaSeconds / size), unit);
    }
  }
  return MISSING;
}

const dateTimeFormats = createBoundedCache<string, Intl.DateTimeFormat>(8);

/**
 * "Nov 11, 2024, 5:06 AM": the date and the minute, in the viewer's time zone unless `timeZone`
 * says otherwise. One formatter per locale and zone serves every row.
 */
export function formatDateTime(epochMs: number | null, locale?: string, timeZone?: string): string {
  if (epochMs === null) return MISSING;
  return dateTimeFormats
    .getOrCreate(
      `${locale ?? ''}|${timeZone ?? ''}`,
      () =>
        new Intl.DateTimeFormat(locale, {
          dateStyle: 'medium',
          timeStyle: 'short',
          ...(timeZone ? { timeZone } : {}),
        }),
    )
    .format(epochMs);
}

/** The short name of the viewer's time zone ("UTC", "GMT+1", "PST"), for a column header. */
export function viewerTimeZoneName(locale?: string, timeZone?: string): string {
  const format = dateTimeFormats.getOrCreate(
    `zone|${locale ?? ''}|${timeZone ?? ''}`,
    () =>
      new Intl.DateTimeFormat(locale, {
        timeZoneName: 'short',
        ...(timeZone ? { timeZone } : {}),
      }),
  );
  const parts = format.formatToParts(Date.now());
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? '';
}

/** Local date and time with the zone, e.g. "Nov 11, 2024, 5:06:20 AM GMT+1". */
export function formatExactTime(
  epochMs: number | null,
  locale?: string,
  timeZone?: string,
): string {
  if (epochMs === null) return MISSING;
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'long',
    ...(timeZone ? { timeZone } : {}),
  }).format(epochMs);
}

/** Display text for an optional string field. */
export function orMissing(value: string | null | undefined): string {
  return value == null || value.trim() === '' ? MISSING : value;
}
