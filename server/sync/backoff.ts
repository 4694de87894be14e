/** The wait before retry number `attempt` (1, 2, …): exponential with full jitter, capped. */
export function backoffDelayMs(
  attempt: number,
  options: { baseMs: number; maxMs: number; retryAfterMs?: number; random?: () => number },
): number {
  const random = options.random ?? Math.random;
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt - 1));
  // Half fixed, half random: retries from many replicas spread out yet never fire at once.
  const delay = ceiling / 2 + random() * (ceiling / 2);
  // A 429's Retry-After is a floor: retrying sooner only earns another 429.
  return Math.max(delay, options.retryAfterMs ?? 0);
}
