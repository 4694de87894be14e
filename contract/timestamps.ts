/**
 * Trata sends ISO 8601 date-times with microseconds and often no zone
 * (`2024-11-11T05:06:21.049339`); the schema shows `Z` forms too. A zoneless time is UTC.
 */
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Milliseconds since the epoch, with sub-millisecond precision kept as a fraction,
 * or null when the text is not an ISO date-time.
 */
export function parseTrataTimestamp(text: string | null | undefined): number | null {
  if (typeof text !== 'string') return null;
  const common = parseCommonForm(text);
  return common !== undefined ? common : parseGeneralForm(text);
}

/** Any ISO date-time: a regular expression, then a Date to reject days that roll over. */
export function parseGeneralForm(text: string): number | null {
  const match = ISO_DATE_TIME.exec(text.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s, fraction = '', zone] = match;
  const whole = Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +s!);
  if (Number.isNaN(whole)) return null;
  const check = new Date(whole);
  if (check.getUTCMonth() !== +mo! - 1 || check.getUTCDate() !== +d!) return null;
  const fractionMs = fraction ? Number(`0.${fraction}`) * 1000 : 0;
  return whole + fractionMs - zoneOffsetMs(zone);
}

const ZERO = 48;
const digitAt = (text: string, at: number) => {
  const code = text.charCodeAt(at) - ZERO;
  return code >= 0 && code <= 9 ? code : -1;
};
const numberAt = (text: string, at: number, length: number) => {
  let value = 0;
  for (let i = at; i < at + length; i++) {
    const digit = digitAt(text, i);
    if (digit < 0) return -1;
    value = value * 10 + digit;
  }
  return value;
};
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const leap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/**
 * The form nearly every timestamp has (`2024-11-11T05:06:21.049339`, maybe with `Z`), read
 * without the regular expression and the date check's Date object: the sync reads several per
 * transcript message. Undefined for anything else (zones, odd years, out-of-range fields),
 * which the general path then reads, so the answers are the same.
 */
function parseCommonForm(text: string): number | undefined {
  const n = text.length;
  if (n < 19 || text[4] !== '-' || text[7] !== '-' || text[13] !== ':' || text[16] !== ':') {
    return undefined;
  }
  const separator = text[10];
  if (separator !== 'T' && separator !== ' ' && separator !== 't') return undefined;
  const year = numberAt(text, 0, 4);
  const month = numberAt(text, 5, 2);
  const day = numberAt(text, 8, 2);
  const hour = numberAt(text, 11, 2);
  const minute = numberAt(text, 14, 2);
  const second = numberAt(text, 17, 2);
  // Years below 100 are read as 19xx by Date.UTC; the general path keeps that quirk.
  if (year < 100 || month < 1 || month > 12 || day < 1 || hour < 0 || minute < 0 || second < 0) {
    return undefined;
  }
  const monthDays = month === 2 && leap(year) ? 29 : DAYS_IN_MONTH[month - 1]!;
  if (day > monthDays || hour * 3600 + minute * 60 + second >= 86_400) return undefined;
  let end = n;
  const last = text[n - 1];
  if (last === 'Z' || last === 'z') end = n - 1;
  let fractionMs = 0;
  if (end > 19) {
    const digits = end - 20;
    if (text[19] !== '.' || digits < 1 || digits > 9) return undefined;
    for (let i = 20; i < end; i++) if (digitAt(text, i) < 0) return undefined;
    fractionMs = Number(`0.${text.slice(20, end)}`) * 1000;
  }
  return Date.UTC(year, month - 1, day, hour, minute, second) + fractionMs;
}

function zoneOffsetMs(zone: string | undefined): number {
  if (!zone || zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))) * 60_000;
}

export function isTrataTimestamp(text: string): boolean {
  return parseTrataTimestamp(text) !== null;
}

/** Formats epoch milliseconds the way Trata does: microseconds, no zone, UTC. */
export function formatTrataTimestamp(epochMs: number): string {
  const whole = Math.floor(epochMs);
  const micros = Math.round((epochMs - whole) * 1000);
  const iso = new Date(whole).toISOString(); // 2024-11-11T05:06:21.049Z
  const millis = iso.slice(20, 23);
  return `${iso.slice(0, 19)}.${millis}${String(micros).padStart(3, '0')}`;
}

/** Seconds between two Trata timestamps, or null when either is missing or invalid. */
export function secondsBetween(
  start: string | null | undefined,
  end: string | null | undefined,
): number | null {
  const a = parseTrataTimestamp(start);
  const b = parseTrataTimestamp(end);
  if (a === null || b === null) return null;
  return (b - a) / 1000;
}
