import { useEffect, useRef } from 'react';

/** Calls `onRowsShown` once, after the first rows are on screen. */
export function useRowsShownOnce(rowsShown: boolean, onRowsShown: (() => void) | undefined) {
  const reported = useRef(false);
  useEffect(() => {
    if (!rowsShown || reported.current) return;
    reported.current = true;
    onRowsShown?.();
  }, [rowsShown, onRowsShown]);
}
