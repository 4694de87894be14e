/**
 * `?t=` → where to start: seconds ("65", "12.5") or a clock ("1:05", "1:02:03", "75:30").
 * Anything else (negative, not a number, a minute or second field past 59) starts at 0.
 */
export function parseStartAt(value: string | null): number {
  const text = value?.trim() ?? '';
  if (/^\d+(\.\d+)?$/.test(text)) return finiteOrZero(Number(text));
  const clock = /^(?:(\d+):([0-5]\d):|(\d+):)([0-5]\d(?:\.\d+)?)$/.exec(text);
  if (!clock) return 0;
  const [, hours = '0', minutesAfterHours, minutesAlone, seconds = '0'] = clock;
  const minutes = minutesAfterHours ?? minutesAlone ?? '0';
  return finiteOrZero(Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds));
}

function finiteOrZero(seconds: number): number {
  return Number.isFinite(seconds) ? seconds : 0;
}

/** The page's URL with `t` set to this whole second, keeping every other parameter. */
export function momentUrl(href: string, seconds: number): string {
  const url = new URL(href);
  url.searchParams.set('t', String(Math.max(0, Math.floor(seconds))));
  return url.toString();
}
