import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { bubbleElement } from './bubble-chunks';

function reducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * Brings a bubble into the part of the screen below the sticky player, when it is not there
 * already: into the middle, as the page's own scrolling would.
 */
function scrollPageToBubble(element: HTMLElement, behavior: 'smooth' | 'instant') {
  const rect = element.getBoundingClientRect();
  const player = document.querySelector('section[aria-label="Recording"]')?.getBoundingClientRect();
  const visibleTop = player && player.top <= 1 ? player.bottom : 0;
  if (rect.top >= visibleTop && rect.bottom <= window.innerHeight) return;
  const far = Math.abs(rect.top) > 2 * window.innerHeight;
  element.scrollIntoView({ block: 'center', behavior: far ? 'instant' : behavior });
}

/**
 * Scrolls the transcript (never the page around it, on a desktop) so a bubble sits in its upper third. A long
 * jump is instant, since smooth-scrolling past hundreds of bubbles only delays the reader.
 * `followBubble` is for playback: it waits for the next frame, so measuring the bubble never
 * forces a layout in the middle of a seek, and many changes in one frame scroll once.
 */
export function useAutoscroll(list: RefObject<HTMLDivElement | null>) {
  const scrollToBubble = useCallback(
    (index: number, behavior: 'smooth' | 'instant') => {
      const container = list.current;
      if (!container || index < 0) return;
      const element = bubbleElement(container, index);
      if (!element) return;
      const motion = reducedMotion() ? 'instant' : behavior;
      // Below a desktop's width the transcript is no box of its own: the page scrolls it.
      if (container.scrollHeight <= container.clientHeight) {
        scrollPageToBubble(element, motion);
        return;
      }
      const top = element.offsetTop - container.offsetTop;
      const view = container.clientHeight;
      const fullyVisible =
        top >= container.scrollTop && top + element.offsetHeight <= container.scrollTop + view;
      if (fullyVisible) return;
      const target = Math.max(0, top - view / 3);
      const far = Math.abs(target - container.scrollTop) > 2 * view;
      container.scrollTo({ top: target, behavior: far ? 'instant' : motion });
    },
    [list],
  );

  const pending = useRef<{ frame: number; index: number } | null>(null);
  const followBubble = useCallback(
    (index: number) => {
      if (pending.current) {
        pending.current.index = index;
        return;
      }
      const frame = requestAnimationFrame(() => {
        const target = pending.current?.index ?? index;
        pending.current = null;
        scrollToBubble(target, 'smooth');
      });
      pending.current = { frame, index };
    },
    [scrollToBubble],
  );
  useEffect(
    () => () => {
      if (pending.current) cancelAnimationFrame(pending.current.frame);
      pending.current = null;
    },
    [],
  );

  return { scrollToBubble, followBubble };
}
