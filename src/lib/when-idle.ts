/**
 * Runs `task` when the browser has nothing better to do (or after `timeoutMs` at the latest).
 * Returns a cancel function, so an effect can clean up.
 */
export function whenIdle(task: () => void, timeoutMs = 2_000): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(task, { timeout: timeoutMs });
    return () => window.cancelIdleCallback(handle);
  }
  // Safari has no requestIdleCallback.
  const handle = window.setTimeout(task, Math.min(timeoutMs, 500));
  return () => window.clearTimeout(handle);
}
