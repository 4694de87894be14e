import { useCallback, type RefObject } from 'react';

/**
 * Scrolls the transcript (never the page around it) so a bubble sits in its upper third. A long
 * jump is instant, since smooth-scrolling past hundreds of bubbles only delays the reader.
 */
export function useAutoscroll(list: RefObject<HTMLOListElement | null>) {
  const scrollToBubble = useCallback(
    (index: number, behavior: 'smooth' | 'instant') => {
      const container = list.current;
      if (!container || index < 0) return;
      const element = container.querySelector<HTMLElement>(`[data-bubble="b${index}"]`);
      if (!element) return;
      const top = element.offsetTop - container.offsetTop;
      const view = container.clientHeight;
      const fullyVisible =
        top >= container.scrollTop && top + element.offsetHeight <= container.scrollTop + view;
      if (fullyVisible) return;
      const target = Math.max(0, top - view / 3);
      const far = Math.abs(target - container.scrollTop) > 2 * view;
      container.scrollTo({ top: target, behavior: far ? 'instant' : behavior });
    },
    [list],
  );
  return { scrollToBubble };
}
