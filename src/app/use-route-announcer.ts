import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';

/** Long enough for a lazy page and its first request; the announcement is skipped after it. */
const WAIT_MS = 10_000;

/**
 * After the app moves to another page, says the new page's heading in a polite live region and,
 * when the focus was lost with the old page, puts it on that heading. A page that placed the
 * focus itself (a list row on the way back) keeps it. The first page of a visit is left alone:
 * the browser announces the document itself.
 */
export function useRouteAnnouncer(): string {
  const { pathname } = useLocation();
  const [message, setMessage] = useState('');
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const main = document.getElementById('main');
    if (!main) return;
    let done = false;
    const settle = () => {
      const heading = main.querySelector<HTMLElement>('h1');
      if (done || !heading || main.querySelector('[aria-busy="true"], [aria-label="Loading call"]'))
        return;
      done = true;
      observer.disconnect();
      const focused = document.activeElement;
      const lost = !focused || focused === document.body || !focused.isConnected;
      if (lost) {
        if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
        heading.focus({ preventScroll: true });
      }
      setMessage(heading.textContent?.trim() ?? '');
    };
    const observer = new MutationObserver(settle);
    observer.observe(main, { childList: true, subtree: true, attributes: true });
    const timer = window.setTimeout(() => observer.disconnect(), WAIT_MS);
    settle();
    return () => {
      done = true;
      observer.disconnect();
      window.clearTimeout(timer);
    };
  }, [pathname]);
  return message;
}
