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
