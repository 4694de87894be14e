/** `?t=SECONDS` → where to start; anything else (negative, not a number) starts at 0. */
export function parseStartAt(value: string | null): number {
  if (value === null || !/^\s*\d+(\.\d+)?\s*$/.test(value)) return 0;
  const seconds = Number(value);
  return Number.isFinite(seconds) ? seconds : 0;
}

/** The page's URL with `t` set to this whole second, keeping every other parameter. */
export function momentUrl(href: string, seconds: number): string {
  const url = new URL(href);
  url.searchParams.set('t', String(Math.max(0, Math.floor(seconds))));
  return url.toString();
}
