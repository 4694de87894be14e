import { useEffect, useRef } from 'react';
import { useLocation, useNavigationType } from 'react-router';
import { readReturnToCall } from '@/lib/list-return';
import { openedCallOf } from '../opened-calls';

/**
 * Back from a call, by the browser or by the call's "All calls" link, puts the focus on that
 * call's row, so the keyboard carries on where it was. The scroll is the router's (it restores
 * each list URL's position); the focus does not scroll.
 */
export function useReturnFocus(rowCount: number) {
  const location = useLocation();
  const navigationType = useNavigationType();
  const target =
    readReturnToCall(location.state) ??
    (navigationType === 'POP' ? openedCallOf(location.search) : undefined);
  const done = useRef<string | null>(null);
  useEffect(() => {
    if (!target || rowCount === 0 || done.current === location.key) return;
    const link = document.querySelector<HTMLAnchorElement>(
      `a[data-row-link][href="/calls/${CSS.escape(encodeURIComponent(target))}"]`,
    );
    if (!link) return;
    done.current = location.key;
    link.focus({ preventScroll: true });
  }, [target, rowCount, location.key]);
}
