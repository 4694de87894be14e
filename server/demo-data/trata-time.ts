/**
 * Trata's timestamp form (microseconds, no zone, UTC), for integer microseconds. It gives the same
 * text as `formatTrataTimestamp` from the contract (a test checks that), without building a Date
 * per message: a million seeded calls format tens of millions of timestamps.
 */
const DAY_US = 86_400_000_000;
const dayPrefixes = new Map<number, string>();
const TWO_DIGITS = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'));
const THREE_DIGITS = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0'));

function dayPrefix(day: number): string {
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    if (dayPrefixes.size > 4096) dayPrefixes.clear();
    prefix = new Date(day * 86_400_000).toISOString().slice(0, 11);
    dayPrefixes.set(day, prefix);
  }
  return prefix;
}

export function formatMicros(epochMicros: number): string {
  const day = Math.floor(epochMicros / DAY_US);
  const inDay = epochMicros - day * DAY_US;
  const seconds = Math.floor(inDay / 1_000_000);
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor(seconds / 60) - hours * 60;
  const micros = inDay - seconds * 1_000_000;
  const millis = Math.floor(micros / 1000);
  const second = seconds - Math.floor(seconds / 60) * 60;
  return `${dayPrefix(day)}${TWO_DIGITS[hours]!}:${TWO_DIGITS[minutes]!}:${TWO_DIGITS[second]!}.${THREE_DIGITS[millis]!}${THREE_DIGITS[micros - millis * 1000]!}`;
}

export function secondsToMicros(seconds: number): number {
  return Math.round(seconds * 1_000_000);
}
