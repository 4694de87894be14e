import { useCallback, useEffect, useRef, useState } from 'react';
import { momentUrl } from './moment-link';
import type { PlaybackClock } from './playback-clock';

const CONFIRMATION_MS = 2000;

/**
 * "Copy link to this moment": copies the page's URL with `?t=` at the clock's second, and says
 * so for two seconds. The timer is cleared on a new copy and when the page goes away.
 */
export function useCopyMoment(clock: PlaybackClock) {
  const [copied, setCopied] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const copy = useCallback(() => {
    void navigator.clipboard
      ?.writeText(momentUrl(window.location.href, clock.get()))
      .then(() => {
        clearTimeout(timer.current);
        setCopied(true);
        timer.current = setTimeout(() => setCopied(false), CONFIRMATION_MS);
      })
      .catch(() => undefined);
  }, [clock]);
  return { copied, copy };
}
