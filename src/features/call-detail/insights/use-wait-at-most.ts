import { useEffect, useState } from 'react';

/**
 * `waiting`, but false once it has lasted `ms`: a part of the page can wait for data that
 * completes it, and shows without it when the data is slow rather than never.
 */
export function useWaitAtMost(waiting: boolean, ms: number): boolean {
  const [expired, setExpired] = useState(false);
  useEffect(() => {
    if (!waiting) return;
    const timer = setTimeout(() => setExpired(true), ms);
    return () => clearTimeout(timer);
  }, [waiting, ms]);
  return waiting && !expired;
}
