import { offsetAt } from '../../contract';

const HOUR_MS = 3_600_000;
/** Years `toISOString` writes with four digits, as the Intl format does. */
const FIRST_PLAIN = Date.UTC(1000, 0, 1);
const END_PLAIN = Date.UTC(10000, 0, 1) - 14 * HOUR_MS;

/**
 * `format(ms)` of `localTimeFormat(timeZone)` (`2026-12-02 14:05:09`), without asking Intl for
 * every row: Intl's format costs several microseconds, a cached offset a lookup. The offset is
 * taken once per UTC hour and used when the hour's first and last second agree on it; an hour
 * that holds an offset change (or a year past four digits) is formatted by Intl itself.
 */
export function localTimeText(
  timeZone: string,
  local: Intl.DateTimeFormat,
): (ms: number) => string {
  const offsets = new Map<number, number | null>();
  return (ms) => {
    if (ms < FIRST_PLAIN || ms >= END_PLAIN) return local.format(ms);
    const hour = Math.floor(ms / HOUR_MS);
    let offset = offsets.get(hour);
    if (offset === undefined) {
      const first = offsetAt(hour * HOUR_MS, timeZone);
      offset = first === offsetAt(hour * HOUR_MS + HOUR_MS - 1000, timeZone) ? first : null;
      // Bounded: a walk in time order reuses a few hours at a time.
      if (offsets.size > 50_000) offsets.clear();
      offsets.set(hour, offset);
    }
    if (offset === null) return local.format(ms);
    const iso = new Date(ms + offset).toISOString();
    return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
  };
}
