import { useEffect, useMemo, useRef } from 'react';

/** Calls `callback` once the input has been quiet for `delayMs`; `flush` calls it at once. */
export function useDebouncedCallback<A extends unknown[]>(
  callback: (...args: A) => void,
  delayMs: number,
) {
  const latest = useRef(callback);
  useEffect(() => {
    latest.current = callback;
  });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pending = useRef<A | null>(null);
  useEffect(() => () => clearTimeout(timer.current), []);
  return useMemo(() => {
    const cancel = () => {
      clearTimeout(timer.current);
      pending.current = null;
    };
    return {
      run: (...args: A) => {
        clearTimeout(timer.current);
        pending.current = args;
        timer.current = setTimeout(() => {
          pending.current = null;
          latest.current(...args);
        }, delayMs);
      },
      cancel,
      /** Runs a pending call now; nothing when none is waiting. */
      flush: () => {
        const args = pending.current;
        cancel();
        if (args) latest.current(...args);
      },
    };
  }, [delayMs]);
}
